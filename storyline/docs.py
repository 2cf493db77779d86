"""Regenerate the documentation that is generated from code: ``python -m storyline.docs``.

docs/settings.md comes from the settings table; the JSON Schema block at the
end of docs/format.md comes from ``format.schema.json``. Tests check both are
current, so the docs cannot drift from the code.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from storyline.export import schema
from storyline.settings import settings_markdown

FENCE = "```json\n"


def schema_block() -> str:
    """Return the fenced JSON Schema as it appears in docs/format.md."""
    return FENCE + json.dumps(schema(), indent=2) + "\n```\n"


def regenerate(docs: Path) -> None:
    """Rewrite the generated parts of the docs folder."""
    (docs / "settings.md").write_text(settings_markdown(), encoding="utf-8")
    fmt = docs / "format.md"
    prose = fmt.read_text(encoding="utf-8")
    head = prose[: prose.index(FENCE)] if FENCE in prose else prose + "\n"
    fmt.write_text(head + schema_block(), encoding="utf-8")


if __name__ == "__main__":
    regenerate(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))

"""Result tables, rendered as Markdown (``--markdown``) or as aligned plain text."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Table:
    """One section of the report: a heading, a table, and notes printed under it."""

    title: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *cells: str) -> None:
        """Append a row; a short row is padded with blanks."""
        self.rows.append(cells + ("",) * (len(self.columns) - len(cells)))

    def fail(self, what: str, why: str) -> None:
        """Record a measurement that could not be made, in place of its row."""
        self.add(what, f"not measured: {why}")


def markdown(table: Table) -> str:
    """Return the table as a Markdown section."""
    escape = str.maketrans({"|": "\\|", "\n": " "})
    lines = [f"### {table.title}", ""]
    if table.rows:
        lines.append("| " + " | ".join(table.columns) + " |")
        lines.append("|" + "|".join("---" for _ in table.columns) + "|")
        lines += ["| " + " | ".join(c.translate(escape) for c in row) + " |" for row in table.rows]
        lines.append("")
    lines += [f"- {note}" for note in table.notes]
    return "\n".join(lines).rstrip() + "\n"


def plain(table: Table) -> str:
    """Return the table as aligned text for a terminal."""
    widths = [
        max(len(col), *(len(row[i]) for row in table.rows)) if table.rows else len(col)
        for i, col in enumerate(table.columns)
    ]
    lines = [table.title, "=" * len(table.title)]
    if table.rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(table.columns, widths, strict=True)))
        lines.append("  ".join("-" * w for w in widths))
        lines += [
            "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in table.rows
        ]
    lines += [f"* {note}" for note in table.notes]
    return "\n".join(lines) + "\n"


def rate(count: float, seconds: float, unit: str = "") -> str:
    """Return ``count / seconds`` formatted with thousands separators."""
    if seconds <= 0:
        return "n/a"
    value = count / seconds
    return f"{value:,.1f}{unit}" if value < 100 else f"{value:,.0f}{unit}"


def ratio(ours: float, baseline: float) -> str:
    """Return ``ours / baseline`` as ``1.23x``."""
    return f"{ours / baseline:.2f}x" if baseline > 0 else "n/a"

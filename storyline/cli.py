"""The command line: thin verbs that parse, call a plain function, and print.

Errors become one readable line (``--verbose`` shows the traceback). Listing
commands share ``--json`` / ``--csv`` output options from one place.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

import click

from storyline import __version__
from storyline.analyze import Summary, analyze
from storyline.errors import StorylineError
from storyline.export import lines, records
from storyline.render import highlight
from storyline.settings import SETTINGS, Settings
from storyline.store import Store

F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """A group that turns storyline errors into one line and an exit status of 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StorylineError as exc:
            if ctx.obj and ctx.obj.get("verbose"):
                raise
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def output_options(func: F) -> F:
    """Add the shared --json / --csv options of listing commands."""
    func = click.option("--csv", "as_csv", is_flag=True, help="Output CSV.")(func)
    func = click.option("--json", "as_json", is_flag=True, help="Output a JSON list.")(func)
    return func


def emit(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], as_json: bool, as_csv: bool
) -> None:
    """Print rows as JSON, CSV or an aligned table, in that order of precedence."""
    if as_json:
        click.echo(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str))
        return
    if as_csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buffer.getvalue(), nl=False)
        return
    if not rows:
        click.echo("(none)")
        return
    cells = [[str(r.get(c) if r.get(c) is not None else "") for c in columns] for r in rows]
    widths = [min(60, max(len(c), *(len(row[i]) for row in cells))) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in cells:
        click.echo("  ".join(v[:w].ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storyline")
@click.option("--db", default="storyline.db", show_default=True, help="The SQLite store.")
@click.option(
    "--set", "assignments", multiple=True, metavar="NAME=VALUE",
    help="Change a setting (repeatable); `storyline settings` lists them.",
)  # fmt: skip
@click.option("-v", "--verbose", is_flag=True, help="Log details and show tracebacks.")
@click.pass_context
def main(ctx: click.Context, db: str, assignments: tuple[str, ...], verbose: bool) -> None:
    """Turn news articles into sourced stories.

    \b
    Example:
      storyline analyze examples/ && storyline articles
    """
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING)
    ctx.obj = {"db": db, "verbose": verbose, "assignments": assignments}


def _settings(ctx: click.Context) -> Settings:
    return Settings.parse(ctx.obj["assignments"])


def _store(ctx: click.Context) -> Store:
    store = Store(ctx.obj["db"])
    ctx.call_on_close(store.close)
    return store


def _progress_printer(tty: bool) -> Callable[[Summary, str], None]:
    if tty:

        def live(summary: Summary, where: str) -> None:
            line = f"\r{summary.line()} | {where[-40:]}"
            click.echo(line.ljust(110)[:110], nl=False, err=True)

        return live

    def plain(summary: Summary, where: str) -> None:
        click.echo(f"{summary.line()} | {where}", err=True)

    return plain


@main.command(name="analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--published", callback=_date, metavar="DATE",
    help="Publication date (YYYY-MM-DD) for inputs whose metadata gives none.",
)  # fmt: skip
@click.option("--strict", is_flag=True, help="Exit non-zero if any input was skipped.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
@click.pass_context
def analyze_cmd(
    ctx: click.Context, paths: tuple[str, ...], published: date | None, strict: bool, quiet: bool
) -> None:
    """Read, analyze and store articles from files, folders, feeds, WARC, JSON(L) or - (stdin).

    \b
    Example:
      storyline analyze examples/ --published 2025-03-14
    """
    tty = sys.stderr.isatty()
    progress = None if quiet else _progress_printer(tty)
    store, settings = _store(ctx), _settings(ctx)
    summary = analyze(paths, store, settings, published, sys.stdin.buffer, progress)
    if progress is not None and tty:
        click.echo("", err=True)
    click.echo(summary.line())
    if summary.analyzed and settings["link_after_analyze"]:
        from storyline.link.corpus import link_corpus

        click.echo(link_corpus(store, settings).line())
    for skip in summary.skips:
        click.echo(f"  skipped {skip.location}: {skip.kind}: {skip.reason}")
    if summary.processed == 0:
        click.echo("nothing could be processed; see `storyline failures`", err=True)
        ctx.exit(2)
    if strict and summary.skipped:
        ctx.exit(3)


@main.command(name="articles")
@click.option("--source", help="Only articles whose source contains this text.")
@click.option("--since", callback=_date, metavar="DATE", help="Published on or after DATE.")
@click.option("--until", callback=_date, metavar="DATE", help="Published on or before DATE.")
@click.option("--all", "include_skipped", is_flag=True, help="Include skipped articles.")
@output_options
@click.pass_context
def articles_cmd(
    ctx: click.Context, source: str | None, since: date | None, until: date | None,
    include_skipped: bool, as_json: bool, as_csv: bool,
) -> None:  # fmt: skip
    """List stored articles, oldest first.

    \b
    Example:
      storyline articles --source "Harbor Wire" --since 2025-03-01 --csv
    """
    status = None if include_skipped else "analyzed"
    rows = [
        {
            "id": r.article.id, "published": r.article.published,
            "origin": r.article.published_origin, "source": r.article.source,
            "title": r.article.title, "status": r.status, "path": r.article.path,
        }
        for r in _store(ctx).articles(source, since, until, status)
    ]  # fmt: skip
    emit(rows, ["id", "published", "origin", "source", "title"], as_json, as_csv)


@main.command(name="show")
@click.argument("article_id")
@click.option("--raw", is_flag=True, help="Print the original input instead.")
@click.option("--json", "as_json", is_flag=True, help="Output the article's records as JSON.")
@click.pass_context
def show_cmd(ctx: click.Context, article_id: str, raw: bool, as_json: bool) -> None:
    """Show one article with its actors, times and quotes highlighted (id prefix is enough).

    \b
    Example:
      storyline show a3f9
    """
    store = _store(ctx)
    full_id = store.resolve_id(article_id)
    if raw:
        click.echo(store.raw(full_id) or "(no original input stored)")
        return
    doc = store.doc(full_id)
    if as_json:
        from storyline.export import doc_records

        click.echo(json.dumps(doc_records(doc), ensure_ascii=False, indent=2))
        return
    click.echo(highlight(doc, color=sys.stdout.isatty()))


@main.command(name="export")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True
)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="File to write (default: standard output).")  # fmt: skip
@click.pass_context
def export_cmd(ctx: click.Context, fmt: str, output: io.TextIOBase) -> None:
    """Export the store as the JSON contract (docs/format.md).

    \b
    Example:
      storyline export --format json -o corpus.json
    """
    store = _store(ctx)
    if fmt == "json":
        json.dump(records(store), output, ensure_ascii=False, indent=1)
        output.write("\n")
    else:
        for line in lines(store):
            output.write(line + "\n")


@main.command(name="failures")
@output_options
@click.pass_context
def failures_cmd(ctx: click.Context, as_json: bool, as_csv: bool) -> None:
    """List the inputs that were skipped, with where and why.

    \b
    Example:
      storyline failures --csv > skipped.csv
    """
    rows = [
        {"location": s.location, "kind": s.kind, "reason": s.reason} for s in _store(ctx).skips()
    ]
    emit(rows, ["location", "kind", "reason"], as_json, as_csv)


@main.command(name="settings")
@output_options
@click.pass_context
def settings_cmd(ctx: click.Context, as_json: bool, as_csv: bool) -> None:
    """List the settings with their values in force, defaults and help.

    \b
    Example:
      storyline --set batch_size=64 settings
    """
    current = _settings(ctx)
    rows = [
        {"name": s.name, "value": current[s.name], "default": s.default, "help": s.help}
        for s in SETTINGS
    ]
    emit(rows, ["name", "value", "default", "help"], as_json, as_csv)


@main.command(name="eval")
@click.argument("datasets", nargs=-1, required=True, metavar="DATASET...")
@click.option(
    "--data", default="../shared/data", show_default=True, metavar="DIR",
    help="Folder holding one sub-folder per dataset.",
)  # fmt: skip
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N documents of each.")
@click.option("--json", "as_json", is_flag=True, help="Output the reports as JSON.")
@click.option("--markdown", "as_markdown", is_flag=True, help="Output Markdown sections.")
@click.pass_context
def eval_cmd(
    ctx: click.Context, datasets: tuple[str, ...], data: str, limit: int | None,
    as_json: bool, as_markdown: bool,
) -> None:  # fmt: skip
    """Measure quality on annotated corpora: ours, same-run baselines, published anchors.

    DATASET is tempeval3, meantime, polnear, giveme5w1h-gold, ecbplus, eventstoryline,
    semeval2015-timeline, plover-gsr or wikievents; `all` runs every one.

    \b
    Example:
      storyline eval tempeval3 polnear --limit 20 --data ../shared/data
    """
    import dataclasses
    from pathlib import Path

    from storyline.eval import evaluate
    from storyline.eval.report import EvalOptions, markdown

    reports = evaluate(datasets, EvalOptions(Path(data), limit, _settings(ctx)))
    if as_json:
        click.echo(json.dumps([dataclasses.asdict(r) for r in reports], indent=2))
    elif as_markdown:
        click.echo(markdown(reports))
    else:
        rows = [
            {
                "dataset": r.dataset, "metric": s.metric, "system": s.system,
                "value": "—" if s.value is None else f"{s.value:.3f}", "note": s.note,
            }
            for r in reports
            for s in r.scores
        ]  # fmt: skip
        emit(rows, ["dataset", "metric", "system", "value", "note"], False, False)
        for r in reports:
            click.echo(f"{r.dataset}: {r.documents} documents, {r.seconds:.1f} s")


@main.command(name="link")
@click.option("--all", "full", is_flag=True, help="Forget every story and link the whole store.")
@click.pass_context
def link_cmd(ctx: click.Context, full: bool) -> None:
    """Link analyzed articles into stories: events, timelines, sources compared.

    Without --all only articles analyzed since the last run are linked; the stories they
    join are rebuilt, the others are left as they are.

    \b
    Example:
      storyline link --all
    """
    from storyline.link.corpus import link_corpus

    click.echo(link_corpus(_store(ctx), _settings(ctx), full=full).line())


@main.command(name="stories")
@output_options
@click.pass_context
def stories_cmd(ctx: click.Context, as_json: bool, as_csv: bool) -> None:
    """List the stories: id, title, articles, span of publication dates, independent sources.

    \b
    Example:
      storyline stories --csv > stories.csv
    """
    from storyline.views import story_row

    rows = sorted(
        (story_row(s) for s in _store(ctx).stories()),
        key=lambda r: (r["first"] is None, r["first"] or "", r["id"]),
    )
    emit(rows, ["id", "title", "articles", "first", "last", "sources"], as_json, as_csv)


@main.command(name="story")
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True, help="Output the story view as JSON.")
@click.pass_context
def story_cmd(ctx: click.Context, story_id: str, as_json: bool) -> None:
    """Show one story: timeline, actors, what each source adds, quotes, figures (id prefix ok).

    \b
    Example:
      storyline story st3f
    """
    from storyline.render import story_text
    from storyline.views import story_view

    view = story_view(_store(ctx), story_id)
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False, indent=2))
        return
    click.echo(story_text(view))


@main.command(name="timeline")
@click.argument("story_id")
@click.option(
    "--format", "fmt", type=click.Choice(["md", "json", "csv"]), default="md", show_default=True
)
@click.pass_context
def timeline_cmd(ctx: click.Context, story_id: str, fmt: str) -> None:
    """Print a story's timeline, each entry with its date interval, sources and sentences.

    \b
    Example:
      storyline timeline st3f --format csv > timeline.csv
    """
    from storyline.render import timeline_markdown
    from storyline.views import entry_record, timeline_rows

    store = _store(ctx)
    story = store.story(store.resolve_story(story_id))
    docs = {a: store.doc(a) for a in story.articles}
    if fmt == "json":
        entries = [entry_record(t) for t in story.timeline]
        click.echo(json.dumps(entries, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        rows = timeline_rows(story, docs)
        emit(rows, list(rows[0]) if rows else ["date"], False, True)
    else:
        outlets = {a: d.article.source or a[:8] for a, d in docs.items()}
        entries = [entry_record(t) for t in story.timeline]
        click.echo(timeline_markdown(story.title, entries, outlets), nl=False)


@main.command(name="serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--read-only", is_flag=True, help="Refuse to add articles (uploads answer 403).")
@click.option(
    "--db", "db_file", metavar="FILE", help="The SQLite store (default: the global --db)."
)
@click.pass_context
def serve_cmd(
    ctx: click.Context, host: str, port: int, read_only: bool, db_file: str | None
) -> None:
    """Serve the web app and its JSON API: stories, timelines, articles, actors, failures.

    \b
    Example:
      storyline serve --db demo.db --read-only
    """
    import uvicorn

    from storyline.web import create_app

    app = create_app(db_file or ctx.obj["db"], read_only, _settings(ctx))
    click.echo(f"serving {db_file or ctx.obj['db']} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")

"""End to end in headless Chromium (Debian's, driven by Playwright) against a real uvicorn server:
pages load and link, the timeline renders, an upload goes through the form, hostile text stays
inert."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="/usr/bin/chromium is missing; run scripts/install-browser.sh (Debian chromium)",
    ),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, analyzed_db: Path) -> Iterator[str]:
    """Start uvicorn on 127.0.0.1 and a free port in a thread; stop it after the module."""
    import shutil

    import uvicorn

    from storyline.store import Store
    from storyline.web import create_app

    db = tmp_path_factory.mktemp("served") / "store.db"
    with Store(analyzed_db) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(analyzed_db, db)
    port = _free_port()
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.dialogs, page.js_errors = dialogs, errors
    yield page
    context.close()


def test_pages_load_and_links_lead_to_story_article_and_actor(server: str, page: Any) -> None:
    page.goto(server + "/")
    assert page.url.endswith("/stories")
    assert page.locator("ol.stories > li.card").count() >= 3
    page.get_by_role("link", name="Dam gate failure", exact=False).first.click()
    page.wait_for_url("**/stories/st*")
    assert page.locator("h2#timeline-h").is_visible()
    page.locator("#actors a").first.click()
    page.wait_for_url("**/actors/*")
    assert page.locator("h2#roles-h").is_visible()
    page.go_back()
    page.locator(".source h3 a").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("#article-text mark").count() > 5
    page.goto(server + "/failures")
    assert page.locator("tbody tr").count() >= 3
    assert page.js_errors == []


def test_timeline_renders_one_bar_per_dated_entry_and_filters(server: str, page: Any) -> None:
    page.goto(server + "/stories?q=spillway")
    page.locator("ol.stories h2 a").first.click()
    page.wait_for_url("**/stories/st*")
    entries = page.locator("li.tl-entry")
    bars = page.locator("li.tl-entry rect.bar")
    data = page.request.get(page.url + ".json").json()
    assert entries.count() == len(data["timeline"]) > 0
    assert bars.count() == sum(1 for e in data["timeline"] if e["bar"]) > 0
    box = bars.first.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    widths = [bars.nth(i).bounding_box()["width"] for i in range(bars.count())]
    assert max(widths) > 3 * min(widths)  # intervals are longer than single days
    # The script shows its controls; filtering hides background entries.
    assert page.locator(".tl-controls").is_visible()
    page.select_option("#tl-filter", "news")
    shown = page.locator("li.tl-entry:visible").count()
    news = sum(1 for e in data["timeline"] if not e["background"])
    assert shown == news
    assert page.locator("#tl-shown").inner_text().startswith(f"{news} of ")
    # Keyboard: arrows move between entries, focus is visible.
    page.locator("li.tl-entry:visible").first.focus()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.className")
    assert "tl-entry" in focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    assert page.js_errors == []


def test_annotation_values_show_on_hover_and_focus(server: str, page: Any) -> None:
    page.goto(server + "/stories?q=spillway")
    page.locator(".matches a").first.click()
    page.wait_for_url("**/articles/*")
    mark = page.locator("#article-text mark.time").first
    assert mark.get_attribute("title")
    mark.focus()
    after = page.evaluate("getComputedStyle(document.activeElement, '::after').content")
    assert mark.get_attribute("title") in after


def test_upload_through_the_form_shows_progress_then_the_article(server: str, page: Any) -> None:
    page.goto(server + "/add")
    page.fill("input[name=title]", "Quokka ferry service resumes in Port Alda")
    page.fill("input[name=source]", "Browser Wire")
    page.fill("input[name=published]", "2025-10-02")
    page.fill(
        "textarea[name=text]",
        "Harbor officials in Port Alda said on Tuesday that the quokka ferry would resume "
        "service next week after repairs costing 2 million crowns, Mayor Ona Reyes said.",
    )
    page.get_by_role("button", name="Analyze").click()
    page.wait_for_url("**/jobs/*")
    page.wait_for_selector("#job-state:text('done')", timeout=120_000)
    page.locator("#job-articles a").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("h1").inner_text() == "Quokka ferry service resumes in Port Alda"
    assert page.js_errors == []


def test_file_upload_through_the_form(server: str, page: Any, tmp_path: Path) -> None:
    upload = tmp_path / "wombat.txt"
    upload.write_text(
        "Wombat tunnels under the Brevik Ferry levee were found on Friday, engineers said.\n",
        "utf-8",
    )
    page.goto(server + "/add")
    page.set_input_files("input[name=files]", str(upload))
    page.get_by_role("button", name="Analyze").click()
    page.wait_for_url("**/jobs/*")
    page.wait_for_selector("#job-state:text('done')", timeout=120_000)
    assert "analyzed 1" in page.locator("#job-counts").inner_text()


def test_hostile_article_stays_inert(server: str, page: Any) -> None:
    page.goto(server + "/stories?q=harbor%20reopen")
    page.locator("ol.stories h2 a", has_text="__pwned").first.click()
    page.wait_for_url("**/stories/st*")
    visited = [page.url]
    page.locator(".source h3 a").first.click()
    page.wait_for_url("**/articles/*")
    visited.append(page.url)
    text = page.locator("#article-text").inner_text()
    assert "<script>" in text and "onerror=" in text  # shown as text
    assert page.locator("#article-text script, #article-text img, #article-text a").count() == 0
    for mark in page.locator("#article-text mark").all():
        mark.hover()
        mark.focus()
    for url in visited:
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned === undefined")
    assert page.dialogs == []
    handlers = "[onerror],[onmouseover],[onfocus],[onload]"
    assert page.evaluate(f"document.querySelectorAll('{handlers}').length") == 0

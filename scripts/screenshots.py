"""Take the README's screenshots of the web app: stories list, a story, an article (desktop and
phone widths), with Debian's chromium driven by Playwright against a real server.

Usage: python scripts/screenshots.py [--out docs/screenshots]
It analyzes examples/articles into a temporary store, serves it on 127.0.0.1 and a free port.
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from storyline.analyze import analyze
from storyline.link.corpus import link_corpus
from storyline.store import Store
from storyline.web import create_app

ROOT = Path(__file__).resolve().parents[1]
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out: Path = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.db"
        with Store(db) as store:
            analyze([str(ROOT / "examples" / "articles")], store)
            link_corpus(store)
            story = next(s for s in store.stories() if "Dam" in s.title)
            article = story.articles[0]
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(
            uvicorn.Config(create_app(str(db), read_only=True), "127.0.0.1", port,
                           log_level="warning")
        )  # fmt: skip
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        shots = {
            "stories": "/stories",
            "story": f"/stories/{story.id}",
            "article": f"/articles/{article}",
        }
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for width, height, suffix in ((1280, 900, ""), (390, 844, "-phone")):
                page = browser.new_page(viewport={"width": width, "height": height})
                for name, path in shots.items():
                    page.goto(base + path)
                    if name == "article":
                        page.locator("#article-text mark.time").first.focus()
                    page.screenshot(path=str(out / f"{name}{suffix}.png"))
                    if name == "story":
                        page.evaluate(
                            "window.scrollTo({top: document.getElementById('timeline')"
                            ".offsetTop - 8, behavior: 'instant'})"
                        )
                        page.screenshot(path=str(out / f"timeline{suffix}.png"))
                page.close()
            browser.close()
        server.should_exit = True
        thread.join(10)
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()

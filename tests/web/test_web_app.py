"""The web app in-process: every page and its .json twin, the error shape, uploads, search,
read-only refusal, and hostile article text staying text."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from storyline.store import Store
from storyline.web import create_app
from storyline.web.upload import Rejected, extension, sniff

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(analyzed_db: Path) -> TestClient:
    return TestClient(create_app(str(analyzed_db), read_only=True))


@pytest.fixture
def writer(db: Path) -> TestClient:
    return TestClient(create_app(str(db)))


def ids(analyzed_db: Path) -> dict[str, str]:
    with Store(analyzed_db) as store:
        story = next(s for s in store.stories() if "Dam" in s.title)
        view = client_json(TestClient(create_app(str(analyzed_db))), f"/stories/{story.id}.json")
        return {"story": story.id, "article": story.articles[0], "actor": view["actors"][0]["id"]}


def client_json(client: TestClient, path: str) -> Any:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def test_every_page_has_a_json_twin_built_by_the_same_view(
    client: TestClient, analyzed_db: Path
) -> None:
    known = ids(analyzed_db)
    pages = ["/stories", f"/stories/{known['story']}", f"/articles/{known['article']}",
             f"/actors/{known['actor']}", "/failures"]  # fmt: skip
    for page in pages:
        html = client.get(page)
        assert html.status_code == 200, page
        assert html.headers["content-type"].startswith("text/html")
        assert html.headers["content-security-policy"].startswith("default-src 'self'")
        assert f'href="{page}.json"' in html.text
        data = client_json(client, page + ".json")
        assert isinstance(data, dict) and data


def test_story_json_reuses_the_cli_story_view_and_places_bars(
    client: TestClient, analyzed_db: Path
) -> None:
    from storyline.views import story_view

    known = ids(analyzed_db)
    data = client_json(client, f"/stories/{known['story']}.json")
    with Store(analyzed_db) as store:
        cli = story_view(store, known["story"])
    assert [e["summary"] for e in data["timeline"]] == [e["summary"] for e in cli["timeline"]]
    assert data["actors"] == cli["actors"] and data["compared"] == cli["compared"]
    bars = [e["bar"] for e in data["timeline"] if e["bar"]]
    assert bars and all(0 <= b["left"] <= 100 and b["width"] > 0 for b in bars)
    assert any(b["days"] > 1 for b in bars)  # an interval ("2024-SP") is a long bar
    html = client.get(f"/stories/{known['story']}").text
    assert html.count('<li class="tl-entry') == len(data["timeline"])
    assert html.count('<rect class="bar') == len(bars)


def test_article_page_marks_annotations_with_their_normalized_values(
    client: TestClient, analyzed_db: Path
) -> None:
    known = ids(analyzed_db)
    data = client_json(client, f"/articles/{known['article']}.json")
    text = "".join(p["text"] for b in data["blocks"] for p in b["pieces"])
    assert text == data["article"]["text"]  # segments cover the text exactly, in order
    kinds = {p["kind"] for b in data["blocks"] for p in b["pieces"]}
    assert {"actor", "time", "event"} <= kinds
    assert any(b["quote"] for b in data["blocks"])
    html = client.get(f"/articles/{known['article']}").text
    assert '<mark class="time" tabindex="0" title="DATE 2025-03' in html


def test_actor_page_lists_roles_quotes_and_stories(client: TestClient, analyzed_db: Path) -> None:
    known = ids(analyzed_db)
    data = client_json(client, f"/actors/{known['actor']}.json")
    assert data["mentions"] and data["stories"]
    assert data["roles"] and all("title" in r for r in data["roles"])


def test_failures_lists_skipped_inputs(client: TestClient) -> None:
    data = client_json(client, "/failures.json")
    kinds = {f["kind"] for f in data["failures"]}
    assert {"binary", "not-english", "malformed-json"} <= kinds
    assert "not-english" in client.get("/failures").text


def test_search_uses_full_text_and_filters(client: TestClient) -> None:
    everything = client_json(client, "/stories.json")["stories"]
    found = client_json(client, "/stories.json?q=spillway")["stories"]
    assert found and len(found) < len(everything)
    assert all(s["matches"] for s in found)
    assert client_json(client, "/stories.json?q=zzyzx")["stories"] == []
    # FTS syntax typed by a user is searched as words, not an error.
    assert client.get("/stories.json?q=AND%20%22(OR").status_code == 200
    late = client_json(client, "/stories.json?since=2025-09-01")["stories"]
    assert late and all(s["last"] >= "2025-09-01" for s in late)
    by_source = client_json(client, "/stories.json?source=Ostral%20Daily")["stories"]
    assert by_source and len(by_source) < len(everything)
    by_actor = client_json(client, "/stories.json?actor=Ferre")["stories"]
    assert [s["title"] for s in by_actor if "Dam" in s["title"]]


def test_search_index_follows_articles_saved_later(writer: TestClient, db: Path) -> None:
    from storyline.model import Article, Doc

    text = "A quokka parade crossed Port Alda on Sunday."
    with Store(db) as store:
        store.save([Doc(Article(Article.make_id(text), text, title="Quokkas"))])
        assert store.search("quokka") == [Article.make_id(text)]


@pytest.mark.parametrize(
    ("path", "status"),
    [("/stories/nope", 404), ("/articles/nope", 404), ("/actors/nope", 404),
     ("/no-such-page", 404), ("/stories?since=yesterday", 400), ("/jobs/nope", 404),
     ("/static/..%2Fapp.py", 404)],
)  # fmt: skip
def test_one_error_shape_for_json_and_html(client: TestClient, path: str, status: int) -> None:
    base, _, query = path.partition("?")
    as_json = client.get(base + ".json" + (f"?{query}" if query else ""))
    assert as_json.status_code == status
    body = as_json.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    message = body["error"]["message"]
    assert message
    as_html = client.get(path)
    assert as_html.status_code == status
    assert as_html.headers["content-type"].startswith("text/html")
    assert message.replace("'", "&#39;").replace(".json", "") in as_html.text.replace(".json", "")


def test_openapi_describes_every_json_twin(client: TestClient) -> None:
    spec = client_json(client, "/openapi.json")
    assert spec["openapi"].startswith("3.")
    for path in ("/stories.json", "/stories/{id}.json", "/articles/{id}.json",
                 "/actors/{id}.json", "/failures.json", "/add.json"):  # fmt: skip
        assert path in spec["paths"]


def test_read_only_refuses_to_add(client: TestClient) -> None:
    for response in (
        client.post("/add.json", data={"text": "x"}),
        client.post("/add", data={"text": "x"}),
        client.get("/add"),
    ):
        assert response.status_code == 403
    assert client.post("/add.json", data={"text": "x"}).json()["error"]["status"] == 403
    assert 'href="/add"' not in client.get("/stories").text


def _wait(client: TestClient, job_id: str) -> dict[str, Any]:
    for _ in range(600):
        job: dict[str, Any] = client_json(client, f"/jobs/{job_id}.json")
        if job["done"]:
            return job
        time.sleep(0.1)
    raise AssertionError("upload job did not finish")


def test_pasted_article_is_analyzed_linked_and_searchable(writer: TestClient) -> None:
    text = (
        "Harbor officials in Port Alda said on Tuesday that the quokka ferry would resume "
        "service next week after repairs costing 2 million crowns."
    )
    form = {"text": text, "title": "Quokka ferry to resume", "source": "Test Wire",
            "published": "2025-10-02"}  # fmt: skip
    started = writer.post("/add.json", data=form)
    assert started.status_code == 202
    job = _wait(writer, started.json()["id"])
    assert job["state"] == "done" and job["analyzed"] == 1, job
    article = client_json(writer, f"/articles/{job['articles'][0]}.json")["article"]
    assert article["title"] == "Quokka ferry to resume" and article["source"] == "Test Wire"
    assert article["published"] == "2025-10-02"
    assert client_json(writer, "/stories.json?q=quokka")["stories"]
    page = writer.get(f"/jobs/{job['id']}")
    assert page.status_code == 200 and "/static/job.js" in page.text


def test_uploaded_file_goes_through_the_form_and_redirects_to_progress(
    writer: TestClient,
) -> None:
    data = (EXAMPLES_DIR / "02-veldmark-courier-holvik-dam.md").read_bytes()
    response = writer.post(
        "/add", files={"files": ("../../etc/passwd.md", data, "text/markdown")},
        follow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 303
    job_id = response.headers["location"].rsplit("/", 1)[-1]
    job = _wait(writer, job_id)
    assert job["state"] == "done" and job["files"] == ["../../etc/passwd.md"]
    assert job["unchanged"] == 1  # already in the store: same content, same id


@pytest.mark.parametrize(
    ("name", "data", "status"),
    [("a.exe", b"MZ", 415), ("a.txt", b"\x00\x01binary", 415), ("a.json", b"hello", 415),
     ("a.warc.gz", b"not gzip", 415), ("a.txt", b"   ", 400), ("big.txt", b"x" * 2000, 413)],
)  # fmt: skip
def test_uploads_are_typed_and_size_limited(db: Path, name: str, data: bytes, status: int) -> None:
    from storyline.settings import Settings

    client = TestClient(create_app(str(db), settings=Settings.parse(["max_text_bytes=1000"])))
    response = client.post("/add.json", files={"files": (name, data, "application/octet-stream")})
    assert response.status_code == status, response.text
    assert response.json()["error"]["status"] == status


def test_nothing_to_add_and_cross_origin_posts_are_refused(writer: TestClient) -> None:
    assert writer.post("/add.json", data={}).status_code == 400
    evil = writer.post("/add.json", data={"text": "hi"}, headers={"origin": "https://evil.test"})
    assert evil.status_code == 403


def test_sniffing_accepts_what_ingest_reads() -> None:
    assert extension("Feed.RSS") == ".rss" and extension("crawl.warc.gz") == ".warc.gz"
    with pytest.raises(Rejected):
        extension("archive.gz")
    for name in ("05-veldmark-courier-feed.rss", "06-calvera-business-review-strike.warc.gz",
                 "07-newsroom-export.jsonl", "08-ostral-daily-kestrel-cleared.json",
                 "03-ostral-daily-holvik-displaced.html"):  # fmt: skip
        sniff(extension(name), (EXAMPLES_DIR / name).read_bytes(), name)


def test_hostile_article_text_is_escaped_everywhere(client: TestClient) -> None:
    stories = client_json(client, "/stories.json?q=harbor%20reopen")["stories"]
    hostile = next(s for s in stories if "__pwned" in s["title"])
    article_id = hostile["matches"][0]["id"]
    pages = ["/stories?q=harbor", f"/stories/{hostile['id']}", f"/articles/{article_id}"]
    data = client_json(client, f"/articles/{article_id}.json")
    actor = data["actors"][0][0]
    pages.append(f"/actors/{actor}")
    for page in pages:
        html = client.get(page).text
        assert "<script>window" not in html, page
        assert "<img src=x" not in html and 'href="javascript:' not in html, page
        assert 'onmouseover="window' not in html and 'onfocus="window' not in html, page
        assert "<script" not in html.replace('<script src="/static/', ""), page
    article = client.get(f"/articles/{article_id}").text
    assert "&lt;script&gt;window.__pwned = 1" in article
    assert "&lt;img src=x onerror=&#34;window.__pwned = 2&#34;&gt;" in article
    assert 'title="DATE 2025-03-17&#34;&gt;&lt;script&gt;' in article
    assert json.dumps(data)  # the JSON twin carries the raw text as data


EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "examples" / "articles"


def test_upload_jobs_make_their_folder_on_first_use_and_remove_it(tmp_path: Path) -> None:
    import gc

    from storyline.settings import Settings
    from storyline.web.upload import Jobs

    jobs = Jobs(str(tmp_path / "x.db"), Settings())
    assert jobs._folder is None  # a server that gets no upload makes no folder
    folder = jobs.folder()
    assert folder.is_dir() and jobs.folder() == folder
    del jobs
    gc.collect()
    assert not folder.exists()

"""The web app: routes that render a view dict as a page, or as JSON at the same path + ``.json``.

Every page is built by one function of :mod:`storyline.web.views`; errors have one shape
(``{"error": {"status", "message"}}``, or a page with the same message). Static files are read
from the package once, at start, and served by name from memory: no request path reaches the
file system. Every response carries a Content-Security-Policy that allows nothing but this
origin, so a script inside an article can never run.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import date
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline import __version__
from storyline.errors import NotFound, StorylineError
from storyline.settings import Settings
from storyline.store import Store
from storyline.web import views
from storyline.web.openapi import openapi
from storyline.web.upload import Jobs, Rejected, extension, paste_record, sniff

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
_STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".svg": "image/svg+xml"}  # fmt: skip


class SecurityHeaders:
    """ASGI middleware adding the CSP and related headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _static_files() -> dict[str, tuple[bytes, str]]:
    folder = resources.files("storyline.web").joinpath("static")
    out = {}
    for item in folder.iterdir():
        suffix = "." + item.name.rsplit(".", 1)[-1]
        if item.is_file() and suffix in _STATIC_TYPES:
            out[item.name] = (item.read_bytes(), _STATIC_TYPES[suffix])
    return out


def _json_path(request: Request) -> bool:
    return request.url.path.endswith(".json")


def _strip(value: str) -> tuple[str, bool]:
    """Return a path parameter without a ``.json`` suffix, and whether it had one."""
    return (value[:-5], True) if value.endswith(".json") else (value, False)


def _date_param(request: Request, name: str) -> date | None:
    value = request.query_params.get(name, "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name} must be a date as YYYY-MM-DD, got {value!r}") from None


def create_app(db: str, read_only: bool = False, settings: Settings | None = None) -> Starlette:
    """Return the ASGI app serving the store at ``db`` (refusing uploads when ``read_only``)."""
    settings = settings or Settings()
    env = Environment(
        loader=PackageLoader("storyline.web", "templates"), autoescape=True, trim_blocks=True,
        lstrip_blocks=True,
    )  # fmt: skip
    env.globals.update(version=__version__, read_only=read_only)
    static = _static_files()
    jobs = Jobs(db, settings)
    with Store(db):  # migrate once, before serving
        pass

    def render(template: str, code: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(template).render(**context)
        return HTMLResponse(html, status_code=code)

    def error(request: Request, status: int, message: str) -> Response:
        if _json_path(request):
            return JSONResponse({"error": {"status": status, "message": message}}, status)
        return render("error.html", status, status=status, message=message, title="Error")

    def page(
        build: Callable[[Store, Request, str], dict[str, Any]], template: str, key: str = ""
    ) -> Callable[[Request], Awaitable[Response]]:
        """Return an endpoint that builds the view once and renders it as JSON or HTML."""

        async def endpoint(request: Request) -> Response:
            raw = request.path_params.get(key, "") if key else ""
            ident, as_json = _strip(raw) if key else ("", _json_path(request))

            def load() -> dict[str, Any]:
                with Store(db) as store:
                    return build(store, request, ident)

            # SQLite and the views are blocking: run them off the event loop.
            data = await run_in_threadpool(load)
            if as_json:
                return JSONResponse(data)
            query = f"?{request.url.query}" if request.url.query else ""
            return render(template, data=data, request_path=request.url.path,
                          json_href=f"{request.url.path}.json{query}")  # fmt: skip

        return endpoint

    def stories(store: Store, request: Request, _: str) -> dict[str, Any]:
        q = request.query_params
        filters = views.StoryFilters(
            q.get("q", "").strip(), _date_param(request, "since"), _date_param(request, "until"),
            q.get("source", "").strip(), q.get("actor", "").strip(),
        )  # fmt: skip
        return views.stories_page(store, filters)

    async def home(request: Request) -> Response:
        return RedirectResponse("/stories", 303)

    async def static_file(request: Request) -> Response:
        found = static.get(request.path_params["name"])
        if found is None:
            raise HTTPException(404, "no such static file")
        body, media = found
        return Response(body, media_type=media, headers={"cache-control": "max-age=300"})

    async def openapi_json(request: Request) -> Response:
        return JSONResponse(openapi(__version__))

    async def add_form(request: Request) -> Response:
        if read_only:
            raise HTTPException(403, "this server is read-only: adding articles is disabled")
        limit = settings["max_text_bytes"]
        return render("add.html", data={"max_bytes": limit}, request_path="/add", title="Add")

    async def add(request: Request) -> Response:
        if read_only:
            raise HTTPException(403, "this server is read-only: adding articles is disabled")
        origin = request.headers.get("origin")
        if origin and origin not in (f"{request.url.scheme}://{request.url.netloc}", "null"):
            raise HTTPException(403, "cross-origin upload refused; use the form on this site")
        limit = int(settings["max_text_bytes"])
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > 4 * limit + 65536:
            raise HTTPException(413, f"upload larger than the limit of {limit} bytes a file")
        try:
            form = await request.form(max_files=20, max_fields=20, max_part_size=limit + 1)
        except HTTPException:
            raise
        except Exception as exc:
            raise HTTPException(400, f"could not read the form: {exc}") from None
        files: list[tuple[str, str, bytes]] = []
        try:
            for item in form.getlist("files"):
                if not isinstance(item, UploadFile) or not item.filename:
                    continue
                data = await item.read(limit + 1)
                name = item.filename[-120:]
                if len(data) > limit:
                    raise Rejected(413, f"{name!r} is larger than {limit} bytes (max_text_bytes)")
                ext = extension(name)
                sniff(ext, data, name)
                files.append((name, ext, data))
            text = str(form.get("text") or "")
            if text.strip():
                record = paste_record(text, str(form.get("title") or ""),
                                      str(form.get("source") or ""),
                                      str(form.get("published") or ""))  # fmt: skip
                if len(record) > limit:
                    raise Rejected(413, f"pasted text is larger than {limit} bytes")
                published = str(form.get("published") or "").strip()
                if published:
                    try:
                        date.fromisoformat(published)
                    except ValueError:
                        raise Rejected(400, "published must be a date as YYYY-MM-DD") from None
                files.append(("pasted text", ".json", record))
        except Rejected as exc:
            raise HTTPException(exc.status, str(exc)) from None
        finally:
            await form.close()
        if not files:
            raise HTTPException(400, "nothing to add: choose files or paste an article's text")
        job = jobs.start(files, wait=request.query_params.get("wait") == "1")
        if _json_path(request) or "application/json" in request.headers.get("accept", ""):
            return JSONResponse(job.record(), 202)
        return RedirectResponse(f"/jobs/{job.id}", 303)

    async def job_page(request: Request) -> Response:
        ident, as_json = _strip(request.path_params["id"])
        job = jobs.get(ident)
        if job is None:
            raise HTTPException(404, f"no upload job {ident!r}; it may belong to an earlier run")
        if as_json:
            return JSONResponse(job.record())
        return render("job.html", data=job.record(), request_path="/add", title="Adding")

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}; start from /stories"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error(request, exc.status_code, message)

    async def storyline_error(request: Request, exc: Exception) -> Response:
        status = 404 if isinstance(exc, NotFound) else 400
        return error(request, status, str(exc))

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return error(request, 500, "internal error; the server log has the details")

    routes = [
        Route("/", home),
        Route("/stories", page(stories, "stories.html")),
        Route("/stories.json", page(stories, "stories.html")),
        Route("/stories/{id}", page(lambda s, r, i: views.story_page(s, i), "story.html", "id")),
        Route("/articles/{id}",
              page(lambda s, r, i: views.article_page(s, i), "article.html", "id")),
        Route("/actors/{id}", page(lambda s, r, i: views.actor_page(s, i), "actor.html", "id")),
        Route("/failures", page(lambda s, r, i: views.failures_page(s), "failures.html")),
        Route("/failures.json", page(lambda s, r, i: views.failures_page(s), "failures.html")),
        Route("/add", add_form, methods=["GET"]),
        Route("/add", add, methods=["POST"]),
        Route("/add.json", add, methods=["POST"]),
        Route("/jobs/{id}", job_page),
        Route("/openapi.json", openapi_json),
        Route("/static/{name}", static_file),
    ]  # fmt: skip
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={
            HTTPException: http_error, StorylineError: storyline_error, Exception: server_error,
        },
    )  # fmt: skip
    app.state.jobs = jobs
    return app

"""The web app: server-rendered pages over the store, each with a ``.json`` twin (the HTTP API)."""

from __future__ import annotations

from storyline.web.app import create_app

__all__ = ["create_app"]

"""The OpenAPI description of the HTTP API, written by hand next to the routes it describes."""

from __future__ import annotations

from typing import Any

_ERROR = {"$ref": "#/components/schemas/Error"}


def _get(summary: str, param: str | None = None, query: tuple[str, ...] = ()) -> dict[str, Any]:
    params: list[dict[str, Any]] = []
    if param:
        params.append(
            {
                "name": param,
                "in": "path",
                "required": True,
                "schema": {"type": "string"},
                "description": "id or unique id prefix",
            }
        )
    params += [{"name": q, "in": "query", "schema": {"type": "string"}} for q in query]
    return {
        "get": {
            "summary": summary,
            "parameters": params,
            "responses": {
                "200": {"description": "the view, as JSON",
                        "content": {"application/json": {"schema": {"type": "object"}}}},
                "404": {"description": "not found",
                        "content": {"application/json": {"schema": _ERROR}}},
            },
        }
    }  # fmt: skip


def openapi(version: str) -> dict[str, Any]:
    """Return the OpenAPI 3.1 document of the JSON endpoints."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "storyline",
            "version": version,
            "description": "Every HTML page has a JSON twin at the same path plus `.json`, "
            "built by the same view. Errors are `{\"error\": {\"status\", \"message\"}}`.",
        },
        "paths": {
            "/stories.json": _get(
                "Stories, filtered by full-text search, dates, source and actor",
                query=("q", "since", "until", "source", "actor"),
            ),
            "/stories/{id}.json": _get(
                "One story: timeline, actors, sources compared, quotes, figures", "id"
            ),
            "/articles/{id}.json": _get("One article with its annotations", "id"),
            "/actors/{id}.json": _get("One actor: roles over time, mentions, quotes", "id"),
            "/failures.json": _get("Skipped inputs and why"),
            "/jobs/{id}.json": _get("Progress of an upload being analyzed", "id"),
            "/add.json": {
                "post": {
                    "summary": "Add articles: multipart `files`, or `text` with `title`, "
                    "`source`, `published`; 403 on a read-only server",
                    "requestBody": {"content": {"multipart/form-data": {"schema": {
                        "type": "object",
                        "properties": {
                            "files": {"type": "array",
                                      "items": {"type": "string", "format": "binary"}},
                            "text": {"type": "string"}, "title": {"type": "string"},
                            "source": {"type": "string"},
                            "published": {"type": "string", "format": "date"},
                        },
                    }}}},
                    "responses": {
                        "202": {"description": "the job started; poll /jobs/{id}.json"},
                        "400": {"description": "nothing to add",
                                "content": {"application/json": {"schema": _ERROR}}},
                        "403": {"description": "read-only server",
                                "content": {"application/json": {"schema": _ERROR}}},
                        "413": {"description": "too large",
                                "content": {"application/json": {"schema": _ERROR}}},
                        "415": {"description": "unsupported type",
                                "content": {"application/json": {"schema": _ERROR}}},
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {"error": {
                        "type": "object", "required": ["status", "message"],
                        "properties": {"status": {"type": "integer"},
                                       "message": {"type": "string"}},
                    }},
                }
            }
        },
    }  # fmt: skip

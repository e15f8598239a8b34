"""The shop's own SMM panel API v2 on the web server: POST /api/v2 for other panels and shops
(with a customer's key), and its documentation page at /api."""

from __future__ import annotations

from aiohttp import web

from bot.core.reselling.api import API_PATH, DOCS_PATH
from bot.panel_api.docs import docs_page
from bot.panel_api.routes import PANEL_API, PanelApi, api_v2


def add_panel_api(app: web.Application, face: PanelApi) -> None:
    app[PANEL_API] = face
    app.router.add_route("POST", API_PATH, api_v2)
    app.router.add_route("GET", API_PATH, api_v2)  # some clients send GET with the fields
    app.router.add_get(DOCS_PATH, docs_page)


__all__ = ["API_PATH", "PanelApi", "add_panel_api"]

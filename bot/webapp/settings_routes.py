"""The console's Settings: every setting, its value (secrets only as set or not) and where it
comes from; the owner changes one (a panel's address and key, or a Crypto Pay token, only
after a live check passes). The same rules as `/settings` (bot/core/configuration)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.core.configuration.service import Configuration
from bot.core.configuration.sources import field_name
from bot.ui.setup_wizard import crypto_answer, panel_answer
from bot.webapp.console_routes import console_part
from bot.webapp.context import fail, read_body, texts, user_of

MAX_CHANGES = 4
PANEL = ("panel_api_url", "panel_api_key")


async def _configuration(request: web.Request) -> Configuration:
    found: Configuration = await console_part(request, "settings", "configuration")
    return found


async def listing(request: web.Request) -> web.Response:
    configuration = await _configuration(request)
    items = [
        {
            "name": line.env_name,
            "value": line.value,
            "source": line.source.value,
            "editable": line.editable,
            "secret": line.secret,
        }
        for line in await configuration.lines()
    ]
    return web.json_response({"items": items})


def _changes(body: dict[str, Any]) -> dict[str, str | None] | None:
    """`{"changes": {"NAME": "value" | null}}` with known names and text values, else None."""
    raw = body.get("changes")
    if not isinstance(raw, dict) or not 0 < len(raw) <= MAX_CHANGES:
        return None
    changes: dict[str, str | None] = {}
    for env_name, value in raw.items():
        name = field_name(str(env_name))
        if name is None or (value is not None and not isinstance(value, str)):
            return None
        changes[name] = value.strip() if isinstance(value, str) and value.strip() else None
    return changes


async def change(request: web.Request) -> web.Response:
    configuration = await _configuration(request)
    changes = _changes(await read_body(request))
    t = texts(request)
    if changes is None:
        return fail(400, "bad_changes", t("app-console-settings-bad"))
    checked = ""
    url, key = changes.get(PANEL[0]), changes.get(PANEL[1])
    if url and key:
        panel = await configuration.check_panel(url, key)
        checked = panel_answer(t, panel)
        if not panel.ok:
            return fail(400, "panel_check_failed", checked)
    token = changes.get("crypto_pay_token")
    if token:
        crypto = await configuration.check_crypto(token)
        checked = crypto_answer(t, crypto)
        if not crypto.ok:
            return fail(400, "crypto_check_failed", checked)
    outcome = await configuration.change(user_of(request).id, changes)
    if not outcome.ok:
        return fail(400, "refused", outcome.error or "")
    return web.json_response({"ok": True, "checked": checked})


def add_settings(routes: web.UrlDispatcher, prefix: str = "/app/api/admin") -> None:
    routes.add_route("GET", f"{prefix}/settings", listing)
    routes.add_route("POST", f"{prefix}/settings", change)

"""Who the Mini App's user is among the staff: the chat's roles (bot/core/staff/roles.py)."""

from __future__ import annotations

from aiohttp import web

from bot.core.staff.roles import Role
from bot.webapp.context import MiniApp

ROLE = web.RequestKey("role", Role)


async def role_in_app(app: MiniApp, user_id: int) -> Role | None:
    if app.console is not None and app.console.staff is not None:
        return await app.console.staff.role_of(user_id)
    return Role.OWNER if app.settings.is_admin(user_id) else None

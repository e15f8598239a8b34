"""The staff's doors: who is staff at all (a filter on the admins' router, which hands the
handlers their `role`) and, for each admin command or button, whether that role may use it
(a middleware: a refusal says which role it needs; nothing runs)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.flags import get_flag
from aiogram.filters import Filter
from aiogram.types import CallbackQuery, Message, TelegramObject
from aiogram.types import User as TelegramUser
from aiogram_i18n import I18nContext

from bot.core.staff.roles import Role, may, needs
from bot.core.staff.store import Staff

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
# A handler that is not a typed command says which command it acts for (a button, an answer
# in a conversation): `flags={STAFF_FLAG: "resolve"}` where it is registered.
STAFF_FLAG = "staff_command"


class IsStaff(Filter):
    """The owner (ADMIN_IDS) or someone the owner gave a role — with `command`, only a role
    that may use it (handlers outside the admins' router: tickets in the support group,
    `/promo create`); hands over `role`."""

    def __init__(self, command: str | None = None) -> None:
        self._command = command

    async def __call__(
        self, event: TelegramObject, staff: Staff, event_from_user: TelegramUser | None = None
    ) -> bool | dict[str, Any]:
        if event_from_user is None:
            return False
        role = await staff.role_of(event_from_user.id)
        if role is None or (self._command is not None and not may(role, self._command)):
            return False
        return {"role": role}


def command_of(event: TelegramObject, data: dict[str, Any]) -> str:
    """Which admin command an update acts for: its handler's flag, else the command typed (an
    unknown one is the owner's)."""
    flagged = get_flag(data, STAFF_FLAG)
    if isinstance(flagged, str):
        return flagged
    if isinstance(event, Message):
        text = event.text or event.caption or ""
        if text.startswith("/") and text[1:]:
            return text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower()
    return ""


class StaffGate(BaseMiddleware):
    """Runs an admin handler only for a role that may use its command."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        role: Role | None = data.get("role")
        command = command_of(event, data)
        if may(role, command):
            return await handler(event, data)
        i18n: I18nContext = data["i18n"]
        said = i18n.get(
            "staff-refused",
            role=(role or Role.VIEWER).name.lower(),
            needed=needs(command).name.lower(),
        )
        answer = data.get("callback_answer")
        if isinstance(event, CallbackQuery) and answer is not None:
            # Answered once, by the dispatcher's callback answers (a second answer fails).
            answer.text = said
            answer.show_alert = True
        elif isinstance(event, CallbackQuery):
            await event.answer(said, show_alert=True)
        elif isinstance(event, Message):
            await event.answer(said)
        return None

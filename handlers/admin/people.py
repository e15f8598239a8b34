"""Customers: /ban and /unban; /api_off and /api_on (their key to the shop's API v2)."""

from __future__ import annotations

from aiogram import Router, html
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.core.children.service import ChildShops
from bot.core.customers.directory import Customers
from bot.core.customers.user_store import UserStore
from bot.core.ops.audit_store import AuditLog
from bot.core.reselling.key_store import ApiKeyStore


async def _set_ban(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    users: UserStore,
    customers: Customers,
    children: ChildShops,
    banned: bool,
) -> None:
    user = await users.find_user(command.args or "")
    if user is None:
        await message.answer(i18n.get("admin-user-not-found", user=html.quote(command.args or "")))
        return
    await customers.set_banned(user.id, banned)
    said = i18n.get("admin-banned" if banned else "admin-unbanned", user=str(user.id))
    shops = (
        [f"@{html.quote(c.username)}" for c in await children.of_owner(user.id)] if banned else []
    )
    if shops:  # a ban holds in their shops too (bot/core/children/transport.py)
        said += "\n" + i18n.get("admin-banned-shops", shops=", ".join(shops), count=len(shops))
    await message.answer(said)


async def ban(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    users: UserStore,
    customers: Customers,
    children: ChildShops,
) -> None:
    await _set_ban(message, command, i18n, users, customers, children, True)


async def unban(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    users: UserStore,
    customers: Customers,
    children: ChildShops,
) -> None:
    await _set_ban(message, command, i18n, users, customers, children, False)


async def api_switch(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    users: UserStore,
    api_keys: ApiKeyStore,
    audit: AuditLog,
) -> None:
    """/api_off <user> stops their key at once (and any key they make later); /api_on."""
    if not command.args:
        await message.answer(i18n.get("admin-api-usage"))
        return
    user = await users.find_user(command.args)
    if user is None:
        await message.answer(i18n.get("admin-user-not-found", user=html.quote(command.args)))
        return
    off = command.command == "api_off"
    before = (await api_keys.access(user.id)).disabled
    await api_keys.set_disabled(user.id, off)
    await audit.record(message.chat.id, "api.disabled", user.id, before, off)
    await message.answer(i18n.get("admin-api-off" if off else "admin-api-on", user=str(user.id)))


def register(router: Router) -> None:
    router.message.register(ban, Command("ban"))
    router.message.register(unban, Command("unban"))
    router.message.register(api_switch, Command("api_off", "api_on"))

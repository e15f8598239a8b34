"""Customers: /ban and /unban."""

from __future__ import annotations

from aiogram import Router, html
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.core.customers.directory import Customers
from bot.core.customers.user_store import UserStore


async def _set_ban(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    users: UserStore,
    customers: Customers,
    banned: bool,
) -> None:
    user = await users.find_user(command.args or "")
    if user is None:
        await message.answer(i18n.get("admin-user-not-found", user=html.quote(command.args or "")))
        return
    await customers.set_banned(user.id, banned)
    await message.answer(
        i18n.get("admin-banned" if banned else "admin-unbanned", user=str(user.id))
    )


async def ban(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    users: UserStore,
    customers: Customers,
) -> None:
    await _set_ban(message, command, i18n, users, customers, True)


async def unban(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    users: UserStore,
    customers: Customers,
) -> None:
    await _set_ban(message, command, i18n, users, customers, False)


def register(router: Router) -> None:
    router.message.register(ban, Command("ban"))
    router.message.register(unban, Command("unban"))

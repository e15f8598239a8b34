"""/staff: the owner's team — `/staff add <id|@name> viewer|support|manager`, `/staff remove
<id|@name>`, `/staff limit <amount>` (the most a manager refunds at once), `/staff` lists."""

from __future__ import annotations

import contextlib

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.types import BotCommand, BotCommandScopeChat, Message
from aiogram_i18n import I18nContext

from bot.core.customers.user_store import UserStore
from bot.core.money import parse_decimal
from bot.core.ops.audit_store import AuditLog
from bot.core.shop import Shop
from bot.core.staff.roles import COMMAND_ROLE, Role
from bot.core.staff.store import Staff
from bot.ui.commands import CUSTOMER_COMMANDS
from bot.ui.render import money

MAX_LIMIT = 1_000_000


async def staff_command(
    message: Message,
    command: CommandObject,
    bot: Bot,
    i18n: I18nContext,
    staff: Staff,
    users: UserStore,
    audit: AuditLog,
    shop: Shop,
) -> None:
    words = (command.args or "").split()
    verb = words[0].lower() if words else ""
    if verb == "limit" and len(words) == 2:
        amount = parse_decimal(words[1])
        if amount is None or not 0 <= amount <= MAX_LIMIT:
            await message.answer(i18n.get("admin-staff-usage"))
            return
        before = await staff.refund_limit()
        await staff.set_refund_limit(amount)
        await audit.record(message.chat.id, "staff.limit", "refund", str(before), str(amount))
        await message.answer(i18n.get("admin-staff-limit", amount=money(amount, shop.currency)))
        return
    if verb in {"add", "remove"} and len(words) == (3 if verb == "add" else 2):
        person = await users.find_user(words[1])
        role = Role.named(words[2]) if verb == "add" else None
        if person is None or (verb == "add" and role is None):
            await message.answer(i18n.get("admin-staff-usage"))
            return
        if person.id in staff.owners:
            await message.answer(i18n.get("admin-staff-owner"))
            return
        was = (await staff.members()).get(person.id)
        await staff.set_role(person.id, role)
        await audit.record(
            message.chat.id,
            "staff.role",
            person.id,
            was.name.lower() if was else None,
            role.name.lower() if role else None,
        )
        await _their_menu(bot, i18n, person.id, role)
        key = "admin-staff-added" if role else "admin-staff-removed"
        await message.answer(
            i18n.get(key, user=str(person.id), role=role.name.lower() if role else "")
        )
        return
    await _list(message, i18n, staff, shop)


async def _list(message: Message, i18n: I18nContext, staff: Staff, shop: Shop) -> None:
    members = await staff.members()
    lines = [i18n.get("admin-staff-title")]
    lines += [
        i18n.get("admin-staff-line", user=str(user_id), role=role.name.lower())
        for user_id, role in sorted(members.items())
    ] or [i18n.get("admin-staff-none")]
    limit = money(await staff.refund_limit(), shop.currency)
    lines += ["", i18n.get("admin-staff-limit", amount=limit), i18n.get("admin-staff-usage")]
    await message.answer("\n".join(lines))


async def _their_menu(bot: Bot, i18n: I18nContext, user_id: int, role: Role | None) -> None:
    """The new staff member's command menu: theirs and what their role may use."""
    allowed = [name for name, needed in COMMAND_ROLE.items() if role and role >= needed]
    allowed = [name for name in allowed if name not in {"ticket", "resolve", "replace"}]
    commands = [
        BotCommand(command=name, description=i18n.get(f"cmd-{name.replace('_', '-')}"))
        for name in (*CUSTOMER_COMMANDS, *allowed)
    ]
    with contextlib.suppress(TelegramAPIError):  # the menu is a convenience, not a permission
        await bot.set_my_commands(commands, scope=BotCommandScopeChat(chat_id=user_id))


def register(router: Router) -> None:
    router.message.register(staff_command, Command("staff"))

"""Bot command menus per language and per scope: customers see theirs, admins theirs too."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault

from bot.core.settings import SUPPORTED_LOCALES, Settings
from bot.ui.i18n import Translator

CUSTOMER_COMMANDS = (
    "start",
    "order",
    "orders",
    "wallet",
    "topup",
    "promo",
    "support",
    "language",
    "help",
    "cancel",
)
ADMIN_COMMANDS = (
    "balance",
    "credit",
    "debit",
    "user",
    "markup",
    "stats",
    "ban",
    "unban",
    "broadcast",
    "pending",
    "attach",
    "refund_stars",
    "services_refresh",
    "close",
)


def _commands(translate: Translator, locale: str, names: tuple[str, ...]) -> list[BotCommand]:
    return [
        BotCommand(command=name, description=translate(f"cmd-{name.replace('_', '-')}", locale))
        for name in names
    ]


async def set_bot_commands(bot: Bot, translate: Translator, settings: Settings) -> None:
    for locale in SUPPORTED_LOCALES:
        code = None if locale == settings.default_locale else locale
        await bot.set_my_commands(
            _commands(translate, locale, CUSTOMER_COMMANDS),
            scope=BotCommandScopeDefault(),
            language_code=code,
        )
    admin_menu = _commands(translate, settings.default_locale, CUSTOMER_COMMANDS + ADMIN_COMMANDS)
    for admin_id in settings.admin_ids:
        await bot.set_my_commands(admin_menu, scope=BotCommandScopeChat(chat_id=admin_id))

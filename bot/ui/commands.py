"""Bot command menus per language and per scope: customers see theirs, admins theirs too."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    MenuButtonWebApp,
    WebAppInfo,
)

from bot.core.settings import SUPPORTED_LOCALES, Settings
from bot.ui.i18n import Translator

CUSTOMER_COMMANDS = (
    "start",
    "order",
    "mass",
    "orders",
    "wallet",
    "topup",
    "plans",
    "promo",
    "referrals",
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
    "refund_order",
    "referral",
    "services_refresh",
    "service",
    "panels",
    "routes",
    "route",
    "close",
    "sale",
    "api_off",
    "api_on",
    "category",
    "price",
    "prices",
    "audit",
    "backup",
    "plan",
    "staff",
    "settings",
    "setup",
    "shops",
)


def _commands(translate: Translator, locale: str, names: tuple[str, ...]) -> list[BotCommand]:
    return [
        BotCommand(command=name, description=translate(f"cmd-{name.replace('_', '-')}", locale))
        for name in names
    ]


def customer_commands(settings: Settings) -> tuple[str, ...]:
    """Only what this shop offers: /crypto when Crypto Pay is configured, /api with the
    shop's API."""
    crypto = ("crypto",) if settings.crypto_pay_token is not None else ()
    api = ("api",) if settings.reseller_api else ()
    return (
        *CUSTOMER_COMMANDS[:5],
        *crypto,
        *CUSTOMER_COMMANDS[5:-3],
        *api,
        *CUSTOMER_COMMANDS[-3:],
    )


def admin_commands(settings: Settings) -> tuple[str, ...]:
    """Only what this shop offers: the API's switches with its API, /shops with child shops,
    the routes' commands where there are panels to choose among."""
    absent = set()
    if not settings.reseller_api:
        absent |= {"api_off", "api_on"}
    if not settings.child_shops:
        absent.add("shops")
    if len(settings.panels or ()) < 2:
        absent |= {"routes", "route"}
    return tuple(name for name in ADMIN_COMMANDS if name not in absent)


async def set_bot_commands(bot: Bot, translate: Translator, settings: Settings) -> None:
    customer = customer_commands(settings)
    for locale in SUPPORTED_LOCALES:
        code = None if locale == settings.default_locale else locale
        await bot.set_my_commands(
            _commands(translate, locale, customer),
            scope=BotCommandScopeDefault(),
            language_code=code,
        )
    admin_menu = _commands(translate, settings.default_locale, customer + admin_commands(settings))
    for admin_id in settings.admin_ids:
        await bot.set_my_commands(admin_menu, scope=BotCommandScopeChat(chat_id=admin_id))


async def set_shop_button(bot: Bot, translate: Translator, settings: Settings) -> None:
    """The chat's menu button opens the Mini App."""
    assert settings.webapp_url is not None
    button = MenuButtonWebApp(
        text=translate("button-open-shop", settings.default_locale),
        web_app=WebAppInfo(url=settings.webapp_url),
    )
    await bot.set_chat_menu_button(menu_button=button)

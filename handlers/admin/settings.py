"""/settings: every setting, its value (secrets only as set or not) and where it comes from —
the environment, the setup (stored in the database) or the default; `/settings NAME value`
changes one, `/settings NAME -` forgets it. The owner's alone."""

from __future__ import annotations

import contextlib

from aiogram import Bot, Router, html
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.core.catalog.pricing import Pricing
from bot.core.configuration.service import Configuration
from bot.core.configuration.sources import Line, Source, field_name, is_secret
from bot.ui.render import percent, split_message
from bot.ui.setup_wizard import crypto_answer, panel_answer

FORGET = "-"
# The default markup is /markup's: it wins over MARKUP_PERCENT and applies at once.
MARKUP = "markup_percent"
PANEL = ("panel_api_url", "panel_api_key")
CRYPTO = "crypto_pay_token"


async def settings_command(
    message: Message,
    command: CommandObject,
    bot: Bot,
    i18n: I18nContext,
    configuration: Configuration,
    pricing: Pricing,
) -> None:
    name_text, _, value = (command.args or "").strip().partition(" ")
    if not name_text:
        for part in split_message(await _listing(i18n, configuration, pricing)):
            await message.answer(part)
        return
    name = field_name(name_text)
    if name is None or name == MARKUP:
        key = "settings-use-markup" if name == MARKUP else "settings-unknown"
        await message.answer(i18n.get(key, name=html.quote(name_text[:64])))
        return
    value = value.strip()
    if not value:
        await message.answer(i18n.get("settings-usage"))
        return
    if is_secret(name):
        with contextlib.suppress(TelegramAPIError):  # a token does not stay in the chat
            await bot.delete_message(message.chat.id, message.message_id)
    checked = await _checked(configuration, name, value, i18n) if value != FORGET else None
    if checked is not None:
        answer, ok = checked
        await message.answer(answer)
        if not ok:
            return
    change = await configuration.change(message.chat.id, {name: None if value == FORGET else value})
    if not change.ok:
        await message.answer(i18n.get("setup-refused", reason=html.quote(change.error or "")))
        return
    await message.answer(i18n.get("settings-changed", name=name.upper()))


async def _checked(
    configuration: Configuration, name: str, value: str, i18n: I18nContext
) -> tuple[str, bool] | None:
    """A panel's address or key, or a Crypto Pay token, is tried before it is kept — as the
    wizard and the console do: a wrong one would stop the shop selling."""
    running = configuration.running
    if configuration.from_environment(name):  # refused below, without asking anyone
        return None
    if name in PANEL:
        url = value if name == PANEL[0] else running.panel_api_url
        key = value if name == PANEL[1] else running.panel_api_key.get_secret_value()
        if not url or not key:  # the other half comes next (the wizard asks for it)
            return None
        panel = await configuration.check_panel(url, key)
        return panel_answer(i18n.get, panel), panel.ok
    if name == CRYPTO:
        crypto = await configuration.check_crypto(value)
        return crypto_answer(i18n.get, crypto), crypto.ok
    return None


async def _listing(i18n: I18nContext, configuration: Configuration, pricing: Pricing) -> str:
    lines = [i18n.get("settings-title")]
    for line in await configuration.lines():
        if line.env_name == MARKUP.upper():
            line = _markup_line(line, pricing)
        lines.append(
            i18n.get(
                "settings-line",
                name=line.env_name,
                value=html.quote(line.value[:80]),
                source=i18n.get(f"settings-source-{line.source.value}"),
                lock="" if line.editable else "🔒",
            )
        )
    return "\n".join(lines) + "\n\n" + i18n.get("settings-usage")


def _markup_line(line: Line, pricing: Pricing) -> Line:
    if "default" not in pricing.overrides():
        return line
    return Line(line.env_name, percent(pricing.default_percent), Source.SETUP, True, False)


def register(router: Router) -> None:
    router.message.register(settings_command, Command("settings"))

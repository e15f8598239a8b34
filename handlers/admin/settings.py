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

FORGET = "-"
# The default markup is /markup's: it wins over MARKUP_PERCENT and applies at once.
MARKUP = "markup_percent"


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
    change = await configuration.change(message.chat.id, {name: None if value == FORGET else value})
    if not change.ok:
        await message.answer(i18n.get("setup-refused", reason=html.quote(change.error or "")))
        return
    await message.answer(i18n.get("settings-changed", name=name.upper()))


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

"""API access (Balance → 🔌 API access, or /api): the shop's API v2 address, a key shown once
at creation, Rotate and Revoke, and whether API orders send chat notices."""

from __future__ import annotations

from aiogram import Router, html
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.core.reselling.api import API_PATH, DOCS_PATH
from bot.core.reselling.key_store import ApiKeyStore
from bot.core.settings import Settings
from bot.ui.callbacks import ApiAccess, ApiStep
from bot.ui.keyboards import api_access_keyboard
from bot.ui.render import minute
from handlers.replies import show_in_place


async def _screen(i18n: I18nContext, settings: Settings, keys: ApiKeyStore, user_id: int) -> str:
    origin = settings.public_origin or ""
    lines = [
        i18n.get("api-access-title"),
        i18n.get(
            "api-access-about",
            address=html.quote(origin + API_PATH),
            docs=html.quote(origin + DOCS_PATH),
        ),
    ]
    access = await keys.access(user_id)
    if access.disabled:
        lines.append(i18n.get("api-access-disabled"))
    elif access.has_key and access.created_at is not None:
        since = minute(access.created_at)
        lines.append(i18n.get("api-access-active", date=since))
    else:
        lines.append(i18n.get("api-access-none"))
    lines.append(i18n.get("api-access-notices", state="on" if access.notify else "off"))
    return "\n".join(lines)


async def api_command(
    message: Message, i18n: I18nContext, settings: Settings, api_keys: ApiKeyStore
) -> None:
    if not settings.reseller_api:
        await message.answer(i18n.get("api-access-unavailable"))
        return
    user_id = message.chat.id
    access = await api_keys.access(user_id)
    await message.answer(
        await _screen(i18n, settings, api_keys, user_id),
        reply_markup=api_access_keyboard(i18n, access.has_key, access.notify),
    )


async def api_button(
    query: CallbackQuery,
    callback_data: ApiAccess,
    callback_answer: CallbackAnswer,
    i18n: I18nContext,
    settings: Settings,
    api_keys: ApiKeyStore,
) -> None:
    if not settings.reseller_api:  # a button from before the shop switched its API off
        callback_answer.text = i18n.get("api-access-unavailable")
        return
    user_id = query.from_user.id
    step = callback_data.step
    access = await api_keys.access(user_id)
    if step is ApiStep.CREATE and not access.disabled:
        key = await api_keys.issue(user_id)
        # A message of its own: the key is shown once, and this one may be forwarded nowhere.
        if isinstance(query.message, Message):
            await query.message.answer(i18n.get("api-access-new-key", secret=html.quote(key)))
    elif step is ApiStep.REVOKE:
        revoked = await api_keys.revoke(user_id)
        callback_answer.text = i18n.get("api-access-revoked" if revoked else "api-access-none")
    elif step in {ApiStep.NOTIFY_ON, ApiStep.NOTIFY_OFF}:
        await api_keys.set_notify(user_id, step is ApiStep.NOTIFY_ON)
    access = await api_keys.access(user_id)
    await show_in_place(
        query,
        await _screen(i18n, settings, api_keys, user_id),
        api_access_keyboard(i18n, access.has_key, access.notify),
    )


def register(router: Router) -> None:
    router.message.register(api_command, Command("api"))
    router.callback_query.register(api_button, ApiAccess.filter())

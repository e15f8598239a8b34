"""The owner's first hour: `/setup <code>` claims a shop nobody owns (the code is in the log),
then a wizard asks one step at a time, with Back and Skip — the panel (checked live), markup,
currency, language, support group (found when the bot is made its admin), Stars rate, Crypto
Pay token (checked), Mini App address. Each answer is stored and the shop rebuilt with it."""

from __future__ import annotations

import contextlib
from decimal import Decimal

from aiogram import Bot, F, Router, html
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import (
    PROMOTED_TRANSITION,
    ChatMemberUpdatedFilter,
    Command,
    CommandObject,
    Filter,
    StateFilter,
)
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, ChatMemberUpdated, Message, TelegramObject, User
from aiogram_i18n import I18nContext

from bot.core.catalog.pricing import Pricing
from bot.core.configuration.service import Claim, Configuration
from bot.core.money import parse_decimal
from bot.core.ops.audit_store import AuditLog
from bot.ui.callbacks import SetupDo, SetupNav
from bot.ui.filters import TypedText
from bot.ui.render import percent
from bot.ui.setup_wizard import (
    ORDER,
    crypto_answer,
    current_value,
    group_found,
    panel_answer,
    prompt,
    set_by_environment,
    step_after,
    step_before,
    steps_for,
)
from handlers.states import SetupForm

MAX_MARKUP = Decimal(1000)
# Settings that are only ever typed at one step, and so decided there.
TYPED = {
    "currency": "wallet_currency",
    "support": "support_chat_id",
    "stars": "stars_per_usd",
    "webapp": "webapp_url",
}


class IsOwner(Filter):
    """The owner — also one who claimed the shop a moment ago, before the rebuild that makes
    them an admin everywhere. No staff role may set the shop up."""

    async def __call__(
        self,
        event: TelegramObject,
        configuration: Configuration,
        event_from_user: User | None = None,
    ) -> bool:
        return event_from_user is not None and await configuration.is_owner(event_from_user.id)


Owner = IsOwner()


async def setup_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    state: FSMContext,
    configuration: Configuration,
    pricing: Pricing,
) -> None:
    user_id = message.chat.id
    claim = await configuration.claim(user_id, (command.args or "").strip()[:64])
    if claim is Claim.WRONG and not command.args:
        await message.answer(i18n.get("setup-needs-code"))
        return
    if claim in (Claim.WRONG, Claim.TOO_MANY, Claim.TAKEN):
        await message.answer(i18n.get(f"setup-{claim.value}"))
        return
    if claim is Claim.CLAIMED:
        await message.answer(i18n.get("setup-claimed"))
    await show(message, i18n, state, configuration, pricing, steps_for(configuration.env)[0])


async def show(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    configuration: Configuration,
    pricing: Pricing,
    step: str | None,
) -> None:
    """Ask `step` (None: the wizard is over)."""
    if step is None:
        await state.clear()
        await message.answer(i18n.get("setup-done"))
        return
    await state.set_state(getattr(SetupForm, step))
    current = current_value(step, configuration.running, percent(pricing.default_percent))
    text, keyboard = prompt(i18n, step, configuration.running, configuration.env, current)
    await message.answer(text, reply_markup=keyboard)


def _step(state_name: str | None) -> str | None:
    step = (state_name or "").partition(":")[2]
    return step if step in ORDER else None


async def navigate(
    query: CallbackQuery,
    callback_data: SetupNav,
    i18n: I18nContext,
    state: FSMContext,
    configuration: Configuration,
    pricing: Pricing,
) -> None:
    step = _step(await state.get_state())
    if not isinstance(query.message, Message):
        return
    if callback_data.action is SetupDo.GROUP:
        await use_group(query.message, callback_data.value, i18n, state, configuration, pricing)
        return
    if step is None:  # a button of a wizard that is over
        await query.message.answer(i18n.get("setup-over"))
        return
    if callback_data.action is SetupDo.BACK:
        await show(
            query.message, i18n, state, configuration, pricing, step_before(step, configuration.env)
        )
    elif callback_data.action is SetupDo.SKIP:
        await show(
            query.message, i18n, state, configuration, pricing, step_after(step, configuration.env)
        )
    elif step in ("currency", "language"):
        name = "wallet_currency" if step == "currency" else "default_locale"
        value = callback_data.value or None  # the panel's currency: nothing stored
        await save(query.message, i18n, state, configuration, pricing, step, {name: value})


async def save(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    configuration: Configuration,
    pricing: Pricing,
    step: str,
    changes: dict[str, str | None],
) -> None:
    """Store the step's answer and go on, or say exactly why not and ask again."""
    if set_by_environment(step, configuration.env):
        await show(message, i18n, state, configuration, pricing, step)
        return
    change = await configuration.change(message.chat.id, changes)
    if not change.ok:  # said why, and the same step asked again with its buttons
        await message.answer(i18n.get("setup-refused", reason=html.quote(change.error or "")))
        await show(message, i18n, state, configuration, pricing, step)
        return
    await message.answer(i18n.get("setup-saved"))
    await show(message, i18n, state, configuration, pricing, step_after(step, configuration.env))


async def typed(
    message: Message,
    bot: Bot,
    i18n: I18nContext,
    state: FSMContext,
    configuration: Configuration,
    pricing: Pricing,
    audit: AuditLog,
) -> None:
    step = _step(await state.get_state())
    text = (message.text or "").strip()
    if step is None:
        return
    if set_by_environment(step, configuration.env):
        await show(message, i18n, state, configuration, pricing, step)
    elif step == "panel_url":
        await state.update_data(panel_url=text[:500])
        await show(message, i18n, state, configuration, pricing, "panel_key")
    elif step == "panel_key":
        await _forget_message(bot, message)  # a key does not stay in the chat
        await check_panel(message, text, i18n, state, configuration, pricing)
    elif step == "crypto":
        await _forget_message(bot, message)
        await check_crypto(message, text, i18n, state, configuration, pricing)
    elif step == "markup":
        await set_markup(message, text, i18n, state, configuration, pricing, audit)
    elif step == "language":
        await show(message, i18n, state, configuration, pricing, step)  # the buttons choose
    else:
        await save(message, i18n, state, configuration, pricing, step, {TYPED[step]: text})


async def check_panel(
    message: Message,
    key: str,
    i18n: I18nContext,
    state: FSMContext,
    configuration: Configuration,
    pricing: Pricing,
) -> None:
    url = str((await state.get_data()).get("panel_url") or "")
    if not url:
        await show(message, i18n, state, configuration, pricing, "panel_url")
        return
    progress = await message.answer(i18n.get("setup-checking"))
    check = await configuration.check_panel(url, key)
    with contextlib.suppress(TelegramAPIError):
        await progress.edit_text(panel_answer(i18n.get, check))
    if not check.ok:  # the key is asked again; Back changes the address
        await show(message, i18n, state, configuration, pricing, "panel_key")
        return
    changes: dict[str, str | None] = {"panel_api_url": url, "panel_api_key": key}
    await save(message, i18n, state, configuration, pricing, "panel_key", changes)


async def check_crypto(
    message: Message,
    token: str,
    i18n: I18nContext,
    state: FSMContext,
    configuration: Configuration,
    pricing: Pricing,
) -> None:
    progress = await message.answer(i18n.get("setup-checking"))
    check = await configuration.check_crypto(token)
    with contextlib.suppress(TelegramAPIError):
        await progress.edit_text(crypto_answer(i18n.get, check))
    if not check.ok:
        await show(message, i18n, state, configuration, pricing, "crypto")
        return
    await save(message, i18n, state, configuration, pricing, "crypto", {"crypto_pay_token": token})


async def set_markup(
    message: Message,
    text: str,
    i18n: I18nContext,
    state: FSMContext,
    configuration: Configuration,
    pricing: Pricing,
    audit: AuditLog,
) -> None:
    """The default markup is /markup's (it wins over MARKUP_PERCENT and applies at once)."""
    value = parse_decimal(text.rstrip("%").strip())
    if value is None or not 0 <= value <= MAX_MARKUP:
        await message.answer(i18n.get("setup-markup-bad"))
        await show(message, i18n, state, configuration, pricing, "markup")
        return
    before = pricing.overrides().get("default")
    await pricing.set_override("default", value)
    await audit.record(message.chat.id, "markup", "default", before, value)
    await message.answer(i18n.get("setup-saved"))
    await show(
        message, i18n, state, configuration, pricing, step_after("markup", configuration.env)
    )


async def use_group(
    message: Message,
    chat_id: str,
    i18n: I18nContext,
    state: FSMContext,
    configuration: Configuration,
    pricing: Pricing,
) -> None:
    at_support = _step(await state.get_state()) == "support"
    if set_by_environment("support", configuration.env):
        await message.answer(i18n.get("setup-refused", reason="SUPPORT_CHAT_ID"))
        return
    change = await configuration.change(message.chat.id, {"support_chat_id": chat_id})
    if not change.ok:
        await message.answer(i18n.get("setup-refused", reason=html.quote(change.error or "")))
        return
    await message.answer(i18n.get("setup-group-set"))
    if at_support:
        await show(
            message, i18n, state, configuration, pricing, step_after("support", configuration.env)
        )


async def made_admin(event: ChatMemberUpdated, bot: Bot, i18n: I18nContext) -> None:
    """The owner made the bot an admin of a group: offer it as the support group."""
    text, keyboard = group_found(
        i18n, event.chat.title or str(event.chat.id), event.chat.id, bool(event.chat.is_forum)
    )
    with contextlib.suppress(TelegramAPIError):  # an owner who never opened the bot's chat
        await bot.send_message(event.from_user.id, text, reply_markup=keyboard)


async def _forget_message(bot: Bot, message: Message) -> None:
    with contextlib.suppress(TelegramAPIError):
        await bot.delete_message(message.chat.id, message.message_id)


def register(router: Router) -> None:
    router.message.register(setup_command, Command("setup"), F.chat.type == ChatType.PRIVATE)
    router.callback_query.register(navigate, SetupNav.filter(), Owner)
    router.message.register(typed, StateFilter(SetupForm), TypedText(), Owner)
    router.my_chat_member.register(
        made_admin,
        ChatMemberUpdatedFilter(member_status_changed=PROMOTED_TRANSITION),
        F.chat.type == ChatType.SUPERGROUP,
        Owner,
    )

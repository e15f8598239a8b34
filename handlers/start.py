"""/start, the main menu, help, language and /cancel."""

from __future__ import annotations

from aiogram import Router, html
from aiogram.filters import Command, CommandObject, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext, LazyFilter

from bot.core.growth.referral_store import ReferralStore
from bot.core.growth.referrals import code_from_start
from bot.core.settings import Settings
from bot.ui.callbacks import LanguagePick
from bot.ui.filters import TextIs
from bot.ui.keyboards import languages, main_menu, open_shop
from handlers import catalog


async def start(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    state: FSMContext,
    referrals: ReferralStore,
    settings: Settings,
    new_customer: bool = False,
) -> None:
    await state.clear()
    code = code_from_start(command.args)
    if code is not None and message.from_user is not None:
        # Whatever the outcome (not new, own code, unknown code), the greeting is the same.
        await referrals.tie_referrer(message.from_user.id, code, is_new=new_customer)
    name = html.quote(message.from_user.first_name if message.from_user else "")
    await message.answer(i18n.get("start-greeting", name=name), reply_markup=main_menu(i18n))
    if settings.webapp_url:
        await message.answer(
            i18n.get("open-shop-hint"), reply_markup=open_shop(i18n, settings.webapp_url)
        )


async def show_help(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("help-text"), reply_markup=main_menu(i18n))


async def choose_language(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("language-choose"), reply_markup=languages(i18n))


async def set_language(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: LanguagePick,
    i18n: I18nContext,
) -> None:
    if callback_data.code not in i18n.core.available_locales:
        callback_answer.text = i18n.get("stale-button")
        return
    await i18n.set_locale(callback_data.code)
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("language-set"), reply_markup=main_menu(i18n))


async def cancel_anything(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.clear()
    await message.answer(i18n.get("cancelled"), reply_markup=main_menu(i18n))


async def nothing_to_cancel(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("nothing-to-cancel"), reply_markup=main_menu(i18n))


def register(router: Router) -> None:
    # A service shared from inline mode opens its card; any other /start greets.
    router.message.register(catalog.service_link, CommandStart(), catalog.ServiceLink())
    router.message.register(start, CommandStart())
    router.message.register(show_help, LazyFilter("menu-help"))
    router.message.register(show_help, Command("help"))
    router.message.register(choose_language, LazyFilter("menu-language"))
    router.message.register(choose_language, Command("language"))
    router.callback_query.register(set_language, LanguagePick.filter())
    router.message.register(cancel_anything, TextIs("cancel"), ~StateFilter(None))
    router.message.register(cancel_anything, Command("cancel"), ~StateFilter(None))
    router.message.register(nothing_to_cancel, Command("cancel"))

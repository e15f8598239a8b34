"""/start, the main menu, help, language and /cancel."""

from __future__ import annotations

from aiogram import Router, html
from aiogram.filters import Command, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext, LazyFilter

from bot.filters import TextIs
from handlers.callbacks import LanguagePick
from handlers.keyboards import languages, main_menu

router = Router(name=__name__)


@router.message(CommandStart())
async def start(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.clear()
    name = html.quote(message.from_user.first_name if message.from_user else "")
    await message.answer(i18n.get("start-greeting", name=name), reply_markup=main_menu(i18n))


@router.message(Command("help"))
@router.message(LazyFilter("menu-help"))
async def show_help(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("help-text"), reply_markup=main_menu(i18n))


@router.message(Command("language"))
@router.message(LazyFilter("menu-language"))
async def choose_language(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("language-choose"), reply_markup=languages(i18n))


@router.callback_query(LanguagePick.filter())
async def set_language(
    query: CallbackQuery, callback_data: LanguagePick, i18n: I18nContext
) -> None:
    if callback_data.code not in i18n.core.available_locales:
        await query.answer(i18n.get("stale-button"))
        return
    await i18n.set_locale(callback_data.code)
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("language-set"), reply_markup=main_menu(i18n))


@router.message(Command("cancel"), ~StateFilter(None))
@router.message(TextIs("cancel"), ~StateFilter(None))
async def cancel_anything(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.clear()
    await message.answer(i18n.get("cancelled"), reply_markup=main_menu(i18n))


@router.message(Command("cancel"))
async def nothing_to_cancel(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("nothing-to-cancel"), reply_markup=main_menu(i18n))

"""Balance: the customer's wallet."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_i18n import I18nContext, LazyFilter

from bot.render import money
from bot.shop import Shop
from bot.storage import Repository
from handlers.keyboards import topup_keyboard

router = Router(name=__name__)


@router.message(Command("balance_me", "wallet"))
@router.message(LazyFilter("menu-balance"))
async def show_balance(message: Message, i18n: I18nContext, repo: Repository, shop: Shop) -> None:
    balance = await repo.balance(message.chat.id)
    await message.answer(
        i18n.get("balance-text", balance=money(balance, shop.currency)),
        reply_markup=topup_keyboard(i18n, shop.currency),
    )

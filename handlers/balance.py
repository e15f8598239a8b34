"""Balance: the customer's wallet."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_i18n import I18nContext, LazyFilter

from bot.core.payments.wallet_store import WalletStore
from bot.core.shop import Shop
from bot.ui.keyboards import topup_keyboard
from bot.ui.render import demo_note, money


async def show_balance(
    message: Message, i18n: I18nContext, wallets: WalletStore, shop: Shop
) -> None:
    balance = await wallets.balance(message.chat.id)
    await message.answer(
        i18n.get("balance-text", balance=money(balance, shop.currency))
        + demo_note(i18n.get, shop.demo),
        reply_markup=topup_keyboard(i18n, shop.currency, shop.accepts_crypto),
    )


def register(router: Router) -> None:
    router.message.register(show_balance, LazyFilter("menu-balance"))
    router.message.register(show_balance, Command("balance_me", "wallet"))

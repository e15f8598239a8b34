"""Balance: the customer's wallet."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_i18n import I18nContext, LazyFilter

from bot.core.children.service import ChildShops
from bot.core.growth.loyalty import tier_status
from bot.core.payments.wallet_store import WalletStore
from bot.core.plans.service import Plans
from bot.core.settings import Settings
from bot.core.shop import Shop
from bot.ui.keyboards import topup_keyboard
from bot.ui.loyalty_texts import bonus_lines, tier_lines
from bot.ui.render import demo_note, money


async def show_balance(
    message: Message,
    i18n: I18nContext,
    wallets: WalletStore,
    shop: Shop,
    settings: Settings,
    plans: Plans,
    children: ChildShops,
) -> None:
    """The wallet, what each top-up earns on top, and the spend tier with what is left to
    the next."""
    balance = await wallets.balance(message.chat.id)
    lines = [i18n.get("balance-text", balance=money(balance, shop.currency))]
    if settings.spend_tiers:
        spent = await wallets.delivered_spend(message.chat.id)
        lines += tier_lines(i18n.get, tier_status(spent, settings.spend_tiers), shop.currency)
    lines += bonus_lines(i18n.get, wallets.bonuses, shop.currency)
    await message.answer(
        "\n".join(lines) + demo_note(i18n.get, shop.demo),
        reply_markup=topup_keyboard(
            i18n,
            shop.currency,
            shop.accepts_crypto,
            api=settings.reseller_api,
            plans=await plans.store.has_plans_for(message.chat.id),
            own_shop=children.enabled,
        ),
    )


def register(router: Router) -> None:
    router.message.register(show_balance, LazyFilter("menu-balance"))
    router.message.register(show_balance, Command("balance_me", "wallet"))

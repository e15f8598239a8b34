"""Promo codes: customers redeem one with `/promo CODE` or from Balance; admins create, list
and switch them off with `/promo create|list|off`."""

from __future__ import annotations

from aiogram import Router, html
from aiogram.filters import Command, CommandObject, Filter, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.core.catalog.cache import CatalogCache
from bot.core.growth.promo_store import PromoStore
from bot.core.growth.promos import PromoKind, Refusal, normalize_code, parse_create
from bot.core.ops.audit_store import AuditLog
from bot.core.ordering.checkout import Checkout
from bot.core.payments.wallet_store import WalletStore
from bot.core.shop import Shop
from bot.ui.callbacks import EnterPromo
from bot.ui.filters import TypedText
from bot.ui.keyboards import main_menu
from bot.ui.render import money, when
from bot.ui.staff_gate import IsStaff
from handlers.checkout import form_of, show_summary
from handlers.states import OrderForm, PromoInput

ADMIN_VERBS = ("create", "list", "off")


class AdminVerb(Filter):
    async def __call__(self, message: Message, command: CommandObject) -> bool:
        words = (command.args or "").split()
        return bool(words) and words[0].lower() in ADMIN_VERBS


async def redeem(
    message: Message,
    user_id: int,
    text: str,
    i18n: I18nContext,
    promos: PromoStore,
    wallets: WalletStore,
    shop: Shop,
) -> None:
    result = await promos.redeem(normalize_code(text)[:32], user_id)
    if isinstance(result, Refusal):
        await message.answer(i18n.get(result.value, code=html.quote(text.strip()[:32])))
        return
    if result.credited is not None:
        balance = await wallets.balance(user_id)
        await message.answer(
            i18n.get(
                "promo-credited",
                amount=money(result.credited, shop.currency),
                balance=money(balance, shop.currency),
            ),
            reply_markup=main_menu(i18n),
        )
        return
    await message.answer(
        i18n.get("promo-discount-ready", percent=str(result.promo.amount)),
        reply_markup=main_menu(i18n),
    )


async def promo_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    state: FSMContext,
    promos: PromoStore,
    wallets: WalletStore,
    shop: Shop,
    catalog: CatalogCache,
    checkout: Checkout,
) -> None:
    code = (command.args or "").strip()
    at_summary = await state.get_state() == OrderForm.confirming
    if not code:
        if not at_summary:  # a summary waiting keeps waiting: the code comes with the command
            await state.set_state(PromoInput.code)
        await message.answer(i18n.get("promo-ask"))
        return
    await redeem(message, message.chat.id, code, i18n, promos, wallets, shop)
    if at_summary:
        # The summary that waits is priced again, with the code if it applies to it.
        service, answers = await form_of(state, catalog)
        if service is not None:
            await show_summary(message, i18n, state, service, answers, checkout)


async def ask_code(query: CallbackQuery, i18n: I18nContext, state: FSMContext) -> None:
    await state.set_state(PromoInput.code)
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("promo-ask"))


async def code_typed(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    promos: PromoStore,
    wallets: WalletStore,
    shop: Shop,
) -> None:
    await state.clear()
    await redeem(message, message.chat.id, message.text or "", i18n, promos, wallets, shop)


async def code_expected(message: Message, i18n: I18nContext) -> None:
    """Anything but a typed code while one is expected: ask again."""
    await message.answer(i18n.get("promo-ask"))


async def admin_promo(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    promos: PromoStore,
    shop: Shop,
    audit: AuditLog,
) -> None:
    verb, *args = (command.args or "").split()
    verb = verb.lower()
    if verb == "create":
        spec = parse_create(args)
        if spec is None:
            await message.answer(i18n.get("admin-promo-usage"))
            return
        if not await promos.create_promo(spec):
            await message.answer(i18n.get("admin-promo-exists", code=spec.code))
            return
        amount = f"{spec.amount}%" if spec.kind is PromoKind.DISCOUNT else spec.amount
        await audit.record(message.chat.id, "promo.create", spec.code, None, amount)
        await message.answer(i18n.get("admin-promo-created", code=spec.code))
    elif verb == "off":
        code = normalize_code(args[0]) if args else ""
        done = bool(code) and await promos.deactivate_promo(code)
        if done:
            await audit.record(message.chat.id, "promo.off", code, True, False)
        key = "admin-promo-off" if done else "promo-unknown"
        await message.answer(i18n.get(key, code=html.quote(code)))
    else:
        lines = []
        for promo in await promos.promos():
            value = (
                f"{promo.amount}%"
                if promo.kind is PromoKind.DISCOUNT
                else money(promo.amount, shop.currency)
            )
            uses = f"{promo.uses}/{promo.max_uses}" if promo.max_uses else str(promo.uses)
            until = when(promo.expires_at) if promo.expires_at else "—"
            off = "" if promo.active else " (off)"
            lines.append(f"<code>{promo.code}</code> {value} · {uses} · {until}{off}")
        await message.answer("\n".join(lines) or i18n.get("admin-promo-none"))


def register(router: Router) -> None:
    router.message.register(admin_promo, Command("promo"), IsStaff("promo"), AdminVerb())
    router.message.register(promo_command, Command("promo"))
    router.callback_query.register(ask_code, EnterPromo.filter())
    router.message.register(code_typed, StateFilter(PromoInput.code), TypedText())
    router.message.register(code_expected, StateFilter(PromoInput.code))

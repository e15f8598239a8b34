"""Recurring plans for customers: the plans on sale and their own (`/plans`, or Plans under
Balance), subscribing (a link, then a Stars subscription invoice) and cancelling or resuming
the renewal."""

from __future__ import annotations

import logging

from aiogram import Bot, Router, html
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, LabeledPrice, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.core.ordering.links import link_example
from bot.core.plans.rules import LIVE_STATES, PERIOD_SECONDS, STARS, State, payload_of
from bot.core.plans.service import Plans
from bot.core.shop import Shop
from bot.ui.callbacks import PlanPick, PlanRenewal, PlansMenu
from bot.ui.filters import TypedText
from bot.ui.keyboards.plans import plans_keyboard, subscribe_link
from bot.ui.plan_texts import plans_text
from bot.ui.render import shorten, when
from handlers.states import PlanForm

logger = logging.getLogger(__name__)


async def show_plans(
    message: Message, user_id: int, i18n: I18nContext, plans: Plans, shop: Shop
) -> None:
    on_sale = await plans.store.plans()
    offered = [(plan, await plans.service_of(plan)) for plan in on_sale]
    mine = await plans.store.live_subscriptions(user_id)
    await message.answer(
        plans_text(i18n.get, offered, mine, shop.demo),
        reply_markup=plans_keyboard(i18n, on_sale, mine),
    )


async def plans_command(message: Message, i18n: I18nContext, plans: Plans, shop: Shop) -> None:
    await show_plans(message, message.chat.id, i18n, plans, shop)


async def plans_button(query: CallbackQuery, i18n: I18nContext, plans: Plans, shop: Shop) -> None:
    if isinstance(query.message, Message):
        await show_plans(query.message, query.from_user.id, i18n, plans, shop)


async def pick_plan(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: PlanPick,
    i18n: I18nContext,
    state: FSMContext,
    plans: Plans,
    shop: Shop,
) -> None:
    if shop.demo:  # shown, never sold: a demo shop takes no real money
        callback_answer.text = i18n.get("demo-no-payments")
        callback_answer.show_alert = True
        return
    plan = await plans.store.plan(callback_data.plan)
    service = await plans.service_of(plan) if plan is not None and plan.on_sale else None
    if plan is None or service is None:
        callback_answer.text = i18n.get("plan-gone")
        callback_answer.show_alert = True
        return
    await state.set_state(PlanForm.link)
    await state.update_data(plan=plan.id)
    if isinstance(query.message, Message):
        example = link_example(service.name, service.category)
        await query.message.answer(
            i18n.get("plan-ask-link", plan=html.quote(shorten(plan.name, 64)), example=example)
        )


async def link_sent(
    message: Message,
    bot: Bot,
    i18n: I18nContext,
    state: FSMContext,
    plans: Plans,
) -> None:
    plan = await plans.store.plan(int((await state.get_data()).get("plan", 0)))
    if plan is None or not plan.on_sale:
        await state.clear()
        await message.answer(i18n.get("plan-gone"))
        return
    link = await plans.check_link(plan, (message.text or "").strip())
    if link is None:
        await message.answer(i18n.get("plan-bad-link"))
        return
    await state.clear()
    subscription_id = await plans.subscribe(message.chat.id, plan, link)
    try:
        url = await bot.create_invoice_link(
            title=shorten(plan.name, 32),
            description=i18n.get("plan-invoice", quantity=plan.quantity, link=shorten(link, 120)),
            payload=payload_of(subscription_id),
            currency=STARS,
            prices=[LabeledPrice(label=shorten(plan.name, 32), amount=plan.stars)],
            subscription_period=PERIOD_SECONDS,
        )
    except TelegramAPIError as exc:
        logger.warning("plan invoice not created", extra={"error": type(exc).__name__})
        await message.answer(i18n.get("plan-unavailable"))
        return
    await message.answer(
        i18n.get(
            "plan-summary",
            plan=html.quote(shorten(plan.name, 64)),
            quantity=plan.quantity,
            link=html.quote(shorten(link, 300)),
            stars=plan.stars,
        ),
        reply_markup=subscribe_link(i18n, url, plan.stars),
    )


async def renewal(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: PlanRenewal,
    bot: Bot,
    i18n: I18nContext,
    plans: Plans,
) -> None:
    """Cancel (paid to the period's end, no renewal) or resume a plan: Telegram first, so
    the shop never says what Telegram will not do."""
    subscription = await plans.store.subscription(callback_data.subscription)
    if (
        subscription is None
        or subscription.user_id != query.from_user.id
        or subscription.state not in LIVE_STATES
        or subscription.first_charge is None
    ):
        callback_answer.text = i18n.get("plan-gone")
        callback_answer.show_alert = True
        return
    wanted = State.CANCELLED if callback_data.cancel else State.ACTIVE
    if subscription.state is not wanted:
        try:
            await bot.edit_user_star_subscription(
                user_id=subscription.user_id,
                telegram_payment_charge_id=subscription.first_charge,
                is_canceled=callback_data.cancel,
            )
        except TelegramAPIError as exc:
            logger.warning("plan renewal not changed", extra={"error": type(exc).__name__})
            callback_answer.text = i18n.get("plan-unavailable")
            callback_answer.show_alert = True
            return
        await plans.store.set_cancelled(subscription.id, callback_data.cancel)
    until = when(subscription.expires_at) if subscription.expires_at else "—"
    key = "plan-cancelled" if callback_data.cancel else "plan-resumed"
    callback_answer.text = i18n.get(key, plan=shorten(subscription.plan_name, 64), date=until)
    callback_answer.show_alert = True


def register(router: Router) -> None:
    router.message.register(plans_command, Command("plans"))
    router.callback_query.register(plans_button, PlansMenu.filter())
    router.callback_query.register(pick_plan, PlanPick.filter())
    router.callback_query.register(renewal, PlanRenewal.filter())
    router.message.register(link_sent, PlanForm.link, TypedText())

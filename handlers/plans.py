"""Recurring plans for customers: the plans on sale and their own (`/plans`, or Plans under
Balance), subscribing (a link, then a Stars subscription invoice) and cancelling or resuming
the renewal."""

from __future__ import annotations

from aiogram import Bot, Router, html
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.core.ordering.links import link_example
from bot.core.plans.service import Plans
from bot.core.shop import Shop
from bot.ui.callbacks import PlanPick, PlanRenewal, PlansMenu
from bot.ui.filters import TypedText
from bot.ui.keyboards.plans import plans_keyboard, subscribe_link
from bot.ui.plan_texts import plans_text
from bot.ui.render import shorten, when
from bot.ui.star_plans import Renewal, change_renewal, subscription_link
from handlers.states import PlanForm


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
    url = await subscription_link(bot, i18n.get, plans, message.chat.id, plan, link)
    if url is None:
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
    cancel = callback_data.cancel
    done, subscription = await change_renewal(
        bot, plans, query.from_user.id, callback_data.subscription, cancel
    )
    if subscription is None:
        callback_answer.text = i18n.get("plan-gone")
    elif done is Renewal.UNAVAILABLE:
        callback_answer.text = i18n.get("plan-unavailable")
    else:
        until = when(subscription.expires_at) if subscription.expires_at else "—"
        key = "plan-cancelled" if cancel else "plan-resumed"
        name = shorten(subscription.plan_name, 64)
        callback_answer.text = i18n.get(key, plan=name, date=until)
    callback_answer.show_alert = True


def register(router: Router) -> None:
    router.message.register(plans_command, Command("plans"))
    router.callback_query.register(plans_button, PlansMenu.filter())
    router.callback_query.register(pick_plan, PlanPick.filter())
    router.callback_query.register(renewal, PlanRenewal.filter())
    router.message.register(link_sent, PlanForm.link, TypedText())

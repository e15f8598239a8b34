"""Keyboards of recurring plans: the plans on sale and the customer's own, and the invoice
link that subscribes."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram_i18n import I18nContext

from bot.core.plans.rules import Plan, State, Subscription
from bot.ui.callbacks import PlanPick, PlanRenewal
from bot.ui.keyboards.kit import Tone, button, markup
from bot.ui.render import shorten


def plans_keyboard(
    i18n: I18nContext, on_sale: list[Plan], mine: list[Subscription]
) -> InlineKeyboardMarkup:
    subscribe = [
        [
            button(
                i18n.get("button-plan-subscribe", plan=shorten(plan.name, 40)),
                PlanPick(plan=plan.id),
            )
        ]
        for plan in on_sale
    ]
    renewals = [
        [_renewal_button(i18n, subscription)] for subscription in mine if subscription.first_charge
    ]
    return markup(*subscribe, *renewals)


def _renewal_button(i18n: I18nContext, subscription: Subscription) -> InlineKeyboardButton:
    name = shorten(subscription.plan_name, 40)
    if subscription.state is State.CANCELLED:
        data = PlanRenewal(subscription=subscription.id, cancel=False)
        return button(i18n.get("button-plan-resume", plan=name), data, Tone.GO)
    data = PlanRenewal(subscription=subscription.id, cancel=True)
    return button(i18n.get("button-plan-cancel", plan=name), data, Tone.STOP)


def subscribe_link(i18n: I18nContext, url: str, stars: int) -> InlineKeyboardMarkup:
    label = i18n.get("button-plan-pay", stars=stars)
    return InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text=label, url=url)]])

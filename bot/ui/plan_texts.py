"""What recurring plans say: the plans on sale, the customer's own, and a plan's summary."""

from __future__ import annotations

from aiogram import html

from bot.core.panels import Service
from bot.core.plans.rules import Plan, State, Subscription
from bot.ui.render import Translate, shorten, when


def plan_line(t: Translate, plan: Plan, service: Service | None) -> str:
    what = html.quote(shorten(service.name, 80)) if service else t("plan-service-gone")
    return t(
        "plan-line",
        plan=html.quote(plan.name),
        quantity=plan.quantity,
        service=what,
        stars=plan.stars,
    )


def subscription_line(t: Translate, subscription: Subscription) -> str:
    until = when(subscription.expires_at) if subscription.expires_at else "—"
    key = "plan-mine-ends" if subscription.state is State.CANCELLED else "plan-mine-renews"
    return t(
        key,
        plan=html.quote(shorten(subscription.plan_name, 64)),
        link=html.quote(shorten(subscription.link, 80)),
        date=until,
    )


def plans_text(
    t: Translate,
    on_sale: list[tuple[Plan, Service | None]],
    mine: list[Subscription],
    demo: bool,
) -> str:
    lines = [t("plans-title")]
    if on_sale:
        lines += ["", *(plan_line(t, plan, service) for plan, service in on_sale)]
    else:
        lines += ["", t("plans-none")]
    if mine:
        lines += ["", t("plans-mine"), *(subscription_line(t, s) for s in mine)]
    if demo and on_sale:
        lines += ["", t("plans-demo")]
    return "\n".join(lines)

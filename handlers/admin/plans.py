"""/plan: the owner's recurring plans — `/plan add <service id> <quantity> <stars> <name>`
offers one (Stars per 30 days), `/plan off <id>` stops selling it, `/plan` lists them."""

from __future__ import annotations

from aiogram import Router, html
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.core.domain import parse_id
from bot.core.ops.audit_store import AuditLog
from bot.core.plans.rules import parse_plan, stars_value
from bot.core.plans.service import PlanProblem, Plans
from bot.core.settings import Settings
from bot.core.shop import Shop
from bot.ui.render import money


async def plan_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    plans: Plans,
    audit: AuditLog,
    settings: Settings,
    shop: Shop,
) -> None:
    verb, _, rest = (command.args or "").strip().partition(" ")
    if verb.lower() == "add":
        await _add(message, rest, i18n, plans, audit, settings, shop)
    elif verb.lower() == "off":
        await _off(message, rest, i18n, plans, audit)
    else:
        await _list(message, i18n, plans)


async def _add(
    message: Message,
    args: str,
    i18n: I18nContext,
    plans: Plans,
    audit: AuditLog,
    settings: Settings,
    shop: Shop,
) -> None:
    draft = parse_plan(args)
    if draft is None:
        await message.answer(i18n.get("admin-plan-usage"))
        return
    try:
        plan_id, service = await plans.add(draft)
    except PlanProblem as problem:
        await message.answer(i18n.get(problem.key, **problem.fluent_args))
        return
    await audit.record(message.chat.id, "plan.add", f"plan:{plan_id}", None, draft.name)
    price = plans.period_price(service, draft.quantity)
    await message.answer(
        i18n.get(
            "admin-plan-added",
            id=str(plan_id),
            plan=html.quote(draft.name),
            quantity=draft.quantity,
            service=html.quote(service.name),
            stars=draft.stars,
            price=money(price, shop.currency),
            worth=money(stars_value(draft.stars, settings.stars_per_usd), shop.currency),
        )
    )


async def _off(
    message: Message, args: str, i18n: I18nContext, plans: Plans, audit: AuditLog
) -> None:
    plan_id = parse_id(args.strip())
    if plan_id is None or not await plans.store.take_off_sale(plan_id):
        await message.answer(i18n.get("admin-plan-unknown"))
        return
    await audit.record(message.chat.id, "plan.off", f"plan:{plan_id}", True, False)
    await message.answer(i18n.get("admin-plan-off", id=str(plan_id)))


async def _list(message: Message, i18n: I18nContext, plans: Plans) -> None:
    every = await plans.store.plans(on_sale_only=False)
    lines = [
        i18n.get(
            "admin-plan-line",
            id=str(plan.id),
            plan=html.quote(plan.name),
            quantity=plan.quantity,
            service=str(plan.service_id),
            stars=plan.stars,
            on_sale="yes" if plan.on_sale else "no",
        )
        for plan in every
    ]
    await message.answer("\n".join([*lines, "", i18n.get("admin-plan-usage")]))


def register(router: Router) -> None:
    router.message.register(plan_command, Command("plan"))

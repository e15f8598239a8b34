"""What loyalty says on the Balance screen, in notices and to admins: the top-up bonus each
amount earns, the customer's spend tier and what is left to the next, a running sale."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram import html

from bot.core.growth.loyalty import Sale, TierStatus
from bot.core.steps import Step
from bot.ui.render import Translate, minute, money, percent


def bonus_lines(t: Translate, bonuses: Sequence[Step], currency: str) -> list[str]:
    if not bonuses:
        return []
    steps = [
        t(
            "balance-bonus-step",
            amount=money(step.threshold, currency),
            percent=percent(step.percent),
        )
        for step in bonuses
    ]
    return [t("balance-bonuses"), *steps]


def tier_lines(t: Translate, status: TierStatus, currency: str) -> list[str]:
    lines = []
    if status.tier is not None:
        lines.append(
            t(
                "balance-tier",
                percent=percent(status.tier.percent),
                spent=money(status.spent, currency),
            )
        )
    if status.next is not None:
        lines.append(
            t(
                "balance-tier-next",
                left=money(status.left, currency),
                percent=percent(status.next.percent),
            )
        )
    return lines


def sale_line(t: Translate, sale: Sale | None) -> str:
    """The banner above New order while a sale runs (its category escaped: a panel names it)."""
    if sale is None:
        return ""
    category = html.quote(sale.category) if sale.category else "all"
    return t(
        "catalog-sale", percent=percent(sale.percent), category=category, until=minute(sale.ends_at)
    )

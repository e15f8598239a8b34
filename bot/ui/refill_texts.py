"""Refill guarantees and refill answers as the customer reads them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.core.catalog.guarantees import LIFETIME, Guarantee, RefillCheck

Translate = Callable[..., str]


def _day(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d")


def guarantee_line(
    t: Translate, guarantee: Guarantee | None, completed_at: float | None = None
) -> str:
    """ "Refill guarantee: 30 days, until 2027-01-04" (the date once the order completed);
    nothing when the service states none."""
    if guarantee is None:
        return ""
    if not guarantee.refills:
        return t("guarantee-none")
    if guarantee.days == LIFETIME:
        return t("guarantee-lifetime")
    said = t("guarantee-days", days=guarantee.days)
    until = guarantee.until(completed_at) if completed_at is not None else None
    return t("guarantee-until", guarantee=said, until=_day(until)) if until else said


def refill_text(t: Translate, check: RefillCheck) -> str:
    if check.allowed:
        return t("refill-requested")
    if check.reason == "refill-guarantee-ended" and check.ended is not None:
        return t("refill-guarantee-ended", until=_day(check.ended))
    if check.reason == "refill-cooldown" and check.next_at is not None:
        return t("refill-cooldown", at=check.next_at.strftime("%Y-%m-%d %H:%M UTC"))
    return t(check.reason or "refill-not-eligible")

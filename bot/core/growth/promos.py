"""Promo codes: what an admin's /promo create means, who may redeem a code, and what a
discount leaves to pay. Plain rules; the storage applies them under a lock."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, InvalidOperation
from enum import StrEnum

from bot.core.money import CENT

CODE = re.compile(r"^[A-Z0-9_-]{3,32}$")
MAX_CREDIT = Decimal(10_000)
MAX_USES = 1_000_000  # uses are counted in a 32-bit column
MAX_DAYS = 3650.0


class PromoKind(StrEnum):
    CREDIT = "credit"  # a fixed amount added to the wallet
    DISCOUNT = "discount"  # a percentage off the next order


@dataclass(frozen=True)
class PromoSpec:
    code: str
    kind: PromoKind
    amount: Decimal  # credit: the amount; discount: the percent
    max_uses: int | None
    days: float | None


def normalize_code(text: str) -> str:
    return text.strip().upper()


def parse_create(args: list[str]) -> PromoSpec | None:
    """`CODE 5 [uses] [days]` (a credit) or `CODE 10% [uses] [days]` (a discount)."""
    if not 2 <= len(args) <= 4:
        return None
    code = normalize_code(args[0])
    value = args[1].replace(",", ".")
    kind = PromoKind.DISCOUNT if value.endswith("%") else PromoKind.CREDIT
    try:
        amount = Decimal(value.rstrip("%"))
        uses = int(args[2]) if len(args) > 2 else None
        days = float(args[3]) if len(args) > 3 else None
    except (InvalidOperation, ValueError):
        return None
    if not CODE.match(code) or not amount.is_finite():
        return None
    if kind is PromoKind.DISCOUNT and not (0 < amount < 100 and amount == amount.to_integral()):
        return None
    if kind is PromoKind.CREDIT and not (
        0 < amount <= MAX_CREDIT and amount == amount.quantize(CENT)
    ):
        return None
    if uses is not None and not 0 < uses <= MAX_USES:
        return None
    if days is not None and not 0 < days <= MAX_DAYS:  # NaN and infinity fail this too
        return None
    return PromoSpec(code, kind, amount, uses, days)


class Refusal(StrEnum):
    UNKNOWN = "promo-unknown"
    EXPIRED = "promo-expired"
    USED_UP = "promo-used-up"
    ALREADY_USED = "promo-already-used"


@dataclass(frozen=True)
class Promo:
    code: str
    kind: PromoKind
    amount: Decimal
    max_uses: int | None
    uses: int
    expires_at: float | None
    active: bool


def refusal(promo: Promo | None, now: float, used_by_this_customer: bool) -> Refusal | None:
    """Why this customer may not redeem this code now, or None if they may."""
    if promo is None or not promo.active:
        return Refusal.UNKNOWN
    if promo.expires_at is not None and now >= promo.expires_at:
        return Refusal.EXPIRED
    if used_by_this_customer:
        return Refusal.ALREADY_USED
    if promo.max_uses is not None and promo.uses >= promo.max_uses:
        return Refusal.USED_UP
    return None


def discounted(price: Decimal, percent: Decimal, cost: Decimal) -> Decimal:
    """The price less the discount, rounded up to the cent, and never below what the panel
    charges for the order: a promotion must not sell at a loss."""
    reduced = (price * (100 - percent) / 100).quantize(CENT, rounding=ROUND_CEILING)
    floor = cost.quantize(CENT, rounding=ROUND_CEILING)
    return min(price, max(reduced, floor))

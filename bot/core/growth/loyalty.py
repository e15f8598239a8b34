"""Loyalty: spend tiers, flash sales, and the rule that discounts never stack — the largest of
a promo code's discount, the customer's tier and a sale applies, never below the panel's
cost (`promos.discounted`). Plain rules; `Sales` keeps the one running sale."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from bot.core.steps import Step, next_step, reached
from bot.core.storage.kv import KeyValueStore

SALE_KEY = "sale"
MAX_SALE_HOURS = 24 * 31
SALE_CACHE_SECONDS = 5.0  # replicas learn of a new sale within this


class DiscountSource(StrEnum):
    PROMO = "promo"
    TIER = "tier"
    SALE = "sale"


@dataclass(frozen=True, slots=True)
class Discount:
    source: DiscountSource
    percent: Decimal
    code: str | None = None  # the promo code, which an order using it spends


# On a tie, the discount that costs the customer nothing to use wins: a promo code is kept
# for an order where it is worth more.
_TIE_ORDER = {DiscountSource.TIER: 0, DiscountSource.SALE: 1, DiscountSource.PROMO: 2}


def best_discount(offers: Iterable[Discount | None]) -> Discount | None:
    """The largest of the discounts on offer: they never add up."""
    found = [offer for offer in offers if offer is not None and offer.percent > 0]
    if not found:
        return None
    return min(found, key=lambda offer: (-offer.percent, _TIE_ORDER[offer.source]))


@dataclass(frozen=True, slots=True)
class TierStatus:
    spent: Decimal
    tier: Step | None  # the tier reached (its percent off every order)
    next: Step | None  # the one after it

    @property
    def left(self) -> Decimal:
        """What is left to spend to reach the next tier."""
        return self.next.threshold - self.spent if self.next else Decimal(0)


def tier_status(spent: Decimal, tiers: Sequence[Step]) -> TierStatus:
    return TierStatus(spent, reached(spent, tiers), next_step(spent, tiers))


def tier_discount(spent: Decimal, tiers: Sequence[Step]) -> Discount | None:
    tier = reached(spent, tiers)
    return Discount(DiscountSource.TIER, tier.percent) if tier else None


@dataclass(frozen=True, slots=True)
class Sale:
    percent: Decimal
    ends_at: float
    category: str | None = None  # None: every category

    def discount_for(self, category: str, now: float) -> Discount | None:
        if now >= self.ends_at:
            return None
        if self.category is not None and self.category.casefold() != category.casefold():
            return None
        return Discount(DiscountSource.SALE, self.percent)


_PERCENT = re.compile(r"^(\d{1,2}(?:\.\d{1,2})?)%$")
_HOURS = re.compile(r"^(\d{1,4}(?:\.\d{1,2})?)h$", re.IGNORECASE)


def parse_sale(args: Sequence[str], now: float) -> Sale | None:
    """`/sale 20% 24h [category]`: None when it does not read so (percent 1-90, hours up to
    a month)."""
    if len(args) < 2:
        return None
    percent, hours = _PERCENT.match(args[0]), _HOURS.match(args[1])
    if percent is None or hours is None:
        return None
    try:
        value, duration = Decimal(percent.group(1)), float(hours.group(1))
    except (InvalidOperation, ValueError):
        return None
    if not 0 < value <= 90 or not 0 < duration <= MAX_SALE_HOURS:
        return None
    category = " ".join(args[2:]).strip() or None
    return Sale(value, now + duration * 3600, category)


class Sales:
    """The running sale, kept in the settings table (every replica reads the same one)."""

    def __init__(self, settings: KeyValueStore) -> None:
        self._settings = settings
        self._cached: tuple[float, Sale | None] | None = None

    async def current(self) -> Sale | None:
        now = time.monotonic()
        if self._cached is not None and now - self._cached[0] < SALE_CACHE_SECONDS:
            sale = self._cached[1]
        else:
            sale = _loads(await self._settings.get_kv(SALE_KEY))
            self._cached = (now, sale)
        return sale if sale is not None and time.time() < sale.ends_at else None

    async def start(self, sale: Sale) -> None:
        await self._settings.set_kv(SALE_KEY, _dumps(sale))
        self._cached = (time.monotonic(), sale)

    async def stop(self) -> bool:
        """False when no sale was running."""
        running = await self.current()
        await self._settings.set_kv(SALE_KEY, None)
        self._cached = (time.monotonic(), None)
        return running is not None

    async def discount_for(self, category: str) -> Discount | None:
        sale = await self.current()
        return sale.discount_for(category, time.time()) if sale else None


def _dumps(sale: Sale) -> str:
    return json.dumps(
        {"percent": str(sale.percent), "ends_at": sale.ends_at, "category": sale.category}
    )


def _loads(text: str | None) -> Sale | None:
    if not text:
        return None
    data = json.loads(text)
    return Sale(Decimal(data["percent"]), float(data["ends_at"]), data.get("category"))

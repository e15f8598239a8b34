"""Markup: a global default plus per-category and per-service overrides set by admins, and a
hand-set price per 1000 (`/price`) that no refresh moves."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from bot.core.catalog.cache import category_key
from bot.core.money import customer_price, panel_cost, round_up_to_cents, with_markup
from bot.core.panels import Service
from bot.core.storage.kv import KeyValueStore

PREFIX = "markup:"
PRICE_PREFIX = "price:"  # price:<service id> = a hand-set price per 1000


class Pricing:
    def __init__(self, settings: KeyValueStore, default_percent: Decimal) -> None:
        self._settings = settings
        self._setting_default = default_percent
        self._overrides: dict[str, Decimal] = {}
        self._hand: dict[int, Decimal] = {}
        self.version = 0  # changes with every load: what priced rows were built on

    async def load(self) -> bool:
        """Read the markups and hand-set prices again; True when they changed."""
        overrides = _decimals(await self._settings.kv_with_prefix(PREFIX), PREFIX)
        hand = _decimals(await self._settings.kv_with_prefix(PRICE_PREFIX), PRICE_PREFIX)
        prices = {int(k): v for k, v in hand.items() if k.isdecimal()}
        if overrides == self._overrides and prices == self._hand and self.version:
            return False
        self._overrides, self._hand = overrides, prices
        self.version += 1
        return True

    @property
    def default_percent(self) -> Decimal:
        return self._overrides.get("default", self._setting_default)

    def overrides(self) -> dict[str, Decimal]:
        return dict(self._overrides)

    def markup_for(self, service: Service) -> Decimal:
        for key in (f"service:{service.id}", f"category:{category_key(service.category)}"):
            if key in self._overrides:
                return self._overrides[key]
        return self.default_percent

    def hand_price(self, service_id: int) -> Decimal | None:
        return self._hand.get(service_id)

    def hand_prices(self) -> dict[int, Decimal]:
        return dict(self._hand)

    def rate(self, service: Service) -> Decimal:
        """The customer's price per 1000."""
        hand = self._hand.get(service.id)
        if hand is not None:
            return hand
        return with_markup(service.rate, self.markup_for(service)).quantize(Decimal("0.0001"))

    def price(self, service: Service, units: int) -> Decimal:
        hand = self._hand.get(service.id)
        if hand is not None:
            return round_up_to_cents(panel_cost(hand, units))
        return customer_price(service.rate, units, self.markup_for(service))

    async def set_hand_price(self, service_id: int, rate: Decimal | None) -> None:
        """A price per 1000 no refresh moves; None gives the service back to the markup."""
        await self._settings.set_kv(
            f"{PRICE_PREFIX}{service_id}", None if rate is None else str(rate)
        )
        await self.load()

    async def move_category(self, old_name: str, new_name: str) -> None:
        """A renamed category keeps its markup."""
        old, new = f"category:{category_key(old_name)}", f"category:{category_key(new_name)}"
        if old in self._overrides:
            await self._settings.set_kv(PREFIX + new, str(self._overrides[old]))
            await self._settings.set_kv(PREFIX + old, None)
            await self.load()

    async def set_override(self, scope: str, percent: Decimal | None) -> None:
        """scope: 'default', 'category:<key>' or 'service:<id>'; None removes it."""
        await self._settings.set_kv(PREFIX + scope, None if percent is None else str(percent))
        await self.load()


def _decimals(stored: dict[str, str], prefix: str) -> dict[str, Decimal]:
    found: dict[str, Decimal] = {}
    for key, value in stored.items():
        try:
            amount = Decimal(value)
        except InvalidOperation:
            continue
        if amount.is_finite():
            found[key.removeprefix(prefix)] = amount
    return found

"""Markup: a global default plus per-category and per-service overrides set by admins."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from bot.core.catalog.cache import category_key
from bot.core.money import customer_price, with_markup
from bot.core.panels import Service
from bot.core.storage.kv import KeyValueStore

PREFIX = "markup:"


class Pricing:
    def __init__(self, settings: KeyValueStore, default_percent: Decimal) -> None:
        self._settings = settings
        self._setting_default = default_percent
        self._overrides: dict[str, Decimal] = {}

    async def load(self) -> None:
        stored = await self._settings.kv_with_prefix(PREFIX)
        overrides: dict[str, Decimal] = {}
        for key, value in stored.items():
            try:
                overrides[key.removeprefix(PREFIX)] = Decimal(value)
            except InvalidOperation:
                continue
        self._overrides = overrides

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

    def rate(self, service: Service) -> Decimal:
        """The customer's price per 1000."""
        return with_markup(service.rate, self.markup_for(service)).quantize(Decimal("0.0001"))

    def price(self, service: Service, units: int) -> Decimal:
        return customer_price(service.rate, units, self.markup_for(service))

    async def set_override(self, scope: str, percent: Decimal | None) -> None:
        """scope: 'default', 'category:<key>' or 'service:<id>'; None removes it."""
        await self._settings.set_kv(PREFIX + scope, None if percent is None else str(percent))
        await self.load()

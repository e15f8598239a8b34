"""One catalog over every panel: the panels' service lists merged into products
(bot/core/catalog/routing.py), each shown on the route the bot would use now, rebuilt when a panel
goes down or comes back and when admins link, unlink or rank routes."""

from __future__ import annotations

import asyncio
import logging
from decimal import Decimal

from bot.core.catalog.routing import (
    Overrides,
    Product,
    Route,
    Routing,
    Standing,
    build_products,
    chosen,
    customer_service,
    ranked,
)
from bot.core.money import panel_cost
from bot.core.panels import PanelError, Service
from bot.core.panels.health import Panels
from bot.core.storage.kv import KeyValueStore

logger = logging.getLogger(__name__)

LINK = "route:link:"  # route:link:<panel>:<service id> = product id
UNLINK = "route:unlink:"  # route:unlink:<panel>:<service id> = 1
PRIORITY = "route:priority:"  # route:priority:<product id>:<panel> = n


def parse_overrides(stored: dict[str, str]) -> Overrides:
    links: dict[tuple[str, int], int] = {}
    unlinked: set[tuple[str, int]] = set()
    priorities: dict[tuple[int, str], int] = {}
    for key, value in stored.items():
        try:
            if key.startswith(LINK):
                panel, service = key.removeprefix(LINK).rsplit(":", 1)
                links[(panel, int(service))] = int(value)
            elif key.startswith(UNLINK):
                panel, service = key.removeprefix(UNLINK).rsplit(":", 1)
                unlinked.add((panel, int(service)))
            elif key.startswith(PRIORITY):
                product, panel = key.removeprefix(PRIORITY).split(":", 1)
                priorities[(int(product), panel)] = int(value)
        except ValueError:
            continue  # a hand-edited row: ignored rather than fatal
    return Overrides(links, frozenset(unlinked), priorities)


class Storefront:
    def __init__(self, panels: Panels, settings_store: KeyValueStore, mode: Routing) -> None:
        self.panels = panels
        self.mode = mode
        self._store = settings_store
        self._lists: dict[str, list[Service]] = {}
        self._overrides = Overrides()
        self._products: dict[int, Product] = {}
        self._standing: Standing | None = None

    async def fetch(self) -> list[Service]:
        """Every panel's services (a panel that fails keeps its last list), merged."""
        names = self.panels.names
        results = await asyncio.gather(
            *(self.panels.client(name).services() for name in names), return_exceptions=True
        )
        failures: list[PanelError] = []
        for name, result in zip(names, results, strict=True):
            if isinstance(result, PanelError):
                failures.append(result)
                logger.warning(
                    "services of a panel unavailable",
                    extra={"panel": name, "error": type(result).__name__},
                )
            elif isinstance(result, BaseException):
                raise result
            else:
                self._lists[name] = result
        if not self._lists:
            raise failures[0]
        self._overrides = parse_overrides(await self._store.kv_with_prefix("route:"))
        self._build()
        return self.views()

    def _build(self) -> None:
        lists = [(name, self._lists.get(name, [])) for name in self.panels.names]
        self._products = {p.id: p for p in build_products(lists, self._overrides)}

    def lists(self) -> list[tuple[str, list[Service]]]:
        """Each panel's services as it listed them last."""
        return [(name, self._lists.get(name, [])) for name in self.panels.names]

    def views(self) -> list[Service]:
        """The catalog the customer sees: each product on its route of choice now."""
        healthy = self.panels.healthy()
        return [
            customer_service(p, chosen(p, healthy, self.mode, self._standing))
            for p in self._products.values()
        ]

    def product(self, product_id: int) -> Product | None:
        return self._products.get(product_id)

    def ranked_routes(self, product_id: int) -> list[Route]:
        product = self._products.get(product_id)
        return ranked(product, self.panels.healthy(), self.mode, self._standing) if product else []

    def rank_with(self, standing: Standing) -> None:
        """Routes ordered by their measured records too (and skipped when they stopped
        starting); every placement route then keeps the sale at or above its cost."""
        self._standing = standing

    def route_of(self, panel: str, service_id: int) -> Route | None:
        for product in self._products.values():
            for route in product.routes:
                if route.panel == panel and route.service.id == service_id:
                    return route
        return None

    async def reload_overrides(self) -> None:
        self._overrides = parse_overrides(await self._store.kv_with_prefix("route:"))
        self._build()

    # -- admins' changes of routes: stored for every replica, then the products rebuilt --

    async def link(self, product_id: int, panel: str, service_id: int) -> bool:
        """Join a panel's service to a product; False when either is unknown."""
        if product_id not in self._products or self.route_of(panel, service_id) is None:
            return False
        await self._store.set_kv(f"{UNLINK}{panel}:{service_id}", None)
        await self._store.set_kv(f"{LINK}{panel}:{service_id}", str(product_id))
        await self.reload_overrides()
        return True

    async def unlink(self, product_id: int, panel: str) -> bool:
        """Split a panel's service off a product that has other routes."""
        product = self._products.get(product_id)
        found = [r for r in product.routes if r.panel == panel] if product else []
        if product is None or not found or len(product.routes) < 2:
            return False
        key = f"{found[0].panel}:{found[0].service.id}"
        await self._store.set_kv(f"{LINK}{key}", None)
        await self._store.set_kv(f"{UNLINK}{key}", "1")
        await self.reload_overrides()
        return True

    async def rank(self, product_id: int, panel: str, priority: int) -> bool:
        """Rank a product's route (lower first, used with ROUTING=priority)."""
        product = self._products.get(product_id)
        if product is None or not any(r.panel == panel for r in product.routes):
            return False
        await self._store.set_kv(f"{PRIORITY}{product_id}:{panel}", str(priority))
        await self.reload_overrides()
        return True

    def placement_routes(
        self, product_id: int, charge: Decimal, units: int
    ) -> list[tuple[Route, Decimal]]:
        """Where an order confirmed at `charge` goes, with what each panel would charge for
        it: the route it was priced on, then the other healthy routes whose cost keeps the
        sale at or above cost."""
        costed = [(r, panel_cost(r.service.rate, units)) for r in self.ranked_routes(product_id)]
        if not costed:
            return []
        healthy = self.panels.healthy()
        rest = [(r, c) for r, c in costed[1:] if r.panel in healthy and c <= charge]
        if self._standing is not None and costed[0][1] > charge:
            # The evidence may have moved another route first since the price was shown:
            # never below cost for it (the route that priced it was checked at pricing).
            return rest
        return costed[:1] + rest

"""Several panels behind one catalog: which panels' services are the same product, which
route sells it now, and which routes a refused order may fail over to. Plain rules; the
catalog and the order service apply them.

Product ids: the first panel of `PANELS` keeps its own service ids (a single panel's catalog
is exactly the panel's), the n-th panel's services get `n * PANEL_ID_SPAN + id`. A product
sold by several panels takes the id of its route on the earliest panel.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from bot.core.domain import MAX_ID
from bot.core.panels import Service
from bot.core.reliability.record import STOPPED

logger = logging.getLogger(__name__)

PANEL_ID_SPAN = 10_000_000


class Routing(StrEnum):
    CHEAPEST = "cheapest"  # the cheapest healthy route
    PRIORITY = "priority"  # the admins' order (then PANELS order)


@dataclass(frozen=True, slots=True)  # one per service of every panel: no dict each
class Route:
    panel: str
    service: Service  # as that panel sells it: its id, rate, min, max, refill, cancel
    priority: int = 0  # lower first (PRIORITY routing, and ties)


@dataclass(frozen=True, slots=True)
class Product:
    id: int
    routes: tuple[Route, ...]


@dataclass(frozen=True)
class Overrides:
    """What admins changed: routes joined to a product, routes split off, priorities."""

    links: Mapping[tuple[str, int], int] = field(default_factory=dict)  # route → product
    unlinked: frozenset[tuple[str, int]] = frozenset()
    priorities: Mapping[tuple[int, str], int] = field(default_factory=dict)  # (product, panel)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", text).strip()


def match_key(service: Service) -> tuple[str, str, str]:
    """Services of different panels with the same name, type and category (case and spacing
    ignored) are the same offer."""
    return _norm(service.name), _norm(service.type), _norm(service.category)


def product_id(panel_index: int, service_id: int) -> int:
    return panel_index * PANEL_ID_SPAN + service_id


def has_product_id(panel_count: int, panel_index: int, service_id: int) -> bool:
    """Whether a service gets a product id of its own: with several panels, an id past the
    span would be another panel's product (10,000,005 on the first is the second's 5), and
    every product id fits the shop's 32-bit columns."""
    if panel_count > 1 and service_id >= PANEL_ID_SPAN:
        return False
    return product_id(panel_index, service_id) <= MAX_ID


def build_products(
    panels: Sequence[tuple[str, Sequence[Service]]], overrides: Overrides | None = None
) -> list[Product]:
    """One product per offer, in the order the panels list them (earliest panel first)."""
    overrides = overrides or Overrides()
    routes_of: dict[int, list[Route]] = {}
    by_key: dict[tuple[str, str, str], int] = {}
    index_of = {name: index for index, (name, _) in enumerate(panels)}
    linked: list[tuple[str, Service, int]] = []
    skipped = 0
    for index, (panel, services) in enumerate(panels):
        for service in services:
            if not has_product_id(len(panels), index, service.id):
                skipped += 1
                continue
            route_key = (panel, service.id)
            own_id = product_id(index, service.id)
            if route_key in overrides.links:
                linked.append((panel, service, overrides.links[route_key]))
                continue
            key = match_key(service)
            target = own_id if route_key in overrides.unlinked else by_key.setdefault(key, own_id)
            if target in routes_of and any(r.panel == panel for r in routes_of[target]):
                target = own_id  # one route per panel: a panel's duplicate stays apart
            routes_of.setdefault(target, []).append(Route(panel, service))
    if skipped:
        logger.warning(
            "services with ids no product id can hold were left out", extra={"count": skipped}
        )
    for panel, service, target in linked:
        if target in routes_of and not any(r.panel == panel for r in routes_of[target]):
            routes_of[target].append(Route(panel, service))
        else:
            own = product_id(index_of[panel], service.id)
            routes_of.setdefault(own, []).append(Route(panel, service))
    return [
        Product(
            id=pid,
            routes=tuple(
                Route(
                    r.panel, r.service, overrides.priorities.get((pid, r.panel), index_of[r.panel])
                )
                for r in routes
            ),
        )
        for pid, routes in routes_of.items()
    ]


# A route's measured standing for its product (bot/core/reliability): 0 reliable, 1 fair or
# not enough orders yet, 2 recent orders often fail, STOPPED: its recent orders stopped
# starting — used only when no other route can take the order, until it proves itself.
Standing = Callable[[int, str], int]


def ranked(
    product: Product, healthy: Iterable[str], mode: Routing, standing: Standing | None = None
) -> list[Route]:
    """The product's routes in the order the bot would use them now: healthy ones that did
    not stop starting first — the better measured record first, then the cheapest or by
    priority — then the panels that are down or stopped starting, in the same order."""
    up = set(healthy)

    def order(route: Route) -> tuple[bool, int, Decimal | int, int]:
        first = route.service.rate if mode is Routing.CHEAPEST else route.priority
        measured = standing(product.id, route.panel) if standing else 1
        away = route.panel not in up or measured >= STOPPED
        return away, measured, first, route.priority

    return sorted(product.routes, key=order)


def chosen(
    product: Product, healthy: Iterable[str], mode: Routing, standing: Standing | None = None
) -> Route:
    """The route that prices the product for the customer now (a down one only when no
    route is up: the product then shows, and orders are refused before any money moves)."""
    return ranked(product, healthy, mode, standing)[0]


def customer_service(product: Product, route: Route) -> Service:
    """The product as the customer sees it: the chosen route's terms under the product id."""
    if route.service.id == product.id:
        return route.service  # the first panel's own services: shown as they are
    return dataclasses.replace(route.service, id=product.id)

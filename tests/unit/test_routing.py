"""Routing rules (bot/core/catalog/routing.py): which services are one product, which route sells it
now, and the admins' links, unlinks and priorities."""

from __future__ import annotations

from decimal import Decimal

from bot.core.catalog.routing import (
    PANEL_ID_SPAN,
    Overrides,
    Routing,
    build_products,
    chosen,
    customer_service,
    ranked,
)
from bot.core.panels import Service


def service(sid: int, name: str, rate: str, kind: str = "Default", category: str = "IG") -> Service:
    return Service.from_panel(
        {
            "service": sid,
            "name": name,
            "type": kind,
            "category": category,
            "rate": rate,
            "min": 10,
            "max": 1000 + sid,
        }
    )


ALPHA = [service(1, "Instagram Followers", "1.00"), service(2, "Likes", "0.50")]
BETA = [
    service(7, "  instagram   FOLLOWERS ", "0.80"),  # the same offer, spelled differently
    service(8, "Likes", "0.40", kind="Package"),  # another type: another product
]


def test_equal_name_type_and_category_make_one_product_keeping_the_first_panels_id() -> None:
    products = {p.id: p for p in build_products([("alpha", ALPHA), ("beta", BETA)])}
    assert set(products) == {1, 2, PANEL_ID_SPAN + 8}
    assert [(r.panel, r.service.id) for r in products[1].routes] == [("alpha", 1), ("beta", 7)]
    assert [r.panel for r in products[PANEL_ID_SPAN + 8].routes] == ["beta"]


def test_the_cheapest_healthy_route_sells_and_shows_its_terms_under_the_product_id() -> None:
    [followers, *_] = build_products([("alpha", ALPHA), ("beta", BETA)])
    route = chosen(followers, {"alpha", "beta"}, Routing.CHEAPEST)
    assert route.panel == "beta"
    shown = customer_service(followers, route)
    assert (shown.id, shown.rate, shown.max) == (1, Decimal("0.80"), 1007)
    assert chosen(followers, {"alpha"}, Routing.CHEAPEST).panel == "alpha"  # beta is down
    # Nothing up: still shown (on the best route), orders are refused before any charge.
    assert chosen(followers, set(), Routing.CHEAPEST).panel == "beta"


def test_priority_routing_follows_the_admins_order_then_the_panels_order() -> None:
    [followers, *_] = build_products([("alpha", ALPHA), ("beta", BETA)])
    assert chosen(followers, {"alpha", "beta"}, Routing.PRIORITY).panel == "alpha"
    ranked_by_admin = build_products(
        [("alpha", ALPHA), ("beta", BETA)], Overrides(priorities={(1, "beta"): -1})
    )[0]
    assert [r.panel for r in ranked(ranked_by_admin, {"alpha", "beta"}, Routing.PRIORITY)] == [
        "beta",
        "alpha",
    ]


def test_admins_unlink_and_link_routes() -> None:
    apart = build_products(
        [("alpha", ALPHA), ("beta", BETA)], Overrides(unlinked=frozenset({("beta", 7)}))
    )
    assert {p.id: len(p.routes) for p in apart}[1] == 1
    assert PANEL_ID_SPAN + 7 in {p.id for p in apart}
    joined = build_products([("alpha", ALPHA), ("beta", BETA)], Overrides(links={("beta", 8): 2}))
    likes = next(p for p in joined if p.id == 2)
    assert [(r.panel, r.service.id) for r in likes.routes] == [("alpha", 2), ("beta", 8)]


def test_service_ids_past_the_span_never_merge_two_panels_products() -> None:
    """Issue 34: panel A's service 10,000,005 and panel B's service 5 both became product
    10,000,005 — one product, two different services."""
    big = service(PANEL_ID_SPAN + 5, "Big id", "1.00")
    small = service(5, "Small id", "2.00")
    products = build_products([("a", [big]), ("b", [small])])
    ids = [p.id for p in products]
    assert len(ids) == len(set(ids))
    for product in products:
        assert len({route.service.name for route in product.routes}) == 1
    # A single panel keeps its own ids, however large.
    [alone] = build_products([("a", [big])])
    assert alone.id == PANEL_ID_SPAN + 5

"""Plain business rules: money, pricing, validation, the catalog, locales."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bot.core.catalog import Catalog, CatalogCache, CatalogUnavailableError
from bot.core.forms import (
    FORMS,
    Invalid,
    fields_for,
    is_orderable,
    normalize_link,
    panel_fields,
    units,
    validate,
)
from bot.core.money import customer_price, partial_refund
from bot.core.panel import PanelUnavailableError, Service
from bot.sandbox.catalog import build_catalog
from bot.ui.render import fit, shorten, split_message

LOCALES = Path(__file__).resolve().parents[1] / "locales"


def service(kind: str = "Default", rate: str = "0.90", low: int = 50, high: int = 10000) -> Service:
    return Service.model_validate(
        {
            "service": 1,
            "name": "S",
            "type": kind,
            "category": "C",
            "rate": rate,
            "min": low,
            "max": high,
        }
    )


@pytest.mark.parametrize(
    ("rate", "units_", "markup", "price"),
    [
        ("0.90", 1000, "0", "0.90"),
        ("0.90", 1000, "30", "1.17"),
        ("0.90", 50, "30", "0.06"),
        ("0.00123", 1, "0", "0.01"),
        ("8", 10, "25", "0.10"),
        ("0.333333", 3000, "0", "1.00"),
    ],
)
def test_price_is_rate_times_units_with_markup_rounded_up_to_cents(
    rate: str, units_: int, markup: str, price: str
) -> None:
    assert customer_price(Decimal(rate), units_, Decimal(markup)) == Decimal(price)


def test_partial_refund_is_the_undelivered_share_of_the_charge() -> None:
    assert partial_refund(Decimal("1.17"), 1000, 250) == Decimal("0.2925")
    assert partial_refund(Decimal("1.17"), 1000, 0) == 0
    assert partial_refund(Decimal("1.17"), 1000, 5000) == Decimal("1.17")  # never more than paid


def test_drip_feed_counts_runs_and_comments_count_lines() -> None:
    assert units(service(), {"quantity": 100, "dripfeed": "yes", "runs": 4, "interval": 5}) == 400
    assert units(service(), {"quantity": 100, "dripfeed": "no"}) == 100
    assert units(service("Custom Comments", low=1), {"comments": ["a", "b", "c"]}) == 3
    assert units(service("Package"), {"link": "https://a.b"}) == 1000
    assert units(service("Subscriptions"), {"max": 200, "posts": 5}) == 1000


def test_every_api_type_has_a_form_and_unknown_types_are_not_orderable() -> None:
    for kind in (
        "Default",
        "Package",
        "SEO",
        "Custom Comments",
        "Custom Comments Package",
        "Mentions",
        "Mentions with Hashtags",
        "Mentions Custom List",
        "Mentions Hashtag",
        "Mentions User Followers",
        "Mentions Media Likers",
        "Comment Likes",
        "Comment Replies",
        "Poll",
        "Invites from Groups",
        "Subscriptions",
        "Web Traffic",
    ):
        assert is_orderable(service(kind)), kind
    assert not is_orderable(service("Hologram Likes"))
    assert len(FORMS) == 17


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://instagram.com/p/abc", "https://instagram.com/p/abc"),
        ("instagram.com/name", "https://instagram.com/name"),
        ("t.me/channel", "https://t.me/channel"),
    ],
)
def test_links_are_normalised(text: str, expected: str) -> None:
    assert normalize_link(text) == expected


@pytest.mark.parametrize(
    "text", ["hello", "ftp://x.y", "https://nodot", "https://a.b/" + "x" * 600, "http://a b.com"]
)
def test_bad_links_are_refused(text: str) -> None:
    assert isinstance(normalize_link(text), Invalid)


def test_quantity_is_an_integer_within_the_service_bounds() -> None:
    spec = fields_for(service())[1]
    assert validate(spec, "1 000", service(), {}) == 1000
    assert isinstance(validate(spec, "49", service(), {}), Invalid)
    assert isinstance(validate(spec, "10001", service(), {}), Invalid)
    assert isinstance(validate(spec, "-5", service(), {}), Invalid)
    assert isinstance(validate(spec, "1e9", service(), {}), Invalid)


def test_panel_fields_join_lines_and_skip_what_is_not_sent() -> None:
    answers = {"link": "https://a.b/c", "quantity": 100, "dripfeed": "no"}
    assert panel_fields(service(), answers) == {"link": "https://a.b/c", "quantity": "100"}
    comments = {"link": "https://a.b/c", "comments": ["one", "two"]}
    assert panel_fields(service("Custom Comments", low=1), comments) == {
        "link": "https://a.b/c",
        "comments": "one\ntwo",
    }


def test_long_texts_are_cut_cleanly_and_split_under_the_limit() -> None:
    assert shorten("x" * 100, 10) == "x" * 9 + "…"
    long = "\n".join(f"line {n} " + "é" * 50 for n in range(400))
    parts = split_message(long)
    assert all(len(part) <= 4096 for part in parts)
    assert "\n".join(parts) == long
    assert len(fit(long)) <= 4096


def test_catalog_of_5000_services_indexes_by_category_and_id() -> None:
    services = [Service.model_validate(item) for item in build_catalog(5000)]
    catalog = Catalog.build(services)
    assert len(catalog.by_id) == 5000
    assert sum(len(c.services) for c in catalog.categories) == 5000
    big = next(c for c in catalog.categories if len(c.services) == 1000)
    assert catalog.by_category_key[big.key] is big
    assert catalog.search("poll votes")[0].type == "Poll"


async def test_catalog_cache_serves_the_last_good_copy_when_a_refresh_fails() -> None:
    calls = 0
    now = [0.0]

    async def fetch() -> list[Service]:
        nonlocal calls
        calls += 1
        if calls > 1:
            raise PanelUnavailableError("down")
        return [service()]

    cache = CatalogCache(fetch, ttl_seconds=10, clock=lambda: now[0])
    first = await cache.get()
    assert await cache.get() is first
    assert calls == 1
    now[0] = 100
    assert await cache.refresh() is first  # failed refresh: last good copy
    assert calls == 2


async def test_catalog_cache_without_any_copy_says_unavailable() -> None:
    async def fetch() -> list[Service]:
        raise PanelUnavailableError("down")

    with pytest.raises(CatalogUnavailableError):
        await CatalogCache(fetch).get()

"""Search by name (bot/core/catalog/search.py): every word typed, short forms, best first."""

from __future__ import annotations

import dataclasses

from bot.core.catalog.cache import Catalog
from bot.core.catalog.search import words
from bot.core.panels import Service
from bot.sandbox.catalog import build_catalog
from tests.factories import service


def catalog_of(*names_and_rates: tuple[str, str]) -> Catalog:
    services = []
    for number, (name, rate) in enumerate(names_and_rates, start=1):
        item = service(rate=rate)
        services.append(dataclasses.replace(item, id=number, name=name, category="TikTok Views"))
    return Catalog.build(services)


def test_every_result_contains_every_word_typed_in_its_name() -> None:
    catalog = catalog_of(
        ("TikTok Plays [Fast]", "0.10"),
        ("TikTok Reactions", "0.20"),
        ("TikTok Members", "0.30"),
        ("TikTok Views [Real]", "0.50"),
        ("Views TikTok Cheap", "0.40"),
        ("Instagram Reviews", "0.05"),  # "views" is not a word of this name
    )
    found = [s.name for s in catalog.search("tiktok views")]
    assert found == ["Views TikTok Cheap", "TikTok Views [Real]"]  # both start so: cheaper first
    assert [s.name for s in catalog.search("VIEWS tiktok")] == found  # any order, any case


def test_accents_emoji_and_short_forms_are_understood() -> None:
    catalog = catalog_of(
        ("Instagram Réels Vues 🇫🇷 ⭐", "1.00"),
        ("YouTube Abonnés", "2.00"),
        ("Telegram Members", "3.00"),
    )
    assert [s.name for s in catalog.search("ig reels vues")] == ["Instagram Réels Vues 🇫🇷 ⭐"]
    assert [s.name for s in catalog.search("yt abonnes")] == ["YouTube Abonnés"]
    assert [s.name for s in catalog.search("tg members ⭐")] == ["Telegram Members"]
    assert words("⭐ Réels!! 🇫🇷") == ["reels"]


def test_names_starting_with_the_words_come_first_then_the_cheaper() -> None:
    catalog = catalog_of(
        ("Cheap Instagram Followers", "0.10"),
        ("Instagram Followers Premium", "0.90"),
        ("Instagram Followers Basic", "0.30"),
    )
    assert [s.name for s in catalog.search("instagram followers")] == [
        "Instagram Followers Basic",
        "Instagram Followers Premium",
        "Cheap Instagram Followers",
    ]


def test_the_real_count_of_a_large_result_is_found() -> None:
    services = [Service.from_panel(item) for item in build_catalog(5000)]
    catalog = Catalog.build(services)
    found = catalog.search("Followers")
    assert len(found) > 1000  # every one, not a capped first page
    assert all("followers" in s.name.casefold() for s in found)
    assert found[0].rate == min(s.rate for s in found if s.name.startswith("Instagram"))


def test_a_pasted_name_with_its_emoji_finds_that_service_first() -> None:
    catalog = catalog_of(
        ("Instagram Followers #1 <HQ>", "0.50"),
        ("Instagram Followers ⭐ [Refill 30D]", "0.90"),
        ("Instagram Followers #2 <HQ>", "0.60"),
    )
    found = catalog.search("Instagram Followers ⭐")
    assert found[0].name == "Instagram Followers ⭐ [Refill 30D]"
    assert len(found) == 3  # the emoji ranks; it does not filter


def test_among_equal_matches_a_better_measured_record_comes_before_a_lower_price() -> None:
    """Issue 36: equally good matches rank by their services' records first, then price."""
    plain = catalog_of(
        ("Instagram Followers Basic", "0.30"),
        ("Instagram Followers Premium", "0.90"),
        ("Instagram Followers Gold", "0.50"),
    )
    by_name = {s.name: s.id for s in plain.services}
    standing = {by_name["Instagram Followers Basic"]: 2, by_name["Instagram Followers Premium"]: 0}
    ranked = Catalog.build(list(plain.services), standing=standing)
    assert [s.name for s in ranked.search("instagram followers")] == [
        "Instagram Followers Premium",  # reliable
        "Instagram Followers Gold",  # not enough orders yet
        "Instagram Followers Basic",  # recent orders often fail, however cheap
    ]

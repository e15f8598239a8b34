"""Refill guarantees read from panels' names, and when a refill may be asked
(bot/core/catalog/guarantees.py)."""

from __future__ import annotations

import pytest

from bot.core.catalog.guarantees import LIFETIME, NO_REFILL, Guarantee, may_refill, read_guarantee

DAY = 86400.0


@pytest.mark.parametrize(
    ("name", "description", "refill", "days"),
    [
        ("Instagram Followers [R30] ⚡", "", True, 30),
        ("IG Likes | 30D Refill", "", True, 30),
        ("TikTok Views", "Refill 45 days. Start 0-1h", True, 45),
        ("YouTube Subs ♻️ 60 days", "", True, 60),
        ("Telegram Members [Lifetime Refill]", "", True, LIFETIME),
        ("Instagram Followers [No Refill]", "", True, 0),
        ("Instagram Followers [R30]", "", False, 0),  # the panel's refill: false wins
        ("Facebook Page Likes", "", True, None),  # says nothing: no known window
        ("Views R2D2 edition", "", True, None),  # not a guarantee
    ],
)
def test_what_a_service_promises(
    name: str, description: str, refill: bool, days: int | None
) -> None:
    found = read_guarantee(name, description, refill)
    assert (found.days if found else None) == days


def test_refill_inside_the_window_outside_it_and_between_two_requests() -> None:
    done = 1_000_000.0
    r30 = Guarantee(30)
    assert may_refill(r30, done, None, False, 24, done + 29 * DAY).allowed
    late = may_refill(r30, done, None, False, 24, done + 31 * DAY)
    assert late.reason == "refill-guarantee-ended" and late.ended is not None
    assert may_refill(NO_REFILL, done, None, False, 24, done + DAY).reason == "refill-no-guarantee"
    assert may_refill(Guarantee(LIFETIME), done, None, False, 24, done + 3000 * DAY).allowed
    assert may_refill(r30, done, None, True, 24, done + DAY).reason == "refill-pending"
    soon = may_refill(r30, done, done + DAY, False, 24, done + DAY + 3600)
    assert soon.reason == "refill-cooldown" and soon.next_at is not None
    assert may_refill(r30, done, done + DAY, False, 24, done + 2 * DAY + 1).allowed
    assert may_refill(None, None, None, False, 24, done).reason == "refill-not-eligible"

"""The sandbox's catalog: one service of every API v2 type, plus large categories."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

EVERY_TYPE: tuple[tuple[str, str, str, int, int, bool, bool], ...] = (
    # type, name, rate, min, max, refill, cancel
    ("Default", "Instagram Followers ⭐ [Refill 30D] &amp; fast", "0.90", 50, 10000, True, True),
    ("Package", "Instagram Starter Package 📦", "4.50", 1, 1, False, False),
    ("SEO", "Google SEO Keyword Traffic", "2.10", 100, 5000, False, False),
    ("Custom Comments", "Instagram Custom Comments 💬", "8", 10, 1500, False, True),
    ("Custom Comments Package", "Instagram Comments Package (10)", "3.00", 1, 1, False, False),
    ("Mentions", "Instagram Mentions", "1.20", 100, 10000, False, False),
    ("Mentions with Hashtags", "Instagram Mentions + Hashtags", "1.50", 100, 10000, False, False),
    ("Mentions Custom List", "Instagram Mentions [Custom List]", "2.00", 10, 1000, False, False),
    ("Mentions Hashtag", "Instagram Mentions [Hashtag]", "1.30", 100, 10000, False, False),
    (
        "Mentions User Followers",
        "Instagram Mentions [User Followers]",
        "1.40",
        100,
        10000,
        False,
        False,
    ),
    (
        "Mentions Media Likers",
        "Instagram Mentions [Media Likers]",
        "1.40",
        100,
        10000,
        False,
        False,
    ),
    ("Comment Likes", "Instagram Comment Likes ❤️", "0.70", 20, 5000, True, False),
    ("Comment Replies", "Instagram Comment Replies", "9.00", 5, 500, False, False),
    ("Poll", "Telegram Poll Votes 🗳", "0.40", 100, 50000, False, True),
    ("Invites from Groups", "Telegram Invites From Groups", "3.20", 100, 10000, False, False),
    ("Subscriptions", "Instagram Auto Likes [Subscription]", "0.25", 50, 5000, False, False),
    ("Web Traffic", "Website Traffic 🇺🇸 [Targeted]", "0.15", 500, 1000000, False, True),
)

EVERY_TYPE_CATEGORY = "🧪 Sandbox — every service type"
UNKNOWN_TYPE_CATEGORY = "🧪 Sandbox — a type this bot does not know"
BIG_CATEGORY = "Instagram Followers [1000 offers]"


DRIPFEED_TYPES = frozenset({"Default", "Web Traffic"})


def build_catalog(total: int = 1500, price_factor: Decimal = Decimal(1)) -> list[dict[str, Any]]:
    """Deterministic catalog with numbers as strings and flags in mixed shapes, like real panels."""
    services: list[dict[str, Any]] = []

    def add(
        kind: str,
        name: str,
        category: str,
        rate: str,
        low: int,
        high: int,
        refill: bool,
        cancel: bool,
    ) -> None:
        sid = len(services) + 1
        services.append(
            {
                "service": sid if sid % 2 else str(sid),
                "name": name,
                "type": kind,
                "category": category,
                "rate": rate if price_factor == 1 else f"{Decimal(rate) * price_factor:.5f}",
                "min": str(low),
                "max": high if sid % 3 else str(high),
                "refill": refill if sid % 2 else int(refill),
                "cancel": cancel if sid % 2 else ("1" if cancel else "0"),
                # Drip-feed where a real panel would offer it: the every-type services and
                # half of the rest.
                "dripfeed": kind in DRIPFEED_TYPES and (sid <= len(EVERY_TYPE) + 1 or sid % 2 == 0),
                "description": f"{name}: start 0-1h, 1-5k/day. Sandbox: nothing is delivered.",
            }
        )

    for kind, name, rate, low, high, refill, cancel in EVERY_TYPE:
        add(kind, name, EVERY_TYPE_CATEGORY, rate, low, high, refill, cancel)
    # Panels invent types; the bot must show such a service as not orderable, not break.
    add(
        "Hologram Reactions",
        "Hologram Reactions 🛸",
        UNKNOWN_TYPE_CATEGORY,
        "3.00",
        10,
        100,
        False,
        False,
    )
    remaining = max(0, total - len(services))
    big = min(1000, remaining)
    for n in range(big):
        add(
            "Default",
            f"Instagram Followers #{n + 1} <HQ> 🇧🇷",
            BIG_CATEGORY,
            f"{0.5 + (n % 97) / 100:.5f}",
            10,
            2147483647 if n % 50 == 0 else 50000,
            n % 2 == 0,
            n % 3 == 0,
        )
    remaining -= big
    platforms = ("TikTok", "YouTube", "Telegram", "Twitter/X", "Facebook", "Spotify")
    kinds = ("Likes", "Views", "Followers", "Comments", "Shares")
    n = 0
    while remaining > 0:
        category = f"{platforms[n % len(platforms)]} {kinds[(n // 6) % len(kinds)]} #{n // 30 + 1}"
        for k in range(min(3, remaining)):
            add(
                "Default",
                f"{category} — offer {k + 1}",
                category,
                f"{1 + k * 0.25:.3f}",
                100,
                100000,
                k == 0,
                k == 1,
            )
            remaining -= 1
        n += 1
    return services

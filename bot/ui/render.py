"""Texts built from several locale messages: order cards, prices, pages."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal

from aiogram import html

from bot.core.delivery.estimates import DeliveryTime, describe, progress_bar
from bot.core.domain import STAGE_EMOJI, Order, Stage
from bot.core.money import fmt, fmt_rate

Translate = Callable[..., str]
MESSAGE_LIMIT = 4096
NAME_LIMIT = 60


# A figure the panel never sent sanely (unknown, not zero).
UNKNOWN_FIGURE = "—"
# Stages in which the panel has started the order: its counts are expected.
STARTED_STAGES = frozenset({Stage.IN_PROGRESS, Stage.PROCESSING, Stage.PARTIAL, Stage.UNKNOWN})


def shorten(text: str, limit: int = NAME_LIMIT) -> str:
    """Cut on a character boundary with an ellipsis (names can be 100+ characters)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def money(amount: Decimal, currency: str) -> str:
    return f"{fmt(amount)} {currency}"


def percent(value: Decimal) -> str:
    """A percentage as people write it: "10", "2.5" (not "1E+1" or "10.00")."""
    return f"{value.normalize():f}"


def rate(per_thousand: Decimal, currency: str) -> str:
    return f"{fmt_rate(per_thousand)} {currency}"


def minute(timestamp: float) -> str:
    """A moment to the minute, in UTC (the texts around it say so)."""
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d %H:%M")


def when(timestamp: float) -> str:
    return minute(timestamp) + " UTC"


def stage_label(t: Translate, stage: Stage) -> str:
    key = "stage-" + stage.value.replace("_", "-")
    return f"{STAGE_EMOJI[stage]} {t(key)}"


def duration(t: Translate, seconds: float) -> str:
    said = describe(seconds)
    return t(said.key, count=said.count)


def usual_time(t: Translate, usual: DeliveryTime | None, quantity: int | None) -> str | None:
    """ "Usually done in about 3 h" for this quantity (per 1,000 when none is chosen yet)."""
    if usual is None:
        return None
    if quantity is None and usual.per_thousand:
        return t("usual-time-per-thousand", duration=duration(t, usual.median))
    return t("usual-time", duration=duration(t, usual.for_quantity(quantity or 1)))


def order_card(
    t: Translate,
    order: Order,
    refund: Decimal | None = None,
    usual: DeliveryTime | None = None,
    now: float | None = None,
) -> str:
    lines = [
        t("order-card-title", id=str(order.id)),
        *([t("order-card-via-api")] if order.via_api else []),
        t("order-card-service", service=html.quote(shorten(order.service_name, 120))),
        t("order-card-link", link=html.quote(shorten(order.link, 200))),
        t("order-card-quantity", quantity=str(order.quantity)),
        t("order-card-charge", charge=money(order.charge, order.currency)),
        t("order-card-status", status=stage_label(t, order.stage)),
    ]
    started = order.stage in STARTED_STAGES
    if order.start_count is not None or started:
        start = str(order.start_count) if order.start_count is not None else UNKNOWN_FIGURE
        lines.append(t("order-card-start-count", start=start))
    if order.delivered is not None and order.stage not in {Stage.PLACING, Stage.REJECTED}:
        lines.append(
            t(
                "order-card-progress",
                delivered=str(order.delivered),
                remains=str(order.remains if order.remains is not None else 0),
            )
        )
    elif started:  # the panel said nothing sane about it ("Infinity", 1e30): unknown
        lines.append(t("order-card-progress", delivered=UNKNOWN_FIGURE, remains=UNKNOWN_FIGURE))
    if order.stage.is_polled:
        lines += _how_far(t, order, usual, time.time() if now is None else now)
    if refund:
        lines.append(t("order-card-refund", amount=money(refund, order.currency)))
    lines.append(t("order-card-changed", at=when(order.status_changed_at)))
    return "\n".join(lines)


def _how_far(t: Translate, order: Order, usual: DeliveryTime | None, now: float) -> list[str]:
    """An open order's progress bar and expected finish (once the service has a history)."""
    lines = []
    if order.delivered is not None:
        lines.append(progress_bar(order.delivered, order.quantity))
    if usual is not None:
        expected = usual.for_quantity(order.quantity)
        finish = order.created_at + expected
        if finish > now:
            lines.append(t("order-card-expected", at=when(finish), duration=duration(t, expected)))
        else:
            lines.append(t("order-card-late", duration=duration(t, expected)))
    return lines


def short_card(t: Translate, order: Order) -> str:
    """The card posted from inline mode: what, how far, no link."""
    delivered = order.delivered if order.delivered is not None else 0
    return "\n".join(
        [
            t("order-card-title", id=str(order.id)) + " · " + stage_label(t, order.stage),
            t("order-card-service", service=html.quote(shorten(order.service_name, 120))),
            t(
                "order-card-progress",
                delivered=str(delivered),
                remains=str(
                    order.remains if order.remains is not None else order.quantity - delivered
                ),
            ),
        ]
    )


def fit(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """Shorten a message that would pass Telegram's limit, cutting on a line."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 2]
    cut = cut[: cut.rfind("\n")] if "\n" in cut else cut
    return cut + "\n…"


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split a long text into messages on line boundaries."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current:
        parts.append(current)
    return parts


def demo_note(t: Callable[..., str], demo: bool) -> str:
    """Beneath every price in a demo shop (the built-in sandbox panel): nothing is real."""
    return "\n\n" + t("demo-shop-note") if demo else ""

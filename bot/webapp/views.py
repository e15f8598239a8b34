"""The Mini App's JSON shapes: a service, a summary, an order."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from bot.core.delivery.times import counts_per_thousand
from bot.core.domain import Order
from bot.core.ordering.forms import is_orderable
from bot.core.ordering.quoting import Quote
from bot.core.panels import Service
from bot.core.reliability.record import Figures, Verdict
from bot.ui.order_texts import answered, discount_lines
from bot.ui.record_texts import record_line
from bot.ui.refill_texts import guarantee_line
from bot.ui.render import money, rate, shorten, stage_label, usual_time
from bot.webapp.context import MiniApp

logger = logging.getLogger(__name__)


def service_item(app: MiniApp, service: Service, record: Figures | None = None) -> dict[str, Any]:
    return {
        "reliable": record is not None and record.verdict is Verdict.RELIABLE,
        "id": service.id,
        "name": service.name,
        "category": service.category,
        "type": service.type,
        "rate": rate(app.pricing.rate(service), app.currency()),
        "rate_value": str(app.pricing.rate(service)),
        "min": service.min,
        "max": service.max,
        "refill": service.refill,
        "cancel": service.cancel,
        "orderable": is_orderable(service) and app.paused(service.id) is None,
        "paused": app.paused(service.id) is not None,  # "temporarily unavailable"
    }


def shown_when(name: str) -> dict[str, str] | None:
    """Fields asked only after a choice (drip-feed's runs and interval)."""
    return {"field": "dripfeed", "equals": "yes"} if name in {"runs", "interval"} else None


def _shown(value: Any) -> str:
    if isinstance(value, list):  # comments, usernames…: how many, and the first ones
        first = "; ".join(shorten(str(line), 60) for line in value[:10])
        more = f" … (+{len(value) - 10})" if len(value) > 10 else ""
        return f"{len(value)}: {first}{more}"
    return shorten(str(value), 300)


def summary_json(app: MiniApp, t: Callable[..., str], quote: Quote) -> dict[str, Any]:
    """What will be confirmed: every answer as entered, then the price and the wallet."""
    currency = quote.currency
    return {
        "answers": [{"label": label, "value": _shown(v)} for label, v in answered(t, quote)],
        "price": money(quote.price, currency),
        "price_value": str(quote.price),
        "balance": money(quote.balance, currency),
        "after": money(quote.balance_after, currency),
        "shortfall": money(quote.shortfall, currency) if quote.shortfall else None,
        "discount": " ".join(discount_lines(t, quote, str)) or None,
        "usual": usual_time(t, quote.usual, quote.quantity),
        "guarantee": guarantee_line(t, quote.guarantee) or None,
        "record": record_line(t, quote.record, counts_per_thousand(quote.service.type)),
    }


def order_json(t: Callable[..., str], order: Order, can_refill: bool = False) -> dict[str, Any]:
    return {
        "can_refill": can_refill,  # inside its guarantee, past the cooldown, none pending
        "id": order.id,
        "service_id": order.service_id,
        "service": order.service_name,
        "link": order.link,
        "quantity": order.quantity,
        "charge": money(order.charge, order.currency),
        "stage": order.stage.value,
        "status": stage_label(t, order.stage),
        "remains": order.remains,
        "final": order.stage.is_final,
        "via_api": order.via_api,  # placed through the shop's API v2
    }

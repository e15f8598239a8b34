"""The order form's texts: each question, the summary before Confirm and what became of a
Confirm. Everything the customer typed is escaped here, where it meets HTML."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from aiogram import html

from bot.core.delivery.times import counts_per_thousand
from bot.core.ordering.forms import FieldSpec, Kind, choice_label, fields_for
from bot.core.ordering.links import link_example
from bot.core.ordering.placing import Outcome, Placement
from bot.core.ordering.quoting import Quote
from bot.core.panels import Service
from bot.ui.record_texts import record_line
from bot.ui.refill_texts import guarantee_line
from bot.ui.render import MESSAGE_LIMIT, demo_note, fit, money, percent, shorten, usual_time

Translate = Callable[..., str]


def field_prompt(t: Translate, spec: FieldSpec, service: Service, answers: dict[str, Any]) -> str:
    low = service.min
    if spec.name == "max":
        low = max(service.min, int(answers.get("min", service.min)))
    return t(
        f"field-{spec.name.replace('_', '-')}",
        min=str(low),
        max=str(service.max),
        low=str(spec.min_value),
        high=str(spec.max_value),
        example=link_example(service.name, service.category),
    )


def _shown_value(value: Any) -> str:
    if isinstance(value, list):
        shown = "\n".join(f"  • {html.quote(shorten(line, 80))}" for line in value[:10])
        more = f"\n  … (+{len(value) - 10})" if len(value) > 10 else ""
        return f"{len(value)}\n{shown}{more}"
    return html.quote(shorten(str(value), 300))


def summary_text(t: Translate, quote: Quote, demo: bool = False) -> str:
    """Everything entered, the price and the wallet before and after, within one message:
    when the answers are too long for it, they are shortened — the price never is."""
    price = "\n".join(_price_lines(t, quote)) + demo_note(t, demo)
    answers = fit("\n".join(_answer_lines(t, quote)), MESSAGE_LIMIT - len(price) - 2)
    return answers + "\n\n" + price


def answered(t: Translate, quote: Quote) -> list[tuple[str, Any]]:
    """(label, value) of every answer the form took, in the form's order; a choice as its
    label, a list as it was typed. Plain text: each face escapes it its own way."""
    service, answers = quote.service, dict(quote.answers)
    shown = []
    for spec in fields_for(service):
        if spec.name in answers and answers[spec.name] is not None and spec.applies(answers):
            value = answers[spec.name]
            if spec.kind is Kind.CHOICE:
                value = choice_label(t, spec.name, value)
            shown.append((t(f"label-{spec.name.replace('_', '-')}"), value))
    return shown


def _answer_lines(t: Translate, quote: Quote) -> list[str]:
    lines = [t("summary-title"), f"<b>{html.quote(shorten(quote.service.name, 200))}</b>"]
    lines += [f"{label}: {_shown_value(value)}" for label, value in answered(t, quote)]
    return lines


def discount_lines(t: Translate, quote: Quote, escape: Callable[[str], str]) -> list[str]:
    """Which discount the price carries, and that it is the largest of several on offer."""
    if quote.discount is None or quote.full_price is None:
        return []
    applied = quote.discount
    lines = [
        t(
            "summary-discount",
            source=applied.source.value,
            code=escape(applied.code or ""),
            percent=percent(applied.percent),
            full=money(quote.full_price, quote.currency),
        )
    ]
    if quote.offers > 1:
        lines.append(t("summary-discount-largest"))
    return lines


def _price_lines(t: Translate, quote: Quote) -> list[str]:
    currency = quote.currency
    lines = []
    lines = discount_lines(t, quote, html.quote)
    lines += [
        t("summary-price", price=money(quote.price, currency)),
        t(
            "summary-balance",
            balance=money(quote.balance, currency),
            after=money(quote.balance_after, currency),
        ),
    ]
    said = usual_time(t, quote.usual, quote.quantity)
    if said:
        lines.append(said)
    measured = record_line(t, quote.record, counts_per_thousand(quote.service.type))
    if measured:
        lines.append(measured)
    promised = guarantee_line(t, quote.guarantee)
    if promised:
        lines.append(promised)
    if quote.shortfall:
        lines.append(t("summary-not-enough", missing=money(quote.shortfall, currency)))
    return lines


def placement_text(t: Translate, placement: Placement, currency: str) -> str:
    order_id = str(placement.order_id or "")
    if placement.outcome is Outcome.PLACED:
        return t("order-placed", id=order_id)
    if placement.outcome is Outcome.ALREADY_PLACED:
        return t("order-already-placed", id=order_id)
    if placement.outcome is Outcome.NO_FUNDS:
        missing = placement.missing or Decimal(0)
        return t("order-no-funds", missing=money(missing, currency))
    if placement.outcome is Outcome.LINK_BUSY:
        if placement.busy_order is not None:
            busy = t("order-link-busy", id=str(placement.busy_order))
        else:
            busy = t("order-link-busy-other")
        return busy + "\n" + t("nothing-charged")
    if placement.outcome is Outcome.UNCERTAIN:
        return t("order-uncertain", id=order_id)
    if placement.outcome is Outcome.REJECTED and placement.message_key:
        return t(placement.message_key) + "\n" + t("order-refunded")
    if placement.order_id is None:  # refused before anything was charged
        return t(placement.message_key or "order-error-unavailable") + "\n" + t("nothing-charged")
    return t("order-error-unavailable") + "\n" + t("order-refunded")

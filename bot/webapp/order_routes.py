"""The form, the summary, Confirm through the core's checkout, my orders and their actions,
and Stars top-ups."""

from __future__ import annotations

import hashlib
import logging
import re
from decimal import Decimal
from typing import Any

from aiogram.exceptions import TelegramAPIError
from aiogram.types import LabeledPrice
from aiohttp import web

from bot.core.domain import Order, parse_id
from bot.core.money import parse_decimal
from bot.core.ordering.checkout import Next
from bot.core.ordering.forms import check_form, is_orderable
from bot.core.ordering.placing import Outcome
from bot.core.panels import Service
from bot.core.payments.stars import MAX_TOPUP, STARS, invoice_for
from bot.core.tracking.aftersale import REFILLABLE
from bot.ui.refill_texts import refill_text
from bot.ui.render import money
from bot.webapp.context import MiniApp, app_of, fail, read_body, refusal, texts, user_of
from bot.webapp.views import order_json, summary_json

logger = logging.getLogger(__name__)


async def checked_form(request: web.Request) -> tuple[Service, dict[str, Any], dict[str, str]]:
    app, t = app_of(request), texts(request)
    body = await read_body(request)
    raw_id = str(body.get("service_id") or "")
    service_id = parse_id(raw_id)
    found = await app.catalog.service(service_id) if service_id is not None else None
    if found is None or not is_orderable(found):
        raise refusal(web.HTTPNotFound, "not_found", t("service-gone"))
    submitted = body.get("answers") or {}
    if not isinstance(submitted, dict):
        submitted = {}
    # Whole answers: the form's own rules refuse what is too long, with a hint; cutting one
    # here would order (and price) part of a list.
    answers, problems = check_form(found, {str(k)[:64]: str(v) for k, v in submitted.items()})
    errors = {name: t(p.key, **p.fluent_args()) for name, p in problems.items()}
    return found, answers, errors


async def quote(request: web.Request) -> web.Response:
    app, user, t = app_of(request), user_of(request), texts(request)
    found, answers, errors = await checked_form(request)
    if errors:
        return web.json_response(
            {"ok": False, "error": "invalid_fields", "errors": errors}, status=422
        )
    priced = await app.checkout.summary(user.id, found, answers)
    return web.json_response({"ok": True, "summary": summary_json(app, t, priced)})


def price_of(raw: object) -> Decimal | None:
    return parse_decimal(str(raw)) if isinstance(raw, str | int | float) else None


def form_token(user_id: int, token: str) -> str:
    """The order's token for the page's form token: the page chooses its token, so two
    customers may send the same one; each customer's is their own (and fits the column)."""
    digest = hashlib.sha256(f"{user_id}:{token}".encode()).hexdigest()
    return "app-" + digest[:32]


async def place(request: web.Request) -> web.Response:
    """Confirm: the same checkout as the chat. The page's token is the form's: two taps or
    two tabs with the same form find the first order."""
    app, user, t = app_of(request), user_of(request), texts(request)
    body = await read_body(request)
    token = str(body.get("token") or "")
    # Stored as "app-<token>" in a 40-character column.
    if not re.fullmatch(r"[A-Za-z0-9_-]{8,32}", token):
        return fail(400, "bad_token")
    found, answers, errors = await checked_form(request)
    if errors:
        return web.json_response(
            {"ok": False, "error": "invalid_fields", "errors": errors}, status=422
        )
    async with app.checkout.in_flight():
        result = await app.checkout.confirm(
            user.id,
            found,
            answers,
            form_token(user.id, token),
            price_of(body.get("price")),
            wait_for_top_up=False,  # the page offers its own top-up; nothing waits in the chat
        )
    placement = result.placement
    if result.next is Next.REVIEW:
        return web.json_response(
            {"ok": False, "price_changed": True, "summary": summary_json(app, t, result.quote)},
            status=409,
        )
    assert placement is not None
    messages = {
        Outcome.PLACED: ("order-placed", 200),
        Outcome.ALREADY_PLACED: ("order-already-placed", 200),
        Outcome.UNCERTAIN: ("order-uncertain", 200),
        Outcome.NO_FUNDS: ("order-no-funds", 402),
        Outcome.PRICE_CHANGED: ("price-changed", 409),
        Outcome.LINK_BUSY: (
            "order-link-busy" if placement.busy_order else "order-link-busy-other",
            409,
        ),
        Outcome.REJECTED: (placement.message_key or "order-error-unavailable", 422),
        Outcome.UNAVAILABLE: ("order-error-unavailable", 503),
    }
    key, status = messages[placement.outcome]
    text = t(
        key,
        id=str(placement.order_id or placement.busy_order or ""),
        missing=money(result.shortfall, result.quote.currency),
    )
    return web.json_response(
        {
            "ok": placement.order_id is not None and status == 200,
            "outcome": placement.outcome.value,
            "order_id": placement.order_id,
            "message": text,
        },
        status=status,
    )


async def orders(request: web.Request) -> web.Response:
    app, user, t = app_of(request), user_of(request), texts(request)
    mine = await app.orders_store.list_orders(user.id, limit=50)
    return web.json_response(
        {"orders": [order_json(t, o, await _can_refill(app, o)) for o in mine]}
    )


async def own_order(request: web.Request) -> Order:
    app, user, t = app_of(request), user_of(request), texts(request)
    raw = request.match_info["id"]
    order_id = parse_id(raw)
    order = await app.orders_store.get_order(order_id, user_id=user.id) if order_id else None
    if order is None:  # anyone else's order is simply not found
        raise refusal(web.HTTPNotFound, "not_found", t("order-not-found"))
    return order


async def _can_refill(app: MiniApp, order: Order) -> bool:
    """Only finished orders can be refilled: the others cost no lookup."""
    return order.stage in REFILLABLE and (await app.aftersale.refill_check(order)).allowed


async def order_action(request: web.Request) -> web.Response:
    app, t = app_of(request), texts(request)
    order = await own_order(request)
    action = request.match_info["action"]
    said = ""
    if action == "refill":
        said = refill_text(t, await app.aftersale.refill(order))
    elif action == "cancel":
        said = t(await app.aftersale.cancel(order), id=str(order.id))
    else:
        await app.aftersale.refresh(order)
    fresh = await own_order(request)
    can_refill = await _can_refill(app, fresh)
    return web.json_response({"message": said, "order": order_json(t, fresh, can_refill)})


async def topup(request: web.Request) -> web.Response:
    """A Stars invoice link for `openInvoice`; the payment is credited like the chat's."""
    app, user, t = app_of(request), user_of(request), texts(request)
    body = await read_body(request)
    if app.demo:
        return fail(403, "demo", t("demo-no-payments"))
    amount = body.get("amount")
    if not isinstance(amount, int) or not 0 < amount <= MAX_TOPUP:
        return fail(400, "bad_amount")
    invoice = invoice_for(user.id, amount, app.settings.stars_per_usd)
    label = money(Decimal(amount), app.currency())
    try:
        link = await app.bot.create_invoice_link(
            title=t("topup-title"),
            description=t("topup-description", amount=label),
            payload=invoice.payload,
            currency=STARS,
            prices=[LabeledPrice(label=label, amount=invoice.stars)],
        )
    except TelegramAPIError as exc:
        logger.warning("invoice link not created", extra={"error": type(exc).__name__})
        return fail(503, "unavailable", t("app-topup-unavailable"))
    return web.json_response({"link": link})

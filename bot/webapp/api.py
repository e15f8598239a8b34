"""The Mini App's JSON API under /app/api/. Every call carries the raw init data in the
`X-Telegram-Init-Data` header; the user is taken from it alone. Everything about orders,
money and panels goes through the same core objects as the chat."""

from __future__ import annotations

import html
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import LabeledPrice
from aiohttp import web

from bot.core.catalog import Catalog, CatalogCache, CatalogUnavailableError
from bot.core.customers import Customers
from bot.core.delivery_times import DeliveryTimes
from bot.core.domain import Order
from bot.core.forms import check_form, choice_label, fields_for, is_orderable
from bot.core.ordering import OrderService, Outcome
from bot.core.panel import Service
from bot.core.pricing import Pricing
from bot.core.quoting import Quoter
from bot.core.settings import Settings
from bot.core.storage import Repository
from bot.core.topups import MAX_TOPUP, STARS, invoice_for
from bot.ui.i18n import Translator, pick_locale
from bot.ui.keyboards import TOPUP_AMOUNTS
from bot.ui.render import money, rate, stage_label, usual_time
from bot.webapp.auth import HEADER, AppUser, user_from_init_data

logger = logging.getLogger(__name__)
PAGE_SIZE = 50
PLATFORMS = ("Instagram", "TikTok", "YouTube", "Telegram", "Twitter", "Facebook", "Spotify")
# The page's own words; everything else it shows comes rendered from the server.
APP_KEYS = (
    "app-title",
    "app-search",
    "app-all-categories",
    "app-all-types",
    "app-all-platforms",
    "app-max-price",
    "app-categories",
    "app-orders",
    "app-balance",
    "app-back",
    "app-order",
    "app-confirm",
    "app-summary",
    "app-price",
    "app-wallet-after",
    "app-refill",
    "app-cancel",
    "app-order-again",
    "app-refresh",
    "app-top-up",
    "app-no-orders",
    "app-unauthorized",
    "app-banned",
    "app-loading",
    "app-per-thousand",
    "app-limits",
    "app-not-enough",
    "app-placing",
    "app-skip",
    "app-retry",
    "app-description",
    "app-nothing-found",
    "service-refill-yes",
    "service-refill-no",
    "service-cancel-yes",
    "service-cancel-no",
)


@dataclass
class MiniApp:
    settings: Settings
    bot: Bot
    repo: Repository
    catalog: CatalogCache
    pricing: Pricing
    quoter: Quoter
    ordering: OrderService
    customers: Customers
    translator: Translator
    delivery: DeliveryTimes
    currency: Callable[[], str]
    _buckets: dict[int, tuple[float, float]] = field(default_factory=dict)
    _platforms: tuple[Catalog | None, dict[int, str | None]] = (None, {})

    def platforms(self, catalog: Catalog) -> dict[int, str | None]:
        """Each service's platform, worked out once per catalog (filters ask on every key)."""
        known, found = self._platforms
        if known is not catalog:
            found = {s.id: _platform(s) for s in catalog.services}
            self._platforms = (catalog, found)
        return found

    # -- who, and how often ----------------------------------------------------------

    def allow(self, user_id: int, now: float | None = None) -> bool:
        """A token bucket per user, as the chat's flood control: typing fast is fine."""
        now = time.monotonic() if now is None else now
        per_second = self.settings.throttle_rate_per_second * 2
        burst = max(10.0, per_second * 3)
        tokens, at = self._buckets.get(user_id, (burst, now))
        tokens = min(burst, tokens + (now - at) * per_second)
        if tokens < 1:
            self._buckets[user_id] = (tokens, now)
            return False
        self._buckets[user_id] = (tokens - 1, now)
        return True


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
MINI_APP = web.AppKey("mini_app", MiniApp)
USER = web.RequestKey("user", AppUser)
LOCALE = web.RequestKey("locale", str)


def _fail(status: int, error: str, message: str = "") -> web.Response:
    return web.json_response({"error": error, "message": message}, status=status)


def _error(kind: type[web.HTTPException], error: str, message: str = "") -> web.HTTPException:
    body = json.dumps({"error": error, "message": message})
    return kind(text=body, content_type="application/json")


@web.middleware
async def authenticate(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not request.path.startswith("/app/api/"):
        return await handler(request)
    app: MiniApp = request.app[MINI_APP]
    token = app.settings.bot_token.get_secret_value()
    user = user_from_init_data(token, request.headers.get(HEADER, ""))
    if user is None:
        # No user to ask: the browser's language says how to word the refusal.
        wanted = request.headers.get("Accept-Language", "").split(",")[0]
        said = pick_locale(None, wanted, app.settings.default_locale)
        return _fail(401, "unauthorized", app.translator("app-unauthorized", said))
    customer, _ = await app.customers.on_contact(user.id, user.username, user.first_name)
    locale = pick_locale(customer.locale, user.language_code, app.settings.default_locale)
    if customer.is_banned and not app.settings.is_admin(user.id):
        return _fail(403, "banned", app.translator("app-banned", locale))
    if not app.allow(user.id):
        return _fail(429, "slow_down", app.translator("throttled", locale))
    request[USER] = user
    request[LOCALE] = locale
    return await handler(request)


_TAG = re.compile(r"<[^>]+>")


def _t(request: web.Request) -> Callable[..., str]:
    """The chat's texts for the page: its HTML markup dropped (the page renders plain text;
    what was escaped for Telegram is unescaped, then escaped again by the page)."""
    app: MiniApp = request.app[MINI_APP]
    translate = partial(app.translator, locale=request[LOCALE])

    def plain(key: str, **kwargs: Any) -> str:
        return html.unescape(_TAG.sub("", translate(key, **kwargs)))

    return plain


def _app(request: web.Request) -> MiniApp:
    return request.app[MINI_APP]


def _user(request: web.Request) -> AppUser:
    return request[USER]


async def _body(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise _error(web.HTTPBadRequest, "bad_json")
    return body


def _platform(service: Service) -> str | None:
    haystack = f"{service.category} {service.name}".casefold()
    return next((p for p in PLATFORMS if p.casefold() in haystack), None)


def _item(app: MiniApp, service: Service) -> dict[str, Any]:
    return {
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
        "orderable": is_orderable(service),
    }


# -- reading ------------------------------------------------------------------------


async def me(request: web.Request) -> web.Response:
    app, user, t = _app(request), _user(request), _t(request)
    balance = await app.repo.balance(user.id)
    currency = app.currency()
    return web.json_response(
        {
            "user": {"id": user.id, "first_name": user.first_name},
            "locale": request[LOCALE],
            "rtl": request[LOCALE] == "ar",
            "currency": currency,
            "balance": money(balance, currency),
            "topups": [
                {"amount": n, "label": t("button-topup", amount=money(Decimal(n), currency))}
                for n in TOPUP_AMOUNTS
            ],
            "strings": {key: t(key) for key in APP_KEYS},
        }
    )


async def _catalog(request: web.Request) -> Any:
    try:
        return await _app(request).catalog.get()
    except CatalogUnavailableError:
        raise _error(web.HTTPServiceUnavailable, "catalog_unavailable") from None


async def categories(request: web.Request) -> web.Response:
    catalog = await _catalog(request)
    present = set(_app(request).platforms(catalog).values())
    return web.json_response(
        {
            "categories": [
                {"key": c.key, "name": c.name, "count": len(c.services)} for c in catalog.categories
            ],
            "types": sorted({s.type for s in catalog.services}),
            "platforms": [p for p in PLATFORMS if p in present],
        }
    )


async def services(request: web.Request) -> web.Response:
    """Search and filters over the whole catalog, a page at a time."""
    app, t = _app(request), _t(request)
    catalog = await _catalog(request)
    query = request.query.get("q", "").strip()[:100]
    found: list[Service] = catalog.search(query) if query else list(catalog.services)
    if key := request.query.get("category"):
        category = catalog.by_category_key.get(key)
        keep = {s.id for s in category.services} if category else set()
        found = [s for s in found if s.id in keep]
    if kind := request.query.get("type"):
        found = [s for s in found if s.type == kind]
    if platform := request.query.get("platform"):
        platforms = app.platforms(catalog)
        found = [s for s in found if platforms[s.id] == platform]
    if (limit := request.query.get("max", "")) and re.fullmatch(r"\d+(\.\d+)?", limit):
        ceiling = Decimal(limit)
        found = [s for s in found if app.pricing.rate(s) <= ceiling]
    raw_offset = request.query.get("offset", "")
    offset = int(raw_offset) if raw_offset.isdigit() else 0
    page = found[offset : offset + PAGE_SIZE]
    said = t("search-results", count=len(found), query=query) if query else ""
    return web.json_response(
        {"total": len(found), "found": said, "items": [_item(app, s) for s in page]}
    )


async def service(request: web.Request) -> web.Response:
    app, t = _app(request), _t(request)
    found = await app.catalog.service(int(request.match_info["id"]))
    if found is None:
        return _fail(404, "not_found", t("service-gone"))
    usual = await app.delivery.of(found.id, found.type)
    fields = []
    for spec in fields_for(found) if is_orderable(found) else ():
        name = spec.name.replace("_", "-")
        fields.append(
            {
                "name": spec.name,
                "kind": spec.kind.value,
                "optional": spec.optional,
                "lines": spec.kind.value == "lines",
                "label": t(f"label-{name}"),
                "hint": t(
                    f"field-{name}",
                    min=str(found.min),
                    max=str(found.max),
                    low=str(spec.min_value),
                    high=str(spec.max_value),
                ),
                "choices": [
                    {"value": c, "label": choice_label(t, spec.name, c)} for c in spec.choices
                ],
                "when": _condition(spec.name),
            }
        )
    return web.json_response(
        {
            **_item(app, found),
            "description": found.description,
            "usual": usual_time(t, usual, None),
            "fields": fields,
        }
    )


def _condition(name: str) -> dict[str, str] | None:
    """Fields asked only after a choice (drip-feed's runs and interval)."""
    return {"field": "dripfeed", "equals": "yes"} if name in {"runs", "interval"} else None


# -- the form, the summary, the order ------------------------------------------------


async def _checked(request: web.Request) -> tuple[Service, dict[str, Any], dict[str, str]]:
    app, t = _app(request), _t(request)
    body = await _body(request)
    raw_id = str(body.get("service_id") or "")
    found = await app.catalog.service(int(raw_id)) if raw_id.isdigit() else None
    if found is None or not is_orderable(found):
        raise _error(web.HTTPNotFound, "not_found", t("service-gone"))
    submitted = body.get("answers") or {}
    if not isinstance(submitted, dict):
        submitted = {}
    answers, problems = check_form(found, {str(k): str(v)[:5000] for k, v in submitted.items()})
    errors = {name: t(p.key, **p.fluent_args()) for name, p in problems.items()}
    return found, answers, errors


def _summary(app: MiniApp, t: Callable[..., str], quote: Any) -> dict[str, Any]:
    currency = quote.currency
    return {
        "price": money(quote.price, currency),
        "price_value": str(quote.price),
        "balance": money(quote.balance, currency),
        "after": money(quote.balance_after, currency),
        "shortfall": money(quote.shortfall, currency) if quote.shortfall else None,
        "discount": t(
            "summary-discount",
            code=quote.discount[0],
            percent=str(quote.discount[1]),
            full=money(quote.full_price, currency),
        )
        if quote.discount and quote.full_price is not None
        else None,
        "usual": usual_time(t, quote.usual, quote.quantity),
    }


async def quote(request: web.Request) -> web.Response:
    app, user, t = _app(request), _user(request), _t(request)
    found, answers, errors = await _checked(request)
    if errors:
        return web.json_response({"ok": False, "errors": errors}, status=422)
    priced = await app.quoter.quote(user.id, found, answers)
    return web.json_response({"ok": True, "summary": _summary(app, t, priced)})


async def place(request: web.Request) -> web.Response:
    """Confirm: the same exactly-once path as the chat. The page's token is the form's: two
    taps or two tabs with the same form find the first order."""
    app, user, t = _app(request), _user(request), _t(request)
    body = await _body(request)
    token = str(body.get("token") or "")
    # Stored as "app-<token>" in a 40-character column.
    if not re.fullmatch(r"[A-Za-z0-9_-]{8,32}", token):
        return _fail(400, "bad_token")
    found, answers, errors = await _checked(request)
    if errors:
        return web.json_response({"ok": False, "errors": errors}, status=422)
    priced = await app.quoter.quote(user.id, found, answers)
    if str(priced.price) != str(body.get("price")):
        return web.json_response(
            {"ok": False, "price_changed": True, "summary": _summary(app, t, priced)},
            status=409,
        )
    async with app.ordering.in_flight():
        placement = await app.ordering.place(priced.new_order(user.id, "app-" + token))
    messages = {
        Outcome.PLACED: ("order-placed", 200),
        Outcome.ALREADY_PLACED: ("order-already-placed", 200),
        Outcome.UNCERTAIN: ("order-uncertain", 200),
        Outcome.NO_FUNDS: ("order-no-funds", 402),
        Outcome.PRICE_CHANGED: ("price-changed", 409),
        Outcome.REJECTED: (placement.message_key or "order-error-unavailable", 422),
        Outcome.UNAVAILABLE: ("order-error-unavailable", 503),
    }
    key, status = messages[placement.outcome]
    text = t(
        key,
        id=str(placement.order_id or ""),
        missing=money(placement.missing or Decimal(0), priced.currency),
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


def _order(t: Callable[..., str], order: Order) -> dict[str, Any]:
    return {
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
    }


async def orders(request: web.Request) -> web.Response:
    app, user, t = _app(request), _user(request), _t(request)
    mine = await app.repo.list_orders(user.id, limit=50)
    return web.json_response({"orders": [_order(t, o) for o in mine]})


async def _mine(request: web.Request) -> Order:
    app, user, t = _app(request), _user(request), _t(request)
    raw = request.match_info["id"]
    order = await app.repo.get_order(int(raw), user_id=user.id) if raw.isdigit() else None
    if order is None:  # anyone else's order is simply not found
        raise _error(web.HTTPNotFound, "not_found", t("order-not-found"))
    return order


async def order_action(request: web.Request) -> web.Response:
    app, t = _app(request), _t(request)
    order = await _mine(request)
    action = request.match_info["action"]
    if action == "refill":
        key = await app.ordering.refill(order)
    elif action == "cancel":
        key = await app.ordering.cancel(order)
    else:
        await app.ordering.refresh(order)
        key = ""
    fresh = await _mine(request)
    return web.json_response(
        {"message": t(key, id=str(order.id)) if key else "", "order": _order(t, fresh)}
    )


async def topup(request: web.Request) -> web.Response:
    """A Stars invoice link for `openInvoice`; the payment is credited like the chat's."""
    app, user, t = _app(request), _user(request), _t(request)
    body = await _body(request)
    amount = body.get("amount")
    if not isinstance(amount, int) or not 0 < amount <= MAX_TOPUP:
        return _fail(400, "bad_amount")
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
        return _fail(503, "unavailable", t("app-topup-unavailable"))
    return web.json_response({"link": link})


def add_api(app: web.Application, mini_app: MiniApp) -> None:
    app[MINI_APP] = mini_app
    app.middlewares.append(authenticate)
    routes = app.router
    routes.add_get("/app/api/me", me)
    routes.add_get("/app/api/categories", categories)
    routes.add_get("/app/api/services", services)
    routes.add_get(r"/app/api/services/{id:\d+}", service)
    routes.add_post("/app/api/quote", quote)
    routes.add_post("/app/api/orders", place)
    routes.add_get("/app/api/orders", orders)
    routes.add_post(r"/app/api/orders/{id}/{action:refill|cancel|refresh}", order_action)
    routes.add_post("/app/api/topup", topup)

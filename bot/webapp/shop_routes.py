"""Reading the shop: who I am and my wallet, categories, search and filters, a service."""

from __future__ import annotations

import logging
import re
from decimal import Decimal
from typing import Any

from aiohttp import web

from bot.core.catalog.cache import CatalogUnavailableError
from bot.core.delivery.times import counts_per_thousand
from bot.core.domain import parse_id
from bot.core.growth.loyalty import tier_status
from bot.core.ordering.forms import choice_label, fields_for, is_orderable
from bot.core.ordering.links import link_example
from bot.core.panels import Service
from bot.core.reliability.record import Verdict
from bot.ui.deep_links import OWN_SHOP_START
from bot.ui.keyboards import TOPUP_AMOUNTS
from bot.ui.loyalty_texts import bonus_lines, tier_lines
from bot.ui.record_texts import record_line
from bot.ui.render import money, usual_time
from bot.webapp.context import LOCALE, MiniApp, app_of, fail, refusal, texts, user_of
from bot.webapp.platforms import PLATFORMS
from bot.webapp.staff import role_in_app
from bot.webapp.views import service_item, shown_when

logger = logging.getLogger(__name__)


PAGE_SIZE = 50
# The page's own words; everything else it shows comes rendered from the server.
APP_KEYS = (
    "app-title",
    "app-share",
    "app-plan-link",
    "app-reliable-only",
    "app-plan-pay",
    "app-home-offer",
    "app-home-add",
    "app-home-later",
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
    "demo-shop-note",
    "service-refill-yes",
    "service-refill-no",
    "service-cancel-yes",
    "service-cancel-no",
    "service-paused",
    # The operator's console (shown to admins only; the server checks every call).
    "app-console",
    "app-console-forbidden",
    "app-console-catalog",
    "app-console-attention",
    "app-console-panels",
    "app-console-stats",
    "app-console-audit",
    "app-own-shop",
    "app-console-shops",
    "app-console-shops-none",
    "app-console-shop-running",
    "app-console-shop-suspended",
    "app-console-shop-unpaid",
    "app-console-shop-suspend",
    "app-console-shop-resume",
    "app-console-settings",
    "app-console-settings-bad",
    "app-console-settings-save",
    "app-console-settings-saved",
    "app-console-settings-panel",
    "app-console-settings-check",
    "settings-source-environment",
    "settings-source-setup",
    "settings-source-default",
    "settings-source-parent",
    "app-console-search",
    "app-console-filter-all",
    "app-console-filter-hidden",
    "app-console-filter-paused",
    "app-console-filter-vanished",
    "app-console-filter-low_margin",
    "app-console-filter-featured",
    "app-console-col-id",
    "app-console-col-name",
    "app-console-col-category",
    "app-console-col-panel",
    "app-console-col-cost",
    "app-console-col-price",
    "app-console-col-margin",
    "app-console-col-status",
    "app-console-col-completed",
    "app-console-col-orders",
    "app-console-record",
    "app-console-timeline",
    "app-console-status-on_sale",
    "app-console-status-hidden",
    "app-console-status-admin",
    "app-console-status-vanished",
    "app-console-status-below_cost",
    "app-console-status-quarantine",
    "app-console-hide",
    "app-console-show",
    "app-console-pause",
    "app-console-resume",
    "app-console-feature",
    "app-console-unfeature",
    "app-console-rename",
    "app-console-markup",
    "app-console-price",
    "app-console-value",
    "app-console-apply",
    "app-console-selected",
    "app-console-history",
    "app-console-refund",
    "app-console-attach",
    "app-console-panel-order",
    "app-console-nothing",
    "app-console-up",
    "app-console-down",
    "app-console-balance",
    "app-console-owed",
    "app-console-orders",
    "app-console-revenue",
    "app-console-cost",
    "app-console-profit",
    "app-console-new-users",
    "app-console-done",
    "app-console-shown",
)


# -- reading ------------------------------------------------------------------------


async def me(request: web.Request) -> web.Response:
    app, user, t = app_of(request), user_of(request), texts(request)
    balance = await app.wallets.balance(user.id)
    # What Balance says in the chat too: the tier and what each top-up earns.
    loyalty = bonus_lines(t, app.wallets.bonuses, app.currency())
    if app.settings.spend_tiers:
        spent = await app.wallets.delivered_spend(user.id)
        loyalty = (
            tier_lines(t, tier_status(spent, app.settings.spend_tiers), app.currency()) + loyalty
        )
    currency = app.currency()
    return web.json_response(
        {
            "user": {"id": user.id, "first_name": user.first_name},
            "locale": request[LOCALE],
            "rtl": request[LOCALE] == "ar",
            "currency": currency,
            "demo": app.demo,
            "admin": app.console is not None and await role_in_app(app, user.id) is not None,
            "loyalty": loyalty,
            "balance": money(balance, currency),
            "topups": [
                {"amount": n, "label": t("button-topup", amount=money(Decimal(n), currency))}
                for n in TOPUP_AMOUNTS
            ],
            "own_shop": await _own_shop_link(app),
            "strings": {key: t(key) for key in APP_KEYS},
        }
    )


async def _own_shop_link(app: MiniApp) -> str | None:
    """With CHILD_SHOPS, where 🏪 Your own shop leads: the chat, where Telegram's create-a-bot
    button lives (a Mini App cannot show it)."""
    if not app.settings.child_shops:
        return None
    username = (await app.bot.me()).username
    return f"https://t.me/{username}?start={OWN_SHOP_START}" if username else None


async def catalog_of(request: web.Request) -> Any:
    try:
        return await app_of(request).catalog.get()
    except CatalogUnavailableError:
        raise refusal(web.HTTPServiceUnavailable, "catalog_unavailable") from None


async def categories(request: web.Request) -> web.Response:
    catalog = await catalog_of(request)
    present = set(app_of(request).platforms(catalog).values())
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
    app, t = app_of(request), texts(request)
    catalog = await catalog_of(request)
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
    reliable_only = request.query.get("reliable") == "1"
    if reliable_only and app.records is not None:
        verdicts = await app.records.of_many(s.id for s in found)
        found = [s for s in found if verdicts[s.id].verdict is Verdict.RELIABLE]
    raw_offset = request.query.get("offset", "")
    offset = parse_id(raw_offset) or 0
    page = found[offset : offset + PAGE_SIZE]
    # Records for the page shown only: a search runs on every keystroke.
    records = await app.records.of_many(s.id for s in page) if app.records else {}
    said = t("search-results", count=len(found), query=query) if query else ""
    items = [service_item(app, s, records.get(s.id)) for s in page]
    return web.json_response({"total": len(found), "found": said, "items": items})


async def service(request: web.Request) -> web.Response:
    app, t = app_of(request), texts(request)
    service_id = parse_id(request.match_info["id"])
    found = await app.catalog.service(service_id) if service_id is not None else None
    if found is None:
        return fail(404, "not_found", t("service-gone"))
    usual = await app.delivery.of(found.id, found.type)
    record = await app.records.of(found.id) if app.records else None
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
                    example=link_example(found.name, found.category),
                ),
                "choices": [
                    {"value": c, "label": choice_label(t, spec.name, c)} for c in spec.choices
                ],
                "when": shown_when(spec.name),
            }
        )
    return web.json_response(
        {
            **service_item(app, found, record),
            "description": found.description,
            "usual": usual_time(t, usual, None),
            "record": record_line(t, record, counts_per_thousand(found.type)),
            "fields": fields,
        }
    )

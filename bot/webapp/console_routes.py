"""The operator's console in the Mini App, under /app/api/admin/: for ADMIN_IDS only, checked
here on every call (anyone else gets 403 whatever the page shows). Catalog (every service with
filters, curation and prices, a service's cost history), Attention (orders in doubt with
Refund / Attach), Panels, Stats and Audit — through the same core services as the commands."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from aiohttp import web

from bot.core.catalog.curation import FLAG_WORDS, Flag, margin_percent
from bot.core.delivery.times import counts_per_thousand
from bot.core.domain import MAX_BIG_ID, Stage, parse_id
from bot.core.money import fmt, fmt_rate, parse_decimal
from bot.core.ops.reports import daily
from bot.core.panels import Service
from bot.core.staff.roles import may, may_refund
from bot.ui.charts import render
from bot.ui.record_texts import record_line
from bot.webapp.console import Console
from bot.webapp.context import LOCALE, app_of, fail, read_body, refusal, texts, user_of
from bot.webapp.staff import ROLE, role_in_app

PAGE = 100
MAX_PAGE = 500
FILTERS = ("hidden", "paused", "vanished", "low_margin", "featured")
MAX_SELECTION = 500


async def console_of(request: web.Request, command: str) -> Console:
    """The console's services, for staff whose role may use `command` (the chat's rules,
    bot/core/staff/roles.py); 403 for anyone else, checked on every call."""
    app = app_of(request)
    role = await role_in_app(app, user_of(request).id)
    if app.console is None or role is None or not may(role, command):
        raise refusal(web.HTTPForbidden, "forbidden", texts(request)("app-console-forbidden"))
    request[ROLE] = role
    return app.console


async def console_part(request: web.Request, command: str, part: str) -> Any:
    """One part of the console (its settings, its child shops) for a role that may use
    `command`; 404 when this shop has no such part."""
    found = getattr(await console_of(request, command), part)
    if found is None:
        raise web.HTTPNotFound()
    return found


def _row(console: Console, service: Service) -> dict[str, Any]:
    curation = console.curation
    price = console.pricing.rate(service)
    paused = curation.paused(service.id)
    hidden = curation.is_hidden(service.id)
    margin = margin_percent(price, service.rate)
    product = console.storefront.product(service.id)
    panel = product.routes[0].panel if product else "—"
    return {
        "id": service.id,
        "name": curation.rules.names.get(service.id) or service.name,
        "panel_name": service.name,
        "category": curation.rules.category_names.get(service.category.casefold())
        or service.category,
        "panel": panel,
        "cost": fmt_rate(service.rate),
        "price": fmt_rate(price),
        "hand_price": console.pricing.hand_price(service.id) is not None,
        "margin": f"{margin:.1f}",
        "low_margin": margin < console.margin_alert_percent,
        "status": "hidden" if hidden else (paused.value if paused else "on_sale"),
        "featured": curation.rules.has(Flag.FEATURED, service.id),
    }


def _rows(console: Console) -> list[dict[str, Any]]:
    current = console.curation.current
    key = (current, console.pricing.version)
    if console.rows is None or console.rows[0] != key:
        built = [_row(console, s) for s in current.originals.values()]
        for row in built:  # what a search looks in, lowered once
            row["_text"] = f"{row['id']} {row['name']} {row['panel_name']} {row['category']}"
            row["_text"] = row["_text"].casefold()
        console.rows = (key, built)
    return console.rows[1]


def _shown(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if not k.startswith("_")}


def _matches(row: dict[str, Any], wanted: str, words: list[str]) -> bool:
    if wanted == "hidden" and row["status"] != "hidden":
        return False
    if wanted == "paused" and row["status"] not in {
        "admin",
        "below_cost",
        "vanished",
        "quarantine",
    }:
        return False
    if wanted == "vanished" and row["status"] != "vanished":
        return False
    if wanted == "low_margin" and not row["low_margin"]:
        return False
    if wanted == "featured" and not row["featured"]:
        return False
    return all(word in row["_text"] for word in words)


async def catalog(request: web.Request) -> web.Response:
    """Every service the panels list or listed (hidden ones too), filtered and paged."""
    console = await console_of(request, "service")
    wanted = request.query.get("filter", "")
    if wanted and wanted not in FILTERS:
        return fail(400, "bad_filter")
    words = request.query.get("q", "")[:100].casefold().split()
    offset = min(parse_id(request.query.get("offset", "0")) or 0, 10**6)
    limit = min(parse_id(request.query.get("limit", "")) or PAGE, MAX_PAGE)
    rows = _rows(console)
    found = [row for row in rows if _matches(row, wanted, words)]
    column, descending = request.query.get("sort", ""), request.query.get("desc") == "1"
    if column and column not in SORTABLE:
        return fail(400, "bad_sort")
    if column in _MEASURED:  # sorting by the record needs every row's; else the page's
        found = await _with_records(console, found)
    if column:
        found = _sorted(found, column, descending)
    page = found[offset : offset + limit]
    if column not in _MEASURED:
        page = await _with_records(console, page)
    return web.json_response(
        {"total": len(found), "all": len(rows), "items": [_shown(row) for row in page]}
    )


async def _with_records(console: Console, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with their services' records, read fresh (records move between builds)."""
    if console.records is None:
        return rows
    records = await console.records.of_many(row["id"] for row in rows)
    shown = []
    for row in rows:
        record = records[row["id"]]
        share = record.completed_share
        shown.append(
            {
                **row,
                "orders": record.orders,
                "completed": round(100 * share) if share is not None else None,
                "verdict": record.verdict.value,
            }
        )
    return shown


SORTABLE = ("id", "name", "category", "panel", "cost", "price", "margin", "status", "completed",
            "orders")  # fmt: skip
_NUMERIC = frozenset({"cost", "price", "margin"})
_MEASURED = frozenset({"completed", "orders"})


def _sorted(rows: list[dict[str, Any]], column: str, descending: bool) -> list[dict[str, Any]]:
    """Rows by one column; rows without a value (no record yet) last either way."""

    def key(row: dict[str, Any]) -> Any:
        value = row.get(column)
        if column in _NUMERIC:
            return Decimal(str(value))
        return value.casefold() if isinstance(value, str) else value

    present = [row for row in rows if row.get(column) is not None]
    absent = [row for row in rows if row.get(column) is None]
    return sorted(present, key=key, reverse=descending) + absent


async def catalog_action(request: web.Request) -> web.Response:
    """One action on a selection of services: hide/show, pause/resume, feature/unfeature,
    rename (one service), markup (percent) or price (per 1000, "off" back to the markup)."""
    console, actor = await console_of(request, "service"), user_of(request).id
    body = await read_body(request)
    raw_ids = body.get("ids")
    ids = [parse_id(str(i)) for i in raw_ids] if isinstance(raw_ids, list) else []
    action, value = str(body.get("action") or ""), str(body.get("value") or "").strip()
    known = [i for i in ids if i is not None and console.curation.original(i) is not None]
    if not known or len(known) != len(ids) or len(known) > MAX_SELECTION:
        return fail(400, "bad_ids")
    curation = console.curation
    if action in FLAG_WORDS:
        flag, on = FLAG_WORDS[action]
        for service_id in known:
            await curation.set_flag(actor, service_id, flag, on)
    elif action == "rename" and len(known) == 1:
        await curation.rename(actor, known[0], value[:200] or None)
    elif action in {"markup", "price"}:
        amount = _amount(value)
        if amount is None and value.lower() != "off":
            return fail(400, "bad_value")
        if action == "markup" and (amount is None or amount > 1000):
            return fail(400, "bad_value")
        for service_id in known:
            await _set_price(console, actor, service_id, action, amount)
        await curation.refresh()
    else:
        return fail(400, "bad_action")
    return web.json_response(
        {"ok": True, "items": [_row(console, _original(console, i)) for i in known]}
    )


def _original(console: Console, service_id: int) -> Service:
    found = console.curation.original(service_id)
    assert found is not None
    return found


async def _set_price(
    console: Console, actor: int, service_id: int, action: str, amount: Decimal | None
) -> None:
    if action == "markup":
        scope = f"service:{service_id}"
        before = console.pricing.overrides().get(scope)
        await console.pricing.set_override(scope, amount)
        await console.audit.record(actor, "markup", scope, before, amount)
    else:
        before = console.pricing.hand_price(service_id)
        await console.pricing.set_hand_price(service_id, amount)
        await console.audit.record(actor, "service.price", service_id, before, amount)


def _amount(value: str) -> Decimal | None:
    amount = parse_decimal(value)
    return amount if amount is not None and Decimal(0) <= amount <= Decimal(1_000_000) else None


async def history(request: web.Request) -> web.Response:
    """A service's cost over time (each panel it is sold on), for the console's chart."""
    console = await console_of(request, "service")
    service_id = parse_id(request.match_info.get("id", ""))
    service = console.curation.original(service_id) if service_id is not None else None
    if service is None:
        return fail(404, "not_found")
    product = console.storefront.product(service.id)
    routes = [(r.panel, r.service.id) for r in product.routes] if product else []
    routes = routes or [(name, service.id) for name in console.panels.names]
    lines = []
    for panel, panel_service in routes:
        points = await console.price_watch.history_times(panel, panel_service)
        lines.append(
            {"panel": panel, "points": [{"at": at, "cost": fmt_rate(cost)} for at, cost in points]}
        )
    t = texts(request)
    panels = []
    if console.records is not None:  # each panel's own record, side by side
        await console.records.of(service.id)
        for panel, _ in routes:
            measured = console.records.of_panel(service.id, panel)
            panels.append(
                {
                    "panel": panel,
                    "record": record_line(t, measured, counts_per_thousand(service.type)),
                }
            )
    timeline = await console.orders.outcomes_by_day(service.id, days=TIMELINE_DAYS)
    return web.json_response(
        {
            "id": service.id,
            "cost": fmt_rate(service.rate),
            "lines": lines,
            "panels": panels,
            "timeline": [{"day": day, **counts} for day, counts in timeline],
        }
    )


TIMELINE_DAYS = 30


async def attention(request: web.Request) -> web.Response:
    """Orders in doubt (Refund / Attach) and open orders that stopped moving."""
    console, t = await console_of(request, "pending"), texts(request)
    doubt = await console.orders.orders_in_stages([Stage.UNCERTAIN, Stage.STUCK], limit=50)
    stalled = await console.orders.stalled_orders(limit=50)

    def shown(order: Any, resolvable: bool) -> dict[str, Any]:
        return {
            "id": order.id,
            "user": order.user_id,
            "service": order.service_name,
            "link": order.link,
            "charge": f"{fmt(order.charge)} {order.currency}",
            "status": t(f"stage-{order.stage.value.replace('_', '-')}"),
            "panel": order.panel,
            "error": order.error or "",
            "resolvable": resolvable,
        }

    return web.json_response(
        {"items": [shown(o, True) for o in doubt] + [shown(o, False) for o in stalled]}
    )


async def resolve(request: web.Request) -> web.Response:
    console, actor = await console_of(request, "resolve"), user_of(request).id
    order_id = parse_id(request.match_info.get("id", ""))
    if order_id is None:
        return fail(404, "not_found")
    if request.match_info.get("action") == "refund":
        order = await console.orders.get_order(order_id)
        limit = await console.staff.refund_limit() if console.staff else None
        if (
            order is not None
            and limit is not None
            and not may_refund(request[ROLE], order.charge, limit)
        ):
            return fail(403, "over_limit", texts(request)("staff-over-limit", limit=fmt(limit)))
        refunded = await console.resolutions.refund(actor, order_id)
        if refunded is None:
            return fail(409, "already_resolved", texts(request)("admin-already-resolved"))
        return web.json_response({"ok": True, "refunded": fmt(refunded)})
    body = await read_body(request)
    panel_order = parse_id(str(body.get("panel_order_id") or ""), MAX_BIG_ID)
    if panel_order is None:
        return fail(400, "bad_panel_order_id")
    if not await console.resolutions.attach(actor, order_id, panel_order):
        return fail(409, "already_resolved", texts(request)("admin-already-resolved"))
    return web.json_response({"ok": True})


async def panels(request: web.Request) -> web.Response:
    """Each panel: up or down, its balance against what is owed on it."""
    console = await console_of(request, "panels")
    found = []
    for state in await console.panels.states(await console.figures.open_orders_by_panel()):
        balance = state.health.balance
        currency = balance.currency if balance else ""
        found.append(
            {
                "name": state.name,
                "up": state.up,
                "balance": f"{fmt(balance.balance)} {currency}" if balance else "—",
                "owed": f"{fmt(state.owed)} {currency}".strip(),
                "orders": state.orders,
                "short": state.short,
                "errors": f"{state.health.error_rate:.0%}",
                "last_error": state.health.last_error or "",
            }
        )
    return web.json_response({"items": found})


async def stats(request: web.Request) -> web.Response:
    console = await console_of(request, "stats")
    days = max(1, min(parse_id(request.query.get("days", "")) or 30, 3650))
    period = await console.figures.stats(time.time() - days * 86400)
    currency = app_of(request).currency()
    return web.json_response(
        {
            "days": days,
            "orders": period["orders"],
            "revenue": f"{fmt(period['revenue'])} {currency}",
            "cost": f"{fmt(period['cost'])} {currency}",
            "profit": f"{fmt(period['revenue'] - period['cost'])} {currency}",
            "new_users": period["new_users"],
            "top": [{"name": name, "orders": count} for name, count in period["top"]],
        }
    )


async def stats_chart(request: web.Request) -> web.Response:
    """The /stats chart as a PNG (the page fetches it with its init data)."""
    console = await console_of(request, "stats")
    days = max(1, min(parse_id(request.query.get("days", "")) or 30, 365))
    since = time.time() - days * 86400
    rows, refunds = await console.figures.order_days(since)
    series = daily(rows, refunds, since, days)
    app = app_of(request)
    png = await asyncio.to_thread(render, series, app.translator, request[LOCALE], app.currency())
    return web.Response(body=png, content_type="image/png")


async def audit(request: web.Request) -> web.Response:
    console = await console_of(request, "audit")
    limit = min(parse_id(request.query.get("limit", "")) or 50, 200)
    return web.json_response(
        {
            "items": [
                {
                    "at": entry.at,
                    "actor": entry.actor,
                    "action": entry.action,
                    "subject": entry.subject,
                    "before": entry.before,
                    "after": entry.after,
                }
                for entry in await console.audit.latest(limit)
            ]
        }
    )


def add_console(routes: web.UrlDispatcher, prefix: str = "/app/api/admin") -> None:
    add: Callable[..., Any] = routes.add_route
    add("GET", f"{prefix}/catalog", catalog)
    add("POST", f"{prefix}/catalog", catalog_action)
    add("GET", prefix + r"/catalog/{id}/history", history)
    add("GET", f"{prefix}/attention", attention)
    add("POST", prefix + r"/attention/{id}/{action:refund|attach}", resolve)
    add("GET", f"{prefix}/panels", panels)
    add("GET", f"{prefix}/stats", stats)
    add("GET", f"{prefix}/stats/chart", stats_chart)
    add("GET", f"{prefix}/audit", audit)

"""A real HTTP server speaking SMM panel API v2, with orders that progress over time.

It serves the demo (`python -m bot` without PANEL_API_URL), the tests and the benchmarks.
Outcomes are steered by the link: a link containing "partial" ends Partial, "cancel" ends
Canceled, "stuck" never starts (Pending until canceled), "reject" makes refills rejected.
`/_sandbox/*` endpoints let tests look inside.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from aiohttp import web

from bot.sandbox.catalog import build_catalog

REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "default": ("link", "quantity"),
    "package": ("link",),
    "seo": ("link", "quantity", "keywords"),
    "custom comments": ("link", "comments"),
    "custom comments package": ("link", "comments"),
    "mentions": ("link", "quantity", "usernames"),
    "mentions with hashtags": ("link", "quantity", "usernames", "hashtags"),
    "mentions custom list": ("link", "usernames"),
    "mentions hashtag": ("link", "quantity", "hashtag"),
    "mentions user followers": ("link", "quantity", "username"),
    "mentions media likers": ("link", "quantity", "media"),
    "comment likes": ("link", "quantity", "username"),
    "comment replies": ("link", "username", "comments"),
    "poll": ("link", "quantity", "answer_number"),
    "invites from groups": ("link", "quantity", "groups"),
    "subscriptions": ("username", "min", "max", "delay"),
    "web traffic": ("link", "quantity", "country", "device", "type_of_traffic"),
}
LINE_QUANTITY = {
    "custom comments": "comments",
    "mentions custom list": "usernames",
    "comment replies": "comments",
}
DUPLICATE = "You have active order with this link. Please wait until order being completed."
BAD_GATEWAY_PAGE = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
CHALLENGE_PAGE = (
    "<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
    '<body><div id="cf-chl-widget"></div><script src="/cdn-cgi/challenge-platform/x.js">'
    "</script></body></html>"
)
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head>"
    "<body><h1>Checking your browser…</h1>cloudflare</body></html>"
)


@dataclass
class SandboxOrder:
    id: int
    service: dict[str, Any]
    link: str
    quantity: int
    charge: Decimal
    created: float
    start_count: int
    canceled_at: float | None = None


@dataclass
class SandboxRefill:
    id: int
    order_id: int
    created: float
    rejected: bool


@dataclass
class SandboxState:
    api_key: str
    step_seconds: float
    balance: Decimal
    services: dict[int, dict[str, Any]]
    catalog: list[dict[str, Any]]
    orders: dict[int, SandboxOrder] = field(default_factory=dict)
    refills: dict[int, SandboxRefill] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)
    mode: str = "ok"
    # A panel as strangers write them: these fields replace what an order's or a refill's
    # status answer says (tests plant "Infinity", 8.3 billion, objects…).
    status_overrides: dict[int, Any] = field(default_factory=dict)
    refill_overrides: dict[int, Any] = field(default_factory=dict)
    # Whole answers by action ("services", "add", "status"…): what the panel says instead.
    forced_answers: dict[str, Any] = field(default_factory=dict)
    next_order_id: int = 23501
    next_refill_id: int = 1


def _units(kind: str, fields: dict[str, str]) -> int:
    if kind in {"package", "custom comments package"}:
        return 1000
    if kind in LINE_QUANTITY:
        return len([x for x in fields[LINE_QUANTITY[kind]].splitlines() if x.strip()])
    if kind == "subscriptions":
        return int(fields["max"]) * int(fields.get("posts") or 1)
    runs = int(fields.get("runs") or 1)
    return int(fields["quantity"]) * runs


class SandboxPanel:
    def __init__(
        self,
        api_key: str = "sandbox-key",
        step_seconds: float = 20.0,
        balance: Decimal = Decimal("1000"),
        services: int = 1500,
        price_factor: Decimal = Decimal(1),
    ) -> None:
        # Several sandboxes with different factors play several providers of one catalog.
        catalog = build_catalog(services, price_factor)
        self.state = SandboxState(
            api_key=api_key,
            step_seconds=step_seconds,
            balance=balance,
            catalog=catalog,
            services={int(item["service"]): item for item in catalog},
        )
        self._unlisted: dict[int, dict[str, Any]] = {}  # taken off the list by a test

    # -- order life ---------------------------------------------------------------

    def _status(self, order: SandboxOrder, now: float) -> dict[str, Any]:
        step = self.state.step_seconds
        elapsed = now - order.created
        remains: int | str = order.quantity
        if order.canceled_at is not None:
            status = "Canceled"
        elif elapsed < step or "stuck" in order.link:  # "stuck": a panel that never starts it
            status = "Pending"
        elif elapsed < 2 * step:
            status = "In progress"
            remains = int(order.quantity * (1 - (elapsed - step) / step))
        elif "cancel" in order.link:
            status = "Canceled"
        elif "partial" in order.link:
            status = "Partial"
            remains = order.quantity // 4
        else:
            status = "Completed"
            remains = 0
        return {
            "charge": f"{order.charge:.5f}",
            "start_count": str(order.start_count) if status != "Pending" else "0",
            "status": status,
            "remains": str(remains),
            "currency": "USD",
        }

    def _refill_status(self, refill: SandboxRefill, now: float) -> str:
        if now - refill.created < self.state.step_seconds:
            return "Pending"
        return "Rejected" if refill.rejected else "Completed"

    # -- actions --------------------------------------------------------------------

    def _add(self, form: dict[str, str]) -> dict[str, Any]:
        try:
            service = self.state.services[int(form.get("service", ""))]
        except (ValueError, KeyError):
            return {"error": "Incorrect service ID"}
        kind = " ".join(str(service["type"]).lower().split())
        if kind not in REQUIRED_FIELDS:
            return {"error": "Incorrect request"}
        missing = [name for name in REQUIRED_FIELDS[kind] if not form.get(name, "").strip()]
        if missing:
            return {"error": "Incorrect request"}
        link = form.get("link") or f"https://instagram.com/{form.get('username', '')}"
        if not link.startswith(("http://", "https://")) or "badlink" in link:
            return {"error": "Bad link"}
        try:
            units = _units(kind, form)
        except ValueError:
            return {"error": "Incorrect request"}
        quantity_checked = units if kind not in {"package", "custom comments package"} else None
        if kind == "subscriptions":
            quantity_checked = int(form["max"])
        elif "quantity" in form:
            quantity_checked = int(form["quantity"])
        if quantity_checked is not None:
            if quantity_checked < int(service["min"]):
                return {"error": f"Quantity less than minimal {service['min']}"}
            if quantity_checked > int(service["max"]):
                return {"error": f"Quantity more than maximal {service['max']}"}
        now = time.monotonic()
        for order in self.state.orders.values():
            active = self._status(order, now)["status"] in {"Pending", "In progress"}
            if order.link == link and order.service is service and active:
                return {"error": DUPLICATE}
        charge = Decimal(str(service["rate"])) * units / 1000
        if charge > self.state.balance:
            return {"error": "Not enough funds on balance"}
        self.state.balance -= charge
        order_id = self.state.next_order_id
        self.state.next_order_id += 1
        self.state.orders[order_id] = SandboxOrder(
            id=order_id,
            service=service,
            link=link,
            quantity=units,
            charge=charge,
            created=now,
            start_count=1000 + order_id % 5000,
        )
        return {"order": order_id}

    def _order_status(self, raw_id: str, now: float) -> Any:
        try:
            answer = self._status(self.state.orders[int(raw_id)], now)
        except (ValueError, KeyError):
            return {"error": "Incorrect order ID"}
        override = self.state.status_overrides.get(int(raw_id))
        if isinstance(override, dict):
            return {**answer, **override}
        return answer if override is None else override

    def _create_refill(self, raw_id: Any, now: float) -> Any:
        try:
            order = self.state.orders[int(raw_id)]
        except (ValueError, KeyError):
            return {"error": "Incorrect order ID"}
        if str(order.service["refill"]) not in {"True", "1"}:
            return {"error": "Refill is disabled for this service"}
        if self._status(order, now)["status"] != "Completed":
            return {"error": "Order not eligible for refill"}
        refill_id = self.state.next_refill_id
        self.state.next_refill_id += 1
        self.state.refills[refill_id] = SandboxRefill(
            id=refill_id, order_id=order.id, created=now, rejected="reject" in order.link
        )
        return refill_id

    def _cancel(self, raw_id: str, now: float) -> Any:
        try:
            order = self.state.orders[int(raw_id)]
        except (ValueError, KeyError):
            return {"error": "Incorrect order ID"}
        if str(order.service["cancel"]) not in {"True", "1"}:
            return {"error": "Cancel is disabled for this service"}
        if self._status(order, now)["status"] not in {"Pending", "In progress"}:
            return {"error": "Order cannot be canceled"}
        order.canceled_at = now
        self.state.balance += order.charge
        return 1

    def answer(self, form: dict[str, str]) -> Any:
        if form.get("key") != self.state.api_key:
            return {"error": "Invalid API key"}
        action = form.get("action", "")
        if action in self.state.forced_answers:
            return self.state.forced_answers[action]
        now = time.monotonic()
        ids = [x for x in form.get("orders", "").split(",") if x.strip()]
        if action == "services":
            return self.state.catalog
        if action == "balance":
            return {"balance": f"{self.state.balance:.5f}", "currency": "USD"}
        if action == "add":
            return self._add(form)
        if action == "status" and ids:
            if len(ids) > 100:
                return {"error": "Too many IDs, up to 100"}
            return {raw: self._order_status(raw, now) for raw in ids}
        if action == "status":
            return self._order_status(form.get("order", ""), now)
        if action == "refill" and ids:
            return [{"order": raw, "refill": self._create_refill(raw, now)} for raw in ids]
        if action == "refill":
            created = self._create_refill(form.get("order", ""), now)
            return created if isinstance(created, dict) else {"refill": str(created)}
        if action == "refill_status":
            refill_ids = [x for x in form.get("refills", "").split(",") if x.strip()]
            if refill_ids:
                return [
                    {"refill": raw, "status": self._refill_by_id(raw, now)} for raw in refill_ids
                ]
            status = self._refill_by_id(form.get("refill", ""), now)
            return status if isinstance(status, dict) else {"status": status}
        if action == "cancel" and ids:
            return [{"order": raw, "cancel": self._cancel(raw, now)} for raw in ids]
        return {"error": "Incorrect request"}

    def _refill_by_id(self, raw_id: str, now: float) -> Any:
        try:
            status = self._refill_status(self.state.refills[int(raw_id)], now)
        except (ValueError, KeyError):
            return {"error": "Refill not found"}
        return self.state.refill_overrides.get(int(raw_id), status)

    # -- HTTP -----------------------------------------------------------------------

    async def handle_api(self, request: web.Request) -> web.StreamResponse:
        form = {key: str(value) for key, value in (await request.post()).items()}
        logged = {key: value for key, value in form.items() if key != "key"}
        self.state.requests.append({"at": time.time(), **logged})
        mode = self.state.mode
        if mode == "html":
            return web.Response(status=503, text=HTML_PAGE, content_type="text/html")
        if mode == "bad_gateway":  # the edge lost the application's answer: it may have run
            return web.Response(status=502, text=BAD_GATEWAY_PAGE, content_type="text/html")
        if mode == "challenge":  # a WAF stopped the request before the panel saw it
            return web.Response(
                status=403,
                text=CHALLENGE_PAGE,
                content_type="text/html",
                headers={"cf-mitigated": "challenge"},
            )
        if mode == "ratelimit":
            return web.json_response(
                {"error": "Too many requests"}, status=429, headers={"Retry-After": "1"}
            )
        if mode == "slow_add" and form.get("action") == "add":
            await asyncio.sleep(2)  # a slow panel: lets tests stop the bot mid-placement
        if mode == "hang" or (mode == "hang_add" and form.get("action") == "add"):
            # "hang_add" creates the order and then never answers: a placement in doubt.
            if mode == "hang_add":
                self.answer(form)
            await asyncio.sleep(3600)
        return web.Response(text=json.dumps(self.answer(form)), content_type="application/json")

    async def handle_requests(self, request: web.Request) -> web.Response:
        return web.json_response(self.state.requests)

    async def handle_mode(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.state.mode = str(body.get("mode", "ok"))
        if "balance" in body:
            self.state.balance = Decimal(str(body["balance"]))
        if "step_seconds" in body:
            self.state.step_seconds = float(body["step_seconds"])
        return web.json_response({"mode": self.state.mode})

    async def handle_service(self, request: web.Request) -> web.Response:
        """A panel changing its catalog: `{"service": 3, "rate": "4.20"}` moves a cost,
        `{"service": 3, "listed": false}` takes a service off the list (`true` puts it back)."""
        body = await request.json()
        service_id = int(body["service"])
        found = self.state.services.get(service_id) or self._unlisted.get(service_id)
        if found is None:
            return web.json_response({"error": "Incorrect service ID"}, status=404)
        if "rate" in body:
            found["rate"] = str(Decimal(str(body["rate"])))
        if body.get("listed") is False and service_id in self.state.services:
            self._unlisted[service_id] = self.state.services.pop(service_id)
            self.state.catalog.remove(found)
        elif body.get("listed") is True and service_id in self._unlisted:
            self.state.services[service_id] = self._unlisted.pop(service_id)
            self.state.catalog.insert(0, found)
        return web.json_response(found)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/api/v2", self.handle_api)
        app.router.add_get("/_sandbox/requests", self.handle_requests)
        app.router.add_post("/_sandbox/mode", self.handle_mode)
        app.router.add_post("/_sandbox/service", self.handle_service)
        return app


async def start_sandbox(
    panel: SandboxPanel, host: str = "127.0.0.1", port: int = 0
) -> tuple[web.AppRunner, str]:
    """Start serving; returns the runner (to clean up) and the API URL."""
    runner = web.AppRunner(panel.app(), access_log=None)
    await runner.setup()
    # A socket of our own: port 0 picks a free one, and the socket says which.
    sock = socket.create_server((host, port))
    await web.SockSite(runner, sock).start()
    bound_port = sock.getsockname()[1]
    return runner, f"http://{host}:{bound_port}/api/v2"

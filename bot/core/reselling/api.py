"""The shop's own SMM panel API v2, answered as panels answer it (../shared/PANEL_API.md and
the seeds): field names, shapes and status words a panel client expects, errors as
`{"error": …}` in the words real panels use. Everything goes through the same core as the
chat: the catalog at the shop's prices, the form's rules, the checkout's exactly-once
placement, after-sale's refill and cancel rules, and one customer's orders only."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping
from decimal import Decimal
from typing import Any

from bot.core.catalog.cache import CatalogCache, CatalogUnavailableError
from bot.core.catalog.pricing import Pricing
from bot.core.domain import Order, RefillStage, Stage, parse_id
from bot.core.money import fmt_rate
from bot.core.ordering.checkout import Checkout
from bot.core.ordering.forms import check_form, is_orderable
from bot.core.ordering.order_store import OrderStore
from bot.core.ordering.placing import Outcome, Placement
from bot.core.payments.wallet_store import WalletStore
from bot.core.reliability.book import ReliabilityBook
from bot.core.reliability.record import Figures, Verdict
from bot.core.shop import Shop
from bot.core.tracking.aftersale import AfterSale
from bot.core.tracking.refill_store import RefillStore

API_PATH = "/api/v2"  # where the web server answers it…
DOCS_PATH = "/api"  # …and documents it
MAX_IDS = 100
CHARGE_PLACES = Decimal("0.00001")


class ApiError(Exception):
    """Answered as HTTP 200 `{"error": "<words>"}`, as panels do."""

    def __init__(self, words: str) -> None:
        super().__init__(words)
        self.words = words


INVALID_KEY = "Invalid API key"
INCORRECT_REQUEST = "Incorrect request"
INCORRECT_SERVICE = "Incorrect service ID"
INCORRECT_ORDER = "Incorrect order ID"
NO_DRIP_FEED = "Drip-feed is disabled for this service"
NO_FUNDS = "Not enough funds on balance"
BAD_LINK = "Bad link"
ACTIVE_ORDER = "You have active order with this link. Please wait until order being completed."
REFILL_NOT_FOUND = "Refill not found"
NOT_REFILLABLE = "Order not eligible for refill"
NOT_CANCELABLE = "Cancel is disabled for this service"
UNAVAILABLE = "Service is temporarily unavailable, try again later"

# The bot's stages in the words of API v2: an order being placed or checked by an admin is
# Pending to the buyer; one refused and refunded is Canceled (nothing was delivered).
STATUS_WORDS = {
    Stage.PLACING: "Pending",
    Stage.UNCERTAIN: "Pending",
    Stage.PENDING: "Pending",
    Stage.IN_PROGRESS: "In progress",
    Stage.PROCESSING: "Processing",
    Stage.COMPLETED: "Completed",
    Stage.PARTIAL: "Partial",
    Stage.CANCELED: "Canceled",
    Stage.REJECTED: "Canceled",
    Stage.UNKNOWN: "In progress",
    Stage.STUCK: "In progress",
}
REFILL_WORDS = {
    RefillStage.PENDING: "Pending",
    RefillStage.IN_PROGRESS: "In progress",
    RefillStage.COMPLETED: "Completed",
    RefillStage.REJECTED: "Rejected",
    RefillStage.UNKNOWN: "In progress",
    RefillStage.FAILED: "Error",
}
# What the form's refusals are called by panels.
_FORM_WORDS = {
    "link": BAD_LINK,
    "media": BAD_LINK,
}


def quantity_words(field: str, low: int, high: int, given: str) -> str:
    try:
        value = int(given.strip())
    except ValueError:
        return f"Incorrect {field}"
    if value < low:
        return f"Quantity less than minimal {low}"
    if value > high:
        return f"Quantity more than maximal {high}"
    return f"Incorrect {field}"


def charge_text(amount: Decimal) -> str:
    return f"{amount.quantize(CHARGE_PLACES):f}"


def _ids(raw: str) -> list[int]:
    """`orders=1,2,3`: at most 100, each a positive id; anything else is a bad request."""
    parts = [part.strip() for part in raw.split(",") if part.strip()]
    if not parts or len(parts) > MAX_IDS:
        raise ApiError(INCORRECT_REQUEST)
    return [parse_id(part) or 0 for part in parts]


# What cannot be answered without the catalog: without one, "unavailable", not a 500 or
# "Incorrect service ID".
_NEED_CATALOG = frozenset({"services", "add"})


def record_fields(record: Figures | None) -> dict[str, Any]:
    """`average_time` (minutes per 1,000, as panels that return it mean it) and a
    `reliability` object; nothing while there are too few orders to say."""
    if record is None or record.verdict is Verdict.TOO_FEW:
        return {}
    fields: dict[str, Any] = {
        "reliability": {
            "orders": record.orders,
            "verdict": record.verdict.value,
            "completed_percent": round(100 * (record.completed_share or 0.0)),
            "partial_percent": round(100 * (record.partial_share or 0.0)),
            "canceled_percent": round(
                100 * ((record.canceled_share or 0.0) + (record.never_started_share or 0.0))
            ),
            "start_minutes": _minutes(record.start_minutes),
            "minutes_per_1000": _minutes(record.minutes_per_thousand),
            "p90_minutes_per_1000": _minutes(record.p90_minutes_per_thousand),
            "refill_requests_percent": round(100 * record.refill_requests),
            "not_started_in_24h_percent": round(100 * (record.not_started_in_a_day_share or 0)),
        }
    }
    if record.minutes_per_thousand is not None:
        fields["average_time"] = str(_minutes(record.minutes_per_thousand))
    return fields


def _minutes(value: float | None) -> int | None:
    return None if value is None else max(1, round(value))


class ResellerApi:
    def __init__(
        self,
        catalog: CatalogCache,
        pricing: Pricing,
        checkout: Checkout,
        orders: OrderStore,
        refills: RefillStore,
        aftersale: AfterSale,
        wallets: WalletStore,
        shop: Shop,
        paused: Callable[[int], object | None] = lambda _: None,
        records: ReliabilityBook | None = None,
    ) -> None:
        """`paused(id)`: why a service is not sold now (it is then not listed); `records`: the
        services' measured records (`average_time` and `reliability` in `services`)."""
        self._paused = paused
        self._records = records
        self._catalog = catalog
        self._pricing = pricing
        self._checkout = checkout
        self._orders = orders
        self._refills = refills
        self._aftersale = aftersale
        self._wallets = wallets
        self._shop = shop
        self._actions: dict[str, Callable[[int, Mapping[str, str]], Awaitable[Any]]] = {
            "services": self.services,
            "add": self.add,
            "status": self.status,
            "refill": self.refill,
            "refill_status": self.refill_status,
            "cancel": self.cancel,
            "balance": self.balance,
        }

    async def answer(self, user_id: int, params: Mapping[str, str]) -> Any:
        """The JSON answer to one request of this customer; ApiError for a refusal."""
        name = params.get("action", "").strip().lower()
        action = self._actions.get(name)
        if action is None:
            raise ApiError(INCORRECT_REQUEST)
        if name in _NEED_CATALOG:
            try:
                await self._catalog.get()  # no catalog yet (the panel down since start)
            except CatalogUnavailableError:
                raise ApiError(UNAVAILABLE) from None
        return await action(user_id, params)

    async def services(self, user_id: int, params: Mapping[str, str]) -> list[dict[str, Any]]:
        current = await self._catalog.get()
        listed = [s for s in current.services if is_orderable(s) and self._paused(s.id) is None]
        records = await self._records.of_many(s.id for s in listed) if self._records else {}
        answer = []
        for s in listed:
            entry: dict[str, Any] = {
                "service": s.id,
                "name": s.name,
                "type": s.type,
                "category": s.category,
                "rate": fmt_rate(self._pricing.rate(s)),  # rounded up, never shown cheaper
                "min": str(s.min),
                "max": str(s.max),
                "refill": s.refill,
                "cancel": s.cancel,
                "dripfeed": s.dripfeed,
            }
            # Extra fields, as several panels add them: clients that ignore them keep working.
            entry.update(record_fields(records.get(s.id)))
            answer.append(entry)
        return answer

    async def add(self, user_id: int, params: Mapping[str, str]) -> dict[str, int]:
        service_id = parse_id(params.get("service", ""))
        service = await self._catalog.service(service_id) if service_id is not None else None
        if service is None or not is_orderable(service):
            raise ApiError(INCORRECT_SERVICE)
        submitted = {key: str(value) for key, value in params.items()}  # bounded by the route
        if submitted.get("runs", "").strip() and not service.dripfeed:
            raise ApiError(NO_DRIP_FEED)  # never charged runs × quantity for a plain order
        # API v2's drip-feed is `runs` and `interval` given; the chat asks yes or no first.
        submitted["dripfeed"] = "yes" if submitted.get("runs", "").strip() else "no"
        answers, problems = check_form(service, submitted)
        if problems:
            field, problem = next(iter(problems.items()))
            if problem.key == "invalid-range" and field in {"quantity", "min", "max"}:
                low, high = int(problem.args["min"]), int(problem.args["max"])
                raise ApiError(quantity_words(field, low, high, submitted.get(field, "")))
            raise ApiError(_FORM_WORDS.get(field, f"Incorrect {field}"))
        token = "api-" + uuid.uuid4().hex  # API v2 has no idempotency key: each call is new
        result = await self._checkout.place_for_api(user_id, service, answers, token)
        placement = result.placement
        if placement is None:
            raise ApiError(UNAVAILABLE)
        return {"order": _placed(placement)}

    async def status(self, user_id: int, params: Mapping[str, str]) -> Any:
        if params.get("orders"):
            return {str(i): await self._status_of(user_id, i) for i in _ids(params["orders"])}
        answer = await self._status_of(user_id, parse_id(params.get("order", "")) or 0)
        if "error" in answer:
            raise ApiError(str(answer["error"]))
        return answer

    async def _status_of(self, user_id: int, order_id: int) -> dict[str, Any]:
        order = await self._own(user_id, order_id)
        if order is None:
            return {"error": INCORRECT_ORDER}
        return {
            "charge": charge_text(order.charge),
            "start_count": str(order.start_count or 0),
            "status": STATUS_WORDS[order.stage],
            "remains": str(order.remains if order.remains is not None else 0),
            "currency": order.currency,
        }

    async def refill(self, user_id: int, params: Mapping[str, str]) -> Any:
        if params.get("orders"):
            found: list[dict[str, Any]] = []
            for order_id in _ids(params["orders"]):
                refill: int | dict[str, str]
                try:
                    refill = await self._refill(user_id, order_id)
                except ApiError as exc:
                    refill = {"error": exc.words}
                found.append({"order": order_id, "refill": refill})
            return found
        return {"refill": str(await self._refill(user_id, parse_id(params.get("order", "")) or 0))}

    async def _refill(self, user_id: int, order_id: int) -> int:
        order = await self._own(user_id, order_id)
        if order is None:
            raise ApiError(INCORRECT_ORDER)
        check = await self._aftersale.refill(order)
        if not check.allowed:
            raise ApiError(UNAVAILABLE if check.reason == "panel-unavailable" else NOT_REFILLABLE)
        latest = await self._refills.latest_refill(order.id)
        assert latest is not None  # just created
        return latest.id

    async def refill_status(self, user_id: int, params: Mapping[str, str]) -> Any:
        if params.get("refills"):
            return [
                {"refill": refill_id, "status": await self._refill_word(user_id, refill_id)}
                for refill_id in _ids(params["refills"])
            ]
        said = await self._refill_word(user_id, parse_id(params.get("refill", "")) or 0)
        if isinstance(said, dict):
            raise ApiError(REFILL_NOT_FOUND)
        return {"status": said}

    async def _refill_word(self, user_id: int, refill_id: int) -> str | dict[str, str]:
        refill = await self._refills.get_refill(refill_id) if refill_id else None
        if refill is None or refill.user_id != user_id:
            return {"error": REFILL_NOT_FOUND}
        return REFILL_WORDS[refill.stage]

    async def cancel(self, user_id: int, params: Mapping[str, str]) -> list[dict[str, Any]]:
        answers: list[dict[str, Any]] = []
        for order_id in _ids(params.get("orders") or params.get("order") or ""):
            order = await self._own(user_id, order_id)
            if order is None:
                answers.append({"order": order_id, "cancel": {"error": INCORRECT_ORDER}})
                continue
            said = await self._aftersale.cancel(order)
            if said == "cancel-requested":
                answers.append({"order": order_id, "cancel": 1})
            else:
                words = UNAVAILABLE if said == "panel-unavailable" else NOT_CANCELABLE
                answers.append({"order": order_id, "cancel": {"error": words}})
        return answers

    async def balance(self, user_id: int, params: Mapping[str, str]) -> dict[str, str]:
        held = await self._wallets.balance(user_id)
        return {"balance": charge_text(held), "currency": self._shop.currency}

    async def _own(self, user_id: int, order_id: int) -> Order | None:
        """Only this key's customer's orders exist for it: another's id is "incorrect"."""
        if order_id <= 0:
            return None
        return await self._orders.get_order(order_id, user_id)


def _placed(placement: Placement) -> int:
    """The order id a buyer follows, or the refusal in panels' words. An order whose `add`
    may have reached the panel is the buyer's (Pending while an admin checks it)."""
    if placement.order_id is not None and placement.outcome in {
        Outcome.PLACED,
        Outcome.ALREADY_PLACED,
        Outcome.UNCERTAIN,
    }:
        return placement.order_id
    if placement.outcome is Outcome.NO_FUNDS:
        raise ApiError(NO_FUNDS)
    if placement.outcome is Outcome.LINK_BUSY or placement.message_key == "order-error-duplicate":
        raise ApiError(ACTIVE_ORDER)
    if placement.message_key == "order-error-link":
        raise ApiError(BAD_LINK)
    if placement.message_key == "order-error-service":
        raise ApiError(INCORRECT_SERVICE)
    raise ApiError(UNAVAILABLE)

"""Mass orders: a reseller pastes up to 100 lines `service id | link | quantity` (`|`, `;` or
spaces between), sees each line priced or refused with why, and places every valid line
exactly once — each line has its own token, so a second Confirm, an old preview or a restart
in the middle places nothing twice. The same rules as one order apply line by line (the
service's form, clean links, one open order per link); promo discounts do not apply (a
discount is for one order)."""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from bot.core.catalog.cache import CatalogCache
from bot.core.domain import Stage, parse_id
from bot.core.notifications.outbox_store import OutboxStore
from bot.core.ops.apart import ItemFailures
from bot.core.ordering.forms import Invalid, check_form, is_orderable
from bot.core.ordering.order_store import OrderStore
from bot.core.ordering.placing import OrderService, Outcome, Placement
from bot.core.ordering.quoting import Quoter
from bot.core.outbox import OutboxKind
from bot.core.storage.kv import KeyValueStore

logger = logging.getLogger(__name__)

MAX_LINES = 100
# A confirmed batch is recorded until every line was tried: a batch still recorded after a
# crash is finished by the leader (bot/app.py), each line once (its token).
CONFIRMED_PREFIX = "mass-confirmed:"
# What an order's stage means for a line placed before (a crash, an old Confirm).
_HELD = frozenset({Stage.PLACING, Stage.UNCERTAIN, Stage.STUCK})
_SEPARATORS = re.compile(r"\s*[|;]\s*|\s+")


@dataclass(frozen=True)
class MassLine:
    number: int  # as pasted, from 1
    service_id: int | None = None
    answers: Mapping[str, Any] = field(default_factory=dict)
    price: Decimal | None = None  # what it costs; None when refused
    problem: Invalid | None = None  # why it cannot be ordered

    @property
    def valid(self) -> bool:
        return self.problem is None and self.price is not None

    def stored(self) -> dict[str, Any]:
        """A valid line as the conversation keeps it (JSON) until Confirm."""
        return {
            "number": self.number,
            "service_id": self.service_id,
            "answers": dict(self.answers),
            "price": str(self.price),
        }

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any]) -> MassLine:
        return cls(
            number=int(stored["number"]),
            service_id=int(stored["service_id"]),
            answers=dict(stored["answers"]),
            price=Decimal(str(stored["price"])),
        )


@dataclass(frozen=True)
class MassPreview:
    lines: list[MassLine]
    balance: Decimal
    currency: str

    @property
    def valid(self) -> list[MassLine]:
        return [line for line in self.lines if line.valid]

    @property
    def total(self) -> Decimal:
        return sum((line.price or Decimal(0) for line in self.valid), Decimal(0))

    @property
    def balance_after(self) -> Decimal:
        return self.balance - self.total


@dataclass(frozen=True)
class LineResult:
    line: MassLine
    placement: Placement | None  # None: the price moved since the preview, nothing tried


def results_payload(results: list[LineResult]) -> list[dict[str, Any]]:
    """A report as the outbox keeps it (JSON) until it is sent."""
    return [
        {
            "line": r.line.stored() if r.line.valid else {"number": r.line.number},
            "outcome": r.placement.outcome.value if r.placement else None,
            "order": r.placement.order_id if r.placement else None,
            "missing": str(r.placement.missing) if r.placement and r.placement.missing else None,
        }
        for r in results
    ]


def results_from_payload(payload: list[dict[str, Any]]) -> list[LineResult]:
    results = []
    for item in payload:
        stored = item["line"]
        line = MassLine.from_stored(stored) if "price" in stored else MassLine(stored["number"])
        placement = None
        if item.get("outcome"):
            missing = Decimal(item["missing"]) if item.get("missing") else None
            placement = Placement(Outcome(item["outcome"]), item.get("order"), missing=missing)
        results.append(LineResult(line, placement))
    return results


def line_token(batch: str, number: int) -> str:
    return f"mass-{batch}-{number}"


def batch_tokens(batch: str) -> str:
    """What every line token of a batch starts with."""
    return f"mass-{batch}-"


class MassOrders:
    def __init__(
        self,
        catalog: CatalogCache,
        quoter: Quoter,
        ordering: OrderService,
        orders: OrderStore,
        kv: KeyValueStore,
        outbox: OutboxStore,
    ) -> None:
        self._catalog = catalog
        self._quoter = quoter
        self._ordering = ordering
        self._orders = orders
        self._kv = kv
        self._outbox = outbox
        self._running: set[str] = set()  # batches this process is placing now
        self._resumes = ItemFailures("mass order resume")

    async def preview(self, user_id: int, text: str) -> MassPreview | Invalid:
        raw = [line for line in text.splitlines() if line.strip()]
        if not raw:
            return Invalid("mass-empty")
        if len(raw) > MAX_LINES:
            return Invalid("mass-too-many", {"max": MAX_LINES})
        lines = [await self._line(n, text) for n, text in enumerate(raw, start=1)]
        balance = await self._quoter.balance(user_id)
        return MassPreview(lines, balance, self._quoter.shop.currency)

    async def _line(self, number: int, text: str) -> MassLine:
        parts = [part for part in _SEPARATORS.split(text.strip()) if part]
        if len(parts) != 3:
            return MassLine(number, problem=Invalid("mass-line-shape"))
        service_id = parse_id(parts[0])
        service = await self._catalog.service(service_id) if service_id is not None else None
        if service is None or not is_orderable(service):
            return MassLine(number, problem=Invalid("mass-line-service", {"id": parts[0]}))
        submitted = {"link": parts[1], "quantity": parts[2], "dripfeed": "no"}
        answers, problems = check_form(service, submitted)
        if problems:
            # A service that asks more than a link and a quantity is ordered on its own.
            name, problem = next(iter(problems.items()))
            if name not in submitted:
                problem = Invalid("mass-line-form")
            return MassLine(number, service.id, answers, problem=problem)
        return MassLine(
            number, service.id, answers, price=self._quoter.list_price(service, answers)
        )

    async def record_confirmed(self, user_id: int, batch: str, lines: list[MassLine]) -> None:
        """Confirm was pressed: the batch is kept until every line was tried. Its time is
        renewed after each line, so only a batch nobody works on looks old."""
        record = {"user": user_id, "lines": [line.stored() for line in lines], "at": time.time()}
        await self._kv.set_kv(CONFIRMED_PREFIX + batch, json.dumps(record))

    async def confirm(self, user_id: int, batch: str, lines: list[MassLine]) -> list[LineResult]:
        """Place a confirmed batch; a crash in the middle leaves it for `resume_unfinished`."""
        await self.record_confirmed(user_id, batch, lines)
        return await self._finish(user_id, batch, lines)

    async def _finish(self, user_id: int, batch: str, lines: list[MassLine]) -> list[LineResult]:
        self._running.add(batch)
        results = []
        try:
            async with self._ordering.in_flight():
                for line in lines:
                    results.append(await self._place_line(user_id, batch, line))
                    await self.record_confirmed(user_id, batch, lines)  # still being worked on
        finally:
            self._running.discard(batch)
        await self._kv.set_kv(CONFIRMED_PREFIX + batch, None)
        return results

    async def resume_unfinished(self, older_than: float) -> list[str]:
        """Batches confirmed at least `older_than` seconds ago and not finished (the process
        died in the middle): the lines not sent yet are placed, those sent are found by their
        tokens, and the customer gets the per-line report. Returns the batches finished."""
        finished = []
        for key, value in (await self._kv.kv_with_prefix(CONFIRMED_PREFIX)).items():
            batch = key.removeprefix(CONFIRMED_PREFIX)
            # One unreadable record (or a batch that fails) is retried later; the rest go on.
            if await self._resumes.each(batch, self._resume(batch, value, older_than)):
                finished.append(batch)
        return finished

    async def _resume(self, batch: str, value: str, older_than: float) -> bool:
        record = json.loads(value)
        if batch in self._running or time.time() - float(record["at"]) < older_than:
            return False
        user_id = int(record["user"])
        lines = [MassLine.from_stored(stored) for stored in record["lines"]]
        results = await self._finish(user_id, batch, lines)
        payload = {
            "batch": batch,
            "currency": self._quoter.shop.currency,
            "results": results_payload(results),
        }
        await self._outbox.enqueue([user_id], OutboxKind.MASS_REPORT, payload)
        logger.warning("a mass order cut short was finished", extra={"batch": batch})
        return True

    async def lines_state(self, user_id: int, batch: str) -> tuple[int, int, int]:
        """(placed, being checked, refused) of a batch's lines: what an old Confirm says."""
        stages = await self._orders.stages_by_token_prefix(batch_tokens(batch), user_id)
        held = sum(1 for stage in stages if stage in _HELD)
        refused = sum(1 for stage in stages if stage is Stage.REJECTED)
        return len(stages) - held - refused, held, refused

    async def place(self, user_id: int, batch: str, lines: list[MassLine]) -> list[LineResult]:
        """Place each valid line once (its token), in order; the results per line."""
        results = []
        async with self._ordering.in_flight():
            for line in lines:
                results.append(await self._place_line(user_id, batch, line))
        return results

    async def _place_line(self, user_id: int, batch: str, line: MassLine) -> LineResult:
        service = await self._catalog.service(line.service_id or 0)
        if service is None:
            return LineResult(line, Placement(Outcome.UNAVAILABLE))
        quote = await self._quoter.quote(user_id, service, line.answers, discount=False)
        if quote.price != line.price:
            return LineResult(line, None)  # the price moved: this line waits for a new preview
        placement = await self._ordering.place(
            quote.new_order(user_id, line_token(batch, line.number))
        )
        if placement.outcome is Outcome.ALREADY_PLACED and placement.order_id is not None:
            placement = await self._as_it_stands(placement.order_id)
        return LineResult(line, placement)

    async def _as_it_stands(self, order_id: int) -> Placement:
        """A line placed before (a crash, a second tap): reported as its order stands."""
        order = await self._orders.get_order(order_id)
        if order is not None and order.stage in _HELD:
            return Placement(Outcome.UNCERTAIN, order_id=order_id)
        if order is not None and order.stage is Stage.REJECTED:
            return Placement(Outcome.REJECTED, order_id=order_id)
        return Placement(Outcome.ALREADY_PLACED, order_id=order_id)

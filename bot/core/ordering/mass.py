"""Mass orders: a reseller pastes up to 100 lines `service id | link | quantity` (`|`, `;` or
spaces between), sees each line priced or refused with why, and places every valid line
exactly once — each line has its own token, so a second Confirm, an old preview or a restart
in the middle places nothing twice. The same rules as one order apply line by line (the
service's form, clean links, one open order per link); promo discounts do not apply (a
discount is for one order)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from bot.core.catalog.cache import CatalogCache
from bot.core.domain import parse_id
from bot.core.ordering.forms import Invalid, check_form, is_orderable
from bot.core.ordering.placing import OrderService, Outcome, Placement
from bot.core.ordering.quoting import Quoter

MAX_LINES = 100
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


def line_token(batch: str, number: int) -> str:
    return f"mass-{batch}-{number}"


def batch_tokens(batch: str) -> str:
    """What every line token of a batch starts with."""
    return f"mass-{batch}-"


class MassOrders:
    def __init__(self, catalog: CatalogCache, quoter: Quoter, ordering: OrderService) -> None:
        self._catalog = catalog
        self._quoter = quoter
        self._ordering = ordering

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
        return LineResult(line, placement)

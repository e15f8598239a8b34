"""The shop's book of records: every order that moves updates its service's record (on the
leader, as the poller learns it); cards, rankings and the API read figures from memory; a
service whose recent orders keep failing is quarantined and the owners told once."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence

from bot.core.domain import Order, RefillStage, Stage
from bot.core.notifications.outbox_store import OutboxStore
from bot.core.outbox import OutboxKind
from bot.core.reliability.record import (
    FAILED,
    STOPPED,
    Figures,
    Record,
    Verdict,
    figures,
    outcome_of,
    quarantine_due,
)
from bot.core.reliability.store import Key, OrderFacts, RecordStore

logger = logging.getLogger(__name__)
Move = tuple[int, Stage, Stage]  # (order id, stage before, stage now)
# Pauses a service until a time, with the evidence; its name when it did (None: an admin's
# decision stands, or it is not in the catalog). The catalog's curation implements it.
Quarantine = Callable[[int, float, str], Awaitable[str | None]]
_BEFORE_START = frozenset({Stage.PENDING, Stage.UNKNOWN})
_STARTED = frozenset({Stage.IN_PROGRESS, Stage.PROCESSING, Stage.COMPLETED, Stage.PARTIAL})
PER = 1000
RANK = {Verdict.RELIABLE: 0, Verdict.FAIR: 1, Verdict.TOO_FEW: 1, Verdict.BAD: 2}


class ReliabilityBook:
    def __init__(
        self,
        store: RecordStore,
        quarantine: Quarantine,
        outbox: OutboxStore,
        admin_ids: Iterable[int],
        *,
        quarantine_failures: int = 3,
        quarantine_window: int = 5,
        quarantine_hours: float = 24.0,
        reload_seconds: float = 60.0,
        clock: Callable[[], float] = time.time,
        topic: tuple[int, str] | None = None,
    ) -> None:
        """`topic`: (support group, topic name) where the owners read catalog news; without
        it, quarantines are told to each admin."""
        self._topic = topic
        self._store = store
        self._quarantine = quarantine
        self._outbox = outbox
        self._admins = list(admin_ids)
        self._failures = quarantine_failures
        self._window = quarantine_window
        self._probation = quarantine_hours * 3600
        self._reload = reload_seconds
        self._clock = clock
        self._records: dict[int, dict[str, Record]] = {}  # service → panel → record
        self._routes: Callable[[int], Sequence[str]] | None = None
        self._loaded_at: float | None = None

    async def _fresh(self) -> None:
        """Records as the database has them (another replica's leader writes them)."""
        now = self._clock()
        if self._loaded_at is None or now - self._loaded_at >= self._reload:
            self._records = {}
            for (service_id, panel), record in (await self._store.load()).items():
                self._records.setdefault(service_id, {})[panel] = record
            self._loaded_at = now

    def sold_by(self, routes: Callable[[int], Sequence[str]]) -> None:
        """The panels that sell a product (its routes): a product is quarantined only when
        every one of them keeps failing it."""
        self._routes = routes

    async def reload(self) -> None:
        """Read every record again now (what another process wrote)."""
        self._loaded_at = None
        await self._fresh()

    # -- reading --------------------------------------------------------------------------

    async def of(self, service_id: int) -> Figures:
        await self._fresh()
        return figures(self._product(service_id), self._clock())

    async def of_many(self, service_ids: Iterable[int]) -> dict[int, Figures]:
        await self._fresh()
        now = self._clock()
        return {sid: figures(self._product(sid), now) for sid in service_ids}

    def _product(self, service_id: int) -> Record | None:
        """A product's record: its panels' records together."""
        found = list(self._records.get(service_id, {}).values())
        if not found:
            return None
        merged = found[0]
        for other in found[1:]:
            merged = merged.merged(other, self._clock())
        return merged

    async def usual_start(self, service_id: int) -> float | None:
        """Seconds its orders usually take to start; None while too few orders say."""
        start = (await self.of(service_id)).start_minutes
        return None if start is None else start * 60

    async def ranks(self, service_ids: Sequence[int]) -> dict[int, int]:
        """Where each service stands among equals: reliable first (0), bad last (2)."""
        return {sid: RANK[f.verdict] for sid, f in (await self.of_many(service_ids)).items()}

    def standing(self, service_id: int, panel: str) -> int:
        """A route's standing for routing (bot/core/catalog/routing.py): STOPPED while its
        own recent orders keep failing to start (until the probation passes), else its
        record's rank. From memory: routing asks it for every order."""
        record = self._records.get(service_id, {}).get(panel)
        if record is None:
            return RANK[Verdict.TOO_FEW]
        now = self._clock()
        if (
            quarantine_due(record, self._failures, self._window)
            and now - record.at < self._probation
        ):
            return STOPPED
        return RANK[figures(record, now).verdict]

    def of_panel(self, service_id: int, panel: str) -> Figures:
        return figures(self._records.get(service_id, {}).get(panel), self._clock())

    # -- learning -------------------------------------------------------------------------

    async def observe(self, moves: Sequence[Move]) -> int:
        """Orders that moved (as the poller stored them): their services' records updated;
        returns how many orders changed a record."""
        if not moves:
            return 0
        await self._fresh()
        facts = await self._store.order_facts(order_id for order_id, _, _ in moves)
        now = self._clock()
        touched: dict[Key, Record] = {}
        counted = 0
        for order_id, before, after in moves:
            fact = facts.get(order_id)
            if fact is None:
                continue
            key = (fact.service_id, fact.panel)
            record = self._records.setdefault(fact.service_id, {}).setdefault(fact.panel, Record())
            if self._learn(record, fact, before, after, now):
                touched[key] = record
                counted += 1
        await self._store.save(touched)
        for service_id in sorted({sid for sid, _ in touched}):
            await self._maybe_quarantine(service_id, now)
        return counted

    @staticmethod
    def _learn(record: Record, fact: OrderFacts, before: Stage, after: Stage, now: float) -> bool:
        minutes = max(0.0, (now - fact.created_at) / 60)
        learnt = False
        if before in _BEFORE_START and after in _STARTED:
            record.started(minutes, now)
            learnt = True
        if after.is_final and not before.is_final:
            outcome = outcome_of(after.value, started=before not in _BEFORE_START)
            if outcome is not None:
                per = None
                if after is Stage.COMPLETED and fact.quantity > 0:
                    per = minutes * PER / fact.quantity if fact.per_thousand else minutes
                record.finished(outcome, now, per)
                learnt = True
        return learnt

    async def refill_asked(self, order: Order) -> None:
        """A refill inside the guarantee was asked: a drop signal for the service."""
        await self._refill(order.service_id, order.panel, "requested")

    async def refill_ended(self, refill_id: int, stage: RefillStage) -> None:
        found = await self._store.refill_order(refill_id)
        if found is not None:
            await self._refill(*found, "done" if stage is RefillStage.COMPLETED else "rejected")

    async def _refill(self, service_id: int, panel: str, kind: str) -> None:
        await self._fresh()
        record = self._records.setdefault(service_id, {}).setdefault(panel, Record())
        record.refill(kind, self._clock())
        await self._store.save({(service_id, panel): record})

    async def _maybe_quarantine(self, service_id: int, now: float) -> None:
        product = self._product(service_id)
        if product is None or not quarantine_due(product, self._failures, self._window):
            return
        panels = self._records.get(service_id, {})
        sellers = self._routes(service_id) if self._routes else list(panels)
        if any(
            seller not in panels or not quarantine_due(panels[seller], self._failures, self._window)
            for seller in sellers
        ):
            return  # another panel may still deliver it: routing goes there (see `standing`)
        failed = sum(1 for o in product.recent[-self._window :] if o in {f.value for f in FAILED})
        evidence = f"{failed}/{min(self._window, len(product.recent))} failed"
        until = now + self._probation
        name = await self._quarantine(service_id, until, evidence)
        if name is not None:
            payload = {
                "service": service_id,
                "name": name,
                "failed": failed,
                "of": min(self._window, len(product.recent)),
                "until": until,
            }
            recipients = self._admins
            if self._topic is not None:  # beside the catalog digest, in its topic
                recipients = [self._topic[0]]
                payload["topic"] = self._topic[1]
            await self._outbox.enqueue(recipients, OutboxKind.ADMIN_QUARANTINE, payload)
            logger.warning("service quarantined", extra={"service": service_id, "why": evidence})
        # Acted on (or an admin's pause stands): the next quarantine needs new evidence.
        for record in panels.values():
            record.forget_recent()
        await self._store.save({(service_id, panel): r for panel, r in panels.items()})

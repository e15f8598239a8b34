"""Following the panels: each refresh compares every panel's services with what it listed
last, records the moves in a price history (and what appeared or vanished), and sums them up
for the admins' digest. `diff` is the plain rule; `PriceWatch` keeps the record."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from bot.core.panels import Service
from bot.core.storage.base import StoreBase

Key = tuple[str, int]  # (panel, the panel's service id)
_UPSERT_LISTED = (
    "INSERT INTO panel_services (panel, service_id, name, rate, seen_at)"
    " VALUES (:panel, :id, :name, :rate, :at) ON CONFLICT (panel, service_id) DO UPDATE"
    " SET name = excluded.name, rate = excluded.rate, seen_at = excluded.seen_at,"
    " vanished_at = NULL"
)
_VANISHED = "UPDATE panel_services SET vanished_at = :at WHERE panel = :panel AND service_id = :id"
_HISTORY = (
    "INSERT INTO price_history (panel, service_id, name, old_rate, new_rate, at)"
    " VALUES (:panel, :id, :name, :old, :new, :at)"
)
MOVES_NAMED = 5


@dataclass(frozen=True)
class Listed:
    name: str
    rate: Decimal


@dataclass(frozen=True)
class Move:
    panel: str
    service_id: int
    name: str
    old: Decimal | None  # None: it appeared
    new: Decimal | None  # None: it vanished
    at: float | None = None  # when it was recorded (history only)

    @property
    def percent(self) -> Decimal:
        """How much the cost moved, in percent of the old one (0 for appearing/vanishing)."""
        if self.old is None or self.new is None or self.old == 0:
            return Decimal(0)
        return (self.new - self.old) / self.old * 100


@dataclass(frozen=True)
class Changes:
    moves: tuple[Move, ...] = ()

    @property
    def dearer(self) -> list[Move]:
        return [m for m in self.moves if m.old is not None and m.new is not None and m.new > m.old]

    @property
    def cheaper(self) -> list[Move]:
        return [m for m in self.moves if m.old is not None and m.new is not None and m.new < m.old]

    @property
    def vanished(self) -> list[Move]:
        return [m for m in self.moves if m.new is None]

    @property
    def appeared(self) -> list[Move]:
        return [m for m in self.moves if m.old is None]

    def largest(self, count: int = MOVES_NAMED) -> list[Move]:
        priced = [m for m in self.moves if m.old is not None and m.new is not None]
        return sorted(priced, key=lambda m: abs(m.percent), reverse=True)[:count]

    def digest(self) -> dict[str, Any]:
        """What the admins' digest says (an outbox payload: JSON-safe)."""
        return {
            "dearer": len(self.dearer),
            "cheaper": len(self.cheaper),
            "vanished": len(self.vanished),
            "appeared": len(self.appeared),
            "moves": [
                {
                    "id": m.service_id,
                    "panel": m.panel,
                    "name": m.name[:80],
                    "old": str(m.old),
                    "new": str(m.new),
                }
                for m in self.largest()
            ],
        }


def diff(before: Mapping[Key, Listed], now: Mapping[Key, Listed]) -> Changes:
    """What moved between two listings: costs up or down, services new or gone."""
    moves = [
        Move(key[0], key[1], listed.name, before[key].rate if key in before else None, listed.rate)
        for key, listed in now.items()
        if key not in before or before[key].rate != listed.rate
    ]
    moves += [
        Move(key[0], key[1], listed.name, listed.rate, None)
        for key, listed in before.items()
        if key not in now
    ]
    return Changes(tuple(moves))


@dataclass
class Snapshot:
    listed: dict[Key, Listed] = field(default_factory=dict)
    vanished: set[Key] = field(default_factory=set)


class PriceWatch(StoreBase):
    async def snapshot(self) -> Snapshot:
        query = "SELECT panel, service_id, name, rate, vanished_at FROM panel_services"
        found = Snapshot()
        async with self.db.read() as conn:
            for panel, service_id, name, rate, vanished_at in (await conn.execute(query)).all():
                key = (str(panel), int(service_id))
                if vanished_at is None:
                    found.listed[key] = Listed(str(name), Decimal(rate))
                else:
                    found.vanished.add(key)
        return found

    async def observe(self, lists: Sequence[tuple[str, Sequence[Service]]]) -> Changes | None:
        """Record what moved since the last look; None on the very first look (the snapshot
        is taken silently: a new shop's whole catalog is not news)."""
        before = await self.snapshot()
        now = {(panel, s.id): Listed(s.name, s.rate) for panel, services in lists for s in services}
        first = not before.listed and not before.vanished
        changes = diff(before.listed, now)
        if not changes.moves and not first:
            return changes
        at = time.time()
        listed = [
            {
                "panel": m.panel,
                "id": m.service_id,
                "name": m.name[:300],
                "rate": str(m.new),
                "at": at,
            }
            for m in changes.moves
            if m.new is not None
        ]
        gone = [{"panel": m.panel, "id": m.service_id, "at": at} for m in changes.vanished]
        history = [
            {
                "panel": m.panel,
                "id": m.service_id,
                "name": m.name[:300],
                "old": None if m.old is None else str(m.old),
                "new": None if m.new is None else str(m.new),
                "at": at,
            }
            for m in changes.moves
        ]
        # A batch per kind: the first look at a 5,000-service panel is three statements.
        async with self.db.write() as conn:
            if listed:
                await conn.execute(_UPSERT_LISTED, listed)
            if gone:
                await conn.execute(_VANISHED, gone)
            if history and not first:
                await conn.execute(_HISTORY, history)
        return None if first else changes

    async def history(self, panel: str, service_id: int, limit: int = 10) -> list[Move]:
        """A panel service's latest moves, newest first."""
        query = (
            "SELECT panel, service_id, name, old_rate, new_rate, at FROM price_history"
            " WHERE service_id = :id AND panel = :panel ORDER BY id DESC LIMIT :limit"
        )
        params = {"id": service_id, "panel": panel, "limit": limit}
        async with self.db.read() as conn:
            found = (await conn.execute(query, params)).all()
        return [
            Move(
                str(r[0]),
                int(r[1]),
                str(r[2]),
                None if r[3] is None else Decimal(r[3]),
                None if r[4] is None else Decimal(r[4]),
                float(r[5]),
            )
            for r in found
        ]

    async def history_times(
        self, panel: str, service_id: int, limit: int = 30
    ) -> list[tuple[float, Decimal]]:
        """(when, new cost) of a service's cost changes, oldest first: the console's chart."""
        query = (
            "SELECT at, new_rate FROM price_history WHERE service_id = :id AND panel = :panel"
            " AND new_rate IS NOT NULL ORDER BY id DESC LIMIT :limit"
        )
        params = {"id": service_id, "panel": panel, "limit": limit}
        async with self.db.read() as conn:
            found = (await conn.execute(query, params)).all()
        return [(float(r[0]), Decimal(r[1])) for r in reversed(found)]

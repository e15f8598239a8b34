"""A service's record: how its orders started, how long they took and how they ended, kept
incrementally (one update per order that moves; no scan of past orders on a read).

Recent orders weigh more: every weight decays exponentially with a half-life of 14 days (an
order from two weeks ago counts half, from six weeks an eighth), so a service that went bad
shows it within days while one bad order among hundreds does not. Times are kept in
half-octave buckets of minutes: a median or 90th percentile read from them is within about
20 % of the exact one, which is what "~20 min" promises. Plain data and functions: every
figure a customer or the routing acts on is computed here and tested.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

HALF_LIFE_SECONDS = 14 * 86400.0
ENOUGH_ORDERS = 5  # before this many finished orders: "not enough orders yet"
RECENT = 10  # the last outcomes kept for quarantine
BUCKETS = 48  # half-octaves of minutes: bucket 0 is under 1 min, 47 is ~11 years
LATE_START_MINUTES = 24 * 60  # "never started within 24 h" counts these too
_LN2 = math.log(2)
# ✅ Reliable: enough orders, nearly all completed, almost none failed.
RELIABLE_MIN_ORDERS = 10
RELIABLE_COMPLETED = 0.9
RELIABLE_FAILED = 0.05
# ⚠️ when the recent record is bad: a third of orders failed or ended partial.
BAD_SHARE = 0.3


class Outcome(StrEnum):
    COMPLETED = "completed"
    PARTIAL = "partial"
    CANCELED = "canceled"  # canceled after it had started
    NEVER_STARTED = "never_started"  # canceled (or refunded) without ever starting


FAILED = frozenset({Outcome.CANCELED, Outcome.NEVER_STARTED})


# A route whose own recent orders stopped starting: routing (bot/core/catalog/routing.py)
# uses it only when no other route can take the order. Ranks below it: 0 reliable … 2 bad.
STOPPED = 3


class Verdict(StrEnum):
    TOO_FEW = "too_few"
    RELIABLE = "reliable"
    FAIR = "fair"
    BAD = "bad"


def bucket_of(minutes: float) -> int:
    if minutes < 1:
        return 0
    return min(BUCKETS - 1, 1 + int(2 * math.log2(minutes)))


def bucket_minutes(index: int) -> float:
    """The middle of a bucket (geometric), in minutes."""
    if index == 0:
        return 0.5
    return float(2 ** ((index - 0.5) / 2))


def quantile(histogram: list[float], share: float) -> float | None:
    """The minutes below which `share` of the weight lies; None for an empty histogram."""
    total = sum(histogram)
    if total <= 0:
        return None
    running = 0.0
    for index, weight in enumerate(histogram):
        running += weight
        if running >= share * total - 1e-12:
            return bucket_minutes(index)
    return bucket_minutes(len(histogram) - 1)


@dataclass
class Record:
    at: float = 0.0  # the time the weights are decayed to
    orders: int = 0  # finished orders recorded, ever (what the figures rest on)
    outcomes: dict[str, float] = field(default_factory=dict)  # decayed weight per outcome
    starts: list[float] = field(default_factory=lambda: [0.0] * BUCKETS)
    per_thousand: list[float] = field(default_factory=lambda: [0.0] * BUCKETS)
    refills: dict[str, float] = field(default_factory=dict)  # requested, done, rejected
    recent: list[str] = field(default_factory=list)  # the last outcomes, newest last
    late_starts: float = 0.0  # orders that started more than a day after they were placed

    def _decay_to(self, now: float) -> None:
        if now <= self.at:
            return
        factor = math.exp(-_LN2 * (now - self.at) / HALF_LIFE_SECONDS) if self.at else 1.0
        if factor < 1.0:
            self.outcomes = {k: v * factor for k, v in self.outcomes.items()}
            self.refills = {k: v * factor for k, v in self.refills.items()}
            self.starts = [w * factor for w in self.starts]
            self.per_thousand = [w * factor for w in self.per_thousand]
            self.late_starts *= factor
        self.at = now

    def started(self, minutes: float, now: float) -> None:
        """An order started (its first status past Pending) `minutes` after placement."""
        self._decay_to(now)
        self.starts[bucket_of(max(0.0, minutes))] += 1.0
        if minutes > LATE_START_MINUTES:
            self.late_starts += 1.0

    def finished(
        self, outcome: Outcome, now: float, minutes_per_thousand: float | None = None
    ) -> None:
        """An order ended; a completed one with how long it took per 1,000 units."""
        self._decay_to(now)
        self.orders += 1
        self.outcomes[outcome.value] = self.outcomes.get(outcome.value, 0.0) + 1.0
        if minutes_per_thousand is not None and minutes_per_thousand >= 0:
            self.per_thousand[bucket_of(minutes_per_thousand)] += 1.0
        self.recent = [*self.recent, outcome.value][-RECENT:]

    def refill(self, kind: str, now: float) -> None:
        """A refill asked within the guarantee (a drop signal), done or rejected."""
        self._decay_to(now)
        self.refills[kind] = self.refills.get(kind, 0.0) + 1.0

    def forget_recent(self) -> None:
        """The recent outcomes were acted on (a quarantine): new ones decide the next time."""
        self.recent = []

    def merged(self, other: Record, now: float) -> Record:
        """One product's record from its panels' records."""
        mine, theirs = self.copy(), other.copy()
        mine._decay_to(now)
        theirs._decay_to(now)
        return Record(
            at=now,
            orders=mine.orders + theirs.orders,
            outcomes=_added(mine.outcomes, theirs.outcomes),
            starts=[a + b for a, b in zip(mine.starts, theirs.starts, strict=True)],
            per_thousand=[
                a + b for a, b in zip(mine.per_thousand, theirs.per_thousand, strict=True)
            ],
            refills=_added(mine.refills, theirs.refills),
            recent=(mine.recent + theirs.recent)[-RECENT:],
            late_starts=mine.late_starts + theirs.late_starts,
        )

    def copy(self) -> Record:
        return Record(
            self.at,
            self.orders,
            dict(self.outcomes),
            list(self.starts),
            list(self.per_thousand),
            dict(self.refills),
            list(self.recent),
            self.late_starts,
        )

    def dump(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "orders": self.orders,
            "outcomes": self.outcomes,
            "starts": _sparse(self.starts),
            "per_thousand": _sparse(self.per_thousand),
            "refills": self.refills,
            "recent": self.recent,
            "late_starts": round(self.late_starts, 6),
        }

    @classmethod
    def load(cls, data: dict[str, Any]) -> Record:
        """A stored record; ValueError for one no record could be (a number not finite)."""
        return cls(
            at=_finite(data.get("at", 0.0)),
            orders=int(data.get("orders", 0)),
            outcomes={str(k): _finite(v) for k, v in dict(data.get("outcomes", {})).items()},
            starts=_dense(data.get("starts", {})),
            per_thousand=_dense(data.get("per_thousand", {})),
            refills={str(k): _finite(v) for k, v in dict(data.get("refills", {})).items()},
            recent=[str(x) for x in list(data.get("recent", []))][-RECENT:],
            late_starts=_finite(data.get("late_starts", 0.0)),
        )


def _finite(value: Any) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"not a finite number: {number}")
    return number


def _added(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    return {k: a.get(k, 0.0) + b.get(k, 0.0) for k in {*a, *b}}


def _sparse(histogram: list[float]) -> dict[str, float]:
    return {str(i): round(w, 6) for i, w in enumerate(histogram) if w > 1e-9}


def _dense(stored: Any) -> list[float]:
    dense = [0.0] * BUCKETS
    for key, weight in dict(stored).items():
        index = int(key)
        if 0 <= index < BUCKETS:
            dense[index] = _finite(weight)
    return dense


@dataclass(frozen=True)
class Figures:
    """What a card says: None where there is nothing to say yet."""

    orders: int
    verdict: Verdict
    start_minutes: float | None = None
    minutes_per_thousand: float | None = None
    p90_minutes_per_thousand: float | None = None
    completed_share: float | None = None
    partial_share: float | None = None
    canceled_share: float | None = None
    never_started_share: float | None = None
    # Orders that did not start within a day: never started, or started later than that.
    not_started_in_a_day_share: float | None = None
    refill_requests: float = 0.0


def figures(record: Record | None, now: float) -> Figures:
    if record is None or record.orders < ENOUGH_ORDERS:
        return Figures(orders=record.orders if record else 0, verdict=Verdict.TOO_FEW)
    current = record.copy()
    current._decay_to(now)
    total = sum(current.outcomes.values())
    if total <= 0:
        return Figures(orders=record.orders, verdict=Verdict.TOO_FEW)

    def share(outcome: Outcome) -> float:
        return current.outcomes.get(outcome.value, 0.0) / total

    completed, partial = share(Outcome.COMPLETED), share(Outcome.PARTIAL)
    canceled, never = share(Outcome.CANCELED), share(Outcome.NEVER_STARTED)
    return Figures(
        orders=record.orders,
        verdict=verdict(record.orders, completed, partial, canceled + never),
        start_minutes=quantile(current.starts, 0.5),
        minutes_per_thousand=quantile(current.per_thousand, 0.5),
        p90_minutes_per_thousand=quantile(current.per_thousand, 0.9),
        completed_share=completed,
        partial_share=partial,
        canceled_share=canceled,
        never_started_share=never,
        not_started_in_a_day_share=min(1.0, never + current.late_starts / total),
        refill_requests=current.refills.get("requested", 0.0) / total,
    )


def verdict(orders: int, completed: float, partial: float, failed: float) -> Verdict:
    if orders < ENOUGH_ORDERS:
        return Verdict.TOO_FEW
    if failed >= BAD_SHARE or partial >= BAD_SHARE:
        return Verdict.BAD
    if (
        orders >= RELIABLE_MIN_ORDERS
        and completed >= RELIABLE_COMPLETED
        and failed <= RELIABLE_FAILED
    ):
        return Verdict.RELIABLE
    return Verdict.FAIR


def quarantine_due(record: Record, failures: int, window: int) -> bool:
    """`failures` of the last `window` orders canceled or never started."""
    last = record.recent[-window:]
    return sum(1 for outcome in last if outcome in {o.value for o in FAILED}) >= failures


def stopped_starting(record: Record, failures: int, window: int) -> bool:
    """`failures` of the last `window` orders on this route never started: routing skips it."""
    last = record.recent[-window:]
    return sum(1 for outcome in last if outcome == Outcome.NEVER_STARTED.value) >= failures


def outcome_of(final_stage: str, started: bool) -> Outcome | None:
    """How an order that reached `final_stage` ended, for the record."""
    if final_stage == "completed":
        return Outcome.COMPLETED
    if final_stage == "partial":
        return Outcome.PARTIAL
    if final_stage == "canceled":
        return Outcome.CANCELED if started else Outcome.NEVER_STARTED
    return None

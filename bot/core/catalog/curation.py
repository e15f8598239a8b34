"""Curation: what admins decided about the raw catalog — hidden, paused and featured services,
new names, hidden and renamed categories — applied to every panel's view before customers
see it, plus what pauses a service by itself: vanished from every panel, or sold below cost.
`curate` is the plain rule; `Curation` keeps the decisions (settings table) and audits them."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from bot.core.catalog.item_store import CatalogItems
from bot.core.catalog.pricing import Pricing
from bot.core.ops.audit_store import AuditLog
from bot.core.panels import Service
from bot.core.storage.kv import KeyValueStore

logger = logging.getLogger(__name__)
Ranker = Callable[[Sequence[int]], Awaitable[Mapping[int, int]]]
AUTOPILOT = 0  # the actor the audit log names for what the shop decided by itself

PREFIX = "curate:"
QUARANTINE_KEY = "quarantined"  # curate:quarantined:<id> = until (epoch seconds)
MAX_NAME = 200


class Flag(StrEnum):
    HIDDEN = "hidden"
    PAUSED = "paused"
    FEATURED = "featured"


# The words admins curate with (`/service <id> hide`, the console's actions): which flag each
# sets, and to what.
FLAG_WORDS: dict[str, tuple[Flag, bool]] = {
    "hide": (Flag.HIDDEN, True),
    "show": (Flag.HIDDEN, False),
    "pause": (Flag.PAUSED, True),
    "resume": (Flag.PAUSED, False),
    "feature": (Flag.FEATURED, True),
    "unfeature": (Flag.FEATURED, False),
}


class PauseReason(StrEnum):
    ADMIN = "admin"  # an admin paused it: it stays paused until one resumes it
    VANISHED = "vanished"  # no panel lists it now: back by itself when one does
    BELOW_COST = "below_cost"  # its hand-set price is under the panel's cost
    QUARANTINE = "quarantine"  # its recent orders failed: back after probation or a resume


@dataclass(frozen=True)
class Rules:
    flags: dict[Flag, frozenset[int]] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    hidden_categories: frozenset[str] = frozenset()  # casefolded panel names
    category_names: dict[str, str] = field(default_factory=dict)  # casefolded → shown
    quarantined: dict[int, float] = field(default_factory=dict)  # service → until (epoch)

    def has(self, flag: Flag, service_id: int) -> bool:
        return service_id in self.flags.get(flag, frozenset())


def parse_rules(stored: dict[str, str]) -> Rules:
    flags: dict[Flag, set[int]] = {flag: set() for flag in Flag}
    names: dict[int, str] = {}
    hidden_categories: set[str] = set()
    category_names: dict[str, str] = {}
    quarantined: dict[int, float] = {}
    for key, value in stored.items():
        kind, _, subject = key.removeprefix(PREFIX).partition(":")
        try:
            if kind in Flag.__members__.values():
                flags[Flag(kind)].add(int(subject))
            elif kind == "name":
                names[int(subject)] = value
            elif kind == "cat-hidden":
                hidden_categories.add(subject)
            elif kind == "cat-name":
                category_names[subject] = value
            elif kind == QUARANTINE_KEY:
                quarantined[int(subject)] = float(value)
        except ValueError:
            continue  # a hand-edited row: ignored rather than fatal
    return Rules(
        {flag: frozenset(ids) for flag, ids in flags.items()},
        names,
        frozenset(hidden_categories),
        category_names,
        quarantined,
    )


@dataclass(frozen=True)
class Curated:
    services: list[Service]  # what customers see: renamed, featured first in each category
    featured: tuple[int, ...] = ()
    paused: dict[int, PauseReason] = field(default_factory=dict)
    originals: dict[int, Service] = field(default_factory=dict)  # as the panels name them
    hidden: frozenset[int] = frozenset()
    ranks: Mapping[int, int] = field(default_factory=dict)  # measured standing, 0 first


def curate(
    views: Sequence[Service],
    vanished: Iterable[Service],
    rules: Rules,
    below_cost: Callable[[Service], bool],
    now: float | None = None,
    ranks: Mapping[int, int] | None = None,
) -> Curated:
    """The customers' catalog from the panels' views, the products no panel lists now, and
    the admins' rules. Categories keep the panels' order; featured services lead theirs."""
    now = time.time() if now is None else now
    ranks = ranks or {}
    listed = {s.id for s in views}
    every = list(views) + [s for s in vanished if s.id not in listed]
    originals = {s.id: s for s in every}
    paused: dict[int, PauseReason] = {}
    hidden: set[int] = set()
    grouped: dict[str, list[Service]] = {}
    for service in every:
        if rules.has(Flag.HIDDEN, service.id) or (
            service.category.casefold() in rules.hidden_categories
        ):
            hidden.add(service.id)
            continue
        if rules.has(Flag.PAUSED, service.id):
            paused[service.id] = PauseReason.ADMIN
        elif service.id not in listed:
            paused[service.id] = PauseReason.VANISHED
        elif below_cost(service):
            paused[service.id] = PauseReason.BELOW_COST
        elif rules.quarantined.get(service.id, 0.0) > now:
            paused[service.id] = PauseReason.QUARANTINE
        shown = service
        name = rules.names.get(service.id)
        category = rules.category_names.get(service.category.casefold())
        if name or category:
            shown = replace(
                service, name=name or service.name, category=category or service.category
            )
        grouped.setdefault(shown.category, []).append(shown)
    services: list[Service] = []
    featured: list[int] = []
    for members in grouped.values():
        # Featured first, then by measured record among equals (stable: the panel's order).
        members.sort(key=lambda s: (not rules.has(Flag.FEATURED, s.id), ranks.get(s.id, 1)))
        services += members
        featured += [s.id for s in members if rules.has(Flag.FEATURED, s.id)]
    return Curated(services, tuple(featured), paused, originals, frozenset(hidden), ranks)


class Curation:
    """The admins' decisions, read by every replica at each catalog build and changed by the
    commands and the console alike (each change audited)."""

    def __init__(
        self, settings: KeyValueStore, items: CatalogItems, pricing: Pricing, audit: AuditLog
    ) -> None:
        self._settings = settings
        self._items = items
        self._pricing = pricing
        self._audit = audit
        self.rules = Rules()
        self.current = Curated([])
        self._views: list[Service] = []
        self._on_change: Callable[[], Awaitable[None]] | None = None
        self._ranker: Ranker | None = None

    def on_change(self, callback: Callable[[], Awaitable[None]]) -> None:
        """Called after an admin's change (the composition root rebuilds the catalog)."""
        self._on_change = callback

    def rank_with(self, ranker: Ranker) -> None:
        """Services' ranks among equals (0 first): their measured records."""
        self._ranker = ranker

    async def apply(self, views: list[Service]) -> list[Service]:
        """The customers' catalog from the panels' views now."""
        self._views = views
        self.rules = parse_rules(await self._settings.kv_with_prefix(PREFIX))
        vanished = await self._items.vanished()
        ranks = await self._ranker([s.id for s in views]) if self._ranker else {}
        self.current = curate(views, vanished, self.rules, self.below_cost, ranks=ranks)
        return self.current.services

    def below_cost(self, service: Service) -> bool:
        hand = self._pricing.hand_price(service.id)
        return hand is not None and hand < service.rate

    def paused(self, service_id: int) -> PauseReason | None:
        return self.current.paused.get(service_id)

    def original(self, service_id: int) -> Service | None:
        """The service as its panel names it (admins see both names)."""
        return self.current.originals.get(service_id)

    def is_hidden(self, service_id: int) -> bool:
        return service_id in self.current.hidden

    # -- admins' changes ------------------------------------------------------------------

    async def set_flag(self, actor: int, service_id: int, flag: Flag, on: bool) -> bool:
        """False when no panel lists (or listed) the service."""
        if service_id not in self.current.originals:
            return False
        before = self.rules.has(flag, service_id)
        await self._settings.set_kv(f"{PREFIX}{flag.value}:{service_id}", "1" if on else None)
        if flag is Flag.PAUSED:  # an admin's pause or resume wins over a quarantine
            await self._settings.set_kv(f"{PREFIX}{QUARANTINE_KEY}:{service_id}", None)
        await self._audit.record(actor, f"service.{flag.value}", service_id, before, on)
        await self._changed()
        return True

    async def quarantine(self, service_id: int, until: float, evidence: str) -> str | None:
        """Paused for new orders until `until` because its recent orders failed: the service's
        name; None when an admin's decision already stands (paused by hand) or it is not in
        the catalog."""
        original = self.original(service_id)
        if original is None or self.rules.has(Flag.PAUSED, service_id):
            return None
        await self._settings.set_kv(f"{PREFIX}{QUARANTINE_KEY}:{service_id}", repr(until))
        await self._audit.record(AUTOPILOT, "service.quarantine", service_id, None, evidence)
        await self._changed()
        return original.name

    async def rename(self, actor: int, service_id: int, name: str | None) -> bool:
        """A name customers see everywhere (search included); None gives back the panel's."""
        original = self.original(service_id)
        if original is None:
            return False
        cleaned = " ".join((name or "").split())[:MAX_NAME] or None
        before = self.rules.names.get(service_id, original.name)
        await self._settings.set_kv(f"{PREFIX}name:{service_id}", cleaned)
        await self._audit.record(
            actor, "service.rename", service_id, before, cleaned or original.name
        )
        await self._changed()
        return True

    def category_named(self, name: str) -> str | None:
        """The panel's name of a category, found by its panel name or the name shown."""
        wanted = name.strip().casefold()
        shown = {v.casefold(): k for k, v in self.rules.category_names.items()}
        for service in self.current.originals.values():
            if service.category.casefold() in {wanted, shown.get(wanted, "")}:
                return service.category
        return None

    async def hide_category(self, actor: int, name: str, hidden: bool) -> str | None:
        category = self.category_named(name)
        if category is None:
            return None
        key = category.casefold()
        before = key in self.rules.hidden_categories
        await self._settings.set_kv(f"{PREFIX}cat-hidden:{key}", "1" if hidden else None)
        await self._audit.record(actor, "category.hide", category, before, hidden)
        await self._changed()
        return category

    async def rename_category(self, actor: int, name: str, new_name: str) -> str | None:
        category = self.category_named(name)
        cleaned = " ".join(new_name.split())[:MAX_NAME]
        if category is None or not cleaned:
            return None
        key = category.casefold()
        before = self.rules.category_names.get(key, category)
        await self._settings.set_kv(f"{PREFIX}cat-name:{key}", cleaned)
        # The category's markup follows it to its new name.
        await self._pricing.move_category(before, cleaned)
        await self._audit.record(actor, "category.rename", category, before, cleaned)
        await self._changed()
        return category

    async def follow(self) -> bool:
        """Another replica's admin may have curated: apply their rules here too (the catalog
        is rebuilt only when something changed). True when it did."""
        rules = parse_rules(await self._settings.kv_with_prefix(PREFIX))
        if rules == self.rules:
            return False
        await self._changed()
        return True

    async def refresh(self) -> None:
        """Something the curation depends on changed (a hand-set price): apply it now."""
        await self._changed()

    async def _changed(self) -> None:
        self.rules = parse_rules(await self._settings.kv_with_prefix(PREFIX))
        if self._on_change is not None:
            await self._on_change()


def margin_percent(price: Decimal, cost: Decimal) -> Decimal:
    """What the shop keeps of a sale, in percent of the sale price."""
    if price <= 0:
        return Decimal(0)
    return (price - cost) / price * 100

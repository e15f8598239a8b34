"""Refill guarantees: how long a service promises to refill what drops, read from what its
panel calls it ("R30", "30D refill", "Refill 30 days", "♻️ 60 days", "Lifetime refill", "No
refill"), and whether an order may ask for a refill now. The panel's `refill: false` always
wins; an admin's override (`/service <id> refill …`) wins over the name."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.core.panels import Service
from bot.core.storage.kv import KeyValueStore

LIFETIME = -1  # days: no end


@dataclass(frozen=True)
class Guarantee:
    days: int  # 0: no refill; LIFETIME: no end

    @property
    def refills(self) -> bool:
        return self.days != 0

    def until(self, completed_at: float) -> datetime | None:
        """When the guarantee ends for an order completed then; None for a lifetime one."""
        if self.days == LIFETIME or not self.refills:
            return None
        return datetime.fromtimestamp(completed_at, tz=UTC) + timedelta(days=self.days)


NO_REFILL = Guarantee(0)
MAX_DAYS = 3650
_NONE = re.compile(
    r"\b(?:no|non|without)[\s-]*refill\b|❌\s*refill|refill\s*[:=-]?\s*(?:no|none|❌)\b", re.I
)
_LIFETIME = re.compile(
    r"\blifetime\s*(?:refill|guarantee)|refill\s*[:=-]?\s*lifetime|♻️\s*lifetime", re.I
)
_DAYS = (
    re.compile(r"(?<![\w])R\s?(\d{1,4})(?![\w])"),  # R30, R 30
    re.compile(r"(\d{1,4})\s*(?:D|days?)\s*refill", re.I),  # 30D refill, 30 days refill
    re.compile(r"refill\s*[:=-]?\s*(\d{1,4})\s*(?:D|days?)\b", re.I),  # Refill 30 days, Refill: 30D
    re.compile(r"♻️\s*(\d{1,4})\s*(?:D|days?)?\b", re.I),  # ♻️ 60 days, ♻️30
)


def read_guarantee(name: str, description: str, panel_refill: bool) -> Guarantee | None:
    """The guarantee a service states; None when it states none (refill as the panel says,
    without a known window)."""
    if not panel_refill:
        return NO_REFILL
    text = f"{name}\n{description}"
    if _NONE.search(text):
        return NO_REFILL
    if _LIFETIME.search(text):
        return Guarantee(LIFETIME)
    for pattern in _DAYS:
        found = pattern.search(text)
        if found and 0 < int(found.group(1)) <= MAX_DAYS:
            return Guarantee(int(found.group(1)))
    return None


def parse_override(word: str) -> Guarantee | None:
    """An admin's `/service <id> refill <days|lifetime|none>`."""
    word = word.strip().lower()
    if word in {"none", "no", "off", "0"}:
        return NO_REFILL
    if word in {"lifetime", "forever"}:
        return Guarantee(LIFETIME)
    if word.isdecimal() and 0 < int(word) <= MAX_DAYS:
        return Guarantee(int(word))
    return None


@dataclass(frozen=True)
class RefillCheck:
    allowed: bool
    reason: str | None = None  # a locale key when refused
    ended: datetime | None = None  # with "refill-guarantee-ended": when it ended
    next_at: datetime | None = None  # with "refill-cooldown": when one may be asked again


def may_refill(
    guarantee: Guarantee | None,
    completed_at: float | None,
    last_refill_at: float | None,
    refill_pending: bool,
    cooldown_hours: float,
    now: float,
) -> RefillCheck:
    """Whether a completed (or partial) order may ask its panel for a refill now."""
    if guarantee is not None and not guarantee.refills:
        return RefillCheck(False, "refill-no-guarantee")
    if completed_at is None:
        return RefillCheck(False, "refill-not-eligible")
    if guarantee is not None:
        until = guarantee.until(completed_at)
        if until is not None and now > until.timestamp():
            return RefillCheck(False, "refill-guarantee-ended", ended=until)
    if refill_pending:
        return RefillCheck(False, "refill-pending")
    if last_refill_at is not None and now - last_refill_at < cooldown_hours * 3600:
        next_at = datetime.fromtimestamp(last_refill_at + cooldown_hours * 3600, tz=UTC)
        return RefillCheck(False, "refill-cooldown", next_at=next_at)
    return RefillCheck(True)


OVERRIDE_PREFIX = "refill:"


class GuaranteeBook:
    """Each service's guarantee: an admin's override, else what its panel's name says. The
    overrides are few and read on every card and summary: kept in memory, read again after
    `fresh_seconds` (another replica may have changed one)."""

    def __init__(
        self,
        settings: KeyValueStore,
        fresh_seconds: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
        originals: Callable[[int], Service | None] | None = None,
    ) -> None:
        """`originals(id)`: the service as its panel names it — a service an admin renamed
        keeps the guarantee its panel's name states."""
        self._originals = originals
        self._settings = settings
        self._fresh = fresh_seconds
        self._clock = clock
        self._overrides: dict[str, str] = {}
        self._loaded_at: float | None = None

    async def _override(self, service_id: int) -> str | None:
        now = self._clock()
        if self._loaded_at is None or now - self._loaded_at > self._fresh:
            self._overrides = await self._settings.kv_with_prefix(OVERRIDE_PREFIX)
            self._loaded_at = now
        return self._overrides.get(OVERRIDE_PREFIX + str(service_id))

    async def of(self, service: Service) -> Guarantee | None:
        if not service.refill:
            return NO_REFILL  # the panel refuses refills of it, whatever anyone says
        override = await self._override(service.id)
        if override is not None:
            return parse_override(override)
        named = (self._originals(service.id) if self._originals else None) or service
        return read_guarantee(named.name, named.description, service.refill)

    async def set_override(self, service_id: int, word: str) -> Guarantee | None:
        """None when the word is not a guarantee (days, "lifetime" or "none")."""
        guarantee = parse_override(word)
        if guarantee is not None:
            key, value = OVERRIDE_PREFIX + str(service_id), word.strip().lower()
            await self._settings.set_kv(key, value)
            self._overrides[key] = value
        return guarantee

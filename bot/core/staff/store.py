"""Staff roles and the managers' refund limit, kept with the shop's settings (every replica
reads them; a change is seen within seconds)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from decimal import Decimal

from bot.core.money import parse_decimal
from bot.core.staff.roles import Role
from bot.core.storage.kv import KeyValueStore

PREFIX = "staff:"
LIMIT_KEY = "staff-refund-limit"
DEFAULT_LIMIT = Decimal(20)


class Staff:
    def __init__(
        self,
        kv: KeyValueStore,
        owners: Iterable[int],
        keep_seconds: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._kv = kv
        self.owners = frozenset(owners)
        self._keep = keep_seconds
        self._clock = clock
        self._roles: dict[int, Role] = {}
        self._limit = DEFAULT_LIMIT
        self._read_at: float | None = None

    async def _fresh(self) -> None:
        now = self._clock()
        if self._read_at is not None and now - self._read_at < self._keep:
            return
        stored = await self._kv.kv_with_prefix(PREFIX)
        roles = {}
        for key, value in stored.items():
            role = Role.named(value)
            subject = key.removeprefix(PREFIX)
            if role is not None and subject.isdecimal():
                roles[int(subject)] = role
        self._roles = roles
        # As typed with /staff limit: a row edited into "NaN" cannot even be compared.
        limit = parse_decimal(await self._kv.get_kv(LIMIT_KEY) or "")
        self._limit = limit if limit is not None and limit >= 0 else DEFAULT_LIMIT
        self._read_at = now

    async def role_of(self, user_id: int) -> Role | None:
        if user_id in self.owners:
            return Role.OWNER
        await self._fresh()
        return self._roles.get(user_id)

    async def members(self) -> dict[int, Role]:
        await self._fresh()
        return dict(self._roles)

    async def refund_limit(self) -> Decimal:
        await self._fresh()
        return self._limit

    async def set_role(self, user_id: int, role: Role | None) -> None:
        await self._kv.set_kv(f"{PREFIX}{user_id}", role.name.lower() if role else None)
        self._read_at = None

    async def set_refund_limit(self, amount: Decimal) -> None:
        await self._kv.set_kv(LIMIT_KEY, str(amount))
        self._read_at = None

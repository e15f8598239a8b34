"""The owner's settings inside Telegram, for the wizard, `/settings` and the console: who owns
the shop (the setup code), what each setting is and where it comes from, and changing one —
checked, stored, audited, then the shop rebuilt in-process with it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum

import httpx

from bot.core.configuration import sources
from bot.core.configuration.checks import (
    CHECK_TIMEOUT_SECONDS,
    CryptoCheck,
    PanelCheck,
    check_crypto,
    check_panel,
)
from bot.core.configuration.restart import Restart
from bot.core.configuration.setup_code import Guesses, matches, new_code
from bot.core.configuration.store import ConfigStore
from bot.core.ops.audit_store import AuditLog
from bot.core.settings import Settings

logger = logging.getLogger(__name__)


class Claim(Enum):
    OWNER = "owner"  # already an owner: the wizard opens
    CLAIMED = "claimed"  # the code was right: now an owner
    WRONG = "wrong"
    TOO_MANY = "too-many"
    TAKEN = "taken"  # the shop has an owner and this person is not one


@dataclass(frozen=True, slots=True)
class Change:
    """The outcome of a change: the refusal in one line, or None when it was stored."""

    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Configuration:
    def __init__(
        self,
        env: Settings,
        running: Settings,
        store: ConfigStore,
        audit: AuditLog,
        restart: Restart,
        revision: str = "0",
    ) -> None:
        self.env = env
        self.running = running
        self._store = store
        self._audit = audit
        self._restart = restart
        self._revision = revision  # of the stored settings this build runs with
        self._guesses = Guesses()
        # Who claimed the shop through this build: the wizard is theirs before the rebuild.
        self._claimed: set[int] = set()

    # -- owners -----------------------------------------------------------------------

    @property
    def owned(self) -> bool:
        return bool(self.running.admin_ids)

    async def setup_code(self) -> str | None:
        """The code a shop nobody owns prints at start (the same until it is used, so
        replicas and restarts agree); None once someone owns the shop."""
        if self.owned:
            return None
        code = await self._store.code()
        if code is None:
            code = new_code()
            await self._store.keep_code(code)
        return code

    async def is_owner(self, user_id: int) -> bool:
        """An owner of this build, or one who claimed the shop since it was built (here, or
        through a replica this one has not followed yet)."""
        if user_id in self.running.admin_ids or user_id in self._claimed:
            return True
        if self.owned:
            return False
        return user_id in await self._store.owners()

    async def claim(self, user_id: int, given: str) -> Claim:
        if await self.is_owner(user_id):
            return Claim.OWNER
        if self.owned or await self._store.owners():  # claimed here or through a replica
            return Claim.TAKEN
        if not given:
            return Claim.WRONG
        if not self._guesses.allowed(user_id):
            return Claim.TOO_MANY
        expected = await self._store.code()
        if expected is None or not matches(given, expected):
            self._guesses.wrong(user_id)
            logger.warning("a wrong setup code was sent", extra={"user_id": user_id})
            return Claim.WRONG
        await self._store.add_owner(user_id)
        self._claimed.add(user_id)
        await self._audit.record(user_id, "setup.owner", user_id)
        logger.info("the shop has its owner", extra={"user_id": user_id})
        self._restart.request()
        return Claim.CLAIMED

    # -- settings ---------------------------------------------------------------------

    async def lines(self) -> list[sources.Line]:
        """Every setting as stored now — a change just made shows at once, even before the
        rebuild that applies it."""
        stored = await self._store.stored()
        now = sources.effective(self.env, stored, await self._store.owners())
        return sources.lines(self.env, stored, now)

    def from_environment(self, name: str) -> bool:
        return sources.from_environment(self.env, name)

    async def change(self, actor: int, changes: dict[str, str | None]) -> Change:
        """Store `changes` (None forgets a stored value) when the settings accept them, then
        rebuild the shop with them."""
        stored = await self._store.stored()
        kept = {name: raw for name, raw in changes.items() if raw is not None}
        problem = sources.check(self.env, stored, kept)
        for name in changes:
            problem = problem or sources.refusal(self.env, name)
        if problem is not None:
            return Change(problem)
        await self._store.save(changes)
        for name, raw in changes.items():
            secret = sources.is_secret(name)
            before = stored.get(name)
            await self._audit.record(
                actor,
                "settings.set",
                sources.env_name(name),
                ("set" if before else None) if secret else before,
                ("set" if raw else None) if secret else raw,
            )
        self._restart.request()
        return Change()

    async def follow(self) -> bool:
        """Replicas: when another one stored a change (or an owner), rebuild with it too."""
        if await self._store.revision() == self._revision:
            return False
        self._restart.request()
        return True

    async def check_panel(self, url: str, key: str) -> PanelCheck:
        async with _checking() as http:
            return await check_panel(http, url.strip(), key.strip())

    async def check_crypto(self, token: str) -> CryptoCheck:
        async with _checking() as http:
            return await check_crypto(http, self.running.crypto_pay_api_url, token.strip())


def _checking() -> httpx.AsyncClient:
    """A client of its own: the owner waits for the answer, so it is not the panels' 30 s."""
    return httpx.AsyncClient(timeout=CHECK_TIMEOUT_SECONDS, headers={"User-Agent": "smm-bot/0.1"})

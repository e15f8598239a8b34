"""Child shops as the parent runs them: created once when Telegram reports the managed bot,
restarted on a new token, suspended and resumed by the parent's owner. Running them (a
dispatcher per child in this process) is the composition root's: it registers a `Runtime`."""

from __future__ import annotations

import logging
from typing import Protocol

from bot.core.children.shop import Child, ChildFigures, ChildState
from bot.core.children.store import ChildStore

logger = logging.getLogger(__name__)


class Runtime(Protocol):
    async def start(self, child: Child) -> None: ...

    async def stop(self, bot_id: int) -> None: ...

    def paused(self, bot_id: int, paused: bool) -> None: ...

    async def figures(self, bot_id: int) -> ChildFigures | None: ...


class ChildShops:
    def __init__(self, store: ChildStore, enabled: bool) -> None:
        self.store = store
        self.enabled = enabled
        self.runtime: Runtime | None = None

    async def created(self, owner_id: int, bot_id: int, username: str, token: str) -> Child:
        """The reseller's new bot: recorded once (Telegram may report it twice) and started."""
        child, new = await self.store.add(bot_id, owner_id, username, token)
        if new:
            logger.info("a child shop was created", extra={"bot_id": bot_id, "owner": owner_id})
            if self.runtime is not None:
                await self.runtime.start(child)
        return child

    async def token_changed(self, bot_id: int, token: str) -> Child | None:
        child = await self.store.get(bot_id)
        if child is None or child.token.get_secret_value() == token:
            return child
        await self.store.set_token(bot_id, token)
        logger.info("a child shop's token changed: restarting it", extra={"bot_id": bot_id})
        fresh = await self.store.get(bot_id)
        if self.runtime is not None and fresh is not None:
            await self.runtime.stop(bot_id)
            await self.runtime.start(fresh)
        return fresh

    async def set_state(self, bot_id: int, state: ChildState) -> Child | None:
        child = await self.store.get(bot_id)
        if child is None:
            return None
        await self.store.set_state(bot_id, state)
        if self.runtime is not None:
            self.runtime.paused(bot_id, state is ChildState.SUSPENDED)
        return await self.store.get(bot_id)

    async def of_owner(self, owner_id: int) -> list[Child]:
        return [child for child in await self.store.all() if child.owner_id == owner_id]

    async def figures(self, bot_id: int) -> ChildFigures | None:
        return await self.runtime.figures(bot_id) if self.runtime is not None else None

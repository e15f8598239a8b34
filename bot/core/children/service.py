"""Child shops as the parent runs them: created once when Telegram reports the managed bot,
restarted on a new token, suspended and resumed by the parent's owner. Running them (a
dispatcher per child in this process) is the composition root's: it registers a `Runtime`."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from bot.core.children import fees
from bot.core.children.shop import Child, ChildFigures, ChildState
from bot.core.children.store import ChildStore
from bot.core.notifications.outbox_store import OutboxStore
from bot.core.ordering.order_store import OrderStore
from bot.core.outbox import OutboxKind
from bot.core.tracking.refill_store import RefillStore

logger = logging.getLogger(__name__)
MAX_PER_OWNER = 3


class Runtime(Protocol):
    async def start(self, child: Child) -> None: ...

    async def stop(self, bot_id: int) -> None: ...

    def paused(self, bot_id: int, paused: bool) -> None: ...

    async def figures(self, bot_id: int) -> ChildFigures | None: ...

    def wake(self, bot_ids: set[int]) -> None: ...


class ChildShops:
    def __init__(
        self,
        store: ChildStore,
        enabled: bool,
        fee_stars: int = 0,
        outbox: OutboxStore | None = None,
        orders: OrderStore | None = None,
        refills: RefillStore | None = None,
    ) -> None:
        self.store = store
        self._outbox = outbox
        self._orders = orders
        self._refills = refills
        self.enabled = enabled
        self.fee_stars = fee_stars
        self.runtime: Runtime | None = None

    async def may_create(self, owner_id: int) -> bool:
        """A reseller runs at most MAX_PER_OWNER shops: a hundred bots of one person would be
        a flood, not a business."""
        return len(await self.of_owner(owner_id)) < MAX_PER_OWNER

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
            self.runtime.paused(bot_id, state is not ChildState.RUNNING)
        return await self.store.get(bot_id)

    async def lapse_due(self, now: float) -> list[Child]:
        """Running children whose fee lapsed (the grace after their paid period is over):
        paused now, each once — the caller tells their owners."""
        found = []
        for child in await self.store.all():
            if child.state is ChildState.RUNNING and fees.lapsed(
                now, self.fee_stars, child.created_at, child.paid_until
            ):
                await self.set_state(child.bot_id, ChildState.UNPAID)
                found.append(child)
                if self._outbox is not None:  # the owner: paused, and the button that pays
                    payload = {"bot_id": child.bot_id, "username": child.username}
                    await self._outbox.enqueue([child.owner_id], OutboxKind.CHILD_FEE_DUE, payload)
        if found:
            logger.info("child shops paused: fee unpaid", extra={"children": len(found)})
        return found

    async def fee_paid(self, child: Child, expiration: int | None, now: float) -> Child | None:
        """A fee payment (first or renewal): the paid period extended; an unpaid child runs
        again (one its parent's owner suspended stays so)."""
        await self.store.set_paid_until(
            child.bot_id, fees.extended(child.paid_until, expiration, now)
        )
        if child.state is ChildState.UNPAID:
            return await self.set_state(child.bot_id, ChildState.RUNNING)
        return await self.store.get(child.bot_id)

    async def orders_moved(self, moves: Sequence[tuple[int, object, object]]) -> None:
        """The parent's poller stored moves: the children whose owners' orders moved ask their
        parent at once, so their customers hear as soon as the parent knows (no second poll
        of the panel either way: a child asks the parent, in this process)."""
        if self.runtime is None or self._orders is None or not moves:
            return
        children = await self.store.all()
        if children:  # the orders' owners are asked only when someone may need waking
            owners = await self._orders.owners_of([order_id for order_id, _, _ in moves])
            self._wake(children, owners)

    async def refill_ended(self, refill_id: int) -> None:
        """A reseller's refill ended at the parent: their child hears of it at once too."""
        if self.runtime is None or self._refills is None:
            return
        refill = await self._refills.get_refill(refill_id)
        if refill is not None:
            self._wake(await self.store.all(), {refill.user_id})

    def _wake(self, children: list[Child], owners: set[int]) -> None:
        assert self.runtime is not None
        woken = {child.bot_id for child in children if child.owner_id in owners}
        if woken:
            self.runtime.wake(woken)

    async def of_owner(self, owner_id: int) -> list[Child]:
        return [child for child in await self.store.all() if child.owner_id == owner_id]

    async def figures(self, bot_id: int) -> ChildFigures | None:
        return await self.runtime.figures(bot_id) if self.runtime is not None else None

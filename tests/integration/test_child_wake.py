"""Statuses reach a child shop's customers as the parent learns them (issue 35): a move the
parent's poller stores for a reseller's order wakes the poller of that reseller's child at
once, instead of waiting for the child's next round; other children sleep on."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable

from bot.core.children.service import ChildShops
from bot.core.children.shop import ChildFigures
from bot.core.tracking.poller import Poller
from tests.integration.support import ADMIN, Env, poller

RESELLER, OTHER_RESELLER, CUSTOMER = 5, 9, 6


class _Runtime:
    def __init__(self) -> None:
        self.woken: list[set[int]] = []

    async def start(self, child: object) -> None: ...

    async def stop(self, bot_id: int) -> None: ...

    def paused(self, bot_id: int, paused: bool) -> None: ...

    async def figures(self, bot_id: int) -> ChildFigures | None:
        return None

    def wake(self, bot_ids: set[int]) -> None:
        self.woken.append(bot_ids)


async def test_a_move_of_a_resellers_order_wakes_that_resellers_child(env: Env) -> None:
    await env.order(RESELLER, "https://instagram.com/p/child_wake")
    await env.order(CUSTOMER, "https://instagram.com/p/not_a_child")
    await env.stores.children.add(7_001, RESELLER, "first_bot", "7001:a")
    await env.stores.children.add(7_002, OTHER_RESELLER, "second_bot", "7002:b")
    children = ChildShops(env.stores.children, enabled=True, orders=env.stores.orders)
    runtime = _Runtime()
    children.runtime = runtime
    the_poller = poller(env, on_moves=children.orders_moved)
    env.age(150)  # both in progress
    await the_poller.cycle()
    assert runtime.woken == [{7_001}]
    await the_poller.cycle()  # nothing moved: nobody woken
    assert runtime.woken == [{7_001}]


async def test_a_woken_poller_asks_at_once(env: Env) -> None:
    await env.order(CUSTOMER, "https://instagram.com/p/woken")
    sleepy = Poller(env.stores.statuses, env.stores.refills, env.panel, 3600.0, [ADMIN])
    running = asyncio.create_task(sleepy.run())
    try:
        await _until(lambda: env.requests("status") == 1)  # the first round, at start
        sleepy.wake()
        await _until(lambda: env.requests("status") == 2)  # not an hour later
    finally:
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running


async def _until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def test_a_resellers_refill_that_ends_wakes_that_resellers_child(env: Env) -> None:
    order_id = await env.order(RESELLER, "https://instagram.com/p/child_refill")
    env.age(500)
    await poller(env).cycle()  # completed
    order = await env.stores.orders.get_order(order_id)
    assert order is not None and order.panel_order_id is not None
    panel_refill = await env.panel.refill(order.panel_order_id)
    await env.stores.refills.create_refill(order, panel_refill)
    await env.stores.children.add(7_001, RESELLER, "first_bot", "7001:a")
    children = ChildShops(
        env.stores.children, enabled=True, orders=env.stores.orders, refills=env.stores.refills
    )
    runtime = _Runtime()
    children.runtime = runtime
    the_poller = poller(env, on_refill_ended=lambda refill_id, _: children.refill_ended(refill_id))
    env.age(500)  # the refill is done
    await the_poller.cycle()
    assert runtime.woken == [{7_001}]

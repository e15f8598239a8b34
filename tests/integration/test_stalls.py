"""Delivery times learnt from seeded histories, and stalled orders flagged once and cleared
(bot/core/delivery/times.py over a real database, both backends)."""

from __future__ import annotations

import time

from bot.core.delivery.times import DeliveryTimes
from bot.core.domain import Stage
from bot.core.outbox import OutboxKind
from bot.core.tracking.stalls import StallWatch
from tests.integration.support import ADMIN, Env, pending_rows, poller

HOUR = 3600.0


async def complete(env: Env, order_id: int, took: float, quantity: int = 1000) -> None:
    """Make an order look completed after `took` seconds."""
    async with env.stores.db.write() as conn:
        await conn.execute(
            "UPDATE orders SET status = :completed, quantity = :quantity, created_at = 1000.0,"
            " status_changed_at = :changed WHERE id = :id",
            {
                "completed": Stage.COMPLETED,
                "quantity": quantity,
                "changed": 1000.0 + took,
                "id": order_id,
            },
        )


async def age(env: Env, order_id: int, moved_hours_ago: float) -> None:
    async with env.stores.db.write() as conn:
        await conn.execute(
            "UPDATE orders SET moved_at = :at WHERE id = :id",
            {"at": time.time() - moved_hours_ago * HOUR, "id": order_id},
        )


async def test_delivery_time_is_learnt_only_from_enough_completed_orders(env: Env) -> None:
    ids = [await env.order(40, f"https://instagram.com/p/d{n}") for n in range(5)]
    for order_id in ids[:4]:
        await complete(env, order_id, took=2 * HOUR)
    assert await DeliveryTimes(env.stores.samples).of(1, "Default") is None  # four are too few
    await complete(env, ids[4], took=4 * HOUR, quantity=2000)  # 2 h per 1,000 too
    usual = await DeliveryTimes(env.stores.samples).of(1, "Default")
    assert usual is not None and usual.orders == 5
    assert usual.median == 2 * HOUR and usual.for_quantity(500) == HOUR


async def test_a_stalled_order_is_flagged_once_and_cleared_when_it_moves(env: Env) -> None:
    order_id = await env.order(41, "https://instagram.com/p/stalled")
    watch = StallWatch(
        env.stores.statuses,
        DeliveryTimes(env.stores.samples),
        [ADMIN],
        factor=3,
        min_hours=1,
        every_seconds=60,
    )
    assert await watch.check() == []  # it just moved
    await age(env, order_id, moved_hours_ago=4)  # no history: 3 × 1 h
    assert await watch.check() == [order_id]
    assert await watch.check() == []  # once
    rows = await pending_rows(env)
    assert (41, OutboxKind.ORDER_STALLED) in rows and (ADMIN, OutboxKind.ADMIN_STALLED) in rows
    assert [o.id for o in await env.stores.orders.stalled_orders()] == [order_id]

    await env.stores.statuses.update_progress([(order_id, None, 500)])  # the panel reports progress
    assert await env.stores.orders.stalled_orders() == []
    assert await watch.check() == []  # moved just now
    await age(env, order_id, moved_hours_ago=4)
    assert await watch.check() == [order_id]  # stalled again later: flagged again


async def test_an_order_that_ended_is_not_flagged(env: Env) -> None:
    order_id = await env.order(42, "https://instagram.com/p/ended")
    await age(env, order_id, moved_hours_ago=48)
    await complete(env, order_id, took=HOUR)
    watch = StallWatch(
        env.stores.statuses,
        DeliveryTimes(env.stores.samples),
        [ADMIN],
        factor=3,
        min_hours=1,
        every_seconds=60,
    )
    assert await watch.check() == []


async def test_the_fifth_completion_shows_its_delivery_time_at_once(env: Env) -> None:
    """The card said "not enough orders yet" and kept that answer for ten minutes; the
    poller seeing an order complete makes the new figure show on the next card."""
    times = DeliveryTimes(env.stores.samples)
    ids = [await env.order(41, f"https://instagram.com/p/e{n}") for n in range(5)]
    for order_id in ids[:4]:
        await complete(env, order_id, took=2 * HOUR)
    assert await times.of(1, "Default") is None
    env.age(10_000)  # the sandbox completes the last one; the poller sees it
    await poller(env, on_completed=times.forget_unknown).cycle()
    usual = await times.of(1, "Default")
    assert usual is not None and usual.orders >= 5


async def test_an_order_that_never_started_is_late_after_the_usual_start_not_the_delivery(
    env: Env,
) -> None:
    """Issue 36: a service usually starts in 20 min and delivers 1,000 in 10 h. An order
    still Pending 4 h on is flagged (3 × its start, at least 1 h); one that started and has
    not moved for 4 h is not (3 × 10 h)."""
    history = [await env.order(43, f"https://instagram.com/p/slow{n}") for n in range(5)]
    for order_id in history:
        await complete(env, order_id, took=10 * HOUR, quantity=100)  # 10 h per 100: "slow"
    pending = await env.order(44, "https://instagram.com/p/never")
    started = await env.order(45, "https://instagram.com/p/moving")
    async with env.stores.db.write() as conn:
        await conn.execute(
            "UPDATE orders SET status = :stage WHERE id = :id",
            {"stage": Stage.IN_PROGRESS, "id": started},
        )
    for order_id in (pending, started):
        await age(env, order_id, moved_hours_ago=4)

    async def starts_in_20_minutes(service_id: int) -> float | None:
        return 20 * 60.0

    def watch(usual_start: object) -> StallWatch:
        return StallWatch(
            env.stores.statuses,
            DeliveryTimes(env.stores.samples),
            [ADMIN],
            factor=3,
            min_hours=1,
            every_seconds=60,
            usual_start=usual_start,  # type: ignore[arg-type]
        )

    assert await watch(None).check() == []  # by delivery alone neither is late
    assert await watch(starts_in_20_minutes).check() == [pending]

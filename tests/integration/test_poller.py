"""The poller over the sandbox and a real database (bot/core/tracking/poller.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.core.domain import RefillStage, Stage
from bot.core.tracking.poller import Poller
from bot.core.tracking.refill_store import RefillStore
from bot.core.tracking.status_store import TransitionStore
from tests.integration.support import (
    ADMIN,
    Env,
    drain,
    notifier_for,
    pending_rows,
    poller,
)


async def test_250_open_orders_take_exactly_3_status_calls_per_cycle(env: Env) -> None:
    for n in range(250):
        await env.order(1000 + n, f"https://instagram.com/p/bulk{n}")
    before = env.requests("status")
    report = await poller(env).cycle()
    assert env.requests("status") - before == 3
    assert report.orders == 250
    assert report.panel_calls == 3
    assert report.outage is None


async def test_status_change_is_stored_and_queued_for_the_customer(env: Env) -> None:
    order_id = await env.order(5, "https://instagram.com/p/progress")
    env.age(150)  # In progress
    report = await poller(env).cycle()
    assert report.changed == 1
    order = await env.stores.orders.get_order(order_id)
    assert order is not None
    assert order.stage is Stage.IN_PROGRESS
    assert order.start_count is not None
    assert await pending_rows(env) == [(5, "order_status")]


async def test_a_partial_seen_by_two_cycles_refunds_once(env: Env) -> None:
    order_id = await env.order(
        6, "https://instagram.com/p/partial-one", quantity=100, charge="2.00"
    )
    assert await env.stores.wallets.balance(6) == 0
    env.age(500)
    the_poller = poller(env)
    await the_poller.cycle()
    # A second cycle sees Partial again (the answer arrives twice): no second refund.
    await env.stores.statuses.apply_status(order_id, Stage.PARTIAL, None, 25)
    await the_poller.cycle()
    order = await env.stores.orders.get_order(order_id)
    assert order is not None
    assert order.stage is Stage.PARTIAL
    assert order.remains == 25
    assert await env.stores.orders.refund_of(order_id) == Decimal("0.5")
    assert await env.stores.wallets.balance(6) == Decimal("0.5")
    assert await pending_rows(env) == [(6, "order_status")]


async def test_canceled_refunds_everything_once(env: Env) -> None:
    order_id = await env.order(7, "https://instagram.com/p/cancel-me", charge="3.00")
    env.age(500)
    await poller(env).cycle()
    await poller(env).cycle()
    assert (await env.stores.orders.get_order(order_id)).stage is Stage.CANCELED  # type: ignore[union-attr]
    assert await env.stores.wallets.balance(7) == Decimal(3)


async def test_a_panel_outage_produces_no_notifications_and_no_crash(env: Env) -> None:
    await env.order(8, "https://instagram.com/p/outage")
    env.age(500)
    env.sandbox.state.mode = "html"
    the_poller = poller(env)
    report = await the_poller.cycle()
    assert report.outage is not None
    assert await pending_rows(env) == []
    assert the_poller.health.next_delay(report.outage) > 1.0  # backs off
    env.sandbox.state.mode = "ok"
    report = await the_poller.cycle()
    assert report.outage is None
    assert report.changed == 1


async def test_an_order_the_panel_keeps_failing_on_is_flagged_not_polled_forever(env: Env) -> None:
    order_id = await env.order(9, "https://instagram.com/p/ghost")
    env.sandbox.state.orders.clear()  # the panel forgot it: "Incorrect order ID"
    the_poller = poller(env, error_limit=3)
    for _ in range(3):
        await the_poller.cycle()
    assert (await env.stores.orders.get_order(order_id)).stage is Stage.STUCK  # type: ignore[union-attr]
    assert (ADMIN, "admin_stuck") in await pending_rows(env)
    before = env.requests("status")
    await the_poller.cycle()
    assert env.requests("status") == before


async def test_a_refill_result_is_queued_once(env: Env) -> None:
    order_id = await env.order(10, "https://instagram.com/p/refill-me")
    env.age(500)
    await poller(env).cycle()
    order = await env.stores.orders.get_order(order_id)
    assert order is not None
    assert order.stage is Stage.COMPLETED
    panel_refill = await env.panel.refill(order.panel_order_id)  # type: ignore[arg-type]
    refill_id = await env.stores.refills.create_refill(order, panel_refill)
    await poller(env).cycle()
    assert (await env.stores.refills.get_refill(refill_id)).stage is RefillStage.PENDING  # type: ignore[union-attr]
    env.age(500)
    await poller(env).cycle()
    await poller(env).cycle()
    assert (await env.stores.refills.get_refill(refill_id)).stage is RefillStage.COMPLETED  # type: ignore[union-attr]
    assert [k for _, k in await pending_rows(env)].count("refill_result") == 1


async def test_an_idle_poller_still_notices_an_outage(env: Env) -> None:
    env.sandbox.state.mode = "html"
    report = await poller(env).cycle()
    assert report.outage is not None and env.panel.unavailable_since is not None
    env.sandbox.state.mode = "ok"
    assert (await poller(env).cycle()).outage is None and env.panel.unavailable_since is None


async def test_a_partial_without_remains_refunds_nothing_and_asks_an_admin(env: Env) -> None:
    order_id = await env.order(18, "https://instagram.com/p/partial-unknown", charge="2.00")
    await env.stores.statuses.apply_status(order_id, Stage.PARTIAL, None, None, [ADMIN])
    assert await env.stores.orders.refund_of(order_id) == 0
    assert (ADMIN, "admin_partial_unknown") in await pending_rows(env)
    notifier, session = notifier_for(env, per_chat_interval=0)
    await drain(notifier)
    assert any("did not say how much is missing" in t for t in session.texts(ADMIN))


async def test_a_partial_uses_the_last_known_remains(env: Env) -> None:
    order_id = await env.order(
        19, "https://instagram.com/p/partial-known", quantity=100, charge="2.00"
    )
    await env.stores.statuses.apply_status(order_id, Stage.IN_PROGRESS, 5, 40)
    await env.stores.statuses.apply_status(order_id, Stage.PARTIAL, None, None, [ADMIN])
    assert await env.stores.orders.refund_of(order_id) == Decimal("0.8")


async def test_an_8_billion_start_count_and_an_infinite_remains_stop_no_order(env: Env) -> None:
    """Issue 34: one order's absurd numbers were an exception that stopped every order's
    tracking, every cycle. Now the big real count is stored, the absurd one is unknown, and
    every other order completes and is refunded and told as usual."""
    good = [await env.order(20 + n, f"https://instagram.com/p/good{n}") for n in range(3)]
    views = await env.order(30, "https://youtube.com/watch?v=gangnam")
    poisoned = await env.order(31, "https://instagram.com/p/poisoned", charge="2.00")
    by_id = {o.id: o for o in await env.stores.statuses.open_panel_orders()}
    env.sandbox.state.status_overrides[by_id[views].panel_order_id] = {"start_count": "8300000000"}
    env.sandbox.state.status_overrides[by_id[poisoned].panel_order_id] = {
        "status": "Partial",
        "remains": "Infinity",
        "start_count": "1e30",
    }
    env.age(500)
    report = await poller(env).cycle()
    for order_id in good:
        assert (await env.stores.orders.get_order(order_id)).stage is Stage.COMPLETED  # type: ignore[union-attr]
    big = await env.stores.orders.get_order(views)
    assert big is not None and big.stage is Stage.COMPLETED
    assert big.start_count == 8_300_000_000
    partial = await env.stores.orders.get_order(poisoned)
    assert partial is not None and partial.stage is Stage.PARTIAL
    assert partial.start_count is None and partial.remains is None
    assert report.changed == 5
    # An unknown remainder refunds nothing it cannot justify.
    assert await env.stores.wallets.balance(31) == 0


class _PoisonedStore(TransitionStore):
    """A store that cannot write one order (a broken row, a constraint, a dropped query)."""

    poisoned: set[int]

    async def apply_statuses(self, changes, admin_ids=()):
        if any(change[0] in self.poisoned for change in changes):
            raise RuntimeError("this order's row cannot be written")
        return await super().apply_statuses(changes, admin_ids)


async def test_an_order_that_cannot_be_stored_stops_no_other_and_is_retried(
    env: Env, caplog: pytest.LogCaptureFixture
) -> None:
    orders = [await env.order(40 + n, f"https://instagram.com/p/apart{n}") for n in range(5)]
    store = _PoisonedStore(env.stores.statuses.db, env.stores.commissions)
    store.poisoned = {orders[2]}
    the_poller = Poller(store, env.stores.refills, env.panel, 1.0, [ADMIN])
    env.age(500)
    await the_poller.cycle()
    await the_poller.cycle()
    stages = [(await env.stores.orders.get_order(o)).stage for o in orders]  # type: ignore[union-attr]
    assert stages == [Stage.COMPLETED] * 2 + [Stage.PENDING] + [Stage.COMPLETED] * 2
    # Logged once with its id, not once per cycle.
    failures = [r for r in caplog.records if getattr(r, "item", None) == orders[2]]
    assert len(failures) == 1
    store.poisoned.clear()
    await the_poller.cycle()
    assert (await env.stores.orders.get_order(orders[2])).stage is Stage.COMPLETED  # type: ignore[union-attr]


async def test_a_refill_the_panel_keeps_failing_on_is_failed_told_and_may_be_asked_again(
    env: Env,
) -> None:
    """Issue 34: after 10 poll errors a refill became "unknown" with no panel id: never polled
    again, and the order could never be refilled ("refill pending" forever)."""
    order_id = await env.order(50, "https://instagram.com/p/refill-lost")
    env.age(500)
    await poller(env).cycle()
    order = await env.stores.orders.get_order(order_id)
    assert order is not None and order.stage is Stage.COMPLETED
    panel_refill = await env.panel.refill(order.panel_order_id)  # type: ignore[arg-type]
    refill_id = await env.stores.refills.create_refill(order, panel_refill)
    env.sandbox.state.refill_overrides[panel_refill] = {"error": "Refill not found"}
    the_poller = poller(env, error_limit=3)
    for _ in range(3):
        await the_poller.cycle()
    refill = await env.stores.refills.get_refill(refill_id)
    assert refill is not None and refill.stage is RefillStage.FAILED
    assert refill.panel_refill_id == panel_refill  # kept: an admin can still look it up
    assert [k for _, k in await pending_rows(env)].count("refill_result") == 1
    assert await env.stores.refills.open_refills() == []
    from bot.core.domain import OPEN_REFILL_STAGES

    assert refill.stage not in OPEN_REFILL_STAGES


class _PoisonedRefills(RefillStore):
    poisoned: set[int]

    async def apply_refill_status(self, refill_id, stage):
        if refill_id in self.poisoned:
            raise RuntimeError("this refill's row cannot be written")
        return await super().apply_refill_status(refill_id, stage)


async def test_a_refill_that_cannot_be_stored_stops_no_other(env: Env) -> None:
    orders = [await env.order(60 + n, f"https://instagram.com/p/refills{n}") for n in range(3)]
    env.age(500)
    await poller(env).cycle()
    refill_ids = []
    for order_id in orders:
        order = await env.stores.orders.get_order(order_id)
        assert order is not None and order.panel_order_id is not None
        panel_refill = await env.panel.refill(order.panel_order_id)
        refill_ids.append(await env.stores.refills.create_refill(order, panel_refill))
    refills = _PoisonedRefills(env.stores.refills.db)
    refills.poisoned = {refill_ids[0]}
    the_poller = Poller(env.stores.statuses, refills, env.panel, 1.0, [ADMIN])
    env.age(500)
    await the_poller.cycle()
    stages = [(await env.stores.refills.get_refill(r)).stage for r in refill_ids]  # type: ignore[union-attr]
    assert stages == [RefillStage.PENDING, RefillStage.COMPLETED, RefillStage.COMPLETED]

"""What a panel answers the poller, fuzzed (issue 34): any status, multi-status and refill
status answer, through the real client over HTTP into the poller, on both databases. The
invariant: no exception escapes a cycle, the orders the panel answered sanely are processed,
and money moves only by the rules (a refund never passes its charge)."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.domain import FINAL_STAGES, RefillStage, Stage
from tests.integration.support import Env, poller
from tests.strangers import ANY_JSON, ORDER_STATE, REFILL_STATE

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_users = itertools.count(600_000)


def _calm(env: Env) -> None:
    state = env.sandbox.state
    state.status_overrides.clear()
    state.refill_overrides.clear()
    state.forced_answers.clear()


@FUZZ
@given(answers=st.lists(ORDER_STATE, min_size=2, max_size=3), whole=st.none() | ANY_JSON)
async def test_any_status_answer_stops_no_cycle_and_moves_money_only_by_the_rules(
    env: Env, answers: list[Any], whole: Any
) -> None:
    _calm(env)
    user = next(_users)
    strange = [
        await env.order(user, f"https://instagram.com/p/f{user}x{n}", charge="2.00")
        for n in range(len(answers))
    ]
    control = await env.order(user, f"https://instagram.com/p/f{user}ok", charge="2.00")
    panel_ids = {o.id: o.panel_order_id for o in await env.stores.statuses.open_panel_orders()}
    for order_id, answer in zip(strange, answers, strict=True):
        env.sandbox.state.status_overrides[panel_ids[order_id]] = answer
    if whole is not None:
        env.sandbox.state.forced_answers["status"] = whole
    env.age(500)
    await poller(env).cycle()  # raises nothing, whatever the panel said
    refunded = Decimal(0)
    for order_id in [*strange, control]:
        order = await env.stores.orders.get_order(order_id)
        assert order is not None
        refund = await env.stores.orders.refund_of(order_id)
        assert Decimal(0) <= refund <= order.charge
        if order.stage is Stage.CANCELED:
            assert refund == order.charge
        refunded += refund
        for count in (order.start_count, order.remains):
            assert count is None or 0 <= count < 2**63
    assert await env.stores.wallets.balance(user) == refunded
    if whole is None:  # the panel answered the control order sanely: it moved on
        settled = await env.stores.orders.get_order(control)
        assert settled is not None and settled.stage in FINAL_STAGES | {Stage.COMPLETED}
    _calm(env)


@FUZZ
@given(answer=REFILL_STATE, whole=st.none() | ANY_JSON)
async def test_any_refill_status_answer_stops_no_cycle(env: Env, answer: Any, whole: Any) -> None:
    _calm(env)
    user = next(_users)
    order_id = await env.order(user, f"https://instagram.com/p/r{user}")
    env.age(500)
    await poller(env).cycle()
    order = await env.stores.orders.get_order(order_id)
    assert order is not None and order.panel_order_id is not None
    refill_id = await env.stores.refills.create_refill(
        order, await env.panel.refill(order.panel_order_id)
    )
    refill = await env.stores.refills.get_refill(refill_id)
    assert refill is not None and refill.panel_refill_id is not None
    env.sandbox.state.refill_overrides[refill.panel_refill_id] = answer
    if whole is not None:
        env.sandbox.state.forced_answers["refill_status"] = whole
    await poller(env).cycle()
    after = await env.stores.refills.get_refill(refill_id)
    assert after is not None and after.stage in set(RefillStage)
    _calm(env)

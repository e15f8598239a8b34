"""Refill guarantees as a customer meets them (bot/core/catalog/guarantees.py, aftersale.py):
Refill is offered inside the guarantee only, once per cooldown, one at a time."""

from __future__ import annotations

import asyncio
import time

from bot.core.domain import Order
from bot.ui.callbacks import OrderAction, OrderDo
from tests.conftest import ADMIN_ID, Harness
from tests.fakes import buttons, callback_update
from tests.handlers.flows import confirm, fill_form, open_service

FOLLOWERS_R30 = 1  # "Instagram Followers ⭐ [Refill 30D]"
DAY = 86400


def refill_calls(h: Harness) -> int:
    return sum(1 for r in h.sandbox.state.requests if r.get("action") == "refill")


async def completed_order(h: Harness) -> tuple[int, Order]:
    user_id = h.new_user()
    await h.fund(user_id, "100")
    service = await h.services.catalog.service(FOLLOWERS_R30)
    assert service is not None
    await open_service(h, user_id, FOLLOWERS_R30)
    await fill_form(h, user_id, service)
    await confirm(h, user_id)
    [order] = await h.services.stores.orders.list_orders(user_id)
    h.sandbox.state.orders[order.panel_order_id].created -= 10_000  # type: ignore[index]
    await h.say(user_id, "My orders")
    await h.press(user_id, f"#{order.id}")
    assert "Completed" in await h.press(user_id, "Refresh")
    fresh = await h.services.stores.orders.get_order(order.id)
    assert fresh is not None
    return user_id, fresh


async def tap_refill(h: Harness, user_id: int, order_id: int) -> str:
    h.session.clear()
    await h.feed(callback_update(user_id, OrderAction(id=order_id, action=OrderDo.REFILL).pack()))
    return h.session.alerts()[-1]


async def test_the_card_states_the_guarantee_and_five_taps_send_one_refill(
    harness: Harness,
) -> None:
    h = harness
    user_id, order = await completed_order(h)
    card = h.session.texts(user_id)[-1]
    assert "Refill guarantee: 30 days, until" in card
    before = refill_calls(h)
    update = OrderAction(id=order.id, action=OrderDo.REFILL).pack()
    await asyncio.gather(*(h.feed(callback_update(user_id, update)) for _ in range(5)))
    assert refill_calls(h) == before + 1
    # Right after: one is pending, so another tap asks nothing.
    assert "already in progress" in await tap_refill(h, user_id, order.id)
    assert refill_calls(h) == before + 1


async def test_after_the_guarantee_the_button_is_gone_and_an_old_one_asks_nothing(
    harness: Harness,
) -> None:
    h = harness
    user_id, order = await completed_order(h)
    async with h.services.db.write() as conn:  # completed 40 days ago: R30 is over
        await conn.execute(
            "UPDATE orders SET status_changed_at = :at WHERE id = :id",
            {"at": time.time() - 40 * DAY, "id": order.id},
        )
    await h.say(user_id, "My orders")
    card = await h.press(user_id, f"#{order.id}")
    assert "Refill guarantee" in card
    assert "Refill" not in [t for t, _ in _buttons(h, user_id)]
    before = refill_calls(h)
    assert "guarantee of this order ended on" in await tap_refill(h, user_id, order.id)
    assert refill_calls(h) == before


async def test_a_no_refill_service_offers_no_refill_and_calls_nothing(harness: Harness) -> None:
    h = harness
    reply = await h.say(ADMIN_ID, f"/service {FOLLOWERS_R30} refill none")
    assert "No refill guarantee" in reply
    try:
        user_id, order = await completed_order(h)
        assert "Refill" not in [t for t, _ in _buttons(h, user_id)]
        before = refill_calls(h)
        assert "no refill guarantee" in await tap_refill(h, user_id, order.id)
        assert refill_calls(h) == before
    finally:
        await h.say(ADMIN_ID, f"/service {FOLLOWERS_R30} refill 30")


def _buttons(h: Harness, user_id: int) -> list[tuple[str, str]]:
    return list(buttons(h.session.last(user_id).reply_markup))


async def test_the_summary_states_the_guarantee_before_confirm(harness: Harness) -> None:
    h, user_id = harness, Harness.new_user()
    await h.fund(user_id, "100")
    service = await h.services.catalog.service(FOLLOWERS_R30)
    assert service is not None
    await open_service(h, user_id, FOLLOWERS_R30)
    assert "Refill guarantee: 30 days" in await fill_form(h, user_id, service)


async def test_a_refill_asked_and_done_goes_into_the_services_record(harness: Harness) -> None:
    """Issue 36: a refill asked inside the guarantee is a drop signal in the service's
    record, and the refill's end (done or rejected) is counted too."""
    h = harness

    async def refills() -> dict[str, float]:
        record = (await h.services.stores.records.load()).get((FOLLOWERS_R30, "main"))
        return dict(record.refills) if record else {}

    user_id, order = await completed_order(h)
    before = await refills()
    await tap_refill(h, user_id, order.id)
    asked = await refills()
    assert asked.get("requested", 0) > before.get("requested", 0)
    for refill in h.sandbox.state.refills.values():
        refill.created -= 10_000  # the panel finished it
    await h.services.poller.cycle()
    done = await refills()
    assert done.get("done", 0) + done.get("rejected", 0) > asked.get("done", 0) + asked.get(
        "rejected", 0
    )

"""Orders left in PLACING while the bot runs (issue 34): an exception after `add` (a panel
order id the shop already holds, a dropped database connection) left the order charged,
maybe placed, not polled, not in /pending and blocking its link until the next restart."""

from __future__ import annotations

import time
import uuid
from decimal import Decimal

from bot.core.domain import NewOrder, Stage
from tests.conftest import ADMIN_ID, Harness
from tests.handlers.flows import add_requests, confirm, fill_form, open_service

FOLLOWERS = 1


async def _order_through_the_chat(h: Harness, user_id: int, link: str) -> str:
    service = await h.services.catalog.service(FOLLOWERS)
    assert service is not None
    await open_service(h, user_id, FOLLOWERS)
    await fill_form(h, user_id, service, typed={"link": link})
    return await confirm(h, user_id)


async def test_a_panel_order_id_the_shop_already_holds_is_held_for_admins(
    harness: Harness,
) -> None:
    h = harness
    first, second = h.new_user(), h.new_user()
    await h.fund(first, "20")
    await h.fund(second, "20")
    await _order_through_the_chat(h, first, f"https://instagram.com/p/dup{first}")
    [placed] = await h.services.stores.orders.list_orders(first)
    # A panel that hands out an id twice (a restored backup, a buggy script).
    h.sandbox.state.next_order_id = placed.panel_order_id  # type: ignore[assignment]
    sent = len(add_requests(h))
    reply = await _order_through_the_chat(h, second, f"https://instagram.com/p/dup{second}")
    assert len(add_requests(h)) == sent + 1  # sent once, never again
    [held] = await h.services.stores.orders.list_orders(second)
    assert held.stage is Stage.UNCERTAIN
    assert str(placed.panel_order_id) in (held.error or "")
    assert "went wrong" not in reply.lower()
    await h.say(ADMIN_ID, "/pending")
    assert any(f"#{held.id}" in text for text in h.session.texts(ADMIN_ID))


async def test_a_placement_lost_while_running_is_found_by_the_sweep(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "5")
    stores = h.services.stores
    order_id = await stores.orders.create_order(
        NewOrder(
            user_id=user_id,
            client_token=uuid.uuid4().hex,
            service_id=FOLLOWERS,
            service_name="Followers",
            service_type="Default",
            category="C",
            link=f"https://instagram.com/p/lost{user_id}",
            fields={},
            quantity=100,
            charge=Decimal(1),
            cost=Decimal("0.5"),
            currency="USD",
        )
    )
    fresh = await h.services.ordering.sweep_lost_placements()
    assert order_id not in fresh  # a placement in progress is left alone
    async with h.services.db.write() as conn:  # as a crash after `add` leaves it, an hour ago
        await conn.execute(
            "UPDATE orders SET created_at = :at WHERE id = :id",
            {"at": time.time() - 3600, "id": order_id},
        )
    assert order_id in await h.services.ordering.sweep_lost_placements()
    order = await stores.orders.get_order(order_id)
    assert order is not None and order.stage is Stage.UNCERTAIN
    await h.say(ADMIN_ID, "/pending")
    assert any(f"#{order_id}" in text for text in h.session.texts(ADMIN_ID))
    assert await h.services.ordering.sweep_lost_placements() == []

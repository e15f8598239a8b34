"""My orders: list, card, refresh, refill, cancel (handlers/my_orders.py)."""

from __future__ import annotations

from decimal import Decimal

from bot.core.domain import NewOrder, Stage
from bot.ui.callbacks import OrderAction, OrderDo, OrderStart, ServicePick
from tests.conftest import Harness
from tests.fakes import buttons
from tests.handlers.flows import (
    confirm,
    fill_form,
    open_service,
)


async def test_a_forged_callback_for_someone_elses_order_is_not_found(harness: Harness) -> None:
    h = harness
    owner, stranger = h.new_user(), h.new_user()
    await h.fund(owner, "10")
    await open_service(h, owner, 2)
    await h.say(owner, "https://instagram.com/p/mine")
    await confirm(h, owner)
    [order] = await h.services.stores.orders.list_orders(owner)
    await h.say(stranger, "/start")
    for action in ("view", "refill", "cancel", "refresh"):
        await h.press_data(stranger, OrderAction(id=order.id, action=action).pack())
        assert h.session.alerts()[-1] == "Order not found."
    assert "instagram.com/p/mine" not in " ".join(h.session.texts(stranger))


async def test_my_orders_lists_newest_first_and_opens_the_card(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "100")
    for n in range(2):
        await open_service(h, user_id, 2)
        await h.say(user_id, f"https://instagram.com/p/list{n}")
        await confirm(h, user_id)
    orders = await h.services.stores.orders.list_orders(user_id)
    reply = await h.say(user_id, "My orders")
    assert "Your orders" in reply
    labels = [text for text, _ in buttons(h.session.last(user_id).reply_markup)]
    assert labels[0].startswith("🕓 #" + str(orders[0].id))
    assert orders[0].id > orders[1].id
    card = await h.press(user_id, f"#{orders[0].id}")
    assert f"Order #{orders[0].id}" in card
    assert "list1" in card
    assert "Pending" in card
    assert "Refresh" in str(buttons(h.session.last(user_id).reply_markup))


async def test_cancel_then_completion_refunds_through_refresh(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "100")
    service = (await h.services.catalog.get()).by_id[1]  # Default, cancel allowed
    await open_service(h, user_id, 1)
    await fill_form(h, user_id, service)
    await confirm(h, user_id)
    [order] = await h.services.stores.orders.list_orders(user_id)
    await h.say(user_id, "My orders")
    await h.press(user_id, f"#{order.id}")
    await h.press(user_id, "Cancel")
    assert "Cancellation requested" in h.session.alerts()[-1]
    await h.press(user_id, "Refresh")
    fresh = await h.services.stores.orders.get_order(order.id)
    assert fresh is not None
    assert fresh.stage is Stage.CANCELED
    assert await h.services.stores.wallets.balance(user_id) == Decimal(100)


async def test_refill_of_a_completed_order(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "100")
    service = (await h.services.catalog.get()).by_id[1]  # refill allowed
    await open_service(h, user_id, 1)
    await fill_form(h, user_id, service)
    await confirm(h, user_id)
    [order] = await h.services.stores.orders.list_orders(user_id)
    h.sandbox.state.orders[order.panel_order_id].created -= 10_000  # type: ignore[index]
    await h.say(user_id, "My orders")
    await h.press(user_id, f"#{order.id}")
    card = await h.press(user_id, "Refresh")
    assert "Completed" in card
    await h.press(user_id, "Refill")
    assert "Refill requested" in h.session.alerts()[-1]
    refill = await h.services.stores.refills.latest_refill(order.id)
    assert refill is not None
    assert refill.panel_refill_id is not None


async def test_a_cancel_request_is_stored_in_the_order_history(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "100")
    service = (await h.services.catalog.get()).by_id[1]
    await open_service(h, user_id, 1)
    await fill_form(h, user_id, service)
    await confirm(h, user_id)
    [order] = await h.services.stores.orders.list_orders(user_id)
    await h.press_data(user_id, OrderAction(id=order.id, action="cancel").pack())
    assert "cancel_requested" in [
        status for status, _ in await h.services.stores.orders.order_history(order.id)
    ]


async def test_cards_say_how_long_delivery_usually_takes_and_how_far_an_order_is(
    harness: Harness,
) -> None:
    h = harness
    service = (await h.services.catalog.get()).by_id[500]  # no test orders this one
    buyer = h.new_user()
    await h.fund(buyer, "1000")
    for n in range(5):  # a history: five orders of 1,000 completed in 3 hours each
        order_id = await h.services.stores.orders.create_order(
            NewOrder(
                user_id=buyer,
                client_token=f"history-{buyer}-{n}",
                service_id=service.id,
                service_name=service.name,
                service_type=service.type,
                category=service.category,
                link=f"https://instagram.com/p/h{n}",
                fields={},
                quantity=1000,
                charge=Decimal("1.00"),
                cost=Decimal("0.50"),
                currency="USD",
            )
        )
        async with h.services.db.write() as conn:
            await conn.execute(
                "UPDATE orders SET status = :completed, created_at = 0.0,"
                " status_changed_at = :changed WHERE id = :id",
                {"completed": Stage.COMPLETED, "changed": 3 * 3600.0, "id": order_id},
            )
    user_id = h.new_user()
    await h.fund(user_id, "100")
    await h.say(user_id, "/start")
    card = await h.press_data(user_id, ServicePick(id=service.id).pack())
    assert "Usually done in about 3 h per 1,000" in card
    await h.press_data(user_id, OrderStart(id=service.id).pack())
    summary = await fill_form(h, user_id, service)
    assert "Usually done in about" in summary
    await confirm(h, user_id)
    [order] = await h.services.stores.orders.list_orders(user_id)
    await h.services.stores.statuses.apply_status(
        order.id, Stage.IN_PROGRESS, 0, order.quantity // 2
    )
    reply = await h.press_data(user_id, OrderAction(id=order.id, action=OrderDo.VIEW).pack())
    assert "▰▰▰▰▰▱▱▱▱▱ 50%" in reply
    assert "Expected by" in reply

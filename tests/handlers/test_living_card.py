"""One living order card (issue 38): the message that confirmed an order is edited in place
as the poller learns; a change the customer should notice is still a new message; an edit
that fails falls back to a new card."""

from __future__ import annotations

from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import EditMessageText, GetMe, SendMessage

from tests.conftest import Harness
from tests.fakes import buttons
from tests.handlers.flows import confirm, deliver_outbox, fill_form, open_service

FOLLOWERS = 1
STEP = 3600  # the harness's sandbox moves an order on every hour


async def _place(h: Harness, user_id: int, link: str) -> tuple[int, int, int]:
    """(order id, its panel id, the confirmation message's id)."""
    await h.fund(user_id, "20")
    service = await h.services.catalog.service(FOLLOWERS)
    assert service is not None
    await open_service(h, user_id, FOLLOWERS)
    await fill_form(h, user_id, service, typed={"link": link})
    h.session.clear()
    await confirm(h, user_id)
    [placed] = [
        c for c in h.session.calls if isinstance(c, SendMessage) and "placed" in str(c.text)
    ]
    labels = [label for label, _ in buttons(placed.reply_markup)]
    assert any("Refresh" in label for label in labels), labels
    [order] = await h.services.stores.orders.list_orders(user_id)
    stored = await h.services.stores.orders.get_order(order.id)
    assert stored is not None and stored.card_message_id is not None
    assert order.panel_order_id is not None
    return order.id, order.panel_order_id, stored.card_message_id


async def _moves(h: Harness, panel_id: int, seconds: float) -> None:
    h.sandbox.state.orders[panel_id].created -= seconds
    h.session.clear()
    await h.services.poller.cycle()
    await deliver_outbox(h)


async def test_the_confirmation_becomes_the_orders_card_edited_as_it_moves(
    harness: Harness,
) -> None:
    h = harness
    user_id = h.new_user()
    order_id, panel_id, card = await _place(h, user_id, f"https://instagram.com/p/live{user_id}")

    await _moves(h, panel_id, STEP * 1.2)  # In progress
    edits = [c for c in h.session.calls if isinstance(c, EditMessageText) and c.chat_id == user_id]
    assert [e.message_id for e in edits] == [card]
    assert "In progress" in str(edits[0].text) and f"#{order_id}" in str(edits[0].text)
    assert h.session.texts(user_id) == [edits[0].text]  # no new message

    await _moves(h, panel_id, STEP)  # Completed: the card is edited and a message says so
    edits = [c for c in h.session.calls if isinstance(c, EditMessageText) and c.chat_id == user_id]
    sent = [c for c in h.session.calls if isinstance(c, SendMessage) and c.chat_id == user_id]
    assert [e.message_id for e in edits] == [card] and "Completed" in str(edits[0].text)
    assert len(sent) == 1 and "Completed" in str(sent[0].text)


async def test_a_card_that_cannot_be_edited_is_sent_anew(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    order_id, panel_id, card = await _place(h, user_id, f"https://instagram.com/p/gone{user_id}")
    h.session.fail_next.append(
        TelegramBadRequest(method=GetMe(), message="Bad Request: message to edit not found")
    )
    await _moves(h, panel_id, STEP * 1.2)
    sent = [c for c in h.session.calls if isinstance(c, SendMessage) and c.chat_id == user_id]
    assert len(sent) == 1 and "In progress" in str(sent[0].text)
    moved = await h.services.stores.orders.get_order(order_id)
    assert moved is not None and moved.card_message_id not in {None, card}  # the new card

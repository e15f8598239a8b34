"""Support tickets without a support group: admins answer from their private chats
(handlers/support.py)."""

from __future__ import annotations

from aiogram.methods import CopyMessage, SendMessage
from aiogram.types import PhotoSize

from bot.ui.callbacks import SupportStart, TicketAnswer, TicketWrite
from tests.conftest import ADMIN_ID, Harness
from tests.fakes import text_update
from tests.handlers.flows import confirm, open_service


def copies(h: Harness, to: int) -> list[CopyMessage]:
    return [c for c in h.session.calls if isinstance(c, CopyMessage) and int(c.chat_id) == to]


async def test_a_ticket_goes_to_the_admins_and_their_answer_comes_back(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    reply = await h.say(user_id, "Support")
    assert "Write your message to support" in reply
    h.session.clear()
    reply = await h.say(user_id, "My order has not started")
    assert "Sent to support (ticket #" in reply
    ticket_id = int(reply.split("#")[1].split(")")[0])
    [copied] = copies(h, ADMIN_ID)
    assert int(copied.from_chat_id) == user_id
    assert TicketAnswer(id=ticket_id).pack() in str(copied.reply_markup)
    heads = [
        c.text for c in h.session.calls if isinstance(c, SendMessage) and c.chat_id == ADMIN_ID
    ]
    assert any(f"Ticket #{ticket_id}" in (text or "") for text in heads)

    await h.press_data(ADMIN_ID, TicketAnswer(id=ticket_id).pack())
    h.session.clear()
    reply = await h.say(ADMIN_ID, "It starts within the hour")
    assert f"Sent to the customer of ticket #{ticket_id}" in reply
    [answer] = copies(h, user_id)
    assert int(answer.from_chat_id) == ADMIN_ID
    assert TicketWrite(id=ticket_id).pack() in str(answer.reply_markup)
    assert any(f"Support answered (ticket #{ticket_id})" in t for t in h.session.texts(user_id))

    h.session.clear()
    reply = await h.say(ADMIN_ID, f"/close {ticket_id}")
    assert "closed; the customer was told" in reply
    assert any(f"Ticket #{ticket_id} is closed" in t for t in h.session.texts(user_id))
    h.session.clear()
    await h.press_data(user_id, TicketWrite(id=ticket_id).pack())
    assert any("This ticket is closed" in alert for alert in h.session.alerts())


async def test_an_order_card_opens_a_ticket_about_that_order(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "20")
    await open_service(h, user_id, 2)
    await h.say(user_id, "https://instagram.com/p/support")
    await confirm(h, user_id)
    [order] = await h.services.stores.orders.list_orders(user_id)
    reply = await h.press_data(user_id, SupportStart(order=order.id).pack())
    assert f"about order #{order.id}" in reply
    reply = await h.say(user_id, "Where is it?")
    ticket_id = int(reply.split("#")[1].split(")")[0])
    ticket = await h.services.stores.tickets.ticket(ticket_id)
    assert ticket is not None and ticket.order_id == order.id and ticket.user_id == user_id
    stranger = h.new_user()  # someone else's order number opens a general ticket
    reply = await h.press_data(stranger, SupportStart(order=order.id).pack())
    assert f"#{order.id}" not in reply


async def test_a_customer_cannot_open_more_than_three_tickets_at_once(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "1")
    for order_id in (101, 102, 103):
        await h.services.stores.tickets.open_ticket(user_id, order_id, 3)
    await h.press_data(user_id, SupportStart(order=0).pack())
    h.session.clear()
    reply = await h.say(user_id, "one more")
    assert "You already have 3 open tickets" in reply
    assert not copies(h, ADMIN_ID)


async def test_a_photo_reaches_support_and_a_command_does_not(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "Support")
    reply = await h.say(user_id, "/somecommand")
    assert "Sent to support" not in reply
    h.session.clear()
    update = text_update(user_id, "x")
    assert update.message is not None
    photo = update.message.model_copy(
        update={
            "text": None,
            "photo": [PhotoSize(file_id="p1", file_unique_id="u1", width=640, height=480)],
            "caption": "screenshot of the problem",
        }
    )
    await h.feed(update.model_copy(update={"message": photo}))
    assert any("Sent to support" in t for t in h.session.texts(user_id))
    [copied] = copies(h, ADMIN_ID)
    assert copied.message_id == photo.message_id


async def test_a_banned_customer_opens_no_ticket(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "Support")
    await h.say(ADMIN_ID, f"/ban {user_id}")
    h.session.clear()
    await h.say(user_id, "let me in")
    assert not copies(h, ADMIN_ID)
    assert not any("Sent to support" in t for t in h.session.texts(user_id))

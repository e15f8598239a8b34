"""Customer commands in groups, supergroups and channels (issue 34): one line pointing to the
private chat, and nothing else — no invoice, no promo use, no referral, no customer row."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from aiogram.types import CallbackQuery, Chat, Message, MessageEntity, Update

from tests.conftest import ADMIN_ID, Harness
from tests.fakes import user

GROUP = -100_777_000_111


def group_message(user_id: int, text: str, chat_type: str = "supergroup") -> Update:
    entities = None
    if text.startswith("/"):
        entities = [MessageEntity(type="bot_command", offset=0, length=len(text.split()[0]))]
    return Update(
        update_id=user_id % 100_000 + len(text),
        message=Message(
            message_id=5,
            date=datetime.now(tz=UTC),
            chat=Chat(id=GROUP, type=chat_type, title="Chat"),
            from_user=user(user_id),
            text=text,
            entities=entities,
        ),
    )


COMMANDS = [
    "/start",
    "/start ref_abc",
    "/crypto 5",
    "/promo GROUPCODE",
    "/referrals",
    "/balance",
    "/orders",
    "/support",
    "/api",
    "/mass",
    "/language",
    "/stars 5",
    "/credit 1 5",
]


@pytest.mark.parametrize("chat_type", ["group", "supergroup"])
async def test_customer_commands_in_a_group_answer_one_line_and_touch_nothing(
    harness: Harness, chat_type: str, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness
    await h.say(ADMIN_ID, "/promo create GROUPCODE 5 3")
    stranger = h.new_user()
    invoices_before = len(h.crypto.invoices)
    for text in COMMANDS:
        h.session.clear()
        with caplog.at_level(logging.WARNING):
            await h.feed(group_message(stranger, text, chat_type))
        replies = h.session.texts(GROUP)
        assert len(replies) <= 1, (text, replies)
        assert all("private chat" in reply for reply in replies), (text, replies)
        assert h.session.texts(stranger) == []
    # A plain message in the group is not for the bot: no answer at all.
    h.session.clear()
    await h.feed(group_message(stranger, "hello everyone"))
    assert h.session.calls == []
    assert await h.services.stores.users.get_user(stranger) is None
    assert len(h.crypto.invoices) == invoices_before
    listing = await h.say(ADMIN_ID, "/promo list")
    assert "0/3" in listing
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_an_admin_command_in_some_group_is_not_run_there(harness: Harness) -> None:
    h = harness
    customer = h.new_user()
    await h.fund(customer, "1")
    await h.feed(group_message(ADMIN_ID, f"/credit {customer} 50"))
    assert await h.services.stores.wallets.balance(customer) == Decimal(1)
    # In the admin's private chat it works as before.
    await h.say(ADMIN_ID, f"/credit {customer} 50")
    assert await h.services.stores.wallets.balance(customer) == Decimal(51)


async def test_an_old_button_pressed_in_a_group_answers_with_the_pointer(harness: Harness) -> None:
    h = harness
    stranger = h.new_user()
    h.session.clear()
    message = Message(
        message_id=9, date=datetime.now(tz=UTC), chat=Chat(id=GROUP, type="group"), text="…"
    )
    await h.feed(
        Update(
            update_id=stranger % 100_000,
            callback_query=CallbackQuery(
                id="q1", from_user=user(stranger), chat_instance="ci", data="menu", message=message
            ),
        )
    )
    assert any("private chat" in alert for alert in h.session.alerts())
    assert await h.services.stores.users.get_user(stranger) is None

"""A support ticket round trip through a forum topic of the support group, across a restart
of the bot (the whole bot as a process; the stand-in plays Telegram's forum topics)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.stand import ADMIN_ID, TOKEN, Customer, Stand, wait_until

pytestmark = pytest.mark.e2e
GROUP = -1001234567
STAFF = {"id": ADMIN_ID, "is_bot": False, "first_name": "Admin"}
OUTSIDER = {"id": 777, "is_bot": False, "first_name": "Not staff"}


@pytest.fixture(scope="module")
def stand(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stand]:
    running = Stand(
        Path(tmp_path_factory.mktemp("support")), extra_env={"SUPPORT_CHAT_ID": str(GROUP)}
    )
    try:
        yield running.start()
    finally:
        running.stop()


def in_group(stand: Stand, who: dict[str, Any], text: str, thread: int) -> None:
    path = "sendCommand" if text.startswith("/") else "sendMessage"
    chat = {"id": GROUP, "type": "supergroup", "title": "Support", "is_forum": True}
    stand.client(
        path, botToken=TOKEN, **{"from": who}, chat=chat, text=text, message_thread_id=thread
    )


def group_messages(stand: Stand) -> list[dict[str, Any]]:
    return stand.client("botMessages", token=TOKEN, chatId=GROUP, unreadOnly=False)  # type: ignore[no-any-return]


def test_a_ticket_round_trip_through_a_topic_across_a_restart(stand: Stand) -> None:
    customer = Customer(stand, 6101)
    customer.ask("/start", "Hello")
    customer.ask("Support", "Write your message to support")
    sent = customer.ask("My likes stopped at 40%", "Sent to support (ticket #")
    ticket = sent["text"].split("#")[1].split(")")[0]

    topics = wait_until(lambda: stand.client("topics"), 10, "a forum topic")
    [topic] = [t for t in topics if t["chat_id"] == GROUP]
    assert topic["name"].startswith(f"#{ticket} · Ann")
    thread = topic["message_thread_id"]
    copied = wait_until(
        lambda: [m for m in group_messages(stand) if "stopped at 40%" in (m.get("text") or "")],
        10,
        "the customer's message in the topic",
    )
    assert copied[0]["message_thread_id"] == thread

    in_group(stand, OUTSIDER, "I am not staff", thread)  # ignored: not an admin
    in_group(stand, STAFF, "We restarted it, give it an hour", thread)
    customer.wait_for(f"Support answered (ticket #{ticket})")
    answer = customer.wait_for("We restarted it")
    assert "Reply" in str(answer.get("reply_markup"))
    assert not [m for m in customer.seen if "I am not staff" in m["text"]]

    assert stand.kill_bot(signal.SIGTERM) == 0  # nothing is lost across a restart
    stand.start_bot()
    customer.press("Reply", "Write your message to support")
    customer.ask("Thanks, it moves now", "Sent to support (ticket #" + ticket)
    wait_until(
        lambda: [m for m in group_messages(stand) if "it moves now" in (m.get("text") or "")],
        10,
        "the follow-up in the same topic",
    )
    assert len([t for t in stand.client("topics") if t["chat_id"] == GROUP]) == 1

    in_group(stand, STAFF, "/close", thread)
    customer.wait_for(f"Ticket #{ticket} is closed")

"""The outbox sender within Telegram's limits (bot/core/notifications/sender.py,
bot/ui/notices.py)."""

from __future__ import annotations

import asyncio
import contextlib
import time

from aiogram.methods import SendMessage

from bot.core.domain import Stage
from bot.core.notifications.sender import Notifier
from bot.core.outbox import OutboxKind
from tests.fakes import retry_after
from tests.integration.support import (
    ADMIN,
    Env,
    drain,
    notifier_for,
    pending_rows,
    poller,
)


async def test_a_restart_between_writing_and_sending_still_delivers(env: Env) -> None:
    order_id = await env.order(11, "https://instagram.com/p/deliver")
    env.age(150)
    await poller(env).cycle()  # the row is written; the process "dies" before sending
    notifier, session = notifier_for(env)  # a new process
    assert await drain(notifier) == 1
    [sent] = session.sent(11)
    assert f"Order #{order_id}: 🚀 In progress" in (sent.text or "")
    assert await pending_rows(env) == []
    assert await drain(notifier) == 0  # and only once


async def test_two_changes_before_sending_give_one_message_with_the_latest_state(env: Env) -> None:
    order_id = await env.order(12, "https://instagram.com/p/twice")
    await env.stores.statuses.apply_status(order_id, Stage.IN_PROGRESS, 1, 50)
    await env.stores.statuses.apply_status(order_id, Stage.COMPLETED, 1, 0)
    notifier, session = notifier_for(env)
    await drain(notifier)
    [sent] = session.sent(12)
    assert "✅ Completed" in (sent.text or "")


async def test_429_retry_after_is_honoured_exactly(env: Env) -> None:
    await env.stores.users.ensure_user(13, None, "T")
    await env.stores.outbox.enqueue([13], OutboxKind.WALLET_CREDIT, {"amount": "5"})
    notifier, session = notifier_for(env)
    session.fail_next = [retry_after(3)]
    started_at = time.time()
    await drain(notifier)
    assert session.sent(13) == []
    assert notifier.retry_afters == 1
    [row] = await env.stores.outbox.due_messages(time.time() + 3600)
    assert row.attempts == 0
    due = await env.stores.outbox.next_due_at()
    assert due is not None
    assert 2.9 <= due - started_at <= 3.5
    assert await drain(notifier) == 0  # not before retry_after
    assert notifier._limiter.paused_until - time.monotonic() > 2.5


async def test_a_user_who_blocked_the_bot_is_no_longer_sent_to(env: Env) -> None:
    await env.stores.users.ensure_user(14, None, "T")
    await env.stores.outbox.enqueue([14], OutboxKind.WALLET_CREDIT, {"amount": "1"})
    await env.stores.outbox.enqueue([14], OutboxKind.WALLET_CREDIT, {"amount": "2"})
    notifier, session = notifier_for(env, per_chat_interval=0)
    session.blocked.add(14)
    await drain(notifier)
    user = await env.stores.users.get_user(14)
    assert user is not None
    assert not user.is_active
    assert await pending_rows(env) == []
    assert 14 not in await env.stores.users.active_user_ids()


async def test_at_most_one_message_a_second_to_one_chat(env: Env) -> None:
    await env.stores.users.ensure_user(15, None, "T")
    await env.stores.outbox.enqueue([15], OutboxKind.WALLET_CREDIT, {"amount": "1"})
    await env.stores.outbox.enqueue([15], OutboxKind.WALLET_CREDIT, {"amount": "2"})
    await env.stores.outbox.enqueue([16], OutboxKind.WALLET_CREDIT, {"amount": "3"})
    notifier, session = notifier_for(env)
    assert await drain(notifier) == 2  # one for 15, one for 16
    assert len(session.sent(15)) == 1


async def test_a_network_failure_is_retried_later_not_marked_sent(env: Env) -> None:
    await env.stores.outbox.enqueue([17], OutboxKind.WALLET_CREDIT, {"amount": "1"})
    notifier, session = notifier_for(env)
    session.fail_next = [RuntimeError("connection reset")]
    await drain(notifier)
    [row] = await env.stores.outbox.due_messages(time.time() + 3600)
    assert row.attempts == 1
    assert not any(isinstance(c, SendMessage) for c in session.calls)


async def test_alerts_about_the_same_thing_coalesce_per_window(env: Env) -> None:
    outbox = env.stores.outbox
    for n in range(5):
        await outbox.alert([ADMIN], OutboxKind.ADMIN_ERROR, {"code": f"c{n}", "error": "E"}, "E")
    await outbox.alert([ADMIN], OutboxKind.ADMIN_ERROR, {"code": "x", "error": "F"}, "F")
    due = [r for r in await outbox.due_messages(time.time()) if r.chat_id == ADMIN]
    by_error = {r.payload["error"]: r for r in due if r.kind == OutboxKind.ADMIN_ERROR}
    assert by_error["E"].payload["count"] == 5 and by_error["E"].payload["code"] == "c4"
    assert by_error["F"].payload["count"] == 1
    assert await outbox.mark_sent(by_error["E"])
    await outbox.alert([ADMIN], OutboxKind.ADMIN_ERROR, {"code": "c5", "error": "E"}, "E")
    assert not [r for r in await outbox.due_messages(time.time()) if r.payload.get("code") == "c5"]
    later = await outbox.due_messages(time.time() + 301)
    assert [r.payload["count"] for r in later if r.payload.get("code") == "c5"] == [1]


async def _drain_for(notifier: Notifier, seconds: float) -> None:
    """The sender as the bot runs it, stopped after `seconds` (messages in flight finish)."""
    running = asyncio.create_task(notifier.run())
    await asyncio.sleep(seconds)
    running.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await running


async def test_a_paid_broadcast_goes_out_many_times_faster_with_the_flag_set(env: Env) -> None:
    """The same audience in the same two seconds: at the normal 25 a second about 50 arrive;
    a paid broadcast (up to 1,000 a second) reaches several times more, each flagged paid."""
    audience = range(200_000, 201_200)
    for chat in audience:
        await env.stores.users.ensure_user(chat, None, "T")
    payload = {"text": "Big news", "started": time.time()}
    await env.stores.outbox.enqueue(audience, OutboxKind.BROADCAST, payload)
    normal, normal_session = notifier_for(env)
    await _drain_for(normal, 2.0)
    normal_count = sum(len(normal_session.sent(chat)) for chat in audience)
    assert 0 < normal_count <= 2 * 25 + 1
    plain = [s for c in audience for s in normal_session.sent(c)]
    assert all(isinstance(s, SendMessage) and not s.allow_paid_broadcast for s in plain)
    async with env.stores.db.write() as conn:  # what the first did not send: out of the way
        await conn.execute("DELETE FROM outbox WHERE sent_at IS NULL")

    await env.stores.outbox.enqueue(audience, OutboxKind.PAID_BROADCAST, payload)
    paid, paid_session = notifier_for(env)
    await _drain_for(paid, 2.0)
    sent = [s for chat in audience for s in paid_session.sent(chat)]
    assert len(sent) > 4 * normal_count
    assert all(
        isinstance(s, SendMessage) and s.allow_paid_broadcast and s.text == "Big news" for s in sent
    )


async def test_a_state_folded_into_a_message_being_sent_is_sent_too(env: Env) -> None:
    """The sender rendered "In progress" while the poller folded "Completed" into the same
    waiting row: the customer gets both, not only the older (found by bench.load)."""
    order_id = await env.order(16, "https://instagram.com/p/folded")
    await env.stores.statuses.apply_status(order_id, Stage.IN_PROGRESS, 1, 50)
    [read] = [r for r in await env.stores.outbox.due_messages(time.time()) if r.chat_id == 16]
    await env.stores.statuses.apply_status(order_id, Stage.COMPLETED, 1, 0)  # while sending
    assert not await env.stores.outbox.mark_sent(read)
    [again] = [r for r in await env.stores.outbox.due_messages(time.time()) if r.chat_id == 16]
    assert again.id == read.id and again.revision > read.revision
    notifier, session = notifier_for(env, per_chat_interval=0)
    await drain(notifier)
    [sent] = session.sent(16)
    assert "✅ Completed" in (sent.text or "")
    assert await pending_rows(env) == []

"""The poller and the notification outbox: status changes reach customers once."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from aiogram.methods import SendMessage
from pydantic import SecretStr

from bot.core.customers import Customers
from bot.core.domain import AlreadyPlacedError, InsufficientFundsError, NewOrder, RefillStage, Stage
from bot.core.notifier import Notifier
from bot.core.outbox import OutboxKind
from bot.core.panel import PanelClient
from bot.core.poller import Poller
from bot.core.storage import Database, Repository
from bot.sandbox import SandboxPanel, start_sandbox
from bot.ui.i18n import Translator, create_core
from bot.ui.notices import MessageRenderer, TelegramMessenger
from tests.backends import BACKENDS, fresh_database_url
from tests.fakes import RecordingSession, make_bot, retry_after

ADMIN = 77


@dataclass
class Env:
    sandbox: SandboxPanel
    repo: Repository
    panel: PanelClient

    def requests(self, action: str) -> int:
        return sum(1 for r in self.sandbox.state.requests if r.get("action") == action)

    async def order(
        self, user_id: int, link: str, quantity: int = 100, charge: str = "1.00"
    ) -> int:
        await self.repo.ensure_user(user_id, None, "T")
        await self.repo.credit(user_id, Decimal(charge), "credit")
        order_id = await self.repo.create_order(
            NewOrder(
                user_id=user_id,
                client_token=uuid.uuid4().hex,
                service_id=1,
                service_name="Followers",
                service_type="Default",
                category="C",
                link=link,
                fields={"link": link, "quantity": str(quantity)},
                quantity=quantity,
                charge=Decimal(charge),
                cost=Decimal("0.09"),
                currency="USD",
            )
        )
        panel_id = await self.panel.add(1, {"link": link, "quantity": str(quantity)})
        await self.repo.mark_placed(order_id, panel_id)
        return order_id

    def age(self, seconds: float) -> None:
        for order in self.sandbox.state.orders.values():
            order.created -= seconds
        for refill in self.sandbox.state.refills.values():
            refill.created -= seconds


@pytest_asyncio.fixture(params=BACKENDS)
async def env(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Env]:
    sandbox = SandboxPanel(step_seconds=100, balance=Decimal(100000), services=50)
    runner, url = await start_sandbox(sandbox)
    db = await Database.open(tmp_path / "bg.sqlite3", await fresh_database_url(request.param))
    async with httpx.AsyncClient() as http:
        yield Env(
            sandbox,
            Repository(db),
            PanelClient(http, url, SecretStr("sandbox-key"), backoff_seconds=0, read_attempts=1),
        )
    await db.close()
    await runner.cleanup()


def poller(env: Env, **kwargs: object) -> Poller:
    return Poller(env.repo, env.panel, 1.0, [ADMIN], **kwargs)  # type: ignore[arg-type]


async def pending_rows(env: Env) -> list[tuple[int, str]]:
    return [(row.chat_id, row.kind) for row in await env.repo.due_messages(time.time() + 3600)]


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
    order = await env.repo.get_order(order_id)
    assert order is not None
    assert order.stage is Stage.IN_PROGRESS
    assert order.start_count is not None
    assert await pending_rows(env) == [(5, "order_status")]


async def test_a_partial_seen_by_two_cycles_refunds_once(env: Env) -> None:
    order_id = await env.order(
        6, "https://instagram.com/p/partial-one", quantity=100, charge="2.00"
    )
    assert await env.repo.balance(6) == 0
    env.age(500)
    the_poller = poller(env)
    await the_poller.cycle()
    # A second cycle sees Partial again (the answer arrives twice): no second refund.
    await env.repo.apply_status(order_id, Stage.PARTIAL, None, 25)
    await the_poller.cycle()
    order = await env.repo.get_order(order_id)
    assert order is not None
    assert order.stage is Stage.PARTIAL
    assert order.remains == 25
    assert await env.repo.refund_of(order_id) == Decimal("0.5")
    assert await env.repo.balance(6) == Decimal("0.5")
    assert await pending_rows(env) == [(6, "order_status")]


async def test_canceled_refunds_everything_once(env: Env) -> None:
    order_id = await env.order(7, "https://instagram.com/p/cancel-me", charge="3.00")
    env.age(500)
    await poller(env).cycle()
    await poller(env).cycle()
    assert (await env.repo.get_order(order_id)).stage is Stage.CANCELED  # type: ignore[union-attr]
    assert await env.repo.balance(7) == Decimal(3)


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
    assert (await env.repo.get_order(order_id)).stage is Stage.STUCK  # type: ignore[union-attr]
    assert (ADMIN, "admin_stuck") in await pending_rows(env)
    before = env.requests("status")
    await the_poller.cycle()
    assert env.requests("status") == before


async def test_a_refill_result_is_queued_once(env: Env) -> None:
    order_id = await env.order(10, "https://instagram.com/p/refill-me")
    env.age(500)
    await poller(env).cycle()
    order = await env.repo.get_order(order_id)
    assert order is not None
    assert order.stage is Stage.COMPLETED
    refill_id = await env.repo.create_refill(order, await env.panel.refill(order.panel_order_id))  # type: ignore[arg-type]
    await poller(env).cycle()
    assert (await env.repo.get_refill(refill_id)).stage is RefillStage.PENDING  # type: ignore[union-attr]
    env.age(500)
    await poller(env).cycle()
    await poller(env).cycle()
    assert (await env.repo.get_refill(refill_id)).stage is RefillStage.COMPLETED  # type: ignore[union-attr]
    assert [k for _, k in await pending_rows(env)].count("refill_result") == 1


# -- the notifier -------------------------------------------------------------------------


def notifier_for(env: Env, **kwargs: object) -> tuple[Notifier, RecordingSession]:
    bot, session = make_bot()
    renderer = MessageRenderer(env.repo, Translator(create_core("en")), "en")
    messenger = TelegramMessenger(bot, renderer)
    return Notifier(messenger, env.repo, Customers(env.repo), **kwargs), session  # type: ignore[arg-type]


async def drain(notifier: Notifier) -> int:
    started = await notifier.drain_once()
    await notifier.flush()
    return started


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
    await env.repo.apply_status(order_id, Stage.IN_PROGRESS, 1, 50)
    await env.repo.apply_status(order_id, Stage.COMPLETED, 1, 0)
    notifier, session = notifier_for(env)
    await drain(notifier)
    [sent] = session.sent(12)
    assert "✅ Completed" in (sent.text or "")


async def test_429_retry_after_is_honoured_exactly(env: Env) -> None:
    await env.repo.ensure_user(13, None, "T")
    await env.repo.enqueue([13], OutboxKind.WALLET_CREDIT, {"amount": "5"})
    notifier, session = notifier_for(env)
    session.fail_next = [retry_after(3)]
    started_at = time.time()
    await drain(notifier)
    assert session.sent(13) == []
    assert notifier.retry_afters == 1
    [row] = await env.repo.due_messages(time.time() + 3600)
    assert row.attempts == 0
    due = await env.repo.next_due_at()
    assert due is not None
    assert 2.9 <= due - started_at <= 3.5
    assert await drain(notifier) == 0  # not before retry_after
    assert notifier._limiter.paused_until - time.monotonic() > 2.5


async def test_a_user_who_blocked_the_bot_is_no_longer_sent_to(env: Env) -> None:
    await env.repo.ensure_user(14, None, "T")
    await env.repo.enqueue([14], OutboxKind.WALLET_CREDIT, {"amount": "1"})
    await env.repo.enqueue([14], OutboxKind.WALLET_CREDIT, {"amount": "2"})
    notifier, session = notifier_for(env, per_chat_interval=0)
    session.blocked.add(14)
    await drain(notifier)
    user = await env.repo.get_user(14)
    assert user is not None
    assert not user.is_active
    assert await pending_rows(env) == []
    assert 14 not in await env.repo.active_user_ids()


async def test_at_most_one_message_a_second_to_one_chat(env: Env) -> None:
    await env.repo.ensure_user(15, None, "T")
    await env.repo.enqueue([15], OutboxKind.WALLET_CREDIT, {"amount": "1"})
    await env.repo.enqueue([15], OutboxKind.WALLET_CREDIT, {"amount": "2"})
    await env.repo.enqueue([16], OutboxKind.WALLET_CREDIT, {"amount": "3"})
    notifier, session = notifier_for(env)
    assert await drain(notifier) == 2  # one for 15, one for 16
    assert len(session.sent(15)) == 1


async def test_a_network_failure_is_retried_later_not_marked_sent(env: Env) -> None:
    await env.repo.enqueue([17], OutboxKind.WALLET_CREDIT, {"amount": "1"})
    notifier, session = notifier_for(env)
    session.fail_next = [RuntimeError("connection reset")]
    await drain(notifier)
    [row] = await env.repo.due_messages(time.time() + 3600)
    assert row.attempts == 1
    assert not any(isinstance(c, SendMessage) for c in session.calls)


async def test_an_idle_poller_still_notices_an_outage(env: Env) -> None:
    env.sandbox.state.mode = "html"
    report = await poller(env).cycle()
    assert report.outage is not None and env.panel.unavailable_since is not None
    env.sandbox.state.mode = "ok"
    assert (await poller(env).cycle()).outage is None and env.panel.unavailable_since is None


async def test_a_partial_without_remains_refunds_nothing_and_asks_an_admin(env: Env) -> None:
    order_id = await env.order(18, "https://instagram.com/p/partial-unknown", charge="2.00")
    await env.repo.apply_status(order_id, Stage.PARTIAL, None, None, [ADMIN])
    assert await env.repo.refund_of(order_id) == 0
    assert (ADMIN, "admin_partial_unknown") in await pending_rows(env)
    notifier, session = notifier_for(env, per_chat_interval=0)
    await drain(notifier)
    assert any("did not say how much is missing" in t for t in session.texts(ADMIN))


async def test_a_partial_uses_the_last_known_remains(env: Env) -> None:
    order_id = await env.order(
        19, "https://instagram.com/p/partial-known", quantity=100, charge="2.00"
    )
    await env.repo.apply_status(order_id, Stage.IN_PROGRESS, 5, 40)
    await env.repo.apply_status(order_id, Stage.PARTIAL, None, None, [ADMIN])
    assert await env.repo.refund_of(order_id) == Decimal("0.8")


def _new_order(user_id: int, token: str, charge: str = "1.00") -> NewOrder:
    return NewOrder(
        user_id=user_id,
        client_token=token,
        service_id=1,
        service_name="Followers",
        service_type="Default",
        category="C",
        link="https://x.y/race",
        fields={},
        quantity=100,
        charge=Decimal(charge),
        cost=Decimal("0.5"),
        currency="USD",
    )


async def test_racing_confirmations_of_one_form_place_one_order(env: Env) -> None:
    await env.repo.ensure_user(20, None, "T")
    await env.repo.credit(20, Decimal(10), "credit")
    results = await asyncio.gather(
        *(env.repo.create_order(_new_order(20, "same-form-token")) for _ in range(5)),
        return_exceptions=True,
    )
    placed = [r for r in results if isinstance(r, int)]
    assert len(placed) == 1
    assert all(
        isinstance(r, AlreadyPlacedError) and r.order_id == placed[0]
        for r in results
        if r not in placed
    )
    assert await env.repo.balance(20) == Decimal(9)


async def test_racing_orders_cannot_overspend_a_wallet(env: Env) -> None:
    await env.repo.ensure_user(21, None, "T")
    await env.repo.credit(21, Decimal(3), "credit")
    results = await asyncio.gather(
        *(env.repo.create_order(_new_order(21, f"form-{n}", "2.00")) for n in range(5)),
        return_exceptions=True,
    )
    assert sum(isinstance(r, int) for r in results) == 1
    assert sum(isinstance(r, InsufficientFundsError) for r in results) == 4
    assert await env.repo.balance(21) == Decimal(1)


async def test_concurrent_updates_flush_conversation_state_safely(env: Env) -> None:
    from aiogram.fsm.storage.base import StorageKey

    from bot.ui.fsm_storage import DatabaseStorage

    storage = DatabaseStorage(env.repo.db)
    keys = [StorageKey(bot_id=1, chat_id=n, user_id=n) for n in range(30)]

    async def update(key: StorageKey, n: int) -> None:
        await storage.set_state(key, "form:filling")
        await storage.set_data(key, {"step": n})
        await asyncio.sleep(0)
        await storage.flush()

    await asyncio.gather(*(update(key, n) for n, key in enumerate(keys)))
    fresh = DatabaseStorage(env.repo.db)  # a restarted process
    assert [await fresh.get_data(key) for key in keys] == [{"step": n} for n in range(30)]
    assert {await fresh.get_state(key) for key in keys} == {"form:filling"}


async def test_a_payment_processed_twice_at_once_credits_once(env: Env) -> None:
    await env.repo.ensure_user(22, None, "T")
    results = await asyncio.gather(
        *(env.repo.credit(22, Decimal(5), "topup", ref="stars:same-charge") for _ in range(5))
    )
    assert results.count(True) == 1
    assert await env.repo.balance(22) == Decimal(5)


async def test_one_transition_applied_twice_at_once_refunds_once(env: Env) -> None:
    order_id = await env.order(23, "https://instagram.com/p/cancel-race", charge="3.00")
    results = await asyncio.gather(
        *(env.repo.apply_status(order_id, Stage.CANCELED, None, 100) for _ in range(4)),
        return_exceptions=True,
    )
    assert results.count(True) == 1 and all(r is False for r in results if r is not True)
    assert await env.repo.balance(23) == Decimal(3)
    assert [k for _, k in await pending_rows(env)].count("order_status") == 1


async def test_a_new_users_first_updates_arriving_together_store_them_once(env: Env) -> None:
    results = await asyncio.gather(*(env.repo.ensure_user(24, "twin", "T") for _ in range(4)))
    assert {user.id for user, _ in results} == {24}
    assert sum(created for _, created in results) == 1

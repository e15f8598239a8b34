"""Helpers shared by the tests moved out of tests/test_background.py."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from pydantic import SecretStr

from bot.core.customers.directory import Customers
from bot.core.domain import NewOrder
from bot.core.notifications.sender import Notifier
from bot.core.panels import PanelClient
from bot.core.storage import Database
from bot.core.stores import Stores
from bot.core.tracking.poller import Poller
from bot.sandbox import SandboxPanel, start_sandbox
from bot.ui.i18n import Translator, create_core
from bot.ui.notices import MessageRenderer, NoticeReads, TelegramMessenger
from tests.backends import BACKENDS, fresh_database_url
from tests.fakes import RecordingSession, make_bot

ADMIN = 77


@dataclass
class Env:
    sandbox: SandboxPanel
    stores: Stores
    panel: PanelClient

    def requests(self, action: str) -> int:
        return sum(1 for r in self.sandbox.state.requests if r.get("action") == action)

    async def order(
        self, user_id: int, link: str, quantity: int = 100, charge: str = "1.00"
    ) -> int:
        await self.stores.users.ensure_user(user_id, None, "T")
        await self.stores.wallets.credit(user_id, Decimal(charge), "credit")
        order_id = await self.stores.orders.create_order(
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
        await self.stores.orders.mark_placed(order_id, panel_id)
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
            Stores.over(db),
            PanelClient(http, url, SecretStr("sandbox-key"), backoff_seconds=0, read_attempts=1),
        )
    await db.close()
    await runner.cleanup()


def poller(env: Env, **kwargs: object) -> Poller:
    return Poller(env.stores.statuses, env.stores.refills, env.panel, 1.0, [ADMIN], **kwargs)  # type: ignore[arg-type]


async def pending_rows(env: Env) -> list[tuple[int, str]]:
    return [
        (row.chat_id, row.kind) for row in await env.stores.outbox.due_messages(time.time() + 3600)
    ]


def notifier_for(env: Env, **kwargs: object) -> tuple[Notifier, RecordingSession]:
    bot, session = make_bot()
    renderer = MessageRenderer(NoticeReads.of(env.stores), Translator(create_core("en")), "en")
    messenger = TelegramMessenger(bot, renderer)
    notifier = Notifier(messenger, env.stores.outbox, Customers(env.stores.users), **kwargs)  # type: ignore[arg-type]
    return notifier, session


async def drain(notifier: Notifier) -> int:
    started = await notifier.drain_once()
    await notifier.flush()
    return started


def _new_order(user_id: int, token: str, charge: str = "1.00") -> NewOrder:
    return NewOrder(
        user_id=user_id,
        client_token=token,
        service_id=1,
        service_name="Followers",
        service_type="Default",
        category="C",
        link=f"https://x.y/race/{token}",  # one open order a link: each form its own
        fields={},
        quantity=100,
        charge=Decimal(charge),
        cost=Decimal("0.5"),
        currency="USD",
    )

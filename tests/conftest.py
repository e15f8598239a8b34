"""Shared fixtures: a sandbox panel over real HTTP, a database, and one dispatcher per session."""

from __future__ import annotations

import itertools
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from aiogram import Bot, Dispatcher
from aiogram.types import InlineKeyboardMarkup, Message, Update
from aiohttp import web

from bot.app import Services, build_services, create_dispatcher
from bot.core.settings import SANDBOX_API_KEY, Settings
from bot.sandbox import SandboxPanel, start_sandbox
from bot.web import CRYPTO_PAY_PATH, create_side_app
from tests.backends import BACKENDS, fresh_database_url
from tests.cryptopay_stand import TOKEN as CRYPTO_TOKEN
from tests.cryptopay_stand import CryptoPayStand
from tests.fakes import TOKEN, RecordingSession, buttons, callback_update, make_bot, text_update

ADMIN_ID = 9000
_user_ids = itertools.count(10_000, 7)


@dataclass
class Harness:
    """The real dispatcher with a recording bot; each test uses its own fresh user ids."""

    dp: Dispatcher
    bot: Bot
    session: RecordingSession
    services: Services
    sandbox: SandboxPanel
    crypto: CryptoPayStand

    @staticmethod
    def new_user() -> int:
        return next(_user_ids)

    async def feed(self, update: Update) -> None:
        await self.dp.feed_update(self.bot, update)

    async def say(self, user_id: int, text: str, language: str = "en") -> str:
        self.session.clear()
        await self.feed(text_update(user_id, text, language))
        sent = self.session.texts(user_id)
        return sent[-1] if sent else ""

    def last_message(self, user_id: int) -> Message:
        method = self.session.last(user_id)
        return Message.model_validate(
            {
                "message_id": 1,
                "date": 0,
                "chat": {"id": user_id, "type": "private"},
                "text": method.text,
                "reply_markup": method.reply_markup
                if isinstance(method.reply_markup, InlineKeyboardMarkup)
                else None,
            }
        )

    async def press(self, user_id: int, label: str, language: str = "en") -> str:
        """Press the inline button whose text contains `label` on the latest message that has it."""
        for method in reversed(self.session.sent(user_id)):
            for text, data in buttons(method.reply_markup):
                if label in text:
                    return await self.press_data(user_id, data, language)
        raise AssertionError(
            f"no {label!r} in {[buttons(m.reply_markup) for m in self.session.sent(user_id)]}"
        )

    async def press_data(self, user_id: int, data: str, language: str = "en") -> str:
        message = self.last_message(user_id) if self.session.sent(user_id) else None
        self.session.clear()
        await self.feed(callback_update(user_id, data, message, language))
        sent = self.session.texts(user_id)
        return sent[-1] if sent else ""

    async def fund(self, user_id: int, amount: str) -> None:
        await self.services.stores.users.ensure_user(user_id, f"user{user_id}", "Test")
        await self.services.stores.wallets.credit(user_id, Decimal(amount), "credit", note="test")


@pytest.fixture(scope="session")
def tmp_db_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("db")


@pytest_asyncio.fixture(scope="session")
async def sandbox_url() -> AsyncIterator[tuple[SandboxPanel, str]]:
    panel = SandboxPanel(step_seconds=3600)
    runner, url = await start_sandbox(panel)
    yield panel, url
    await runner.cleanup()


@pytest_asyncio.fixture(scope="session", params=BACKENDS)
async def harness(request: pytest.FixtureRequest, tmp_db_dir: Path) -> AsyncIterator[Harness]:
    """The dispatcher on each storage backend in turn (tests run once per backend), each
    with a sandbox panel of its own."""
    async with open_harness(request.param, tmp_db_dir) as opened:
        yield opened


@asynccontextmanager
async def open_harness(backend: str, db_dir: Path, **overrides: Any) -> AsyncIterator[Harness]:
    """A harness on one backend; `overrides` are settings a test file needs on top (a shop
    with loyalty steps, say) — it gets a database of its own."""
    database_url = await fresh_database_url(backend)
    panel = SandboxPanel(step_seconds=3600)
    runner, url = await start_sandbox(panel)
    crypto = CryptoPayStand()
    crypto_runner, crypto_url = await serve(crypto.app())
    name = f"bot-{backend}-{len(overrides)}-{next(_user_ids)}.sqlite3" if overrides else None
    settings = Settings(
        bot_token=TOKEN,
        panel_api_url=url,
        panel_api_key=SANDBOX_API_KEY,
        admin_ids=frozenset({ADMIN_ID}),
        database_path=db_dir / (name or f"bot-{backend}.sqlite3"),
        database_url=database_url,
        markup_percent=Decimal(50),
        throttle_rate_per_second=1000,
        crypto_pay_token=CRYPTO_TOKEN,
        crypto_pay_api_url=crypto_url,
        metrics_enabled=True,  # as an operator who watches the bot: every update is counted
        _env_file=None,
        **overrides,
    )
    services = await build_services(settings)
    dp = create_dispatcher(services, background=False)
    bot, session = make_bot()
    # The bot's web server as polling mode runs it: Crypto Pay's webhook reaches it over HTTP.
    web_runner, web_url = await serve(
        create_side_app(services.db.ping, lambda: True, settings, services.crypto)
    )
    crypto.webhook_url = web_url + CRYPTO_PAY_PATH
    await dp.emit_startup(bot=bot, dispatcher=dp)
    await services.catalog.get()
    try:
        yield Harness(
            dp=dp, bot=bot, session=session, services=services, sandbox=panel, crypto=crypto
        )
    finally:
        await dp.emit_shutdown(bot=bot, dispatcher=dp)
        for started in (web_runner, crypto_runner, runner):
            await started.cleanup()


async def serve(app: web.Application) -> tuple[web.AppRunner, str]:
    """Serve an aiohttp app on a free local port; returns its runner and base URL."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    sock = socket.create_server(("127.0.0.1", 0))
    await web.SockSite(runner, sock).start()
    port = sock.getsockname()[1]
    return runner, f"http://127.0.0.1:{port}"

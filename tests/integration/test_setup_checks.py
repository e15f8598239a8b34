"""The wizard's live checks against real servers: the sandbox panel (its address and key, a
wrong key, a page that is not API v2, a closed port) and the Crypto Pay stand-in (a token it
knows, one it refuses). What the owner is told names the problem, never the key."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from decimal import Decimal

import httpx
import pytest
import pytest_asyncio

from bot.core.configuration.checks import Problem, check_crypto, check_panel
from bot.core.settings import SANDBOX_API_KEY
from bot.sandbox import SandboxPanel
from tests.conftest import serve
from tests.cryptopay_stand import TOKEN, CryptoPayStand


@pytest_asyncio.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=5) as client:
        yield client


async def test_a_panel_that_answers_shows_its_balance_and_services(
    sandbox_url: tuple[SandboxPanel, str], http: httpx.AsyncClient
) -> None:
    _, url = sandbox_url
    check = await check_panel(http, url, SANDBOX_API_KEY)
    assert check.ok and check.currency == "USD" and check.balance > Decimal(0)
    assert check.services > 100


@pytest.mark.parametrize(
    ("where", "key", "problem"),
    [
        ("api", "wrong-key-123", Problem.BAD_KEY),
        ("page", SANDBOX_API_KEY, Problem.NOT_API_V2),
        ("closed", SANDBOX_API_KEY, Problem.UNREACHABLE),
        ("ftp", SANDBOX_API_KEY, Problem.UNREACHABLE),
        ("broken", SANDBOX_API_KEY, Problem.UNREACHABLE),
        ("spaces", SANDBOX_API_KEY, Problem.UNREACHABLE),
    ],
)
async def test_what_is_wrong_with_a_panel_is_named(
    sandbox_url: tuple[SandboxPanel, str],
    http: httpx.AsyncClient,
    where: str,
    key: str,
    problem: Problem,
) -> None:
    _, url = sandbox_url
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}/api/v2"
    address = {
        "api": url,
        "page": url.removesuffix("/api/v2") + "/no-such-page",
        "closed": closed,
        "ftp": "ftp://panel.example/api/v2",
        "broken": "http://[::1/api/v2",  # an address no URL parser takes
        "spaces": "https://panel example.com/api/v2",
    }[where]
    check = await check_panel(http, address, key)
    assert check.problem is problem, check
    assert key not in check.detail


async def test_a_crypto_pay_token_is_checked_with_get_me(http: httpx.AsyncClient) -> None:
    runner, url = await serve(CryptoPayStand().app())
    try:
        good = await check_crypto(http, url, TOKEN)
        assert good.ok and good.app_name == "smm-bot test"
        bad = await check_crypto(http, url, "999:not-a-token")
        assert not bad.ok and "getMe" in bad.problem and "999:not" not in bad.problem
    finally:
        await runner.cleanup()

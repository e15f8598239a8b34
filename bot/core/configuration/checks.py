"""Live checks of what the owner types into the wizard: a panel's address and key (its
`balance` and `services` answer, or exactly what is wrong), and a Crypto Pay token (`getMe`).
Nothing is stored until a check passes."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

import httpx
from pydantic import SecretStr

from bot.core.panels import PanelClient
from bot.core.panels.errors import (
    MalformedResponseError,
    PanelAuthError,
    PanelError,
    PanelUnavailableError,
    RateLimitedError,
)
from bot.core.payments.cryptopay.client import CryptoPayClient, CryptoPayError

CHECK_TIMEOUT_SECONDS = 10.0


class Problem(StrEnum):
    UNREACHABLE = "unreachable"
    BAD_KEY = "bad-key"
    NOT_API_V2 = "not-api-v2"


@dataclass(frozen=True, slots=True)
class PanelCheck:
    """A panel that answered (currency, balance, services), or the problem and its detail."""

    problem: Problem | None = None
    detail: str = ""
    currency: str = ""
    balance: Decimal = Decimal(0)
    services: int = 0

    @property
    def ok(self) -> bool:
        return self.problem is None


def _problem_of(error: PanelError) -> PanelCheck:
    detail = str(error)[:120]
    if isinstance(error, PanelAuthError):
        return PanelCheck(Problem.BAD_KEY, detail)
    if isinstance(error, PanelUnavailableError) and "non-JSON" not in detail:
        return PanelCheck(Problem.UNREACHABLE, detail)
    if isinstance(error, RateLimitedError):
        return PanelCheck(Problem.UNREACHABLE, "rate limited")
    # A web page, JSON of another shape, an HTTP 404: something answers, not API v2.
    return PanelCheck(Problem.NOT_API_V2, detail)


async def check_panel(http: httpx.AsyncClient, url: str, key: str) -> PanelCheck:
    """`balance`, then `services`, each asked once (the owner is waiting)."""
    try:
        address = httpx.URL(url)
    except (httpx.InvalidURL, ValueError):  # "http://[::1", a stray character…
        return PanelCheck(Problem.UNREACHABLE, "that is not a web address")
    if address.scheme not in {"http", "https"} or not address.host:
        return PanelCheck(Problem.UNREACHABLE, "the address must start with http:// or https://")
    client = PanelClient(http, url, SecretStr(key), read_attempts=1)
    try:
        balance = await client.balance()
        services = await client.services()
    except MalformedResponseError as exc:
        return PanelCheck(Problem.NOT_API_V2, str(exc)[:120])
    except PanelError as exc:
        return _problem_of(exc)
    if not services:
        return PanelCheck(Problem.NOT_API_V2, "the panel lists no services")
    return PanelCheck(currency=balance.currency, balance=balance.balance, services=len(services))


@dataclass(frozen=True, slots=True)
class CryptoCheck:
    app_name: str = ""
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


async def check_crypto(http: httpx.AsyncClient, api_url: str, token: str) -> CryptoCheck:
    client = CryptoPayClient(http, api_url, SecretStr(token))
    try:
        me = await client.me()
    except CryptoPayError as exc:
        return CryptoCheck(problem=str(exc)[:120])
    name = me.get("name") if isinstance(me, dict) else None
    return CryptoCheck(app_name=str(name or "Crypto Pay")[:64])

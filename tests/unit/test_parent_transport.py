"""A child's panel calls answered by the parent in-process (bot/core/children/transport.py):
whatever goes wrong inside the parent reaches the child as a panel's server error — a read is
retried later, an `add` is held as uncertain — never as an exception from the HTTP client."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from bot.core.children.transport import ParentTransport
from bot.core.panels import PanelClient
from bot.core.panels.errors import PanelUnavailableError, PlacementUncertainError
from bot.core.reselling.api import ApiError


async def broken(owner: int, params: Mapping[str, str]) -> Any:
    if params.get("action") == "balance":
        raise ApiError("Not enough funds")
    raise RuntimeError("the parent's database went away")


@pytest.fixture
def client() -> PanelClient:
    http = httpx.AsyncClient(transport=ParentTransport(broken, 7))
    return PanelClient(http, "http://parent.shop/api/v2", SecretStr("k"), read_attempts=1)


async def test_a_failure_inside_the_parent_is_a_server_error_for_the_child(
    client: PanelClient,
) -> None:
    with pytest.raises(PanelUnavailableError):
        await client.services()
    with pytest.raises(PlacementUncertainError):
        await client.add(1, {"link": "https://x.example/a", "quantity": 100})


async def test_a_refusal_of_the_parent_is_the_panels_error_words(client: PanelClient) -> None:
    from bot.core.panels.errors import PanelFundsError

    with pytest.raises(PanelFundsError):
        await client.balance()


async def test_a_banned_owners_shop_places_nothing_but_follows_what_was_paid() -> None:
    from bot.core.panels.errors import PanelAuthError

    asked: list[str] = []

    async def answer(owner: int, params: Mapping[str, str]) -> Any:
        asked.append(params["action"])
        return {"status": "Completed", "charge": "0.1", "start_count": "0", "remains": "0"}

    async def banned(owner: int) -> bool:
        return owner == 7

    http = httpx.AsyncClient(transport=ParentTransport(answer, 7, banned))
    key = SecretStr("no-key-in-process")  # (a one-letter key is scrubbed from the words)
    child = PanelClient(http, "http://parent.shop/api/v2", key, read_attempts=1)
    with pytest.raises(PanelAuthError):
        await child.add(1, {"link": "https://x.example/a", "quantity": 100})
    assert asked == []  # refused before the parent's checkout: nothing charged
    await child.status(5)
    assert asked == ["status"]

"""The shop's API v2 driven by a client library other people wrote (issue 34): `safesmm`
from PyPI, a dependency-free API v2 client, used the way its README shows — form posts,
`orders=1,2,3`, comments with newlines — over real HTTP."""

from __future__ import annotations

import asyncio
import urllib.parse
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import aiohttp
import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient
from safesmm import SafeSMM, SafeSMMError

from tests.conftest import Harness
from tests.handlers.test_reseller_api import new_key, shop, web

__all__ = ["shop", "web"]  # the reseller API's fixtures, shared

FOLLOWERS, COMMENTS = 1, 4  # Default 50–10000; Custom Comments 10–1500


@pytest_asyncio.fixture
async def api_url(web: TestClient[Any, Any]) -> AsyncIterator[str]:
    yield str(web.make_url("/api/v2"))


async def run(call: Any, *args: Any, **kwargs: Any) -> Any:
    """The library is synchronous (urllib): it runs in a thread, as a script would."""
    return await asyncio.to_thread(call, *args, **kwargs)


async def test_a_published_python_client_orders_follows_and_is_refused_plainly(
    shop: Harness, api_url: str
) -> None:
    h = shop
    buyer = h.new_user()
    await h.fund(buyer, "40")
    client = SafeSMM(await new_key(h, buyer), api_url=api_url)

    assert await run(client.balance) == {"balance": "40.00000", "currency": "USD"}
    services = await run(client.services)
    assert {FOLLOWERS, COMMENTS} <= {int(s["service"]) for s in services}

    first = await run(
        client.add_order, FOLLOWERS, f"https://instagram.com/p/lib{buyer}", quantity=100
    )
    comments = "\n".join(f"Nice photo number {n} 👍" for n in range(12))
    second = await run(
        client.add_order, COMMENTS, f"https://instagram.com/p/libc{buyer}", comments=comments
    )
    one = await run(client.status, first["order"])
    assert one["status"] in {"Pending", "In progress"} and "charge" in one
    many = await run(client.multi_status, [first["order"], second["order"], 999_999])
    assert set(many) == {str(first["order"]), str(second["order"]), "999999"}
    assert many["999999"] == {"error": "Incorrect order ID"}
    [placed_comments] = [
        o for o in await h.services.stores.orders.list_orders(buyer) if o.service_id == COMMENTS
    ]
    assert placed_comments.quantity == 12  # every line, newlines kept

    with pytest.raises(SafeSMMError, match="Incorrect service ID"):
        await run(client.add_order, 999_999, "https://instagram.com/p/x", quantity=100)
    with pytest.raises(SafeSMMError, match=r"Order not eligible for refill|Incorrect order ID"):
        await run(client.refill, first["order"])
    with pytest.raises(SafeSMMError, match="Invalid API key"):
        await run(SafeSMM("not-a-key", api_url=api_url).balance)
    # Scripts that put every field in a GET query string are served the same.
    query = urllib.parse.urlencode(
        {"key": client.api_key, "action": "status", "orders": f"{first['order']},{second['order']}"}
    )
    async with aiohttp.ClientSession() as session, session.get(f"{api_url}?{query}") as got:
        assert got.status == 200
        assert set(await got.json()) == {str(first["order"]), str(second["order"])}
    charged = sum(o.charge for o in await h.services.stores.orders.list_orders(buyer))
    assert await h.services.stores.wallets.balance(buyer) == Decimal(40) - charged

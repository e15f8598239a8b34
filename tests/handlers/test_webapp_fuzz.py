"""Every Mini App endpoint and parameter, fuzzed with Hypothesis: whatever arrives (non-digit
and huge ids, non-ASCII tokens and init data, JSON of the wrong types), the answer is a 4xx
with a clear error or a 2xx — never a 500."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import mini_app_over
from bot.web import add_mini_app, create_side_app
from bot.webapp.context import CHILD_MINI_APPS, MiniApp
from tests.conftest import Harness
from tests.fakes import TOKEN
from tests.webapp_support import signed_init_data

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=10,
)
PATH_IDS = st.one_of(
    st.integers(min_value=0, max_value=10**40).map(str),
    st.text(alphabet="0123456789abc-é%._", min_size=1, max_size=30),
)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
USER = 7_700_001


@pytest_asyncio.fixture
async def client(harness: Harness) -> AsyncIterator[TestClient[Any, Any]]:
    loose = harness.services.settings.model_copy(update={"throttle_rate_per_second": 10_000.0})
    app = create_side_app(
        harness.services.db.ping,
        lambda: True,
        loose,
        None,
        mini_app_over(harness.services, harness.bot, loose),
    )
    async with TestClient(TestServer(app)) as test_client:
        yield test_client


def auth() -> dict[str, str]:
    return {"X-Telegram-Init-Data": signed_init_data(TOKEN, USER)}


def _clear(status: int, text: str) -> None:
    assert status < 500, text
    if status >= 400:
        assert "error" in json.loads(text), text


@FUZZ
@given(
    body=st.one_of(
        JSON_VALUES,
        st.fixed_dictionaries(
            {
                "service_id": JSON_VALUES,
                "answers": JSON_VALUES,
                "token": JSON_VALUES,
                "price": JSON_VALUES,
                "link": JSON_VALUES,
            }
        ),
    ),
    endpoint=st.sampled_from(["quote", "orders", "topup", "plans/1/subscribe"]),
)
async def test_posted_json_of_any_shape(
    client: TestClient[Any, Any], body: Any, endpoint: str
) -> None:
    answer = await client.post(f"/app/api/{endpoint}", json=body, headers=auth())
    _clear(answer.status, await answer.text())


@FUZZ
@given(
    raw=st.binary(max_size=200),
    endpoint=st.sampled_from(["quote", "orders", "topup", "plans/1/subscribe"]),
)
async def test_posted_bytes_that_are_not_json(
    client: TestClient[Any, Any], raw: bytes, endpoint: str
) -> None:
    answer = await client.post(f"/app/api/{endpoint}", data=raw, headers=auth())
    _clear(answer.status, await answer.text())


@FUZZ
@given(
    service_id=PATH_IDS,
    order_id=PATH_IDS,
    action=st.sampled_from(["refill", "cancel", "refresh"]),
    query=st.dictionaries(
        st.sampled_from(["q", "category", "type", "platform", "max", "offset"]),
        st.text(max_size=40),
        max_size=6,
    ),
)
async def test_paths_and_queries(
    client: TestClient[Any, Any],
    service_id: str,
    order_id: str,
    action: str,
    query: dict[str, str],
) -> None:
    for method, url, params in [
        ("GET", "/app/api/me", {}),
        ("GET", "/app/api/categories", {}),
        ("GET", "/app/api/services", query),
        ("GET", f"/app/api/services/{service_id}", {}),
        ("GET", "/app/api/orders", {}),
        ("POST", f"/app/api/orders/{order_id}/{action}", {}),
        ("GET", "/app/api/plans", {}),
        ("POST", f"/app/api/plans/{service_id}/subscribe", {}),
        ("POST", f"/app/api/plans/mine/{order_id}/{action}", {}),
    ]:
        answer = await client.request(method, url, params=params, headers=auth())
        _clear(answer.status, await answer.text())


@FUZZ
@given(init_data=st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=300))
async def test_any_init_data_is_refused_cleanly(
    client: TestClient[Any, Any], init_data: str
) -> None:
    headers = {
        "X-Telegram-Init-Data": init_data.encode("utf-8", "surrogatepass").decode(
            "latin-1", "replace"
        )
    }
    answer = await client.get("/app/api/me", headers=headers)
    assert answer.status == 401, await answer.text()


async def test_a_body_nested_past_any_reason_is_a_400(client: TestClient[Any, Any]) -> None:
    """Issue 34: 100,000 `[` was a RecursionError inside `json`, answered 500."""
    for raw in ("[" * 100_000, '{"a":' * 50_000, "[" * 40 + "]" * 40):
        answer = await client.post("/app/api/quote", data=raw, headers=auth())
        assert answer.status == 400, raw[:10]
        _clear(answer.status, await answer.text())


async def test_a_body_past_the_size_limit_is_a_4xx(client: TestClient[Any, Any]) -> None:
    """Bodies are bounded in size too (issue 34): 2 MB of JSON is refused before it is read."""
    huge = '{"service_id": 1, "answers": {"comments": "' + "x" * 2_000_000 + '"}}'
    answer = await client.post(
        "/app/api/quote", data=huge, headers={**auth(), "Content-Type": "application/json"}
    )
    assert 400 <= answer.status < 500


@FUZZ
@given(shop=st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=60))
async def test_any_shop_a_page_names_is_served_or_refused_cleanly(
    harness: Harness, shop: str
) -> None:
    """A child shop's page names its child in X-Shop: a child running here is served (its
    own init data), any other text is a 404 with the reason — never a 500."""
    page = mini_app_over(harness.services, harness.bot)

    async def children(bot_id: int) -> MiniApp | None:
        return page if bot_id == 42 else None

    app = create_side_app(harness.services.db.ping, lambda: True, harness.services.settings)
    add_mini_app(app, page)
    app[CHILD_MINI_APPS] = children
    header = shop.encode("utf-8", "surrogatepass").decode("latin-1", "replace")
    async with TestClient(TestServer(app)) as client:
        answer = await client.get("/app/api/me", headers={**auth(), "X-Shop": header})
        _clear(answer.status, await answer.text())
        assert answer.status in (200, 404), header
        for named, status in (("42", 200), ("43", 404), ("", 200)):  # "": this shop's page
            found = await client.get("/app/api/me", headers={**auth(), "X-Shop": named})
            assert found.status == status, named

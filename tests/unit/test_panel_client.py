"""The panel adapter against the seed documents and real-world quirks (bot/core/panels/)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from pydantic import SecretStr

from bot.core.logs import RedactSecrets
from bot.core.panels import (
    BadLinkError,
    DuplicateOrderError,
    MalformedResponseError,
    NotFoundError,
    OrderState,
    OrderStatus,
    PanelAuthError,
    PanelClient,
    PanelFundsError,
    PanelUnavailableError,
    PlacementUncertainError,
    QuantityError,
    RateLimitedError,
    RefillStatus,
    UnknownServiceError,
)
from bot.sandbox import SandboxPanel

KEY = "super-secret-panel-key-123"


SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def client_for(
    handler: Callable[[httpx.Request, dict[str, str]], httpx.Response], **kwargs: Any
) -> tuple[PanelClient, list[dict[str, str]]]:
    seen: list[dict[str, str]] = []

    def record(request: httpx.Request) -> httpx.Response:
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        seen.append(form)
        return handler(request, form)

    http = httpx.AsyncClient(transport=httpx.MockTransport(record))
    return PanelClient(
        http, "https://panel.test/api/v2", SecretStr(KEY), backoff_seconds=0, **kwargs
    ), seen


def answering(
    payload: Any, status: int = 200
) -> Callable[[httpx.Request, dict[str, str]], httpx.Response]:
    return lambda request, form: httpx.Response(status, json=payload)


# The seed documents' example answers, verbatim.
SERVICES = [
    {
        "service": 1,
        "name": "Followers",
        "type": "Default",
        "category": "First Category",
        "rate": "0.90",
        "min": "50",
        "max": "10000",
        "refill": True,
        "cancel": True,
    },
    {
        "service": 2,
        "name": "Comments",
        "type": "Custom Comments",
        "category": "Second Category",
        "rate": "8",
        "min": "10",
        "max": "1500",
        "refill": False,
        "cancel": True,
    },
]


STATUS = {
    "charge": "0.27819",
    "start_count": "3572",
    "status": "Partial",
    "remains": "157",
    "currency": "USD",
}


MULTI_STATUS = {
    "1": STATUS,
    "10": {"error": "Incorrect order ID"},
    "100": {
        "charge": "1.44219",
        "start_count": "234",
        "status": "In progress",
        "remains": "10",
        "currency": "USD",
    },
}


MULTI_REFILL = [
    {"order": 1, "refill": 1},
    {"order": 2, "refill": 2},
    {"order": 3, "refill": {"error": "Incorrect order ID"}},
]


MULTI_REFILL_STATUS = [
    {"refill": 1, "status": "Completed"},
    {"refill": 2, "status": "Rejected"},
    {"refill": 3, "status": {"error": "Refill not found"}},
]


CANCEL = [{"order": 9, "cancel": {"error": "Incorrect order ID"}}, {"order": 2, "cancel": 1}]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside this checkout")
def test_the_seed_documents_carry_these_examples() -> None:
    text = " ".join(path.read_text() for path in SEEDS.glob("*.txt"))
    for fragment in (
        '"rate": "0.90"',
        '"charge": "0.27819"',
        '"Refill not found"',
        '"balance": "100.84292"',
    ):
        assert fragment in text or fragment.replace(": ", ":") in text.replace(": ", ":")


async def test_seed_services_parse_with_decimal_rates() -> None:
    panel, seen = client_for(answering(SERVICES))
    services = await panel.services()
    assert [s.id for s in services] == [1, 2]
    assert services[0].rate == Decimal("0.90")
    assert isinstance(services[0].rate, Decimal)
    assert (services[1].min, services[1].max, services[1].refill, services[1].cancel) == (
        10,
        1500,
        False,
        True,
    )
    assert seen == [{"key": KEY, "action": "services"}]


async def test_seed_single_and_multi_status() -> None:
    panel, _ = client_for(answering(STATUS))
    state = await panel.status(1)
    assert (state.status, state.charge, state.remains, state.start_count) == (
        OrderStatus.PARTIAL,
        Decimal("0.27819"),
        157,
        3572,
    )
    panel, seen = client_for(answering(MULTI_STATUS))
    results = await panel.statuses([1, 10, 100])
    assert results[1].status is OrderStatus.PARTIAL  # type: ignore[union-attr]
    assert isinstance(results[10], NotFoundError)
    assert results[100].status is OrderStatus.IN_PROGRESS  # type: ignore[union-attr]
    assert seen[0]["orders"] == "1,10,100"


async def test_seed_refills_refill_statuses_cancel_and_balance() -> None:
    panel, _ = client_for(answering({"refill": "1"}))
    assert await panel.refill(1) == 1
    panel, _ = client_for(answering(MULTI_REFILL))
    refills = await panel.refills([1, 2, 3])
    assert refills[1] == 1
    assert refills[2] == 2
    assert isinstance(refills[3], NotFoundError)
    panel, _ = client_for(answering({"status": "Completed"}))
    assert (await panel.refill_status(1)).status is RefillStatus.COMPLETED
    panel, _ = client_for(answering(MULTI_REFILL_STATUS))
    states = await panel.refill_statuses([1, 2, 3])
    assert states[1].status is RefillStatus.COMPLETED  # type: ignore[union-attr]
    assert states[2].status is RefillStatus.REJECTED  # type: ignore[union-attr]
    assert isinstance(states[3], NotFoundError)
    panel, seen = client_for(answering(CANCEL))
    cancels = await panel.cancel([9, 2])
    assert cancels[2] is True
    assert isinstance(cancels[9], NotFoundError)
    assert seen[0]["orders"] == "9,2"
    assert "order" not in seen[0]
    panel, _ = client_for(answering({"balance": "100.84292", "currency": "USD"}))
    balance = await panel.balance()
    assert balance.balance == Decimal("100.84292")
    assert balance.currency == "USD"


async def test_quirks_numbers_flags_statuses_and_broken_items() -> None:
    quirky = [
        {
            "service": "7",
            "name": "Likes &amp; more 🇺🇸",
            "type": "Default",
            "category": "X",
            "rate": 0.1,
            "min": 10,
            "max": 2147483647,
            "refill": "1",
            "cancel": 0,
            "desc": "fast",
        },
        {"service": 8, "name": "Broken", "rate": "abc", "min": "x"},
    ]
    panel, _ = client_for(answering(quirky))
    [service] = await panel.services()
    assert service.name == "Likes & more 🇺🇸"
    assert service.rate == Decimal("0.1")
    assert (service.refill, service.cancel, service.max, service.description) == (
        True,
        False,
        2147483647,
        "fast",
    )
    weird = {
        "5": {"status": "in progress", "remains": "Unknown", "start_count": ""},
        "6": {"status": "Cancelled", "remains": -5},
        "7": {"status": "Exploded"},
    }
    panel, _ = client_for(answering(weird))
    results = await panel.statuses([5, 6, 7])
    five, six, seven = results[5], results[6], results[7]
    assert (
        isinstance(five, OrderState)
        and isinstance(six, OrderState)
        and isinstance(seven, OrderState)
    )
    assert five.status is OrderStatus.IN_PROGRESS
    assert five.remains is None
    assert six.status is OrderStatus.CANCELED
    assert seven.status is OrderStatus.UNKNOWN
    assert not OrderStatus.UNKNOWN.is_final


async def test_250_ids_take_3_calls_of_at_most_100() -> None:
    def handler(request: httpx.Request, form: dict[str, str]) -> httpx.Response:
        ids = form["orders"].split(",")
        return httpx.Response(200, json={i: {"status": "Pending", "remains": "5"} for i in ids})

    panel, seen = client_for(handler)
    results = await panel.statuses(list(range(1, 251)))
    assert len(seen) == 3
    assert [len(call["orders"].split(",")) for call in seen] == [100, 100, 50]
    assert len(results) == 250


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Invalid API key", PanelAuthError),
        ("Not enough funds on balance", PanelFundsError),
        ("neworder.error.not_enough_funds", PanelFundsError),
        ("Bad link", BadLinkError),
        ("neworder.error.link_duplicate", DuplicateOrderError),
        (
            "You have active order with this link. Please wait until order being completed.",
            DuplicateOrderError,
        ),
        ("Quantity less than minimal 50", QuantityError),
        ("neworder.error.min_quantity", QuantityError),
        ("Incorrect service ID", UnknownServiceError),
        ("Incorrect order ID", NotFoundError),
    ],
)
async def test_error_texts_and_keys_map_to_kinds(text: str, kind: type) -> None:
    panel, _ = client_for(answering({"error": text}))
    with pytest.raises(kind):
        await panel.add(1, {"link": "https://x.y/z", "quantity": "100"})
    panel, _ = client_for(answering({"error": text}, status=400))
    with pytest.raises(kind):
        await panel.add(1, {"link": "https://x.y/z", "quantity": "100"})


async def test_a_timed_out_add_is_sent_exactly_once_and_is_uncertain() -> None:
    def handler(request: httpx.Request, form: dict[str, str]) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    panel, seen = client_for(handler)
    with pytest.raises(PlacementUncertainError):
        await panel.add(1, {"link": "https://x.y/z", "quantity": "100"})
    assert len(seen) == 1


@pytest.mark.parametrize("status", [500, 502, 504])
async def test_an_add_answered_with_an_html_page_is_uncertain(status: int) -> None:
    panel, seen = client_for(lambda r, f: httpx.Response(status, text="<html>Cloudflare</html>"))
    with pytest.raises(PlacementUncertainError):
        await panel.add(1, {"link": "https://x.y/z", "quantity": "100"})
    assert len(seen) == 1


async def test_an_add_that_never_connected_is_not_uncertain() -> None:
    def handler(request: httpx.Request, form: dict[str, str]) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    panel, _ = client_for(handler)
    with pytest.raises(PanelUnavailableError):
        await panel.add(1, {"link": "https://x.y/z", "quantity": "100"})


async def test_an_html_503_on_a_read_is_unavailable_after_bounded_retries() -> None:
    panel, seen = client_for(
        lambda r, f: httpx.Response(503, text="<!DOCTYPE html><h1>503</h1>"), read_attempts=3
    )
    with pytest.raises(PanelUnavailableError):
        await panel.balance()
    assert len(seen) == 3


async def test_reads_retry_then_succeed_and_rate_limits_carry_retry_after() -> None:
    answers = [
        httpx.Response(429, json={"error": "Too many requests"}, headers={"Retry-After": "0"}),
        httpx.Response(200, json={"balance": "1", "currency": "EUR"}),
    ]
    panel, seen = client_for(lambda r, f: answers.pop(0))
    assert (await panel.balance()).currency == "EUR"
    assert len(seen) == 2
    panel, _ = client_for(
        lambda r, f: httpx.Response(429, json={"error": "slow"}, headers={"Retry-After": "7"}),
        read_attempts=1,
    )
    with pytest.raises(RateLimitedError) as caught:
        await panel.balance()
    assert caught.value.retry_after == 7


async def test_garbage_json_is_malformed_not_a_crash() -> None:
    panel, _ = client_for(answering({"unexpected": True}))
    with pytest.raises(MalformedResponseError):
        await panel.balance()
    panel, _ = client_for(answering("surprise"))
    with pytest.raises(MalformedResponseError):
        await panel.services()


async def test_the_key_never_reaches_logs_errors_or_reprs(caplog: pytest.LogCaptureFixture) -> None:
    echo = {"error": f"Invalid API key {KEY}"}
    panel, _ = client_for(answering(echo))
    caplog.handler.addFilter(RedactSecrets([KEY]))
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("test").info("panel is %r", panel)
        with pytest.raises(PanelAuthError) as caught:
            await panel.balance()
        logging.getLogger("test").error(
            "failed: %s", caught.value, extra={"detail": caught.value.detail}
        )
        logging.getLogger("test").error("raw %s", KEY)
    assert KEY not in str(caught.value)
    assert KEY not in repr(panel)
    assert KEY not in caplog.text
    assert "***" in caplog.text


async def test_against_the_sandbox_over_real_http(sandbox_url: tuple[SandboxPanel, str]) -> None:
    sandbox, url = sandbox_url
    async with httpx.AsyncClient() as http:
        panel = PanelClient(http, url, SecretStr("sandbox-key"))
        services = await panel.services()
        types = {s.type for s in services}
        assert {
            "Default",
            "Package",
            "Subscriptions",
            "Web Traffic",
            "Custom Comments",
            "Poll",
        } <= types
        order_id = await panel.add(
            1, {"link": "https://instagram.com/sandbox_real", "quantity": "100"}
        )
        state = await panel.status(order_id)
        assert state.status is OrderStatus.PENDING
        assert state.currency == "USD"
        many = await panel.statuses([order_id, 999999])
        assert isinstance(many[999999], NotFoundError)
        with pytest.raises(DuplicateOrderError):
            await panel.add(1, {"link": "https://instagram.com/sandbox_real", "quantity": "100"})
        with pytest.raises(QuantityError):
            await panel.add(1, {"link": "https://instagram.com/q", "quantity": "1"})
        with pytest.raises(BadLinkError):
            await panel.add(1, {"link": "nope", "quantity": "100"})
        assert (await panel.balance()).balance < Decimal(1000)
        bad = PanelClient(http, url, SecretStr("wrong"))
        with pytest.raises(PanelAuthError):
            await bad.balance()
    logged = [r for r in sandbox.state.requests if r.get("action") == "add"]
    assert logged
    assert all("key" not in r for r in logged)
    assert json.dumps(logged).count("sandbox_real") >= 2


QUIRKY_SERVICES = [
    {"service": "7", "name": "Likes &amp; Views ", "rate": 0.1, "min": "10", "max": 1000.0},
    {
        "service": 8,
        "name": "Followers",
        "type": "Custom Comments",
        "category": "IG",
        "rate": "1.25",
        "min": 5,
        "max": "500",
        "refill": "true",
        "cancel": 1,
        "desc": "Real accounts",
    },
]


async def test_a_broken_service_is_skipped_and_the_rest_read_as_in_a_clean_catalog() -> None:
    clean, _ = client_for(answering(QUIRKY_SERVICES))
    broken = {"service": 9, "name": "Broken", "rate": "n/a", "min": 1, "max": 2}
    mixed, _ = client_for(answering([QUIRKY_SERVICES[0], broken, QUIRKY_SERVICES[1]]))
    read_clean, read_mixed = await clean.services(), await mixed.services()
    assert read_mixed == read_clean
    likes, followers = read_clean
    assert (likes.id, likes.name, likes.rate, likes.min, likes.max) == (
        7,
        "Likes & Views",
        Decimal("0.1"),
        10,
        1000,
    )
    assert (followers.type, followers.refill, followers.cancel, followers.description) == (
        "Custom Comments",
        True,
        True,
        "Real accounts",
    )


async def test_an_error_answer_to_services_is_the_panels_error_not_an_empty_catalog() -> None:
    panel, _ = client_for(answering({"error": "Invalid API key"}))
    with pytest.raises(PanelAuthError):
        await panel.services()

"""What a panel sends as a number is a stranger's data (issue 34): a count or price that is
not a finite number the shop can store is unknown, never an exception."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

from bot.core.panels import MalformedResponseError, OrderState, PlacementUncertainError, Service
from tests.unit.test_panel_client import client_for


def answering(payload: Any):
    """JSON as a panel's PHP writes it: Python's encoder, Infinity and NaN included."""
    body = json.dumps(payload).encode()
    return lambda request, form: httpx.Response(200, content=body)


GOOD = {"service": 1, "name": "Views", "rate": "0.90", "min": "10", "max": "1000"}
NOT_A_COUNT = [
    "Infinity",
    "-Infinity",
    "NaN",
    "1e30",
    "9" * 40,
    "8300000000000000000000",
    float("inf"),
    10**30,
    "-5",
    {"value": 3},
    [1],
    True,
    "12abc",
    "",
    None,
]


@pytest.mark.parametrize("value", NOT_A_COUNT)
def test_a_count_that_is_not_a_storable_number_is_unknown(value: Any) -> None:
    state = OrderState.model_validate(
        {"status": "In progress", "start_count": value, "remains": value}
    )
    assert state.start_count is None
    assert state.remains is None


@pytest.mark.parametrize(
    ("value", "read"),
    [("8300000000", 8_300_000_000), (8_300_000_000, 8_300_000_000), ("120.0", 120), (" 7 ", 7)],
)
def test_a_big_but_real_count_is_kept(value: Any, read: int) -> None:
    # A YouTube video with 8.3 billion views: more than 32 bits, well within 64.
    state = OrderState.model_validate({"status": "Pending", "start_count": value})
    assert state.start_count == read


@pytest.mark.parametrize("field", ["min", "max", "rate", "service"])
@pytest.mark.parametrize("value", ["Infinity", "NaN", "1e400", "-1", float("inf"), {"a": 1}])
async def test_a_service_with_a_number_out_of_range_is_skipped_not_fatal(
    field: str, value: Any
) -> None:
    broken = {**GOOD, "service": 2, field: value}
    client, _ = client_for(answering([broken, GOOD]))
    services = await client.services()
    assert [s.id for s in services] == [1]


def test_a_service_rate_is_a_finite_decimal() -> None:
    service = Service.from_panel({**GOOD, "rate": 0.1})
    assert service.rate == Decimal("0.1")
    assert service.max == 1000


@pytest.mark.parametrize("order", ["1e30", "9" * 30, "Infinity", -3, 0, "12.5"])
async def test_an_add_answered_with_an_order_id_out_of_range_is_uncertain_not_a_crash(
    order: Any,
) -> None:
    client, _ = client_for(answering({"order": order}))
    with pytest.raises(PlacementUncertainError):
        await client.add(1, {"link": "https://x.y/a", "quantity": "100"})


@pytest.mark.parametrize("refill", ["1e30", "9" * 30, "Infinity", -3, {"x": 1}])
async def test_a_refill_id_out_of_range_is_malformed(refill: Any) -> None:
    client, _ = client_for(answering({"refill": refill}))
    with pytest.raises(MalformedResponseError):
        await client.refill(5)


async def test_a_multi_status_item_with_a_poisoned_field_does_not_spoil_the_others() -> None:
    payload = {
        "1": {"status": "Completed", "remains": "0", "start_count": "8300000000"},
        "2": {"status": "Partial", "remains": "Infinity", "charge": "NaN"},
        "3": {"status": {"deep": ["x"]}},
        "4": "nonsense",
    }
    client, _ = client_for(answering(payload))
    result = await client.statuses([1, 2, 3, 4])
    assert isinstance(result[1], OrderState) and result[1].start_count == 8_300_000_000
    assert isinstance(result[2], OrderState) and result[2].remains is None
    assert result[2].charge is None
    assert isinstance(result[4], MalformedResponseError)

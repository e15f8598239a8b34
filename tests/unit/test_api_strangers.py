"""The shop's API v2 under strangers (issue 34): no catalog yet, floods of unknown keys."""

from __future__ import annotations

from typing import Any

import pytest

from bot.core.catalog.cache import CatalogCache, CatalogUnavailableError
from bot.core.panels import Service
from bot.core.reselling.api import UNAVAILABLE, ApiError, ResellerApi
from bot.ui.rate_limit import TokenBuckets


async def _no_catalog() -> list[Service]:
    raise CatalogUnavailableError("the panel is down")


@pytest.mark.parametrize(
    "params",
    [
        {"action": "services"},
        {"action": "add", "service": "1", "link": "https://instagram.com/a", "quantity": "100"},
    ],
)
async def test_before_any_catalog_loaded_services_and_add_say_unavailable(
    params: dict[str, str],
) -> None:
    """It was a plain-text 500 for `services` and "Incorrect service ID" for `add`."""
    stub: Any = None
    api = ResellerApi(CatalogCache(_no_catalog), stub, stub, stub, stub, stub, stub, stub)
    with pytest.raises(ApiError) as refused:
        await api.answer(7, params)
    assert refused.value.words == UNAVAILABLE


def test_the_bucket_table_has_a_fixed_size_under_a_flood_of_new_keys() -> None:
    buckets = TokenBuckets(rate_per_second=10, burst=20, kept=1000)
    for key in range(50_000):
        buckets.take(key, now=1.0)  # all at once: none is idle yet
    assert len(buckets) <= 1001

"""The catalog and its cache (bot/core/catalog/cache.py)."""

from __future__ import annotations

import gc
import json

import httpx
import pytest
from pydantic import SecretStr

from bot.core.catalog.cache import Catalog, CatalogCache, CatalogUnavailableError
from bot.core.panels import PanelClient, PanelUnavailableError, Service
from bot.process import release_free_memory
from bot.sandbox.catalog import build_catalog
from tests.factories import (
    service,
)


def test_catalog_of_5000_services_indexes_by_category_and_id() -> None:
    services = [Service.from_panel(item) for item in build_catalog(5000)]
    catalog = Catalog.build(services)
    assert len(catalog.by_id) == 5000
    assert sum(len(c.services) for c in catalog.categories) == 5000
    big = next(c for c in catalog.categories if len(c.services) == 1000)
    assert catalog.by_category_key[big.key] is big
    assert catalog.search("poll votes")[0].type == "Poll"


async def test_catalog_cache_serves_the_last_good_copy_when_a_refresh_fails() -> None:
    calls = 0
    now = [0.0]

    async def fetch() -> list[Service]:
        nonlocal calls
        calls += 1
        if calls > 1:
            raise PanelUnavailableError("down")
        return [service()]

    cache = CatalogCache(fetch, ttl_seconds=10, clock=lambda: now[0])
    first = await cache.get()
    assert await cache.get() is first
    assert calls == 1
    now[0] = 100
    assert await cache.refresh() is first  # failed refresh: last good copy
    assert calls == 2


async def test_catalog_cache_without_any_copy_says_unavailable() -> None:
    async def fetch() -> list[Service]:
        raise PanelUnavailableError("down")

    with pytest.raises(CatalogUnavailableError):
        await CatalogCache(fetch).get()


async def test_the_first_catalog_leaves_no_panel_answer_behind() -> None:
    """The answer (megabytes for a big catalog) sits in a cycle httpx makes; the load frees
    it instead of freezing it for the life of the process."""
    body = json.dumps(build_catalog(5000)).encode()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    async with httpx.AsyncClient(transport=transport) as http:
        panel = PanelClient(http, "https://catalog-answer.test/api/v2", SecretStr("k"))
        catalog = await CatalogCache(panel.services, after_load=release_free_memory).get()
    gc.unfreeze()  # look among frozen objects too, without collecting anything
    answers = [
        o
        for o in gc.get_objects()
        if isinstance(o, httpx.Response) and o.request.url.host == "catalog-answer.test"
    ]
    assert len(catalog.services) == 5000
    assert answers == []

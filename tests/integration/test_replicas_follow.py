"""Two replicas on one PostgreSQL: what an admin curates or prices through one, the other's
customers see within a few seconds (bot/app.py: _follow_other_replicas)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path

import pytest_asyncio

from bot.app import Services, build_services
from bot.core.catalog.curation import Flag
from bot.core.settings import SANDBOX_API_KEY, Settings
from bot.sandbox import SandboxPanel, start_sandbox
from tests.backends import fresh_database_url
from tests.fakes import TOKEN

SEO = 3


@pytest_asyncio.fixture
async def replicas(tmp_path: Path) -> AsyncIterator[tuple[Services, Services]]:
    url = await fresh_database_url("postgres")
    runner, panel = await start_sandbox(SandboxPanel(step_seconds=3600))
    settings = Settings(
        bot_token=TOKEN,
        panel_api_url=panel,
        panel_api_key=SANDBOX_API_KEY,
        database_path=tmp_path / "unused.sqlite3",
        database_url=url,
        _env_file=None,
    )
    first, second = await build_services(settings), await build_services(settings)
    for services in (first, second):
        await services.catalog.get()
    yield first, second
    for services in (first, second):
        await services.close()
    await runner.cleanup()


async def test_curation_and_prices_made_on_one_replica_reach_the_other(
    replicas: tuple[Services, Services],
) -> None:
    one, other = replicas
    await one.curation.set_flag(1, SEO, Flag.HIDDEN, True)
    assert (await one.catalog.get()).by_id.get(SEO) is None
    assert (await other.catalog.get()).by_id.get(SEO) is not None  # not yet
    assert await other.curation.follow()
    assert (await other.catalog.get()).by_id.get(SEO) is None
    assert not await other.curation.follow()  # nothing new: no rebuild

    await one.pricing.set_hand_price(SEO + 1, Decimal("9.99"))
    assert await other.pricing.load()
    service = await other.catalog.service(SEO + 1)
    assert service is not None and other.pricing.rate(service) == Decimal("9.99")
    assert not await other.pricing.load()


async def test_a_setting_the_owner_changes_on_one_replica_rebuilds_the_other(
    replicas: tuple[Services, Services],
) -> None:
    one, other = replicas
    assert not await other.configuration.follow()  # nothing changed: no rebuild
    change = await one.configuration.change(1, {"stars_per_usd": "70"})
    assert change.ok
    assert await other.configuration.follow()  # the runner rebuilds it with the change
    rebuilt = await build_services(other.configuration.env)
    try:
        assert str(rebuilt.settings.stars_per_usd) == "70"
        assert not await rebuilt.configuration.follow()
    finally:
        await rebuilt.close()

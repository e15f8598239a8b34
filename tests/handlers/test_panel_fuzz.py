"""What a panel answers `services` and `add`, fuzzed (issue 34), through the real client into
the catalog (with curation and the autopilot's record) and the checkout. The invariant: no
exception escapes and nothing is logged as an error, the catalog keeps what it can sell, and
a placement charges once — kept only when the panel may have placed it, never re-sent."""

from __future__ import annotations

import itertools
import logging
import uuid
from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from hypothesis import HealthCheck, given, settings

from bot.core.catalog.cache import CatalogUnavailableError
from bot.core.domain import NewOrder, Stage
from bot.core.ordering.forms import fields_for, is_orderable
from bot.core.ordering.placing import Outcome
from tests.backends import BACKENDS
from tests.conftest import Harness, open_harness
from tests.handlers.flows import add_requests
from tests.strangers import ADD_ANSWER, SERVICES_ANSWER

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_users = itertools.count(700_000)


@pytest_asyncio.fixture(scope="module", params=BACKENDS)
async def shop(request: pytest.FixtureRequest, tmp_db_dir: Path) -> AsyncIterator[Harness]:
    async with open_harness(request.param, tmp_db_dir, catalog_ttl_seconds=3600) as opened:
        yield opened


@pytest_asyncio.fixture(scope="module", params=BACKENDS)
async def fuzzed_catalog(
    request: pytest.FixtureRequest, tmp_db_dir: Path
) -> AsyncIterator[Harness]:
    """A shop whose catalog each example replaces and none restores (restoring the sandbox's
    2,000 services after every example was half the test's time)."""
    async with open_harness(request.param, tmp_db_dir, catalog_ttl_seconds=3600) as opened:
        yield opened


@FUZZ
@given(answer=SERVICES_ANSWER)
async def test_any_services_answer_leaves_a_catalog_that_sells_or_none_and_no_error(
    fuzzed_catalog: Harness, answer: Any, caplog: pytest.LogCaptureFixture
) -> None:
    h = fuzzed_catalog
    caplog.clear()
    h.sandbox.state.forced_answers["services"] = answer
    try:
        with caplog.at_level(logging.ERROR):
            try:
                catalog = await h.services.catalog.refresh()
            except CatalogUnavailableError:
                catalog = None
            for service in catalog.services if catalog else ():
                assert 0 < service.id < 2**31 and service.min >= 0 and service.max < 2**31
                assert service.rate.is_finite()
                if is_orderable(service):
                    fields_for(service)
                    h.services.pricing.price(service, max(service.min, 1))
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    finally:
        h.sandbox.state.forced_answers.clear()


@FUZZ
@given(answer=ADD_ANSWER)
async def test_any_add_answer_charges_once_and_keeps_the_money_only_if_maybe_placed(
    shop: Harness, answer: Any
) -> None:
    h = shop
    user_id = next(_users)
    await h.fund(user_id, "5")
    h.sandbox.state.forced_answers["add"] = answer
    sent = len(add_requests(h))
    try:
        placement = await h.services.ordering.place(
            NewOrder(
                user_id=user_id,
                client_token=uuid.uuid4().hex,
                service_id=1,
                service_name="Followers",
                service_type="Default",
                category="C",
                link=f"https://instagram.com/p/fuzz{user_id}",
                fields={"link": f"https://instagram.com/p/fuzz{user_id}", "quantity": "100"},
                quantity=100,
                charge=Decimal(1),
                cost=Decimal("0.09"),
                currency="USD",
            )
        )
    finally:
        h.sandbox.state.forced_answers.clear()
    assert len(add_requests(h)) == sent + 1  # sent once, never again
    balance = await h.services.stores.wallets.balance(user_id)
    order = (
        await h.services.stores.orders.get_order(placement.order_id) if placement.order_id else None
    )
    if placement.outcome is Outcome.PLACED:
        assert order is not None and order.stage is Stage.PENDING
        assert order.panel_order_id is not None and 0 < order.panel_order_id < 2**63
        assert balance == Decimal(4)
    elif placement.outcome is Outcome.UNCERTAIN:
        assert order is not None and order.stage is Stage.UNCERTAIN
        assert balance == Decimal(4)  # held for admins, never re-sent
    else:
        assert placement.outcome in {Outcome.REJECTED, Outcome.UNAVAILABLE}
        assert balance == Decimal(5)

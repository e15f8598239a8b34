from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.backends import BACKENDS, fresh_database_url
from tests.e2e.stand import ADMIN_ID, Customer, Stand


@pytest.fixture(scope="module", params=BACKENDS)
def stand(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stand]:
    """The whole bot on each storage backend in turn."""
    database_url = asyncio.run(fresh_database_url(request.param))
    extra = {"DATABASE_URL": database_url} if database_url else {}
    running = Stand(Path(tmp_path_factory.mktemp("stand")), extra_env=extra)
    try:
        yield running.start()
    finally:
        running.stop()


@pytest.fixture(scope="module")
def admin(stand: Stand) -> Customer:
    admin = Customer(stand, ADMIN_ID, first_name="Admin")
    admin.ask("/start", "Hello")
    return admin


_next_user = iter(range(5000, 10**6))


@pytest.fixture
def customer(stand: Stand, admin: Customer) -> Customer:
    """A new customer with 100 USD credited by the admin, as a reseller would."""
    person = Customer(stand, next(_next_user))
    person.ask("/start", "Hello")
    admin.ask(f"/credit {person.id} 100 e2e", f"Wallet of {person.id}")
    return person

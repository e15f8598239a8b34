"""Child shops on PostgreSQL (issue 35): each child's stores in a schema of its own, over the
parent's one pool of connections — isolation by separate tables, not by a tenant column; a
connection that served one shop serves the next with that shop's tables, even when shops'
statements interleave on the same few connections."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path

import asyncpg
import pytest
import pytest_asyncio

from bot.core.storage import Database
from bot.core.storage.backup import BackupSource
from bot.core.storage.db import HEAD_REVISION
from bot.core.storage.kv import KeyValueStore
from bot.core.stores import Stores
from tests.backends import fresh_database_url


@pytest_asyncio.fixture
async def parent(tmp_path: Path) -> AsyncIterator[Database]:
    url = await fresh_database_url("postgres")
    opened = await Database.open(tmp_path / "unused.sqlite3", url)
    yield opened
    await opened.close()


def stores(db: Database) -> Stores:
    return Stores.over(db)


async def test_each_child_sees_its_own_tables_only(parent: Database) -> None:
    first = await parent.child("child_101")
    second = await parent.child("child_102")
    assert await first.revision() == HEAD_REVISION
    assert await second.revision() == HEAD_REVISION

    await stores(parent).users.ensure_user(1, "parent_customer", "P")
    await stores(first).users.ensure_user(2, "first_customer", "F")
    await stores(second).users.ensure_user(2, "second_customer", "S")
    await stores(first).wallets.credit(2, Decimal("5.00"), "admin")
    await stores(second).wallets.credit(2, Decimal("7.00"), "admin")

    assert await stores(first).wallets.balance(2) == Decimal("5.00")
    assert await stores(second).wallets.balance(2) == Decimal("7.00")
    assert await stores(parent).wallets.balance(2) == Decimal("0")
    assert await stores(parent).users.get_user(2) is None
    assert await stores(second).users.get_user(1) is None
    assert (await stores(first).users.get_user(2)) is not None

    conn = await asyncpg.connect(parent._url)  # the test's own look at the tables
    try:
        found = await conn.fetch("SELECT schemaname FROM pg_tables WHERE tablename = 'users'")
        schemas = {row[0] for row in found}
    finally:
        await conn.close()
    assert schemas == {"public", "child_101", "child_102"}


async def test_interleaved_shops_on_few_connections_never_mix(parent: Database) -> None:
    """Many shops' reads and writes at once on the pool's connections: each lands in its own
    shop's tables whatever connection it gets and whoever used that connection last."""
    shops = [parent, *[await parent.child(f"child_{n}") for n in range(201, 205)]]
    kv = [KeyValueStore(shop) for shop in shops]

    async def work(index: int, round_: int) -> None:
        await kv[index].set_kv("who", f"shop-{index}")
        async with shops[index].write() as conn:  # a transaction, too
            await conn.execute(
                "INSERT INTO kv (key, value) VALUES (:key, :value)",
                {"key": f"round-{round_}", "value": str(index)},
            )
        assert await kv[index].get_kv("who") == f"shop-{index}"

    await asyncio.gather(*(work(i, r) for r in range(30) for i in range(len(shops))))
    for index, store in enumerate(kv):
        assert await store.get_kv("who") == f"shop-{index}"
        assert {await store.get_kv(f"round-{r}") for r in range(30)} == {str(index)}


async def test_a_child_closed_leaves_the_parent_and_its_siblings_working(parent: Database) -> None:
    first = await parent.child("child_301")
    second = await parent.child("child_302")
    await KeyValueStore(second).set_kv("alive", "yes")
    await first.close()
    assert await KeyValueStore(second).get_kv("alive") == "yes"
    assert await parent.ping()
    again = await parent.child("child_301")  # a child started again finds its tables
    await KeyValueStore(again).set_kv("back", "yes")
    assert await KeyValueStore(again).get_kv("back") == "yes"


async def test_a_wrong_schema_name_is_refused(parent: Database) -> None:
    for name in ('child_1"; DROP TABLE users; --', "", "Child", "x" * 80):
        with pytest.raises(ValueError, match="schema"):
            await parent.child(name)


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="PostgreSQL's client tools")
async def test_a_childs_backup_holds_its_own_tables_only(parent: Database, tmp_path: Path) -> None:
    child = await parent.child("child_401")
    await KeyValueStore(child).set_kv("mine", "child-401-secret-value")
    await KeyValueStore(parent).set_kv("theirs", "parent-only-value")
    made = await BackupSource.of(child).make()
    assert made.filename.endswith(".pgdump")
    dump = tmp_path / made.filename
    dump.write_bytes(made.content)
    as_sql = await asyncio.to_thread(
        lambda: (
            subprocess.run(
                ["pg_restore", "--file=-", str(dump)], capture_output=True, check=True
            ).stdout
        )
    )
    assert b"child-401-secret-value" in as_sql
    assert b"parent-only-value" not in as_sql

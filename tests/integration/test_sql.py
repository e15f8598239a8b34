"""The stores' SQL runs the same on SQLite (the standard driver) and PostgreSQL (SQLAlchemy
over asyncpg): lists in `IN`, row locks, refused writes and failed transactions."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.core.storage.db import Database, IntegrityError, insert_sql
from tests.backends import BACKENDS, fresh_database_url
from tests.integration.support import Env

USER = insert_sql("users", ["id", "is_banned", "is_active", "created_at"])
LEDGER = insert_sql("ledger", ["user_id", "amount_micros", "kind", "ref", "created_at"])


@pytest_asyncio.fixture(params=BACKENDS)
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(
        tmp_path / "sql.sqlite3", await fresh_database_url(request.param)
    )
    async with database.write() as conn:
        await conn.execute(
            USER,
            [{"id": n, "is_banned": False, "is_active": True, "created_at": 0} for n in (1, 2, 3)],
        )
        await conn.execute(
            LEDGER,
            [
                {"user_id": 1, "amount_micros": 5, "kind": "credit", "ref": "a", "created_at": 0},
                {"user_id": 1, "amount_micros": -2, "kind": "order", "ref": "b", "created_at": 0},
                {"user_id": 2, "amount_micros": 7, "kind": "credit", "ref": "c", "created_at": 0},
            ],
        )
    yield database
    await database.close()


async def test_a_list_parameter_matches_its_items_and_an_empty_one_nothing(db: Database) -> None:
    query = "SELECT ref FROM ledger WHERE user_id IN :users AND kind = :kind ORDER BY id"
    async with db.read() as conn:
        both = await conn.execute(query, {"users": [1, 2], "kind": "credit"})
        assert both.scalars().all() == ["a", "c"]
        none = await conn.execute(query, {"users": [], "kind": "credit"})
        assert none.all() == []


async def test_rows_read_by_name_and_position_and_sums_as_numbers(db: Database) -> None:
    async with db.read() as conn:
        row = (await conn.execute("SELECT * FROM users WHERE id = :id", {"id": 1})).mappings().one()
        total = await conn.scalar(
            "SELECT COALESCE(SUM(amount_micros), 0) FROM ledger WHERE user_id = :id", {"id": 1}
        )
        nothing = await conn.scalar(
            "SELECT COALESCE(SUM(amount_micros), 0) FROM ledger WHERE user_id = :id", {"id": 3}
        )
    assert row["id"] == 1
    assert not row["is_banned"]
    assert row["is_active"]
    assert int(total) == 3
    assert int(nothing) == 0


async def test_a_locked_read_inside_a_write_sees_the_write(db: Database) -> None:
    async with db.write() as conn:
        await conn.execute(
            "UPDATE users SET username = :name WHERE id = :id", {"name": "ann", "id": 1}
        )
        locked = await conn.execute(
            "SELECT username FROM users WHERE id = :id FOR UPDATE", {"id": 1}
        )
        assert locked.scalar() == "ann"


async def _rename_and_credit_twice(db: Database) -> None:
    async with db.write() as conn:
        await conn.execute(
            "UPDATE users SET username = :name WHERE id = :id", {"name": "bob", "id": 2}
        )
        # "a" is taken: the ledger's references are unique.
        row = {"user_id": 2, "amount_micros": 1, "kind": "credit", "ref": "a", "created_at": 0}
        await conn.execute(LEDGER, row)


async def _give_up_half_way(db: Database) -> None:
    async with db.write() as conn:
        await conn.execute("DELETE FROM ledger WHERE user_id = :id", {"id": 1})
        raise RuntimeError("the caller gave up half-way")


async def test_a_refused_write_raises_and_leaves_the_transaction_undone(db: Database) -> None:
    with pytest.raises(IntegrityError):
        await _rename_and_credit_twice(db)
    async with db.read() as conn:
        name = await conn.scalar("SELECT username FROM users WHERE id = :id", {"id": 2})
        rows = await conn.scalar("SELECT COUNT(*) FROM ledger")
    assert name is None
    assert rows == 3


async def test_a_failed_write_is_undone_and_the_next_one_works(db: Database) -> None:
    with pytest.raises(RuntimeError):
        await _give_up_half_way(db)
    async with db.write() as conn:
        await conn.execute("UPDATE users SET username = 'cy' WHERE id = :id", {"id": 3})
        rows = await conn.scalar("SELECT COUNT(*) FROM ledger")
    assert rows == 3
    async with db.read() as conn:
        assert await conn.scalar("SELECT username FROM users WHERE id = :id", {"id": 3}) == "cy"


async def test_a_username_found_is_its_current_holders(env: Env) -> None:
    """Issue 34: `/credit @name` could credit the old holder of a username."""
    users = env.stores.users
    await users.ensure_user(9101, "shopper", "Old")
    await users.ensure_user(9102, "shopper", "New")  # the name moved to another account
    found = await users.find_user("@Shopper")
    assert found is not None and found.id == 9102
    old = await users.get_user(9101)
    assert old is not None and old.username is None

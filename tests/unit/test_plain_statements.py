"""Plain statements run on SQLite's driver directly and read exactly as through SQLAlchemy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import bindparam, insert, select

from bot.core.storage.db import Database, plain
from bot.core.storage.tables import held_orders, ledger, users

BY_USER = select(ledger.c.user_id, ledger.c.amount_micros, ledger.c.kind).where(
    ledger.c.user_id == bindparam("user_id")
)
BY_USER_PLAIN = plain(BY_USER.order_by(ledger.c.id))
BY_USER_SQLALCHEMY = BY_USER.order_by(ledger.c.id)


async def test_a_plain_statement_reads_what_sqlalchemy_reads(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "plain.sqlite3")
    try:
        async with db.write() as conn:
            await conn.execute(
                insert(users),
                [{"id": n, "is_banned": False, "is_active": True, "created_at": 0} for n in (1, 2)],
            )
            await conn.execute(
                insert(ledger),
                [
                    {"user_id": 1, "amount_micros": 5, "kind": "credit", "created_at": 0},
                    {"user_id": 1, "amount_micros": -2, "kind": "order", "created_at": 0},
                    {"user_id": 2, "amount_micros": 7, "kind": "credit", "created_at": 0},
                ],
            )
        async with db.read() as conn:
            fast: Any = await conn.execute(BY_USER_PLAIN, {"user_id": 1})
            slow: Any = await conn.execute(BY_USER_SQLALCHEMY, {"user_id": 1})
            assert [tuple(row) for row in fast.all()] == [tuple(row) for row in slow.all()]
            fast = await conn.execute(BY_USER_PLAIN, {"user_id": 1})
            slow = await conn.execute(BY_USER_SQLALCHEMY, {"user_id": 1})
            assert fast.mappings().all() == [dict(row) for row in slow.mappings().all()]
            assert (await conn.execute(BY_USER_PLAIN, {"user_id": 3})).first() is None
    finally:
        await db.close()


async def test_a_statement_whose_values_need_converting_is_refused(tmp_path: Path) -> None:
    """A boolean column turns SQLite's 0/1 into False/True, a float column converts its
    parameter: marking such a statement plain is a mistake caught at its first use, not a
    silent difference."""
    db = await Database.open(tmp_path / "refused.sqlite3")
    flags = plain(select(users.c.is_banned))
    expiring = plain(select(held_orders.c.user_id).where(held_orders.c.expires_at > bindparam("t")))
    try:
        async with db.read() as conn:
            for statement, parameters in ((flags, {}), (expiring, {"t": 0.0})):
                with pytest.raises(TypeError, match="not a plain statement"):
                    await conn.execute(statement, parameters)
    finally:
        await db.close()

"""What every part of the repository shares: the database and the helpers that move money,
change an order's stage or queue a message inside a caller's transaction."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from bot.core.domain import (
    POLLED_STAGES,
    Stage,
    dumps,
)
from bot.core.outbox import OutboxKind
from bot.core.storage.db import Conn, Database
from bot.core.storage.rows import Row

SUM_LEDGER = "SELECT COALESCE(SUM(amount_micros), 0) FROM ledger"
_BALANCE = SUM_LEDGER + " WHERE user_id = :user_id"
ADD_EVENT = "INSERT INTO order_events (order_id, status, at) VALUES (:order_id, :status, :at)"
# The orders the poller follows; spelled out, as executemany cannot expand a list per row.
POLLED = "status IN (" + ", ".join(sorted(f"'{stage.value}'" for stage in POLLED_STAGES)) + ")"
ADD_LEDGER = (
    "INSERT INTO ledger (user_id, amount_micros, kind, ref, order_id, note, created_at)"
    " VALUES (:user_id, :amount_micros, :kind, :ref, :order_id, :note, :created_at)"
)
ADD_OUTBOX = (
    "INSERT INTO outbox"
    " (chat_id, kind, payload, coalesce_key, created_at, next_attempt_at, attempts)"
    " VALUES (:chat_id, :kind, :payload, :coalesce_key, :created_at, :next_attempt_at,"
    " :attempts)"
)

# (recipient, kind, payload, coalescing key) of one message to queue
Message = tuple[int, OutboxKind, dict[str, Any], str | None]


class StoreBase:
    def __init__(self, db: Database) -> None:
        self.db = db

    @staticmethod
    async def _lock_customer(conn: Conn, user_id: int) -> None:
        """On PostgreSQL, hold the customer's row until commit: whatever a customer does that
        must not race itself (spending the balance, opening tickets) waits here on other
        replicas. (SQLite writes are already serialised.)"""
        await conn.execute("SELECT id FROM users WHERE id = :id FOR UPDATE", {"id": user_id})

    @staticmethod
    async def _balance_micros(conn: Conn, user_id: int) -> int:
        return int((await conn.execute(_BALANCE, {"user_id": user_id})).scalar_one())

    @staticmethod
    async def _ref_used(conn: Conn, ref: str) -> bool:
        found = await conn.execute("SELECT id FROM ledger WHERE ref = :ref", {"ref": ref})
        return found.first() is not None

    @staticmethod
    async def _add_ledger(
        conn: Conn,
        user_id: int,
        micros: int,
        kind: str,
        ref: str | None = None,
        order_id: int | None = None,
        note: str | None = None,
    ) -> None:
        await conn.execute(
            ADD_LEDGER,
            {
                "user_id": user_id,
                "amount_micros": micros,
                "kind": kind,
                "ref": ref,
                "order_id": order_id,
                "note": (note or "")[:200],
                "created_at": time.time(),
            },
        )

    @classmethod
    async def _enqueue(
        cls,
        conn: Conn,
        chat_id: int,
        kind: OutboxKind,
        payload: dict[str, Any],
        coalesce_key: str | None = None,
        delay: float = 0.0,
    ) -> None:
        await cls._enqueue_many(conn, [(chat_id, kind, payload, coalesce_key)], time.time(), delay)

    @staticmethod
    async def _event(conn: Conn, order_id: int, stage: Stage, at: float) -> None:
        await conn.execute(ADD_EVENT, {"order_id": order_id, "status": stage, "at": at})

    async def _set_stage(self, conn: Conn, order_id: int, stage: Stage, **values: Any) -> None:
        """The order's stage, and other columns of the order named in `values` (by the code,
        never by input)."""
        now = time.time()
        also = "".join(f", {column} = :{column}" for column in values)
        await conn.execute(
            "UPDATE orders SET status = :status, status_changed_at = :now, moved_at = :now,"
            f" stalled_at = NULL{also} WHERE id = :order_id",
            {"status": stage, "now": now, "order_id": order_id, **values},
        )
        await self._event(conn, order_id, stage, now)

    async def _refund_once(self, conn: Conn, order: Row, micros: int) -> int:
        return await self._refund_many(conn, [(order, micros)], time.time())

    @staticmethod
    async def _refund_many(conn: Conn, refunds: list[tuple[Row, int]], now: float) -> int:
        """Refund several orders, each at most once ever (the ref is unique), in two statements;
        returns the micros refunded now."""
        by_ref = {f"order:{row['id']}:refund": (row, m) for row, m in refunds if m > 0}
        if not by_ref:
            return 0
        used = await conn.execute(
            "SELECT ref FROM ledger WHERE ref IN :refs", {"refs": list(by_ref)}
        )
        done = set(used.scalars().all())
        rows = [
            {
                "user_id": row["user_id"],
                "amount_micros": micros,
                "kind": "refund",
                "ref": ref,
                "order_id": row["id"],
                "note": "",
                "created_at": now,
            }
            for ref, (row, micros) in by_ref.items()
            if ref not in done
        ]
        if rows:
            await conn.execute(ADD_LEDGER, rows)
        return sum(row["amount_micros"] for row in rows)

    @staticmethod
    async def _enqueue_many(
        conn: Conn,
        messages: Sequence[Message],
        now: float,
        delay: float = 0.0,
    ) -> None:
        """Queue several messages; one whose key is still pending replaces that row's payload
        (the message is rendered from the latest state when it is sent)."""
        if not messages:
            return
        keys = [key for *_, key in messages if key is not None]
        pending: dict[str, int] = {}
        if keys:
            found = await conn.execute(
                "SELECT coalesce_key, id FROM outbox WHERE coalesce_key IN :keys"
                " AND sent_at IS NULL",
                {"keys": keys},
            )
            pending = {str(key): int(row_id) for key, row_id in found.all()}
        folded: set[str] = set()
        for _, _, payload, key in messages:
            if key is None or key not in pending:
                continue
            # Still waiting when this writes (the sender may have marked it sent since it was
            # read above): otherwise the newer state is a message of its own.
            done = await conn.execute(
                "UPDATE outbox SET payload = :body, revision = revision + 1"
                " WHERE id = :row_id AND sent_at IS NULL",
                {"row_id": pending[key], "body": dumps(payload)},
            )
            if done.rowcount:
                folded.add(key)
        fresh = [
            {
                "chat_id": chat_id,
                "kind": kind,
                "payload": dumps(payload),
                "coalesce_key": key,
                "created_at": now,
                "next_attempt_at": now + delay,
                "attempts": 0,
            }
            for chat_id, kind, payload, key in messages
            if key is None or key not in folded
        ]
        if fresh:
            await conn.execute(ADD_OUTBOX, fresh)

    @staticmethod
    async def _lock_order(conn: Conn, order_id: int) -> Row | None:
        """The order's row, locked until commit on PostgreSQL: the poller and a customer's
        Refresh on another replica cannot apply one transition (and its refund) twice."""
        query = "SELECT * FROM orders WHERE id = :id FOR UPDATE"
        row: Row | None = (await conn.execute(query, {"id": order_id})).mappings().first()
        return row

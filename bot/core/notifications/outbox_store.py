"""The notification outbox the sender drains."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Iterable
from typing import Any

from bot.core.domain import dumps
from bot.core.outbox import OutboxKind, OutboxRow
from bot.core.storage.base import StoreBase

logger = logging.getLogger(__name__)


# A burst of the same alert reaches each admin once per this long, with a count.
ALERT_WINDOW_SECONDS = 300.0


def _alert_key(kind: OutboxKind, about: str, admin: int) -> str:
    """At most 64 characters (the column): what the alert is about, hashed."""
    digest = hashlib.sha1(f"{kind}:{about}".encode(), usedforsecurity=False).hexdigest()[:24]
    return f"alert:{digest}:{admin}"


class OutboxStore(StoreBase):
    async def enqueue(
        self, chat_ids: Iterable[int], kind: OutboxKind, payload: dict[str, Any], delay: float = 0.0
    ) -> int:
        count = 0
        async with self.db.write() as conn:
            for chat_id in chat_ids:
                await self._enqueue(conn, chat_id, kind, payload, delay=delay)
                count += 1
        return count

    async def alert(
        self,
        admin_ids: Iterable[int],
        kind: OutboxKind,
        payload: dict[str, Any],
        about: str,
        window: float = ALERT_WINDOW_SECONDS,
    ) -> None:
        """An alert that may come in bursts (a panel down, an error storm): each admin gets
        it at most once per `window` for the same `about`, with how many times it happened.
        One still waiting to be sent counts the new one; one sent less than `window` ago
        makes the next wait for the window's end."""
        now = time.time()
        async with self.db.write() as conn:
            for admin in admin_ids:
                key = _alert_key(kind, about, admin)
                waiting = await conn.execute(
                    "SELECT id, payload FROM outbox WHERE coalesce_key = :key AND sent_at IS NULL",
                    {"key": key},
                )
                row = waiting.first()
                if row is not None:
                    count = int(json.loads(row[1]).get("count", 1)) + 1
                    await conn.execute(
                        "UPDATE outbox SET payload = :body, revision = revision + 1 WHERE id = :id",
                        {"body": dumps({**payload, "count": count}), "id": row[0]},
                    )
                    continue
                last = await conn.scalar(
                    "SELECT MAX(sent_at) FROM outbox WHERE coalesce_key = :key", {"key": key}
                )
                delay = max(0.0, float(last) + window - now) if last is not None else 0.0
                await self._enqueue(
                    conn, admin, kind, {**payload, "count": 1}, coalesce_key=key, delay=delay
                )

    async def due_messages(self, now: float, limit: int = 200) -> list[OutboxRow]:
        query = (
            "SELECT * FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= :now"
            " ORDER BY id LIMIT :limit"
        )
        async with self.db.read() as conn:
            rows = (await conn.execute(query, {"now": now, "limit": limit})).mappings().all()
        due: list[OutboxRow] = []
        for r in rows:
            try:
                kind = OutboxKind(r["kind"])
            except ValueError:
                # Written by another version of the bot: nothing here can render it.
                logger.warning("outbox row of an unknown kind dropped", extra={"kind": r["kind"]})
                await self.drop_message(r["id"])
                continue
            due.append(
                OutboxRow(
                    id=r["id"],
                    chat_id=r["chat_id"],
                    kind=kind,
                    payload=json.loads(r["payload"]),
                    attempts=r["attempts"],
                    revision=r["revision"],
                )
            )
        return due

    async def next_due_at(self) -> float | None:
        query = "SELECT MIN(next_attempt_at) FROM outbox WHERE sent_at IS NULL"
        async with self.db.read() as conn:
            value = (await conn.execute(query)).scalar()
        return float(value) if value is not None else None

    async def mark_sent(self, row: OutboxRow) -> bool:
        """The row as it was read was delivered. False when a newer state was folded into it
        meanwhile: it stays waiting, and that state is sent too."""
        done = await self.db.run(
            "UPDATE outbox SET sent_at = :now WHERE id = :id AND revision = :revision",
            {"now": time.time(), "id": row.id, "revision": row.revision},
        )
        return bool(done.rowcount)

    async def reschedule(self, row_id: int, at: float, count_attempt: bool = True) -> None:
        async with self.db.write() as conn:
            attempts = ", attempts = attempts + 1" if count_attempt else ""
            await conn.execute(
                f"UPDATE outbox SET next_attempt_at = :at{attempts} WHERE id = :id",
                {"at": at, "id": row_id},
            )

    async def drop_message(self, row_id: int) -> None:
        async with self.db.write() as conn:
            await conn.execute("DELETE FROM outbox WHERE id = :id", {"id": row_id})

    async def outbox_progress(self, kind: OutboxKind, since: float) -> tuple[int, int]:
        """(sent, pending) of one kind of message created since a time, for broadcasts."""
        async with self.db.read() as conn:
            base = "SELECT COUNT(*) FROM outbox WHERE kind = :kind AND created_at >= :since"
            params = {"kind": kind, "since": since}
            sent = await conn.execute(base + " AND sent_at IS NOT NULL", params)
            pending = await conn.execute(base + " AND sent_at IS NULL", params)
            return int(sent.scalar_one()), int(pending.scalar_one())

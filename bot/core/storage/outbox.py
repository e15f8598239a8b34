"""The notification outbox the sender drains."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import and_, delete, func, select, update

from bot.core.outbox import OutboxKind, OutboxRow
from bot.core.storage.base import StoreBase
from bot.core.storage.tables import outbox

logger = logging.getLogger(__name__)


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

    async def due_messages(self, now: float, limit: int = 200) -> list[OutboxRow]:
        query = (
            select(outbox)
            .where(outbox.c.sent_at.is_(None), outbox.c.next_attempt_at <= now)
            .order_by(outbox.c.id)
            .limit(limit)
        )
        async with self.db.read() as conn:
            rows = (await conn.execute(query)).mappings().all()
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
                )
            )
        return due

    async def next_due_at(self) -> float | None:
        query = select(func.min(outbox.c.next_attempt_at)).where(outbox.c.sent_at.is_(None))
        async with self.db.read() as conn:
            value = (await conn.execute(query)).scalar()
        return float(value) if value is not None else None

    async def mark_sent(self, row_ids: Sequence[int]) -> None:
        if not row_ids:
            return
        async with self.db.write() as conn:
            await conn.execute(
                update(outbox).where(outbox.c.id.in_(list(row_ids))).values(sent_at=time.time())
            )

    async def reschedule(self, row_id: int, at: float, count_attempt: bool = True) -> None:
        async with self.db.write() as conn:
            values: dict[str, Any] = {"next_attempt_at": at}
            if count_attempt:
                values["attempts"] = outbox.c.attempts + 1
            await conn.execute(update(outbox).where(outbox.c.id == row_id).values(**values))

    async def drop_message(self, row_id: int) -> None:
        async with self.db.write() as conn:
            await conn.execute(delete(outbox).where(outbox.c.id == row_id))

    async def outbox_progress(self, kind: OutboxKind, since: float) -> tuple[int, int]:
        """(sent, pending) of one kind of message created since a time, for broadcasts."""
        async with self.db.read() as conn:
            base = and_(outbox.c.kind == kind, outbox.c.created_at >= since)
            sent = await conn.execute(
                select(func.count()).where(base, outbox.c.sent_at.is_not(None))
            )
            pending = await conn.execute(
                select(func.count()).where(base, outbox.c.sent_at.is_(None))
            )
            return int(sent.scalar_one()), int(pending.scalar_one())

"""Support tickets: who asked, about which order, in which topic of the support group."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import RowMapping

from bot.core.storage.base import StoreBase
from bot.core.storage.tables import tickets

OPEN, CLOSED = "open", "closed"


@dataclass(frozen=True)
class Ticket:
    id: int
    user_id: int
    order_id: int | None
    is_open: bool
    thread_id: int | None


def _ticket(row: RowMapping) -> Ticket:
    return Ticket(
        id=row["id"],
        user_id=row["user_id"],
        order_id=row["order_id"],
        is_open=row["status"] == OPEN,
        thread_id=row["thread_id"],
    )


class TooManyTicketsError(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"at most {limit} open tickets")
        self.limit = limit


class TicketStore(StoreBase):
    async def open_ticket(self, user_id: int, order_id: int | None, limit: int) -> Ticket:
        """The customer's open ticket about this order (or in general), else a new one; at
        most `limit` open at once (checked under the write lock / the customer's row lock)."""
        async with self.db.write() as conn:
            await self._lock_customer(conn, user_id)  # the customer's row: one opener at a time
            same = select(tickets).where(
                tickets.c.user_id == user_id,
                tickets.c.status == OPEN,
                tickets.c.order_id.is_(None)
                if order_id is None
                else tickets.c.order_id == order_id,
            )
            found = (await conn.execute(same)).mappings().first()
            if found is not None:
                return _ticket(found)
            count = select(func.count()).where(
                tickets.c.user_id == user_id, tickets.c.status == OPEN
            )
            if int((await conn.execute(count)).scalar_one()) >= limit:
                raise TooManyTicketsError(limit)
            created = await conn.execute(
                insert(tickets).values(
                    user_id=user_id, order_id=order_id, status=OPEN, created_at=time.time()
                )
            )
            ticket_id = int(created.inserted_primary_key[0])  # type: ignore[index]
        return Ticket(ticket_id, user_id, order_id, True, None)

    async def set_thread(self, ticket_id: int, thread_id: int) -> None:
        async with self.db.write() as conn:
            await conn.execute(
                update(tickets).where(tickets.c.id == ticket_id).values(thread_id=thread_id)
            )

    async def ticket(self, ticket_id: int) -> Ticket | None:
        async with self.db.read() as conn:
            query = select(tickets).where(tickets.c.id == ticket_id)
            row = (await conn.execute(query)).mappings().first()
        return _ticket(row) if row else None

    async def by_thread(self, thread_id: int) -> Ticket | None:
        async with self.db.read() as conn:
            query = select(tickets).where(tickets.c.thread_id == thread_id)
            row = (await conn.execute(query)).mappings().first()
        return _ticket(row) if row else None

    async def close(self, ticket_id: int) -> Ticket | None:
        """Close an open ticket; None if it was not open."""
        async with self.db.write() as conn:
            changed = await conn.execute(
                update(tickets)
                .where(tickets.c.id == ticket_id, tickets.c.status == OPEN)
                .values(status=CLOSED, closed_at=time.time())
            )
            if not changed.rowcount:
                return None
            query = select(tickets).where(tickets.c.id == ticket_id)
            row = (await conn.execute(query)).mappings().one()
        return _ticket(row)

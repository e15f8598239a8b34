"""Support tickets: who asked, about which order, in which topic of the support group."""

from __future__ import annotations

import time
from dataclasses import dataclass

from bot.core.storage.base import StoreBase
from bot.core.storage.rows import Row

OPEN, CLOSED = "open", "closed"
_TICKET = "SELECT * FROM tickets WHERE id = :id"


@dataclass(frozen=True)
class Ticket:
    id: int
    user_id: int
    order_id: int | None
    is_open: bool
    thread_id: int | None


def _ticket(row: Row) -> Ticket:
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
            mine = "FROM tickets WHERE user_id = :user_id AND status = :open"
            about = " AND order_id IS NULL" if order_id is None else " AND order_id = :order_id"
            params = {"user_id": user_id, "open": OPEN, "order_id": order_id}
            found = (await conn.execute(f"SELECT * {mine}{about}", params)).mappings().first()
            if found is not None:
                return _ticket(found)
            if int((await conn.execute(f"SELECT COUNT(*) {mine}", params)).scalar_one()) >= limit:
                raise TooManyTicketsError(limit)
            created = await conn.execute(
                "INSERT INTO tickets (user_id, order_id, status, created_at)"
                " VALUES (:user_id, :order_id, :open, :now) RETURNING id",
                {**params, "now": time.time()},
            )
            ticket_id = int(created.scalar_one())
        return Ticket(ticket_id, user_id, order_id, True, None)

    async def set_thread(self, ticket_id: int, thread_id: int) -> None:
        async with self.db.write() as conn:
            await conn.execute(
                "UPDATE tickets SET thread_id = :thread_id WHERE id = :id",
                {"thread_id": thread_id, "id": ticket_id},
            )

    async def ticket(self, ticket_id: int) -> Ticket | None:
        async with self.db.read() as conn:
            row = (await conn.execute(_TICKET, {"id": ticket_id})).mappings().first()
        return _ticket(row) if row else None

    async def by_thread(self, thread_id: int) -> Ticket | None:
        async with self.db.read() as conn:
            query = "SELECT * FROM tickets WHERE thread_id = :thread_id"
            row = (await conn.execute(query, {"thread_id": thread_id})).mappings().first()
        return _ticket(row) if row else None

    async def close(self, ticket_id: int) -> Ticket | None:
        """Close an open ticket; None if it was not open."""
        async with self.db.write() as conn:
            changed = await conn.execute(
                "UPDATE tickets SET status = :closed, closed_at = :now"
                " WHERE id = :id AND status = :open",
                {"closed": CLOSED, "now": time.time(), "id": ticket_id, "open": OPEN},
            )
            if not changed.rowcount:
                return None
            row = (await conn.execute(_TICKET, {"id": ticket_id})).mappings().one()
        return _ticket(row)

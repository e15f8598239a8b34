"""The repository: every query the bot makes. Handlers and services never write SQL.

Each method that moves money or changes an order's stage does it in one transaction
together with the notification it causes (the outbox row), so a crash can never leave a
refund without its message or a message without its refund.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain import (
    POLLED_STAGES,
    AlreadyPlacedError,
    InsufficientFundsError,
    NewOrder,
    Order,
    Refill,
    RefillStage,
    Stage,
    User,
    dumps,
)
from bot.money import from_micros, partial_refund, to_micros
from bot.storage.db import Database
from bot.storage.tables import kv, ledger, order_events, orders, outbox, refills, users


@dataclass(frozen=True)
class OutboxRow:
    id: int
    chat_id: int
    kind: str
    payload: dict[str, Any]
    attempts: int


StatusChange = tuple[int, Stage, int | None, int | None]  # order id, stage, start count, remains


@dataclass(frozen=True)
class OpenOrder:
    id: int
    panel_order_id: int
    stage: Stage
    start_count: int | None
    remains: int | None


def _order(row: RowMapping) -> Order:
    return Order(
        id=row["id"],
        user_id=row["user_id"],
        service_id=row["service_id"],
        service_name=row["service_name"],
        service_type=row["service_type"],
        category=row["category"],
        link=row["link"],
        fields=json.loads(row["fields"]),
        quantity=row["quantity"],
        charge=from_micros(row["charge_micros"]),
        cost=from_micros(row["cost_micros"]),
        currency=row["currency"],
        stage=Stage(row["status"]),
        panel_order_id=row["panel_order_id"],
        start_count=row["start_count"],
        remains=row["remains"],
        error=row["error"],
        created_at=row["created_at"],
        status_changed_at=row["status_changed_at"],
    )


def _refill(row: RowMapping) -> Refill:
    return Refill(
        id=row["id"],
        order_id=row["order_id"],
        user_id=row["user_id"],
        panel_refill_id=row["panel_refill_id"],
        stage=RefillStage(row["status"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _user(row: RowMapping) -> User:
    return User(
        id=row["id"],
        username=row["username"],
        first_name=row["first_name"],
        locale=row["locale"],
        is_banned=bool(row["is_banned"]),
        is_active=bool(row["is_active"]),
    )


class Repository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- users ------------------------------------------------------------------------

    async def ensure_user(
        self, user_id: int, username: str | None, first_name: str | None
    ) -> tuple[User, bool]:
        """The stored user, created on first contact; the flag tells whether it is new."""
        async with self.db.read() as conn:
            row = (
                (await conn.execute(select(users).where(users.c.id == user_id))).mappings().first()
            )
        if row is not None and row["username"] == username and row["is_active"]:
            return _user(row), False
        async with self.db.write() as conn:
            row = (
                (await conn.execute(select(users).where(users.c.id == user_id))).mappings().first()
            )
            if row is None:
                await conn.execute(
                    insert(users).values(
                        id=user_id,
                        username=username,
                        first_name=(first_name or "")[:128],
                        is_banned=False,
                        is_active=True,
                        created_at=time.time(),
                    )
                )
                created = True
            else:
                # A user who writes again has unblocked the bot.
                await conn.execute(
                    update(users)
                    .where(users.c.id == user_id)
                    .values(username=username, is_active=True)
                )
                created = False
            row = (await conn.execute(select(users).where(users.c.id == user_id))).mappings().one()
        return _user(row), created

    async def get_user(self, user_id: int) -> User | None:
        async with self.db.read() as conn:
            row = (
                (await conn.execute(select(users).where(users.c.id == user_id))).mappings().first()
            )
        return _user(row) if row else None

    async def find_user(self, reference: str) -> User | None:
        """By numeric id or @username."""
        reference = reference.strip()
        if reference.lstrip("-").isdigit():
            return await self.get_user(int(reference))
        name = reference.removeprefix("@").lower()
        async with self.db.read() as conn:
            query = select(users).where(func.lower(users.c.username) == name)
            row = (await conn.execute(query)).mappings().first()
        return _user(row) if row else None

    async def set_locale(self, user_id: int, locale: str) -> None:
        async with self.db.write() as conn:
            await conn.execute(update(users).where(users.c.id == user_id).values(locale=locale))

    async def set_banned(self, user_id: int, banned: bool) -> bool:
        async with self.db.write() as conn:
            result = await conn.execute(
                update(users).where(users.c.id == user_id).values(is_banned=banned)
            )
        return bool(result.rowcount)

    async def mark_inactive(self, chat_id: int) -> int:
        """The user blocked the bot: stop sending; returns how many pending rows were dropped."""
        async with self.db.write() as conn:
            await conn.execute(update(users).where(users.c.id == chat_id).values(is_active=False))
            result = await conn.execute(
                delete(outbox).where(outbox.c.chat_id == chat_id, outbox.c.sent_at.is_(None))
            )
        return result.rowcount

    async def active_user_ids(self) -> list[int]:
        async with self.db.read() as conn:
            query = select(users.c.id).where(users.c.is_active, ~users.c.is_banned)
            return list((await conn.execute(query)).scalars().all())

    # -- wallets ----------------------------------------------------------------------

    @staticmethod
    async def _lock_wallet(conn: AsyncConnection, user_id: int) -> None:
        """On PostgreSQL, hold the customer's row until commit: two replicas confirming at
        once cannot both spend the same balance. (SQLite writes are already serialised.)"""
        await conn.execute(select(users.c.id).where(users.c.id == user_id).with_for_update())

    @staticmethod
    async def _balance_micros(conn: AsyncConnection, user_id: int) -> int:
        query = select(func.coalesce(func.sum(ledger.c.amount_micros), 0)).where(
            ledger.c.user_id == user_id
        )
        return int((await conn.execute(query)).scalar_one())

    async def balance(self, user_id: int) -> Decimal:
        async with self.db.read() as conn:
            return from_micros(await self._balance_micros(conn, user_id))

    async def total_balances(self) -> Decimal:
        async with self.db.read() as conn:
            total = await conn.execute(select(func.coalesce(func.sum(ledger.c.amount_micros), 0)))
            return from_micros(int(total.scalar_one()))

    @staticmethod
    async def _ref_used(conn: AsyncConnection, ref: str) -> bool:
        found = await conn.execute(select(ledger.c.id).where(ledger.c.ref == ref))
        return found.first() is not None

    @staticmethod
    async def _add_ledger(
        conn: AsyncConnection,
        user_id: int,
        micros: int,
        kind: str,
        ref: str | None = None,
        order_id: int | None = None,
        note: str | None = None,
    ) -> None:
        await conn.execute(
            insert(ledger).values(
                user_id=user_id,
                amount_micros=micros,
                kind=kind,
                ref=ref,
                order_id=order_id,
                note=(note or "")[:200],
                created_at=time.time(),
            )
        )

    async def credit(
        self,
        user_id: int,
        amount: Decimal,
        kind: str,
        ref: str | None = None,
        note: str | None = None,
    ) -> bool:
        """Add money; with a `ref`, at most once per ref. Returns False if already done."""
        async with self.db.write() as conn:
            if ref is not None and await self._ref_used(conn, ref):
                return False
            await self._add_ledger(conn, user_id, to_micros(amount), kind, ref=ref, note=note)
        return True

    async def debit(
        self,
        user_id: int,
        amount: Decimal,
        kind: str,
        ref: str | None = None,
        note: str | None = None,
    ) -> bool:
        """Take money if the wallet holds it (never negative). False if it does not."""
        async with self.db.write() as conn:
            if ref is not None and await self._ref_used(conn, ref):
                return False
            micros = to_micros(amount)
            await self._lock_wallet(conn, user_id)
            if await self._balance_micros(conn, user_id) < micros:
                return False
            await self._add_ledger(conn, user_id, -micros, kind, ref=ref, note=note)
        return True

    async def ledger_entry(self, ref: str) -> tuple[int, Decimal] | None:
        """(user id, amount) of the ledger row with this reference."""
        query = select(ledger.c.user_id, ledger.c.amount_micros).where(ledger.c.ref == ref)
        async with self.db.read() as conn:
            row = (await conn.execute(query)).first()
        return (int(row[0]), from_micros(int(row[1]))) if row else None

    async def ledger_tail(self, user_id: int, limit: int = 10) -> list[dict[str, Any]]:
        async with self.db.read() as conn:
            query = (
                select(ledger)
                .where(ledger.c.user_id == user_id)
                .order_by(ledger.c.id.desc())
                .limit(limit)
            )
            rows = (await conn.execute(query)).mappings().all()
        return [
            {
                "amount": from_micros(r["amount_micros"]),
                "kind": r["kind"],
                "note": r["note"],
                "at": r["created_at"],
            }
            for r in rows
        ]

    # -- placing orders ---------------------------------------------------------------

    async def create_order(self, new: NewOrder) -> int:
        """Record the order and charge the wallet in one transaction, before `add` is sent."""
        now = time.time()
        async with self.db.write() as conn:
            existing = await conn.execute(
                select(orders.c.id).where(orders.c.client_token == new.client_token)
            )
            found = existing.scalar()
            if found is not None:
                raise AlreadyPlacedError(found)
            charge = to_micros(new.charge)
            await self._lock_wallet(conn, new.user_id)
            balance = await self._balance_micros(conn, new.user_id)
            if balance < charge:
                raise InsufficientFundsError(from_micros(charge - balance))
            result = await conn.execute(
                insert(orders).values(
                    user_id=new.user_id,
                    client_token=new.client_token,
                    service_id=new.service_id,
                    service_name=new.service_name[:300],
                    service_type=new.service_type,
                    category=new.category[:300],
                    link=new.link[:600],
                    fields=dumps(new.fields),
                    quantity=new.quantity,
                    charge_micros=charge,
                    cost_micros=to_micros(new.cost),
                    currency=new.currency,
                    status=Stage.PLACING,
                    poll_errors=0,
                    created_at=now,
                    status_changed_at=now,
                )
            )
            order_id = int(result.inserted_primary_key[0])  # type: ignore[index]
            await self._add_ledger(
                conn,
                new.user_id,
                -charge,
                "charge",
                ref=f"order:{order_id}:charge",
                order_id=order_id,
            )
            await self._event(conn, order_id, Stage.PLACING, now)
        return order_id

    async def record_cancel_request(self, order_id: int) -> None:
        """Kept in the order's history; the refund follows when the panel reports Canceled."""
        async with self.db.write() as conn:
            await conn.execute(
                insert(order_events).values(
                    order_id=order_id, status="cancel_requested", at=time.time()
                )
            )

    async def order_history(self, order_id: int) -> list[tuple[str, float]]:
        query = (
            select(order_events.c.status, order_events.c.at)
            .where(order_events.c.order_id == order_id)
            .order_by(order_events.c.id)
        )
        async with self.db.read() as conn:
            return [(r[0], r[1]) for r in (await conn.execute(query)).all()]

    @staticmethod
    async def _event(conn: AsyncConnection, order_id: int, stage: Stage, at: float) -> None:
        await conn.execute(insert(order_events).values(order_id=order_id, status=stage, at=at))

    async def _set_stage(
        self, conn: AsyncConnection, order_id: int, stage: Stage, **values: Any
    ) -> None:
        now = time.time()
        await conn.execute(
            update(orders)
            .where(orders.c.id == order_id)
            .values(status=stage, status_changed_at=now, **values)
        )
        await self._event(conn, order_id, stage, now)

    async def _refund_once(self, conn: AsyncConnection, order: RowMapping, micros: int) -> int:
        ref = f"order:{order['id']}:refund"
        if micros <= 0 or await self._ref_used(conn, ref):
            return 0
        await self._add_ledger(
            conn, order["user_id"], micros, "refund", ref=ref, order_id=order["id"]
        )
        return micros

    async def mark_placed(self, order_id: int, panel_order_id: int) -> None:
        async with self.db.write() as conn:
            await self._set_stage(conn, order_id, Stage.PENDING, panel_order_id=panel_order_id)

    async def mark_rejected(self, order_id: int, error: str, notify_user: bool = False) -> Decimal:
        """The panel refused the order (or an admin gave up on it): refund all, once."""
        async with self.db.write() as conn:
            row = await self._order_row(conn, order_id)
            if row is None or Stage(row["status"]).is_final:
                return Decimal(0)
            await self._set_stage(conn, order_id, Stage.REJECTED, error=error[:300])
            refunded = await self._refund_once(conn, row, row["charge_micros"])
            if notify_user:
                await self._enqueue(
                    conn,
                    row["user_id"],
                    "order_status",
                    {"order_id": order_id},
                    f"order:{order_id}",
                )
        return from_micros(refunded)

    async def mark_uncertain(self, order_id: int, error: str, admin_ids: Iterable[int]) -> None:
        async with self.db.write() as conn:
            await self._set_stage(conn, order_id, Stage.UNCERTAIN, error=error[:300])
            for admin_id in admin_ids:
                await self._enqueue(conn, admin_id, "admin_uncertain", {"order_id": order_id})

    async def recover_interrupted_placements(
        self, admin_ids: Iterable[int], older_than: float = 0.0
    ) -> list[int]:
        """Orders left 'placing' by a crash may exist on the panel: hand them to admins."""
        async with self.db.read() as conn:
            query = select(orders.c.id).where(
                orders.c.status == Stage.PLACING, orders.c.created_at <= time.time() - older_than
            )
            ids = list((await conn.execute(query)).scalars().all())
        admins = list(admin_ids)
        for order_id in ids:
            await self.mark_uncertain(order_id, "interrupted while placing", admins)
        return ids

    async def attach_panel_order(self, order_id: int, panel_order_id: int) -> bool:
        """An admin found the order on the panel: it is followed like any other."""
        async with self.db.write() as conn:
            row = await self._order_row(conn, order_id)
            if row is None or row["status"] not in {Stage.UNCERTAIN, Stage.STUCK}:
                return False
            taken = await conn.execute(
                select(orders.c.id).where(
                    orders.c.panel_order_id == panel_order_id, orders.c.id != order_id
                )
            )
            if taken.first() is not None:
                return False
            await self._set_stage(
                conn,
                order_id,
                Stage.PENDING,
                panel_order_id=panel_order_id,
                poll_errors=0,
                error=None,
            )
            await self._enqueue(
                conn, row["user_id"], "order_status", {"order_id": order_id}, f"order:{order_id}"
            )
        return True

    # -- reading orders ---------------------------------------------------------------

    @staticmethod
    async def _order_row(conn: AsyncConnection, order_id: int) -> RowMapping | None:
        query = select(orders).where(orders.c.id == order_id)
        return (await conn.execute(query)).mappings().first()

    async def get_order(self, order_id: int, user_id: int | None = None) -> Order | None:
        """With `user_id`, only that user's order: anyone else's id is 'not found'."""
        query = select(orders).where(orders.c.id == order_id)
        if user_id is not None:
            query = query.where(orders.c.user_id == user_id)
        async with self.db.read() as conn:
            row = (await conn.execute(query)).mappings().first()
        return _order(row) if row else None

    async def order_by_token(self, token: str, user_id: int) -> int | None:
        query = select(orders.c.id).where(
            orders.c.client_token == token, orders.c.user_id == user_id
        )
        async with self.db.read() as conn:
            return (await conn.execute(query)).scalar()

    async def list_orders(self, user_id: int, offset: int = 0, limit: int = 10) -> list[Order]:
        query = (
            select(orders)
            .where(orders.c.user_id == user_id)
            .order_by(orders.c.id.desc())
            .offset(offset)
            .limit(limit)
        )
        async with self.db.read() as conn:
            return [_order(r) for r in (await conn.execute(query)).mappings().all()]

    async def count_orders(self, user_id: int) -> int:
        query = select(func.count()).select_from(orders).where(orders.c.user_id == user_id)
        async with self.db.read() as conn:
            return int((await conn.execute(query)).scalar_one())

    async def orders_in_stages(self, stages: Iterable[Stage], limit: int = 100) -> list[Order]:
        query = (
            select(orders)
            .where(orders.c.status.in_(list(stages)))
            .order_by(orders.c.id)
            .limit(limit)
        )
        async with self.db.read() as conn:
            return [_order(r) for r in (await conn.execute(query)).mappings().all()]

    async def open_panel_orders(self) -> list[OpenOrder]:
        """Every order the poller follows, with what is known of it."""
        query = select(
            orders.c.id,
            orders.c.panel_order_id,
            orders.c.status,
            orders.c.start_count,
            orders.c.remains,
        ).where(orders.c.status.in_(list(POLLED_STAGES)), orders.c.panel_order_id.is_not(None))
        async with self.db.read() as conn:
            return [
                OpenOrder(
                    id=r[0], panel_order_id=r[1], stage=Stage(r[2]), start_count=r[3], remains=r[4]
                )
                for r in (await conn.execute(query)).all()
            ]

    async def refund_of(self, order_id: int) -> Decimal:
        query = select(func.coalesce(func.sum(ledger.c.amount_micros), 0)).where(
            ledger.c.ref == f"order:{order_id}:refund"
        )
        async with self.db.read() as conn:
            return from_micros(int((await conn.execute(query)).scalar_one()))

    # -- status transitions -----------------------------------------------------------

    async def apply_status(
        self,
        order_id: int,
        stage: Stage,
        start_count: int | None,
        remains: int | None,
        admin_ids: Iterable[int] = (),
    ) -> bool:
        """Store what the panel says; refund and notify on a change. True if it changed."""
        changes = [(order_id, stage, start_count, remains)]
        return bool(await self.apply_statuses(changes, admin_ids))

    async def apply_statuses(
        self, changes: Sequence[StatusChange], admin_ids: Iterable[int] = ()
    ) -> int:
        """Several orders' new states in one transaction; returns how many changed stage."""
        if not changes:
            return 0
        changed = 0
        async with self.db.write() as conn:
            for order_id, stage, start_count, remains in changes:
                changed += await self._apply_status(
                    conn, order_id, stage, start_count, remains, list(admin_ids)
                )
        return changed

    async def _apply_status(
        self,
        conn: AsyncConnection,
        order_id: int,
        stage: Stage,
        start_count: int | None,
        remains: int | None,
        admin_ids: list[int],
    ) -> bool:
        row = await self._order_row(conn, order_id)
        if row is None or Stage(row["status"]) not in POLLED_STAGES:
            return False  # final, stuck or being resolved: the poller has no say
        values: dict[str, Any] = {"poll_errors": 0}
        if start_count is not None:
            values["start_count"] = start_count
        if remains is not None:
            values["remains"] = remains
        if Stage(row["status"]) is stage:
            await conn.execute(update(orders).where(orders.c.id == order_id).values(**values))
            return False
        await self._set_stage(conn, order_id, stage, **values)
        if stage is Stage.PARTIAL:
            undelivered = remains if remains is not None else row["remains"]
            if undelivered is None:
                # The panel did not say how much is missing: a person decides the refund.
                for admin_id in admin_ids:
                    await self._enqueue(
                        conn, admin_id, "admin_partial_unknown", {"order_id": order_id}
                    )
            else:
                refund = partial_refund(
                    from_micros(row["charge_micros"]), row["quantity"], undelivered
                )
                await self._refund_once(conn, row, to_micros(refund))
        elif stage is Stage.CANCELED:
            await self._refund_once(conn, row, row["charge_micros"])
        if stage is not Stage.UNKNOWN:
            await self._enqueue(
                conn, row["user_id"], "order_status", {"order_id": order_id}, f"order:{order_id}"
            )
        return True

    async def update_progress(self, progress: Sequence[tuple[int, int | None, int | None]]) -> None:
        """(order id, start count, remains) of orders whose stage did not change: one statement."""
        if not progress:
            return
        statement = (
            update(orders)
            # IN (…) expands per call, which executemany cannot do: spell the stages out.
            .where(
                orders.c.id == bindparam("order_id"),
                or_(*(orders.c.status == s for s in POLLED_STAGES)),
            )
            .values(
                start_count=func.coalesce(bindparam("start"), orders.c.start_count),
                remains=func.coalesce(bindparam("left"), orders.c.remains),
                poll_errors=0,
            )
        )
        params = [{"order_id": i, "start": s, "left": r} for i, s, r in progress]
        async with self.db.write() as conn:
            await conn.execute(statement, params)

    async def record_poll_error(self, order_id: int, limit: int, admin_ids: Iterable[int]) -> bool:
        """Count a per-id panel error; at `limit` the order is flagged. True if flagged."""
        async with self.db.write() as conn:
            row = await self._order_row(conn, order_id)
            if row is None or Stage(row["status"]) not in POLLED_STAGES:
                return False
            errors = row["poll_errors"] + 1
            if errors < limit:
                await conn.execute(
                    update(orders).where(orders.c.id == order_id).values(poll_errors=errors)
                )
                return False
            await self._set_stage(conn, order_id, Stage.STUCK, poll_errors=errors)
            for admin_id in admin_ids:
                await self._enqueue(conn, admin_id, "admin_stuck", {"order_id": order_id})
        return True

    # -- refills ----------------------------------------------------------------------

    async def create_refill(self, order: Order, panel_refill_id: int) -> int:
        now = time.time()
        async with self.db.write() as conn:
            result = await conn.execute(
                insert(refills).values(
                    order_id=order.id,
                    user_id=order.user_id,
                    panel_refill_id=panel_refill_id,
                    status=RefillStage.PENDING,
                    poll_errors=0,
                    created_at=now,
                    updated_at=now,
                )
            )
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    async def latest_refill(self, order_id: int) -> Refill | None:
        query = (
            select(refills)
            .where(refills.c.order_id == order_id)
            .order_by(refills.c.id.desc())
            .limit(1)
        )
        async with self.db.read() as conn:
            row = (await conn.execute(query)).mappings().first()
        return _refill(row) if row else None

    async def open_refills(self) -> list[tuple[int, int]]:
        query = select(refills.c.id, refills.c.panel_refill_id).where(
            refills.c.status.in_(
                [RefillStage.PENDING, RefillStage.IN_PROGRESS, RefillStage.UNKNOWN]
            ),
            refills.c.panel_refill_id.is_not(None),
        )
        async with self.db.read() as conn:
            return [(r[0], r[1]) for r in (await conn.execute(query)).all()]

    async def apply_refill_status(self, refill_id: int, stage: RefillStage) -> bool:
        async with self.db.write() as conn:
            row = (
                (await conn.execute(select(refills).where(refills.c.id == refill_id)))
                .mappings()
                .first()
            )
            if row is None or RefillStage(row["status"]).is_final or row["status"] == stage:
                return False
            await conn.execute(
                update(refills)
                .where(refills.c.id == refill_id)
                .values(status=stage, updated_at=time.time(), poll_errors=0)
            )
            if stage.is_final:
                await self._enqueue(
                    conn,
                    row["user_id"],
                    "refill_result",
                    {"refill_id": refill_id, "order_id": row["order_id"]},
                    f"refill:{refill_id}",
                )
        return True

    async def record_refill_error(self, refill_id: int, limit: int) -> None:
        async with self.db.write() as conn:
            await conn.execute(
                update(refills)
                .where(refills.c.id == refill_id)
                .values(poll_errors=refills.c.poll_errors + 1)
            )
            await conn.execute(
                update(refills)
                .where(refills.c.id == refill_id, refills.c.poll_errors >= limit)
                .values(status=RefillStage.UNKNOWN, panel_refill_id=None)
            )

    async def get_refill(self, refill_id: int) -> Refill | None:
        async with self.db.read() as conn:
            row = (
                (await conn.execute(select(refills).where(refills.c.id == refill_id)))
                .mappings()
                .first()
            )
        return _refill(row) if row else None

    # -- outbox -----------------------------------------------------------------------

    @staticmethod
    async def _enqueue(
        conn: AsyncConnection,
        chat_id: int,
        kind: str,
        payload: dict[str, Any],
        coalesce_key: str | None = None,
        delay: float = 0.0,
    ) -> None:
        now = time.time()
        if coalesce_key is not None:
            pending = await conn.execute(
                select(outbox.c.id).where(
                    outbox.c.coalesce_key == coalesce_key, outbox.c.sent_at.is_(None)
                )
            )
            found = pending.scalar()
            if found is not None:
                # The message is rendered from the latest state when it is sent.
                await conn.execute(
                    update(outbox).where(outbox.c.id == found).values(payload=dumps(payload))
                )
                return
        await conn.execute(
            insert(outbox).values(
                chat_id=chat_id,
                kind=kind,
                payload=dumps(payload),
                coalesce_key=coalesce_key,
                created_at=now,
                next_attempt_at=now + delay,
                attempts=0,
            )
        )

    async def enqueue(
        self, chat_ids: Iterable[int], kind: str, payload: dict[str, Any], delay: float = 0.0
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
        return [
            OutboxRow(
                id=r["id"],
                chat_id=r["chat_id"],
                kind=r["kind"],
                payload=json.loads(r["payload"]),
                attempts=r["attempts"],
            )
            for r in rows
        ]

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

    async def outbox_progress(self, kind: str, since: float) -> tuple[int, int]:
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

    # -- key/value settings -----------------------------------------------------------

    async def get_kv(self, key: str) -> str | None:
        async with self.db.read() as conn:
            return (await conn.execute(select(kv.c.value).where(kv.c.key == key))).scalar()

    async def set_kv(self, key: str, value: str | None) -> None:
        async with self.db.write() as conn:
            await conn.execute(delete(kv).where(kv.c.key == key))
            if value is not None:
                await conn.execute(insert(kv).values(key=key, value=value))

    async def kv_with_prefix(self, prefix: str) -> dict[str, str]:
        async with self.db.read() as conn:
            rows = await conn.execute(select(kv).where(kv.c.key.startswith(prefix)))
            return {r[0]: r[1] for r in rows.all()}

    # -- figures for admins -----------------------------------------------------------

    async def open_orders_value(self) -> Decimal:
        """What customers paid for orders the panel may still spend on."""
        query = select(func.coalesce(func.sum(orders.c.charge_micros), 0)).where(
            or_(
                orders.c.status.in_(list(POLLED_STAGES)),
                orders.c.status.in_([Stage.PLACING, Stage.UNCERTAIN, Stage.STUCK]),
            )
        )
        async with self.db.read() as conn:
            return from_micros(int((await conn.execute(query)).scalar_one()))

    async def stats(self, since: float) -> dict[str, Any]:
        placed = orders.c.status.not_in([Stage.REJECTED, Stage.PLACING, Stage.UNCERTAIN])
        window = and_(orders.c.created_at >= since, placed)
        async with self.db.read() as conn:
            count = (await conn.execute(select(func.count()).where(window))).scalar_one()
            charged = (
                await conn.execute(
                    select(
                        func.coalesce(func.sum(orders.c.charge_micros), 0),
                        func.coalesce(func.sum(orders.c.cost_micros), 0),
                    ).where(window)
                )
            ).one()
            refunded = (
                await conn.execute(
                    select(func.coalesce(func.sum(ledger.c.amount_micros), 0)).where(
                        ledger.c.kind == "refund",
                        ledger.c.created_at >= since,
                        ledger.c.order_id.in_(select(orders.c.id).where(window)),
                    )
                )
            ).scalar_one()
            top = (
                await conn.execute(
                    select(orders.c.service_name, func.count().label("n"))
                    .where(window)
                    .group_by(orders.c.service_name)
                    .order_by(func.count().desc())
                    .limit(5)
                )
            ).all()
            new_users = (
                await conn.execute(
                    select(func.count()).select_from(users).where(users.c.created_at >= since)
                )
            ).scalar_one()
        revenue = from_micros(int(charged[0]) - int(refunded))
        return {
            "orders": int(count),
            "revenue": revenue,
            "cost": from_micros(int(charged[1])),
            "top": [(name, int(n)) for name, n in top],
            "new_users": int(new_users),
        }

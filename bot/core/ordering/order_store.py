"""Placing orders (the order row and its charge in one transaction), resolving, reading."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from decimal import Decimal

from bot.core.domain import (
    POLLED_STAGES,
    AlreadyPlacedError,
    DiscountGoneError,
    InsufficientFundsError,
    LinkBusyError,
    NewOrder,
    Order,
    Stage,
    dumps,
)
from bot.core.growth.commissions import Commissions
from bot.core.money import from_micros, to_micros
from bot.core.outbox import OutboxKind
from bot.core.storage.base import ADD_EVENT, POLLED, SUM_LEDGER, StoreBase
from bot.core.storage.db import Database, IntegrityError
from bot.core.storage.rows import (
    order_from_row,
)

_ORDER = "SELECT * FROM orders WHERE id = :order_id"
_USERS_ORDER = _ORDER + " AND user_id = :user_id"
_USERS_ORDERS = (
    "SELECT * FROM orders WHERE user_id = :user_id ORDER BY id DESC LIMIT :limit OFFSET :offset"
)
# An order that may still be delivering on its link: the panel refuses a second one there.
OPEN_ON_LINK_STAGES = (*sorted(POLLED_STAGES), Stage.PLACING, Stage.UNCERTAIN, Stage.STUCK)
_OPEN_ON_LINK = (
    "SELECT id, user_id FROM orders WHERE service_id = :service_id AND link = :link AND status IN ("
    + ", ".join(f"'{stage.value}'" for stage in OPEN_ON_LINK_STAGES)
    + ") ORDER BY id LIMIT 1"
)
_COUNT_USERS_ORDERS = "SELECT COUNT(*) FROM orders WHERE user_id = :user_id"
_ADD_ORDER = (
    "INSERT INTO orders (user_id, client_token, service_id, service_name, service_type,"
    " category, link, fields, quantity, charge_micros, cost_micros, currency, status,"
    " poll_errors, created_at, status_changed_at, moved_at, via_api)"
    " VALUES (:user_id, :client_token, :service_id, :service_name, :service_type, :category,"
    " :link, :fields, :quantity, :charge_micros, :cost_micros, :currency, :status, 0, :now,"
    " :now, :now, :via_api) RETURNING id"
)


class OrderStore(StoreBase):
    def __init__(self, db: Database, commissions: Commissions) -> None:
        super().__init__(db)
        self._commissions = commissions  # a later refund takes its commission back

    async def create_order(self, new: NewOrder) -> int:
        """Record the order and charge the wallet in one transaction, before `add` is sent."""
        try:
            return await self._create_order(new)
        except IntegrityError:
            # Another confirmation of the same form won the race (the token is unique).
            found = await self.order_by_token(new.client_token, new.user_id)
            if found is None:
                raise
            raise AlreadyPlacedError(found) from None

    async def _create_order(self, new: NewOrder) -> int:
        now = time.time()
        async with self.db.write() as conn:
            # The wallet lock comes first: a second confirmation of the same form waits here
            # and then finds the first one's order instead of racing it to the insert.
            await self._lock_customer(conn, new.user_id)
            existing = await conn.execute(
                "SELECT id FROM orders WHERE client_token = :token", {"token": new.client_token}
            )
            found = existing.scalar()
            if found is not None:
                raise AlreadyPlacedError(found)
            # The wallet before the link: a customer who cannot pay learns nothing of who
            # else orders for a link.
            charge = to_micros(new.charge)
            balance = await self._balance_micros(conn, new.user_id)
            if balance < charge:
                raise InsufficientFundsError(from_micros(charge - balance))
            busy = await conn.execute(
                _OPEN_ON_LINK, {"service_id": new.service_id, "link": new.link}
            )
            open_order = busy.first()
            if new.link and open_order is not None:
                raise LinkBusyError(int(open_order[0]), own=int(open_order[1]) == new.user_id)
            result = await conn.execute(
                _ADD_ORDER,
                {
                    "user_id": new.user_id,
                    "client_token": new.client_token,
                    "service_id": new.service_id,
                    "service_name": new.service_name[:300],
                    "service_type": new.service_type,
                    "category": new.category[:300],
                    "link": new.link[:600],
                    "fields": dumps(new.fields),
                    "quantity": new.quantity,
                    "charge_micros": charge,
                    "cost_micros": to_micros(new.cost),
                    "currency": new.currency,
                    "status": Stage.PLACING,
                    "now": now,
                    "via_api": new.via_api,
                },
            )
            order_id = int(result.scalar_one())
            await self._add_ledger(
                conn,
                new.user_id,
                -charge,
                "charge",
                ref=f"order:{order_id}:charge",
                order_id=order_id,
            )
            await self._event(conn, order_id, Stage.PLACING, now)
            if new.discount_code is not None:
                used = await conn.execute(
                    "UPDATE promo_redemptions SET order_id = :order_id"
                    " WHERE code = :code AND user_id = :user_id AND order_id IS NULL",
                    {"order_id": order_id, "code": new.discount_code, "user_id": new.user_id},
                )
                if not used.rowcount:  # rolls back the order and its charge
                    raise DiscountGoneError
        return order_id

    async def set_card(self, order_id: int, message_id: int | None) -> None:
        """The message in the customer's chat that is this order's live card."""
        async with self.db.write() as conn:
            await conn.execute(
                "UPDATE orders SET card_message_id = :message WHERE id = :id",
                {"message": message_id, "id": order_id},
            )

    async def record_cancel_request(self, order_id: int) -> None:
        """Kept in the order's history; the refund follows when the panel reports Canceled."""
        async with self.db.write() as conn:
            await conn.execute(
                ADD_EVENT, {"order_id": order_id, "status": "cancel_requested", "at": time.time()}
            )

    async def order_history(self, order_id: int) -> list[tuple[str, float]]:
        query = "SELECT status, at FROM order_events WHERE order_id = :order_id ORDER BY id"
        async with self.db.read() as conn:
            found = await conn.execute(query, {"order_id": order_id})
            return [(r[0], r[1]) for r in found.all()]

    async def mark_placed(
        self,
        order_id: int,
        panel_order_id: int,
        panel: str | None = None,
        cost: Decimal | None = None,
    ) -> None:
        """The panel took the order: its id there, the panel (after a failover, not the one
        first tried) and what that panel charges for it."""
        values: dict[str, object] = {"panel_order_id": panel_order_id}
        if panel is not None:
            values["panel"] = panel
        if cost is not None:
            values["cost_micros"] = to_micros(cost)
        async with self.db.write() as conn:
            await self._set_stage(conn, order_id, Stage.PENDING, **values)

    async def mark_rejected(self, order_id: int, error: str, notify_user: bool = False) -> Decimal:
        """The panel refused the order (or an admin gave up on it): refund all, once."""
        async with self.db.write() as conn:
            row = await self._lock_order(conn, order_id)
            if row is None or Stage(row["status"]).is_final:
                return Decimal(0)
            await self._set_stage(conn, order_id, Stage.REJECTED, error=error[:300])
            refunded = await self._refund_once(conn, row, row["charge_micros"])
            # Refunded in full: the discount it used is the customer's again.
            await conn.execute(
                "UPDATE promo_redemptions SET order_id = NULL WHERE order_id = :order_id",
                {"order_id": order_id},
            )
            if notify_user:
                await self._enqueue(
                    conn,
                    row["user_id"],
                    OutboxKind.ORDER_STATUS,
                    {"order_id": order_id},
                    f"order:{order_id}",
                )
        return from_micros(refunded)

    async def mark_uncertain(
        self,
        order_id: int,
        error: str,
        admin_ids: Iterable[int],
        panel: str | None = None,
        *,
        only_placing: bool = False,
    ) -> bool:
        """`add` may have reached `panel`: admins decide (and attach an id on that panel).
        `only_placing`: leave an order that left PLACING meanwhile alone. True if held."""
        values: dict[str, object] = {"error": error[:300]}
        if panel is not None:
            values["panel"] = panel
        async with self.db.write() as conn:
            row = await self._lock_order(conn, order_id)
            if row is None or (only_placing and row["status"] != Stage.PLACING):
                return False
            await self._set_stage(conn, order_id, Stage.UNCERTAIN, **values)
            for admin_id in admin_ids:
                await self._enqueue(
                    conn, admin_id, OutboxKind.ADMIN_UNCERTAIN, {"order_id": order_id}
                )
        return True

    async def recover_interrupted_placements(
        self, admin_ids: Iterable[int], older_than: float = 0.0, skip: Iterable[int] = ()
    ) -> list[int]:
        """Orders left 'placing' by a crash may exist on the panel: hand them to admins."""
        async with self.db.read() as conn:
            query = "SELECT id FROM orders WHERE status = :placing AND created_at <= :before"
            params = {"placing": Stage.PLACING, "before": time.time() - older_than}
            ids = list((await conn.execute(query, params)).scalars().all())
        admins = list(admin_ids)
        skipped = set(skip)
        held = []
        for order_id in ids:
            if order_id not in skipped and await self.mark_uncertain(
                order_id, "interrupted while placing", admins, only_placing=True
            ):
                held.append(order_id)
        return held

    async def attach_panel_order(self, order_id: int, panel_order_id: int) -> bool:
        """An admin found the order on the panel: it is followed like any other."""
        async with self.db.write() as conn:
            row = await self._lock_order(conn, order_id)
            if row is None or row["status"] not in {Stage.UNCERTAIN, Stage.STUCK}:
                return False
            taken = await conn.execute(
                "SELECT id FROM orders WHERE panel = :panel AND panel_order_id = :panel_order_id"
                " AND id != :order_id",
                {"panel": row["panel"], "panel_order_id": panel_order_id, "order_id": order_id},
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
                conn,
                row["user_id"],
                OutboxKind.ORDER_STATUS,
                {"order_id": order_id},
                f"order:{order_id}",
            )
        return True

    async def owners_of(self, order_ids: Sequence[int]) -> set[int]:
        """Whose orders these are."""
        if not order_ids:
            return set()
        async with self.db.read() as conn:
            found = await conn.execute(
                "SELECT DISTINCT user_id FROM orders WHERE id IN :ids", {"ids": list(order_ids)}
            )
            return {int(row[0]) for row in found.all()}

    async def get_order(self, order_id: int, user_id: int | None = None) -> Order | None:
        """With `user_id`, only that user's order: anyone else's id is 'not found'."""
        query = _ORDER if user_id is None else _USERS_ORDER
        async with self.db.read() as conn:
            found = await conn.execute(query, {"order_id": order_id, "user_id": user_id})
            row = found.mappings().first()
        return order_from_row(row) if row else None

    async def order_by_token(self, token: str, user_id: int) -> int | None:
        query = "SELECT id FROM orders WHERE client_token = :token AND user_id = :user_id"
        async with self.db.read() as conn:
            found = await conn.execute(query, {"token": token, "user_id": user_id})
            order_id = found.scalar()
        return None if order_id is None else int(order_id)

    async def order_by_token_prefix(self, prefix: str, user_id: int) -> int | None:
        """The customer's first order whose token starts so (a mass order's lines; the prefix
        is the code's own, without LIKE's wildcards)."""
        query = (
            "SELECT id FROM orders WHERE user_id = :user_id AND client_token LIKE :pattern"
            " ORDER BY id LIMIT 1"
        )
        pattern = prefix.replace("%", "").replace("_", "") + "%"  # the code's own prefixes
        async with self.db.read() as conn:
            order_id = await conn.scalar(query, {"user_id": user_id, "pattern": pattern})
        return None if order_id is None else int(order_id)

    async def stages_by_token_prefix(self, prefix: str, user_id: int) -> list[Stage]:
        """The stages of the customer's orders whose token starts so (a mass order's lines)."""
        query = "SELECT status FROM orders WHERE user_id = :user_id AND client_token LIKE :pattern"
        pattern = prefix.replace("%", "").replace("_", "") + "%"  # the code's own prefixes
        async with self.db.read() as conn:
            found = await conn.execute(query, {"user_id": user_id, "pattern": pattern})
            return [Stage(row[0]) for row in found.all()]

    async def list_orders(self, user_id: int, offset: int = 0, limit: int = 10) -> list[Order]:
        params = {"user_id": user_id, "offset": offset, "limit": limit}
        async with self.db.read() as conn:
            found = await conn.execute(_USERS_ORDERS, params)
            return [order_from_row(r) for r in found.mappings().all()]

    async def count_orders(self, user_id: int) -> int:
        async with self.db.read() as conn:
            return int((await conn.execute(_COUNT_USERS_ORDERS, {"user_id": user_id})).scalar_one())

    async def orders_in_stages(self, stages: Iterable[Stage], limit: int = 100) -> list[Order]:
        query = "SELECT * FROM orders WHERE status IN :stages ORDER BY id LIMIT :limit"
        async with self.db.read() as conn:
            found = await conn.execute(query, {"stages": list(stages), "limit": limit})
            return [order_from_row(r) for r in found.mappings().all()]

    async def stalled_orders(self, limit: int = 20) -> list[Order]:
        """Open orders flagged as not moving, longest-stalled first."""
        query = (
            f"SELECT * FROM orders WHERE stalled_at IS NOT NULL AND {POLLED}"
            " ORDER BY stalled_at LIMIT :limit"
        )
        async with self.db.read() as conn:
            found = await conn.execute(query, {"limit": limit})
            return [order_from_row(r) for r in found.mappings().all()]

    async def outcomes_by_day(
        self, service_id: int, days: int, now: float | None = None
    ) -> list[tuple[str, dict[str, int]]]:
        """A service's orders that ended in the last `days` days, per day (UTC) and outcome:
        the console's timeline."""
        now = time.time() if now is None else now
        since = now - days * 86400
        ended = [Stage.COMPLETED, Stage.PARTIAL, Stage.CANCELED, Stage.REJECTED]
        async with self.db.read() as conn:
            found = await conn.execute(
                "SELECT status, status_changed_at FROM orders WHERE service_id = :service"
                " AND status IN :ended AND status_changed_at >= :since",
                {"service": service_id, "ended": [s.value for s in ended], "since": since},
            )
            rows = found.all()
        per_day: dict[str, dict[str, int]] = {}
        for status, at in rows:
            day = datetime.fromtimestamp(float(at), UTC).strftime("%Y-%m-%d")
            counts = per_day.setdefault(day, {stage.value: 0 for stage in ended})
            counts[str(status)] += 1
        return sorted(per_day.items())

    async def refund_of(self, order_id: int) -> Decimal:
        query = SUM_LEDGER + " WHERE ref = :ref"
        async with self.db.read() as conn:
            found = await conn.execute(query, {"ref": f"order:{order_id}:refund"})
            return from_micros(int(found.scalar_one()))

    async def refund_delivered(self, order_id: int) -> tuple[Decimal, Decimal] | None:
        """An admin refunds a completed or partial order (a dispute): the customer gets back
        what they paid and was not refunded yet, and the commission it earned is taken back,
        each once. Returns (refunded, taken back from the referrer), or None if not eligible."""
        async with self.db.write() as conn:
            row = await self._lock_order(conn, order_id)
            if row is None or row["status"] not in {Stage.COMPLETED, Stage.PARTIAL}:
                return None
            ref = f"order:{order_id}:refund-delivered"
            if await self._ref_used(conn, ref):
                return None
            before = await conn.execute(
                SUM_LEDGER + " WHERE order_id = :order_id AND kind = 'refund'",
                {"order_id": order_id},
            )
            micros = int(row["charge_micros"]) - int(before.scalar_one())
            await self._add_ledger(
                conn, row["user_id"], micros, "refund", ref=ref, order_id=order_id
            )
            await conn.execute(
                ADD_EVENT, {"order_id": order_id, "status": "refunded", "at": time.time()}
            )
            taken_back = await self._commissions.reverse(conn, order_id)
            payload = {"amount": str(from_micros(micros)), "currency": row["currency"]}
            await self._enqueue(conn, row["user_id"], OutboxKind.WALLET_CREDIT, payload)
        return from_micros(micros), taken_back

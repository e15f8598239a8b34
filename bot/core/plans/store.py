"""Plans, subscriptions and paid periods in the database. A period is recorded and its value
credited in one transaction, once per Telegram charge (its primary key): a payment update
delivered twice, or to two replicas, credits once."""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

from bot.core.money import to_micros
from bot.core.outbox import OutboxKind
from bot.core.payments.wallet_store import WalletStore
from bot.core.plans.rules import LIVE_STATES, Ending, Plan, State, Subscription
from bot.core.storage.base import StoreBase
from bot.core.storage.db import Conn, Database, IntegrityError

PAID = "paid"  # credited, its order not placed yet
PLACED = "placed"
CREDITED = "credited"  # the order could not be placed: its value stays in the wallet
PLAN_KIND = "plan"

_SUBSCRIPTION = (
    "SELECT s.id, s.user_id, s.plan_id, p.name, s.link, s.stars, s.state, s.first_charge,"
    " s.expires_at FROM plan_subscriptions s JOIN plans p ON p.id = s.plan_id"
)
_LIVE = sorted(state.value for state in LIVE_STATES)  # bound as `IN :live`
_PLANS = "SELECT id, name, service_id, quantity, stars, on_sale FROM plans"


def plan_ref(charge_id: str) -> str:
    return f"plan:{charge_id}"


def _subscription(row: Any) -> Subscription:
    return Subscription(
        id=int(row[0]),
        user_id=int(row[1]),
        plan_id=int(row[2]),
        plan_name=str(row[3]),
        link=str(row[4]),
        stars=int(row[5]),
        state=State(row[6]),
        first_charge=row[7],
        expires_at=None if row[8] is None else float(row[8]),
    )


def _plan(row: Any) -> Plan:
    return Plan(int(row[0]), str(row[1]), int(row[2]), int(row[3]), int(row[4]), bool(row[5]))


class PlanStore(StoreBase):
    def __init__(self, db: Database, wallets: WalletStore) -> None:
        super().__init__(db)
        self._wallets = wallets  # a period's value is credited in its own transaction

    # -- plans (the owner's) ---------------------------------------------------------------

    async def add_plan(self, name: str, service_id: int, quantity: int, stars: int) -> int:
        async with self.db.write() as conn:
            found = await conn.execute(
                "INSERT INTO plans (name, service_id, quantity, stars, on_sale, created_at)"
                " VALUES (:name, :service_id, :quantity, :stars, :on_sale, :now) RETURNING id",
                {
                    "name": name,
                    "service_id": service_id,
                    "quantity": quantity,
                    "stars": stars,
                    "on_sale": True,
                    "now": time.time(),
                },
            )
            return int(found.scalar_one())

    async def plans(self, on_sale_only: bool = True) -> list[Plan]:
        query = _PLANS + (" WHERE on_sale = :yes ORDER BY id" if on_sale_only else " ORDER BY id")
        async with self.db.read() as conn:
            found = await conn.execute(query, {"yes": True})
            return [_plan(row) for row in found.all()]

    async def plan(self, plan_id: int) -> Plan | None:
        async with self.db.read() as conn:
            found = await conn.execute(
                _PLANS + " WHERE id = :id",
                {"id": plan_id},
            )
            row = found.first()
            return None if row is None else _plan(row)

    async def has_plans_for(self, user_id: int) -> bool:
        """Is there a plan on sale, or one of this customer's running? (Balance's button.)"""
        async with self.db.read() as conn:
            found = await conn.execute(
                "SELECT 1 FROM plans WHERE on_sale = :yes UNION ALL SELECT 1 FROM"
                " plan_subscriptions WHERE user_id = :user AND state IN :live LIMIT 1",
                {"yes": True, "user": user_id, "live": _LIVE},
            )
            return found.first() is not None

    async def take_off_sale(self, plan_id: int) -> bool:
        async with self.db.write() as conn:
            done = await conn.execute(
                "UPDATE plans SET on_sale = :no WHERE id = :id AND on_sale = :yes",
                {"id": plan_id, "no": False, "yes": True},
            )
            return bool(done.rowcount)

    # -- subscriptions (the customers') ------------------------------------------------------

    async def open_subscription(self, user_id: int, plan: Plan, link: str) -> int:
        async with self.db.write() as conn:
            found = await conn.execute(
                "INSERT INTO plan_subscriptions"
                " (user_id, plan_id, link, stars, state, created_at)"
                " VALUES (:user_id, :plan_id, :link, :stars, :state, :now) RETURNING id",
                {
                    "user_id": user_id,
                    "plan_id": plan.id,
                    "link": link,
                    "stars": plan.stars,
                    "state": State.NEW,
                    "now": time.time(),
                },
            )
            return int(found.scalar_one())

    async def subscription(self, subscription_id: int) -> Subscription | None:
        async with self.db.read() as conn:
            found = await conn.execute(_SUBSCRIPTION + " WHERE s.id = :id", {"id": subscription_id})
            row = found.first()
            return None if row is None else _subscription(row)

    async def live_subscriptions(self, user_id: int) -> list[Subscription]:
        async with self.db.read() as conn:
            found = await conn.execute(
                _SUBSCRIPTION + " WHERE s.user_id = :user AND s.state IN :live ORDER BY s.id",
                {"user": user_id, "live": _LIVE},
            )
            return [_subscription(row) for row in found.all()]

    async def all_live(self) -> list[Subscription]:
        async with self.db.read() as conn:
            found = await conn.execute(
                _SUBSCRIPTION + " WHERE s.state IN :live ORDER BY s.id", {"live": _LIVE}
            )
            return [_subscription(row) for row in found.all()]

    async def set_cancelled(self, subscription_id: int, cancelled: bool) -> bool:
        """Cancelled: paid to the period's end, no renewal; or renewing again."""
        before, after = (
            (State.ACTIVE, State.CANCELLED)
            if cancelled
            else (
                State.CANCELLED,
                State.ACTIVE,
            )
        )
        async with self.db.write() as conn:
            done = await conn.execute(
                "UPDATE plan_subscriptions SET state = :after WHERE id = :id AND state = :before",
                {"id": subscription_id, "before": before, "after": after},
            )
            return bool(done.rowcount)

    async def end(self, subscription: Subscription, why: Ending) -> bool:
        """Ended, and the customer told, in one transaction (once: the state is checked)."""
        async with self.db.write() as conn:
            done = await conn.execute(
                "UPDATE plan_subscriptions SET state = :ended WHERE id = :id AND state = :state",
                {"id": subscription.id, "ended": State.ENDED, "state": subscription.state},
            )
            if not done.rowcount:
                return False
            payload = {"plan": subscription.plan_name, "why": why.value}
            await self._enqueue(conn, subscription.user_id, OutboxKind.PLAN_ENDED, payload)
            return True

    # -- paid periods ------------------------------------------------------------------------

    async def record_period(
        self,
        subscription: Subscription,
        charge_id: str,
        amount: Decimal,
        expires_at: float,
        now: float,
    ) -> bool:
        """A payment for `subscription`: the period recorded, its value credited to the wallet
        and the subscription active to `expires_at`. False: this charge was recorded before."""
        try:
            async with self.db.write() as conn:
                if await self._period_exists(conn, charge_id):
                    return False
                await self._wallets.move_in(
                    conn,
                    subscription.user_id,
                    to_micros(amount),
                    PLAN_KIND,
                    plan_ref(charge_id),
                    f"{subscription.plan_name} ({subscription.stars} XTR)",
                )
                await conn.execute(
                    "INSERT INTO plan_periods"
                    " (charge_id, subscription_id, user_id, amount, state, paid_at)"
                    " VALUES (:charge, :sub, :user, :amount, :state, :now)",
                    {
                        "charge": charge_id,
                        "sub": subscription.id,
                        "user": subscription.user_id,
                        "amount": str(amount),
                        "state": PAID,
                        "now": now,
                    },
                )
                await conn.execute(
                    "UPDATE plan_subscriptions SET state = :active,"
                    " first_charge = COALESCE(first_charge, :charge),"
                    " expires_at = CASE WHEN expires_at IS NULL OR expires_at < :until"
                    " THEN :until ELSE expires_at END WHERE id = :id",
                    {
                        "active": State.ACTIVE,
                        "charge": charge_id,
                        "until": expires_at,
                        "id": subscription.id,
                    },
                )
        except IntegrityError:
            return False  # the same charge recorded by a concurrent transaction
        return True

    @staticmethod
    async def _period_exists(conn: Conn, charge_id: str) -> bool:
        found = await conn.execute(
            "SELECT 1 FROM plan_periods WHERE charge_id = :charge", {"charge": charge_id}
        )
        return found.first() is not None

    async def unplaced_periods(self, paid_before: float) -> list[tuple[str, int, Decimal]]:
        """(charge, subscription, amount) of periods paid before `paid_before` whose order was
        not placed (the process stopped in between)."""
        async with self.db.read() as conn:
            found = await conn.execute(
                "SELECT charge_id, subscription_id, amount FROM plan_periods"
                " WHERE state = :paid AND paid_at < :before ORDER BY paid_at",
                {"paid": PAID, "before": paid_before},
            )
            return [(str(r[0]), int(r[1]), Decimal(r[2])) for r in found.all()]

    async def period_amount(self, charge_id: str) -> Decimal | None:
        async with self.db.read() as conn:
            found = await conn.execute(
                "SELECT amount FROM plan_periods WHERE charge_id = :charge", {"charge": charge_id}
            )
            row = found.first()
            return None if row is None else Decimal(row[0])

    async def close_period(
        self, charge_id: str, user_id: int, order_id: int | None, payload: dict[str, Any]
    ) -> bool:
        """The period's order was placed (or could not be): recorded and the customer told,
        once."""
        state = PLACED if order_id is not None else CREDITED
        async with self.db.write() as conn:
            done = await conn.execute(
                "UPDATE plan_periods SET state = :state, order_id = :order_id"
                " WHERE charge_id = :charge AND state = :paid",
                {"state": state, "order_id": order_id, "charge": charge_id, "paid": PAID},
            )
            if not done.rowcount:
                return False
            await self._enqueue(conn, user_id, OutboxKind.PLAN_PERIOD, payload)
            return True

    async def period_orders(self, subscription_id: int) -> list[int]:
        async with self.db.read() as conn:
            found = await conn.execute(
                "SELECT order_id FROM plan_periods WHERE subscription_id = :sub"
                " AND order_id IS NOT NULL ORDER BY paid_at",
                {"sub": subscription_id},
            )
            return [int(r[0]) for r in found.all()]

"""Crypto Pay invoices: recorded when made, credited once when paid (whether the webhook or
the poll says so first, however often), closed when expired."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from bot.core.payments.cryptopay import Invoice, InvoiceStatus
from bot.core.payments.wallet_store import WalletStore
from bot.core.storage.base import StoreBase
from bot.core.storage.db import Conn, Database

logger = logging.getLogger(__name__)


class Settled(StrEnum):
    CREDITED = "credited"
    UNCHANGED = "unchanged"  # already paid and credited, or still active
    EXPIRED = "expired"
    UNKNOWN = "unknown"  # not an invoice of this shop
    UNCLAIMED = "unclaimed"  # paid, for no customer (made in a group by an older version)


@dataclass(frozen=True)
class OpenInvoice:
    invoice_id: int
    user_id: int
    expires_at: float


def crypto_ref(invoice_id: int) -> str:
    return f"crypto:{invoice_id}"


class CryptoStore(StoreBase):
    def __init__(self, db: Database, wallets: WalletStore) -> None:
        super().__init__(db)
        self._wallets = wallets  # a paid invoice is credited in its own transaction

    async def record_invoice(
        self, invoice: Invoice, user_id: int, amount: Decimal, currency: str, expires_at: float
    ) -> None:
        async with self.db.write() as conn:
            await conn.execute(
                "INSERT INTO crypto_invoices"
                " (invoice_id, user_id, amount, currency, status, pay_url, created_at, expires_at)"
                " VALUES (:invoice_id, :user_id, :amount, :currency, :status, :pay_url, :now,"
                " :expires_at)",
                {
                    "invoice_id": invoice.invoice_id,
                    "user_id": user_id,
                    "amount": str(amount),
                    "currency": currency,
                    "status": InvoiceStatus.ACTIVE,
                    "pay_url": invoice.pay_url[:300],
                    "now": time.time(),
                    "expires_at": expires_at,
                },
            )

    async def open_invoice_count(self, user_id: int) -> int:
        query = (
            "SELECT COUNT(*) FROM crypto_invoices WHERE status = :active AND user_id = :user"
            " AND expires_at > :now"
        )
        params = {"active": InvoiceStatus.ACTIVE, "user": user_id, "now": time.time()}
        async with self.db.read() as conn:
            return int((await conn.execute(query, params)).scalar_one())

    async def open_invoices(self) -> list[OpenInvoice]:
        query = "SELECT invoice_id, user_id, expires_at FROM crypto_invoices WHERE status = :active"
        async with self.db.read() as conn:
            found = await conn.execute(query, {"active": InvoiceStatus.ACTIVE})
            return [OpenInvoice(r[0], r[1], r[2]) for r in found.all()]

    @staticmethod
    async def _is_customer(conn: Conn, user_id: int) -> bool:
        found = await conn.execute("SELECT 1 FROM users WHERE id = :id", {"id": user_id})
        return found.first() is not None

    async def settle_invoice(self, invoice_id: int, status: InvoiceStatus) -> Settled:
        """Record what Crypto Pay says of an invoice. Paid: the wallet is credited with the
        invoice's recorded amount, once per invoice id, the customer told in the same
        transaction (and an order waiting for the money offered)."""
        async with self.db.write() as conn:
            found = await conn.execute(
                "SELECT * FROM crypto_invoices WHERE invoice_id = :id FOR UPDATE",
                {"id": invoice_id},
            )
            row = found.mappings().first()
            if row is None:
                return Settled.UNKNOWN
            if row["status"] != InvoiceStatus.ACTIVE or status is InvoiceStatus.ACTIVE:
                return Settled.UNCHANGED
            await conn.execute(
                "UPDATE crypto_invoices SET status = :status, closed_at = :now"
                " WHERE invoice_id = :id",
                {"status": status, "now": time.time(), "id": invoice_id},
            )
            if status is InvoiceStatus.EXPIRED:
                return Settled.EXPIRED
            user_id, amount = int(row["user_id"]), Decimal(row["amount"])
            if not await self._is_customer(conn, user_id):
                await conn.execute(
                    "UPDATE crypto_invoices SET status = :status WHERE invoice_id = :id",
                    # Paid for nobody: kept for the admins to settle, never asked about again.
                    {"status": Settled.UNCLAIMED.value, "id": invoice_id},
                )
                logger.warning(
                    "a paid crypto invoice names no customer: left for an admin",
                    extra={"invoice": invoice_id, "amount": str(amount)},
                )
                return Settled.UNCLAIMED
            note = f"Crypto Pay invoice {invoice_id}"
            ref = crypto_ref(invoice_id)
            earned = await self._wallets.pay_in(conn, user_id, amount, "crypto", ref, note)
            if earned is None:
                return Settled.UNCHANGED
            currency = str(row["currency"])
            await self._wallets.queue_top_up_notices(conn, user_id, amount, currency, earned)
        return Settled.CREDITED

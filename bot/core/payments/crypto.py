"""Top-ups through Crypto Pay: making invoices, and learning that they were paid from the
webhook or, when it is lost (or the bot polls Telegram), from a regular check."""

from __future__ import annotations

import logging
import time
from decimal import Decimal
from enum import StrEnum

from bot.core.ops.apart import ItemFailures
from bot.core.ops.periodic import repeat
from bot.core.payments.crypto_store import CryptoStore, OpenInvoice, Settled
from bot.core.payments.cryptopay import (
    CryptoPayClient,
    CryptoPayError,
    Invoice,
    InvoiceStatus,
    parse_paid_update,
    verify_signature,
)
from bot.core.payments.cryptopay.client import INVOICE_SECONDS

logger = logging.getLogger(__name__)

MIN_AMOUNT = Decimal("0.10")
MAX_AMOUNT = Decimal(10_000)
CHECK_BATCH = 100
# After our own expiry, an invoice the API still calls active is deleted there.
EXPIRY_GRACE_SECONDS = 60.0


# Unpaid invoices a customer may hold at once: each one is a Crypto Pay call and a row the
# poller checks, and nobody pays four top-ups at the same time.
MAX_OPEN_INVOICES = 3


class TooManyInvoicesError(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"at most {limit} open invoices")
        self.limit = limit


class WebhookVerdict(StrEnum):
    ACCEPTED = "accepted"  # processed (credited now, or already)
    FORGED = "forged"  # the signature does not match: nothing happens
    IGNORED = "ignored"  # another update type, or not one of our invoices


class CryptoPayments:
    def __init__(
        self,
        client: CryptoPayClient,
        store: CryptoStore,
        token: str,
        assets: str,
        poll_seconds: float,
    ) -> None:
        self._client = client
        self._store = store
        self._token = token
        self._assets = assets
        self._poll_seconds = poll_seconds
        self._failures = ItemFailures("crypto invoice check")

    async def create_invoice(
        self, user_id: int, amount: Decimal, currency: str, description: str
    ) -> Invoice:
        """Raises TooManyInvoicesError when the customer has MAX_OPEN_INVOICES unpaid ones,
        CryptoPayError when Crypto Pay cannot make one now."""
        if await self._store.open_invoice_count(user_id) >= MAX_OPEN_INVOICES:
            raise TooManyInvoicesError(MAX_OPEN_INVOICES)
        invoice = await self._client.create_invoice(
            amount, currency, self._assets, description, payload=f"topup:{user_id}"
        )
        expires_at = time.time() + INVOICE_SECONDS
        await self._store.record_invoice(invoice, user_id, amount, currency, expires_at)
        return invoice

    async def on_webhook(self, body: bytes, signature: str | None) -> WebhookVerdict:
        if not verify_signature(self._token, body, signature):
            return WebhookVerdict.FORGED
        invoice = parse_paid_update(body)
        if invoice is None:
            return WebhookVerdict.IGNORED
        settled = await self._store.settle_invoice(invoice.invoice_id, invoice.status)
        if settled is Settled.UNKNOWN:
            return WebhookVerdict.IGNORED
        if settled is Settled.CREDITED:
            logger.info("crypto invoice paid (webhook)", extra={"invoice": invoice.invoice_id})
        return WebhookVerdict.ACCEPTED

    async def run(self) -> None:
        await repeat(self.check_open, self._poll_seconds, "crypto invoice check")

    async def check_open(self, now: float | None = None) -> int:
        """Ask Crypto Pay about every open invoice; returns how many were credited now."""
        now = time.time() if now is None else now
        open_invoices = await self._store.open_invoices()
        credited = 0
        for start in range(0, len(open_invoices), CHECK_BATCH):
            batch = open_invoices[start : start + CHECK_BATCH]
            try:
                known = {
                    i.invoice_id: i
                    for i in await self._client.invoices([item.invoice_id for item in batch])
                }
            except CryptoPayError as exc:
                logger.warning("crypto invoice check failed", extra={"error": str(exc)})
                return credited
            for item in batch:
                # One invoice that cannot be settled is retried next time; the rest go on.
                settled = await self._failures.each(
                    item.invoice_id, self._check_one(item, known.get(item.invoice_id), now)
                )
                credited += settled is Settled.CREDITED
        return credited

    async def _check_one(self, item: OpenInvoice, invoice: Invoice | None, now: float) -> Settled:
        overdue = now > item.expires_at + EXPIRY_GRACE_SECONDS
        if invoice is not None and invoice.status is not InvoiceStatus.ACTIVE:
            return await self._store.settle_invoice(item.invoice_id, invoice.status)
        if overdue and await self._closed_there(item.invoice_id, invoice is None):
            return await self._store.settle_invoice(item.invoice_id, InvoiceStatus.EXPIRED)
        return Settled.UNCHANGED

    async def _closed_there(self, invoice_id: int, unknown_there: bool) -> bool:
        """An overdue invoice is closed on Crypto Pay's side too before it is closed here,
        so that it cannot be paid after the shop stopped watching it."""
        if unknown_there:
            return True
        try:
            await self._client.delete_invoice(invoice_id)
        except CryptoPayError:
            return False
        return True

"""Crypto Pay (@CryptoBot): invoices in the wallet currency paid in crypto."""

from bot.core.payments.cryptopay.client import (
    CryptoPayClient,
    CryptoPayError,
    Invoice,
    InvoiceStatus,
)
from bot.core.payments.cryptopay.webhook import parse_paid_update, signature_of, verify_signature

__all__ = [
    "CryptoPayClient",
    "CryptoPayError",
    "Invoice",
    "InvoiceStatus",
    "parse_paid_update",
    "signature_of",
    "verify_signature",
]

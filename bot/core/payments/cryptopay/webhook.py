"""Webhook updates from Crypto Pay: who sent them (the signature) and what they say."""

from __future__ import annotations

import hashlib
import hmac
import json

from bot.core.payments.cryptopay.client import CryptoPayError, Invoice, invoice_from


def signature_of(token: str, body: bytes) -> str:
    """HMAC-SHA-256 of the raw body, keyed with the SHA-256 of the app's token (hex)."""
    secret = hashlib.sha256(token.encode()).digest()
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def verify_signature(token: str, body: bytes, signature: str | None) -> bool:
    # As bytes: a header of non-ASCII characters is a wrong signature, not an exception.
    expected = signature_of(token, body).encode()
    return bool(signature) and hmac.compare_digest(expected, str(signature).encode())


def parse_paid_update(body: bytes) -> Invoice | None:
    """The paid invoice an `invoice_paid` update carries; None for other updates."""
    try:
        update = json.loads(body)
    except ValueError:
        return None
    if not isinstance(update, dict) or update.get("update_type") != "invoice_paid":
        return None
    try:
        return invoice_from(update.get("payload"))
    except CryptoPayError:
        return None

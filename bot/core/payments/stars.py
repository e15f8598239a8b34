"""Telegram Stars top-ups: what an invoice asks, what a payment credits, and refunds."""

from __future__ import annotations

import time
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

STARS = "XTR"
MAX_TOPUP = 10_000
# An invoice is paid at the rate it was made with only this long: a link kept for days is
# refused at pre-checkout (the customer asks for a new one), so a changed STARS_PER_USD
# cannot be bypassed with an old link.
FRESH_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Invoice:
    user_id: int
    amount: int  # wallet currency units
    stars: int
    issued: int = 0  # epoch seconds; 0: a link made before invoices said when

    @property
    def payload(self) -> str:
        base = f"topup:{self.user_id}:{self.amount}:{self.stars}"
        return f"{base}:{self.issued}" if self.issued else base


def stars_for(amount: int, stars_per_unit: Decimal) -> int:
    stars = int((Decimal(amount) * stars_per_unit).to_integral_value(rounding=ROUND_CEILING))
    return max(1, stars)


def invoice_for(
    user_id: int, amount: int, stars_per_unit: Decimal, now: float | None = None
) -> Invoice:
    issued = int(time.time() if now is None else now)
    return Invoice(user_id, amount, stars_for(amount, stars_per_unit), issued)


def parse_payload(payload: str) -> Invoice | None:
    """The invoice a payload describes, or None if it is not one of ours."""
    kind, _, rest = payload.partition(":")
    parts = rest.split(":")
    if kind != "topup" or len(parts) not in {3, 4}:
        return None
    if not all(p.isdecimal() and len(p) < 19 for p in parts):
        return None
    numbers = [int(p) for p in parts]
    invoice = Invoice(*numbers)
    if not 0 < invoice.amount <= MAX_TOPUP or invoice.stars <= 0:
        return None
    return invoice


def is_fresh(invoice: Invoice, stars_per_unit: Decimal, now: float) -> bool:
    """May this invoice still be paid? A dated one while fresh; an undated one (made before
    invoices said when) only at today's rate."""
    if invoice.issued:
        return 0 <= now - invoice.issued <= FRESH_SECONDS
    return invoice.stars == stars_for(invoice.amount, stars_per_unit)


def check_payment(payload: str, currency: str, total: int, payer_id: int) -> Invoice | None:
    """The invoice if a pre-checkout or payment matches it exactly, else None."""
    invoice = parse_payload(payload)
    if (
        invoice is None
        or currency != STARS
        or total != invoice.stars
        or payer_id != invoice.user_id
    ):
        return None
    return invoice


def charge_ref(telegram_payment_charge_id: str) -> str:
    return f"stars:{telegram_payment_charge_id}"

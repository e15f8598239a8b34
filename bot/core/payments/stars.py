"""Telegram Stars top-ups: what an invoice asks, what a payment credits, and refunds."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

STARS = "XTR"
MAX_TOPUP = 10_000


@dataclass(frozen=True)
class Invoice:
    user_id: int
    amount: int  # wallet currency units
    stars: int

    @property
    def payload(self) -> str:
        return f"topup:{self.user_id}:{self.amount}:{self.stars}"


def invoice_for(user_id: int, amount: int, stars_per_unit: Decimal) -> Invoice:
    stars = int((Decimal(amount) * stars_per_unit).to_integral_value(rounding=ROUND_CEILING))
    return Invoice(user_id=user_id, amount=amount, stars=max(1, stars))


def parse_payload(payload: str) -> Invoice | None:
    """The invoice a payload describes, or None if it is not one of ours."""
    kind, _, rest = payload.partition(":")
    parts = rest.split(":")
    if kind != "topup" or len(parts) != 3 or not all(p.isdecimal() and len(p) < 19 for p in parts):
        return None
    invoice = Invoice(user_id=int(parts[0]), amount=int(parts[1]), stars=int(parts[2]))
    if not 0 < invoice.amount <= MAX_TOPUP or invoice.stars <= 0:
        return None
    return invoice


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

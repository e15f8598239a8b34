"""Referrals: the share code, who may be tied to whom, and what a referrer earns. Plain rules;
the storage applies them in the transaction that completes the order."""

from __future__ import annotations

import secrets
from decimal import ROUND_DOWN, Decimal, InvalidOperation

from bot.core.money import CENT

START_PREFIX = "ref_"
# No 0/O or 1/I/L: a code read aloud or retyped still works.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
DEFAULT_PERCENT = Decimal(5)
MAX_PERCENT = Decimal(50)
PERCENT_KEY = "referral:percent"  # the admins' setting in the key-value table


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def code_from_start(payload: str | None) -> str | None:
    """The code in a `/start ref_<code>` deep link, or None for any other payload."""
    if not payload or not payload.startswith(START_PREFIX):
        return None
    code = payload.removeprefix(START_PREFIX).upper()
    if len(code) != CODE_LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def may_tie(user_id: int, referrer_id: int | None, referrer_banned: bool, is_new: bool) -> bool:
    """Only a customer who has just arrived is tied, to someone else who is in good standing."""
    return is_new and referrer_id is not None and referrer_id != user_id and not referrer_banned


def commission(paid: Decimal, refunded: Decimal, percent: Decimal) -> Decimal:
    """The referrer's share of what the order delivered: what the customer paid less what was
    refunded, times the percent, rounded down to the cent (never more than was earned)."""
    delivered = max(Decimal(0), paid - refunded)
    return (delivered * percent / 100).quantize(CENT, rounding=ROUND_DOWN)


def parse_percent(text: str) -> Decimal | None:
    """An admin's `/referral <percent>`: 0 ("off") to MAX_PERCENT, or None if not a percent."""
    value = text.strip().rstrip("%").replace(",", ".")
    if value.lower() == "off":
        return Decimal(0)
    try:
        percent = Decimal(value)
    except InvalidOperation:
        return None
    if not percent.is_finite() or not 0 <= percent <= MAX_PERCENT:
        return None
    return percent.to_integral_value() if percent == percent.to_integral_value() else percent


def stored_percent(value: str | None, default: Decimal) -> Decimal:
    if value is None:
        return default
    try:
        return Decimal(value)
    except InvalidOperation:
        return default

"""A child shop's monthly fee in Stars (CHILD_SHOP_FEE_STARS): a Telegram Stars subscription
its owner pays in the parent's chat. A new child runs for a grace period before the first
payment; one whose paid period (and the grace after it) ran out is paused until it is paid.
Plain rules: the sweep, the checkout and the payment decide here."""

from __future__ import annotations

from bot.core.domain import parse_id
from bot.core.payments.stars import STARS

PERIOD_SECONDS = 30 * 86400  # Telegram's only subscription period
GRACE_SECONDS = 3 * 86400
_PREFIX = "childfee:"


def payload_of(bot_id: int) -> str:
    return f"{_PREFIX}{bot_id}"


def is_fee_payload(payload: str) -> bool:
    return payload.startswith(_PREFIX)


def child_in(payload: str) -> int | None:
    rest = payload.removeprefix(_PREFIX)
    return parse_id(rest) if rest != payload else None


def paid_through(created_at: float, paid_until: float | None) -> float:
    """Until when the child runs without paying again: its paid period, or the grace of a
    new child — and the grace after either."""
    return max(paid_until or 0.0, created_at) + GRACE_SECONDS


def lapsed(now: float, fee_stars: int, created_at: float, paid_until: float | None) -> bool:
    return fee_stars > 0 and now > paid_through(created_at, paid_until)


def payment_matches(
    currency: str, total: int, payer_id: int, owner_id: int, fee_stars: int
) -> bool:
    """A fee payment (first or renewal): in Stars, today's fee, from the child's owner."""
    return currency == STARS and fee_stars > 0 and total == fee_stars and payer_id == owner_id


def extended(paid_until: float | None, expiration: int | None, now: float) -> float:
    """The paid period after a payment: Telegram's expiration of the subscription (a payment
    delivered twice sets the same end), else a period from now; never shortened."""
    end = float(expiration) if expiration else now + PERIOD_SECONDS
    return max(paid_until or 0.0, min(end, now + 2 * PERIOD_SECONDS))

"""Money arithmetic. Everything is Decimal; the database keeps integer micro-units."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

MICROS = Decimal(1_000_000)
CENT = Decimal("0.01")
PER = Decimal(1000)  # panel rates are per 1000 units


def to_micros(amount: Decimal) -> int:
    return int((amount * MICROS).to_integral_value(rounding=ROUND_DOWN))


def from_micros(micros: int) -> Decimal:
    return (Decimal(micros) / MICROS).quantize(Decimal("0.000001"))


def round_up_to_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_CEILING)


def with_markup(rate: Decimal, markup_percent: Decimal) -> Decimal:
    """The customer's price per 1000 units."""
    return rate * (1 + markup_percent / 100)


def panel_cost(rate: Decimal, units: int) -> Decimal:
    return rate * units / PER


def customer_price(rate: Decimal, units: int, markup_percent: Decimal) -> Decimal:
    """rate × units / 1000 × (1 + markup), rounded up to the cent (never sell at a loss)."""
    return round_up_to_cents(panel_cost(rate, units) * (1 + markup_percent / 100))


MAX_NUMBER_TEXT = 40  # characters: no amount or percent anyone types is longer
MAX_TYPED_DIGITS = 12  # digits before the point: a trillion is past every amount the shop takes


def parse_decimal(text: str) -> Decimal | None:
    """A finite number someone typed ("12.5", "12,5"); None for words, NaN and infinities
    (a NaN cannot even be compared: `Decimal(0) <= Decimal("NaN")` raises)."""
    text = text.strip().replace(",", ".")
    if not text or len(text) > MAX_NUMBER_TEXT:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if not value.is_finite() or value.adjusted() > MAX_TYPED_DIGITS:
        return None  # "1E30" is no amount anyone means (and cannot be rounded to cents)
    return value


def partial_refund(charge: Decimal, ordered_units: int, remains: int) -> Decimal:
    """What was not delivered, at the unit price the customer paid, rounded down to the cent:
    wallets hold whole cents, so what a customer is shown is exactly what they hold."""
    if ordered_units <= 0 or remains <= 0:
        return Decimal(0)
    remains = min(remains, ordered_units)
    refund = charge * remains / ordered_units
    return refund.quantize(CENT, rounding=ROUND_DOWN)


RATE_PLACES = 5


def fmt(amount: Decimal) -> str:
    """An amount of money, always with the currency's two decimals ("8.00", "0.29")."""
    return f"{amount.quantize(CENT, rounding=ROUND_HALF_UP):f}"


def fmt_rate(rate: Decimal) -> str:
    """A price per 1000 units: as many decimals as it has, at least two, at most five
    ("8.00", "0.90", "0.0125"); a longer one is rounded up, never shown cheaper than it is."""
    shown = rate.quantize(Decimal(1).scaleb(-RATE_PLACES), rounding=ROUND_CEILING).normalize()
    if -shown.as_tuple().exponent < 2:  # type: ignore[operator]
        shown = shown.quantize(CENT)
    return f"{shown:f}"

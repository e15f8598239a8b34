"""Amount thresholds as TOPUP_BONUSES and SPEND_TIERS write them: "50:5,100:10" means "from 50
on, 5 %; from 100 on, 10 %". Plain rules, read by the settings, the wallet and the quoter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal, InvalidOperation

from bot.core.money import CENT

MAX_STEPS = 20


@dataclass(frozen=True, slots=True)
class Step:
    threshold: Decimal  # from this amount on (inclusive)…
    percent: Decimal  # …this percent


def parse_steps(text: str) -> tuple[Step, ...]:
    """`"50:5,100:10"` → steps sorted by threshold; ValueError says what is wrong (the
    settings show it at start-up). Empty text: no steps."""
    steps: list[Step] = []
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        threshold, colon, percent = part.partition(":")
        try:
            step = Step(Decimal(threshold), Decimal(percent.rstrip("%")))
        except InvalidOperation:
            step = None
        if not colon or step is None or not step.threshold.is_finite():
            raise ValueError(f"{part!r} is not amount:percent, e.g. 100:10")
        if step.threshold <= 0 or not 0 < step.percent < 100:
            raise ValueError(f"{part!r}: the amount must be above 0 and the percent 0-100")
        steps.append(step)
    thresholds = [step.threshold for step in steps]
    if len(set(thresholds)) != len(thresholds):
        raise ValueError("an amount appears twice")
    if len(steps) > MAX_STEPS:
        raise ValueError(f"at most {MAX_STEPS} steps")
    return tuple(sorted(steps, key=lambda step: step.threshold))


def reached(amount: Decimal, steps: Sequence[Step]) -> Step | None:
    """The highest step whose threshold the amount reaches."""
    found = None
    for step in steps:  # sorted by threshold
        if amount >= step.threshold:
            found = step
    return found


def next_step(amount: Decimal, steps: Sequence[Step]) -> Step | None:
    """The first step the amount has not reached yet."""
    return next((step for step in steps if amount < step.threshold), None)


def bonus(amount: Decimal, steps: Sequence[Step]) -> Decimal:
    """What a top-up of `amount` earns on top: its step's percent, rounded down to the cent
    (wallets hold whole cents; the shop never gives more than it promised)."""
    step = reached(amount, steps)
    if step is None:
        return Decimal(0)
    return (amount * step.percent / 100).quantize(CENT, rounding=ROUND_DOWN)

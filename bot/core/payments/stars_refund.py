"""Refunding a Stars top-up: the wallet gives the money back before Telegram does, and gets
it back only when Telegram definitely did not refund.

Like an uncertain `add`, an answer that may follow a refund (a timeout, a dropped connection,
Telegram's 5xx) is never taken as a refusal: the wallet stays debited and the refund is held
as uncertain for admins (/pending). Running the same refund again is safe: the debit is made
once per attempt, and Telegram answers CHARGE_ALREADY_REFUNDED for one it already made."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from bot.core.payments.stars import charge_ref
from bot.core.payments.wallet_store import WalletStore, bonus_ref
from bot.core.storage.kv import KeyValueStore

UNCERTAIN_PREFIX = "stars-refund-uncertain:"
MAX_ATTEMPTS = 20


class RefundAnswer(StrEnum):
    """What Telegram's answer to refundStarPayment means (the Telegram layer decides)."""

    DONE = "done"
    ALREADY_REFUNDED = "already_refunded"  # CHARGE_ALREADY_REFUNDED: done, by an earlier try
    REFUSED = "refused"  # a definite no: nothing was refunded
    UNKNOWN = "unknown"  # no answer, or one that may follow a refund


# Sends the refund to Telegram: (user id, charge id) → what the answer means.
SendRefund = Callable[[int, str], Awaitable[RefundAnswer]]


class StarsRefundOutcome(StrEnum):
    DONE = "done"
    UNKNOWN_CHARGE = "unknown_charge"
    WALLET_SHORT = "wallet_short"  # already spent (the payment or its bonus): nothing is sent back
    FAILED = "failed"  # Telegram refused; the debit was reversed
    UNCERTAIN = "uncertain"  # the wallet stays debited; run it again to finish


@dataclass(frozen=True)
class StarsRefund:
    outcome: StarsRefundOutcome
    user_id: int | None = None
    amount: Decimal | None = None


def debit_ref(charge_id: str, attempt: int) -> str:
    # The first attempt keeps the reference refunds always had.
    return f"stars-refund:{charge_id}" + (f":{attempt}" if attempt else "")


def reversal_ref(charge_id: str, attempt: int) -> str:
    return f"stars-refund-failed:{charge_id}" + (f":{attempt}" if attempt else "")


async def _attempt(wallets: WalletStore, charge_id: str) -> int:
    """The attempt in progress: each definite refusal reversed one debit, and the next
    attempt debits anew."""
    for attempt in range(MAX_ATTEMPTS):
        if await wallets.ledger_entry(reversal_ref(charge_id, attempt)) is None:
            return attempt
    return MAX_ATTEMPTS


async def refund_stars(
    wallets: WalletStore, settings: KeyValueStore, charge_id: str, send: SendRefund
) -> StarsRefund:
    topup = await wallets.ledger_entry(charge_ref(charge_id))
    if topup is None:
        return StarsRefund(StarsRefundOutcome.UNKNOWN_CHARGE)
    user_id, paid = topup
    # The bonus that payment earned goes back with it: a refund never leaves a gift behind.
    bonus = await wallets.ledger_entry(bonus_ref(charge_ref(charge_id)))
    amount = paid + (bonus[1] if bonus else Decimal(0))
    attempt = await _attempt(wallets, charge_id)
    debited = await wallets.ledger_entry(debit_ref(charge_id, attempt)) is not None
    # Take the money back first: a wallet that no longer holds it is not refunded in Stars.
    if not debited and not await wallets.debit(
        user_id, amount, "stars_refund", ref=debit_ref(charge_id, attempt)
    ):
        return StarsRefund(StarsRefundOutcome.WALLET_SHORT, user_id, amount)
    answer = await send(user_id, charge_id)
    if answer is RefundAnswer.UNKNOWN:
        await settings.set_kv(UNCERTAIN_PREFIX + charge_id, f"{user_id}:{amount}")
        return StarsRefund(StarsRefundOutcome.UNCERTAIN, user_id, amount)
    await settings.set_kv(UNCERTAIN_PREFIX + charge_id, None)
    if answer is RefundAnswer.REFUSED:
        # The Stars did not go back: neither may the wallet's money stay taken.
        await wallets.credit(
            user_id,
            amount,
            "credit",
            ref=reversal_ref(charge_id, attempt),
            note="Stars refund refused; debit reversed",
        )
        return StarsRefund(StarsRefundOutcome.FAILED, user_id, amount)
    return StarsRefund(StarsRefundOutcome.DONE, user_id, amount)


async def uncertain_refunds(settings: KeyValueStore) -> list[tuple[str, int, Decimal]]:
    """(charge id, user id, amount) of the refunds whose outcome is not known yet."""
    found = await settings.kv_with_prefix(UNCERTAIN_PREFIX)
    held = []
    for key, value in found.items():
        user, _, amount = value.partition(":")
        held.append((key.removeprefix(UNCERTAIN_PREFIX), int(user), Decimal(amount)))
    return held

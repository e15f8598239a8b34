"""Refunding a Stars top-up: the wallet gives the money back before Telegram does."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from bot.core.payments.stars import charge_ref
from bot.core.payments.wallet_store import WalletStore

# Sends the refund to the payment provider: (user id, charge id).
SendRefund = Callable[[int, str], Awaitable[object]]


class StarsRefundOutcome(StrEnum):
    DONE = "done"
    UNKNOWN_CHARGE = "unknown_charge"
    WALLET_SHORT = "wallet_short"  # already spent (or refunded): nothing is sent back
    FAILED = "failed"  # Telegram refused; the debit was reversed


@dataclass(frozen=True)
class StarsRefund:
    outcome: StarsRefundOutcome
    user_id: int | None = None
    amount: Decimal | None = None
    error: str | None = None


async def refund_stars(wallets: WalletStore, charge_id: str, send: SendRefund) -> StarsRefund:
    topup = await wallets.ledger_entry(charge_ref(charge_id))
    if topup is None:
        return StarsRefund(StarsRefundOutcome.UNKNOWN_CHARGE)
    user_id, amount = topup
    # Take the money back first: a wallet that no longer holds it is not refunded in Stars.
    if not await wallets.debit(user_id, amount, "stars_refund", ref=f"stars-refund:{charge_id}"):
        return StarsRefund(StarsRefundOutcome.WALLET_SHORT, user_id, amount)
    try:
        await send(user_id, charge_id)
    except Exception as exc:
        # Whatever Telegram said, the Stars did not go back: neither may the wallet's money.
        await wallets.credit(
            user_id,
            amount,
            "credit",
            ref=f"stars-refund-failed:{charge_id}",
            note="Stars refund failed; debit reversed",
        )
        return StarsRefund(StarsRefundOutcome.FAILED, user_id, amount, type(exc).__name__)
    return StarsRefund(StarsRefundOutcome.DONE, user_id, amount)

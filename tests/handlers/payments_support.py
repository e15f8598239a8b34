"""Helpers shared by the tests moved out of tests/test_admin_money.py."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from aiogram.methods import AnswerPreCheckoutQuery
from aiogram.types import Chat, Message, PreCheckoutQuery, SuccessfulPayment, Update

from tests.conftest import Harness
from tests.fakes import user


def pre_checkout(user_id: int, payload: str, total: int, currency: str = "XTR") -> Update:
    return Update(
        update_id=int(time.time() * 1000) % 10**9,
        pre_checkout_query=PreCheckoutQuery(
            id=f"pc{user_id}{total}",
            from_user=user(user_id),
            currency=currency,
            total_amount=total,
            invoice_payload=payload,
        ),
    )


def paid(
    user_id: int, payload: str, total: int, charge_id: str, expires: int | None = None
) -> Update:
    """A successful payment; with `expires`, a subscription's (its period ends then)."""
    return Update(
        update_id=int(time.time() * 1000) % 10**9,
        message=Message(
            message_id=5,
            date=datetime.now(tz=UTC),
            chat=Chat(id=user_id, type="private"),
            from_user=user(user_id),
            successful_payment=SuccessfulPayment(
                currency="XTR",
                total_amount=total,
                invoice_payload=payload,
                telegram_payment_charge_id=charge_id,
                provider_payment_charge_id="",
                subscription_expiration_date=expires,
                is_recurring=True if expires is not None else None,
            ),
        ),
    )


def answers(h: Harness) -> list[AnswerPreCheckoutQuery]:
    return [c for c in h.session.calls if isinstance(c, AnswerPreCheckoutQuery)]

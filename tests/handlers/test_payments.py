"""Stars top-ups (handlers/payments.py)."""

from __future__ import annotations

from decimal import Decimal

from aiogram.methods import SendInvoice

from bot.core.payments.stars import invoice_for
from tests.conftest import ADMIN_ID, Harness
from tests.fakes import text_update
from tests.handlers.payments_support import (
    answers,
    paid,
    pre_checkout,
)


async def test_topup_sends_a_stars_invoice(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "Balance")
    assert "Top up 10.00 USD" in str(h.session.last(user_id).reply_markup)
    h.session.clear()
    await h.feed(text_update(user_id, "/topup 10"))
    [invoice] = [c for c in h.session.calls if isinstance(c, SendInvoice)]
    assert invoice.currency == "XTR"
    assert invoice.prices[0].amount == 500
    assert invoice.payload == invoice_for(user_id, 10, Decimal(50)).payload


async def test_pre_checkout_is_checked_and_a_duplicated_payment_credits_once(
    harness: Harness,
) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "/start")
    invoice = invoice_for(user_id, 10, Decimal(50))
    h.session.clear()
    await h.feed(pre_checkout(user_id, invoice.payload, invoice.stars))
    await h.feed(pre_checkout(user_id, invoice.payload, invoice.stars - 1))  # tampered amount
    await h.feed(
        pre_checkout(user_id + 1, invoice.payload, invoice.stars)
    )  # someone else's invoice
    assert [a.ok for a in answers(h)] == [True, False, False]
    for _ in range(2):
        await h.feed(paid(user_id, invoice.payload, invoice.stars, f"charge-{user_id}"))
    assert await h.services.stores.wallets.balance(user_id) == Decimal(10)
    assert sum("10.00 USD added" in t for t in h.session.texts(user_id)) == 1


async def test_a_banned_user_is_refused_at_pre_checkout_and_otherwise_ignored(
    harness: Harness,
) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "/start")
    await h.say(ADMIN_ID, f"/ban {user_id}")
    assert f"{user_id} is banned" in h.session.texts(ADMIN_ID)[-1]
    invoice = invoice_for(user_id, 5, Decimal(50))
    h.session.clear()
    await h.feed(pre_checkout(user_id, invoice.payload, invoice.stars))
    assert [a.ok for a in answers(h)] == [False]
    first = await h.say(user_id, "/start")
    assert "suspended" in first
    assert await h.say(user_id, "New order") == ""  # told once, then ignored
    await h.say(ADMIN_ID, f"/unban {user_id}")
    assert "Hello" in await h.say(user_id, "/start")

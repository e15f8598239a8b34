"""Stars top-ups (handlers/payments.py)."""

from __future__ import annotations

from decimal import Decimal

from aiogram.methods import SendInvoice

from bot.core.payments.stars import invoice_for, parse_payload
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
    made = parse_payload(invoice.payload)
    assert made is not None and (made.user_id, made.amount, made.stars) == (user_id, 10, 500)


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


async def test_an_old_invoice_is_refused_at_pre_checkout_and_a_fresh_one_keeps_its_rate(
    harness: Harness,
) -> None:
    """Issue 34: an invoice link made at an old STARS_PER_USD credited at that rate forever.
    A fresh invoice is paid at the rate it was made with; an expired one is refused before
    any Star moves, with a word on what to do."""
    import time

    h = harness
    user_id = h.new_user()
    await h.say(user_id, "/start")
    rate = h.services.settings.stars_per_usd
    stale = invoice_for(user_id, 10, rate, now=time.time() - 3 * 24 * 3600)
    cheap_legacy = f"topup:{user_id}:10:{int(10 * rate) // 2}"  # a link from before, half price
    fair_legacy = f"topup:{user_id}:10:{invoice_for(user_id, 10, rate).stars}"
    fresh = invoice_for(user_id, 10, rate)
    h.session.clear()
    await h.feed(pre_checkout(user_id, stale.payload, stale.stars))
    await h.feed(pre_checkout(user_id, cheap_legacy, int(10 * rate) // 2))
    await h.feed(pre_checkout(user_id, fair_legacy, fresh.stars))
    await h.feed(pre_checkout(user_id, fresh.payload, fresh.stars))
    said = answers(h)
    assert [a.ok for a in said] == [False, False, True, True]
    assert said[0].error_message is not None and "expired" in said[0].error_message

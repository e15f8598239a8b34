"""Crypto Pay top-ups (handlers/crypto.py, bot/core/payments/crypto.py, the webhook in
bot/web.py) against the local stand-in of the Crypto Pay API, over real HTTP."""

from __future__ import annotations

import logging
from decimal import Decimal

import pytest

from bot.core.payments.crypto import CryptoPayments
from tests.conftest import Harness
from tests.fakes import buttons, links
from tests.handlers.flows import deliver_outbox


def crypto(h: Harness) -> CryptoPayments:
    assert h.services.crypto is not None
    return h.services.crypto


async def _invoice(h: Harness, user_id: int, amount: str) -> int:
    reply = await h.say(user_id, f"/crypto {amount}")
    assert f"Invoice for {Decimal(amount):.2f} USD" in reply, reply
    [(_, url)] = links(h.session.last(user_id).reply_markup)
    invoice_id = int(str(url).rsplit("IV", 1)[1])
    assert h.crypto.invoices[invoice_id]["amount"] == amount
    assert h.crypto.invoices[invoice_id]["fiat"] == "USD"
    return invoice_id


async def _credits(h: Harness, invoice_id: int) -> int:
    async with h.services.db.read() as conn:
        found = await conn.execute(
            "SELECT id FROM ledger WHERE ref = :ref", {"ref": f"crypto:{invoice_id}"}
        )
        return len(found.all())


async def _status(h: Harness, invoice_id: int) -> str:
    async with h.services.db.read() as conn:
        found = await conn.execute(
            "SELECT status FROM crypto_invoices WHERE invoice_id = :id", {"id": invoice_id}
        )
        return str(found.scalar_one())


async def test_a_paid_invoice_credits_the_wallet_once_however_often_the_webhook_comes(
    harness: Harness,
) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "/start")
    invoice_id = await _invoice(h, user_id, "12.50")
    assert await h.services.stores.wallets.balance(user_id) == 0  # nothing before it is paid
    h.crypto.pay(invoice_id)
    assert await h.crypto.send_webhook(invoice_id) == 200
    assert await h.crypto.send_webhook(invoice_id) == 200  # Crypto Pay retries: still once
    assert await h.services.stores.wallets.balance(user_id) == Decimal("12.50")
    assert await _credits(h, invoice_id) == 1
    assert await crypto(h).check_open() == 0  # the poll finds nothing left to do
    h.session.clear()
    await deliver_outbox(h)
    assert "12.50 USD was added to your wallet" in " ".join(h.session.texts(user_id))


async def test_a_forged_webhook_is_refused_and_a_lost_one_is_found_by_polling(
    harness: Harness,
) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "/start")
    invoice_id = await _invoice(h, user_id, "7")
    h.crypto.pay(invoice_id)
    assert await h.crypto.send_webhook(invoice_id, token="999:forged") == 401
    assert await h.services.stores.wallets.balance(user_id) == 0
    # The real webhook never arrives: the regular check learns of the payment.
    assert await crypto(h).check_open() == 1
    assert await h.services.stores.wallets.balance(user_id) == Decimal(7)
    assert await h.crypto.send_webhook(invoice_id) == 200  # late webhook: nothing more
    assert await _credits(h, invoice_id) == 1


async def test_expired_invoices_are_closed_and_never_credited(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "/start")
    expired = await _invoice(h, user_id, "5")
    overdue = await _invoice(h, user_id, "6")
    h.crypto.expire(expired)
    await crypto(h).check_open()
    assert await _status(h, expired) == "expired"
    assert await _status(h, overdue) == "active"
    # Past its hour the shop closes it on Crypto Pay too, so it cannot be paid unseen.
    later = h.crypto.invoices[overdue]
    assert later["status"] == "active"
    await crypto(h).check_open(now=10**10)
    assert await _status(h, overdue) == "expired"
    assert overdue not in h.crypto.invoices
    assert await h.services.stores.wallets.balance(user_id) == 0


async def test_crypto_pay_down_is_said_plainly_and_logs_no_error(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "/start")
    h.crypto.down = True
    try:
        with caplog.at_level(logging.WARNING):
            reply = await h.say(user_id, "/crypto 5")
            assert await crypto(h).check_open() == 0
    finally:
        h.crypto.down = False
    assert "temporarily unavailable" in reply
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert h.crypto.token not in caplog.text


async def test_amounts_from_buttons_and_typed_amounts_are_checked(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "Balance")
    await h.press(user_id, "Pay with crypto")
    labels = [text for text, _ in buttons(h.session.last(user_id).reply_markup)]
    assert "💎 Pay 10.00 USD in crypto" in labels
    reply = await h.press(user_id, "Pay 10.00 USD in crypto")
    assert "Invoice for 10.00 USD" in reply
    for wrong in ("", "abc", "0", "0.001", "99999999", "-5"):
        assert "Send /crypto AMOUNT" in await h.say(user_id, f"/crypto {wrong}".strip())


async def test_a_fourth_open_invoice_is_refused_until_one_is_paid(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "/start")
    opened = [await _invoice(h, user_id, amount) for amount in ("5", "6", "7")]
    made = len(h.crypto.invoices)
    assert "3 unpaid invoices" in await h.say(user_id, "/crypto 8")
    assert len(h.crypto.invoices) == made  # Crypto Pay was not even asked
    h.crypto.pay(opened[0])
    assert await h.crypto.send_webhook(opened[0]) == 200
    await _invoice(h, user_id, "8")  # one was paid: room for another


async def test_an_invoice_made_for_a_group_stops_neither_the_webhook_nor_the_others(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 34: an invoice an earlier version made for a group's id could not be credited (no
    such customer): the webhook answered 500 on every retry and the regular check stopped at
    it, so later invoices were never credited by polling."""
    h = harness
    first, second = h.new_user(), h.new_user()
    await h.say(first, "/start")
    await h.say(second, "/start")
    before = await _invoice(h, first, "3")
    group_invoice = await _invoice(h, second, "4")
    after = await _invoice(h, second, "5")
    async with h.services.db.write() as conn:  # as the old /crypto in a group recorded it
        await conn.execute(
            "UPDATE crypto_invoices SET user_id = -1001234 WHERE invoice_id = :id",
            {"id": group_invoice},
        )
    for invoice_id in (before, group_invoice, after):
        h.crypto.pay(invoice_id)
    assert await h.crypto.send_webhook(group_invoice) == 200
    with caplog.at_level(logging.WARNING):
        assert await crypto(h).check_open() == 2
    assert await h.services.stores.wallets.balance(first) == Decimal(3)
    assert await h.services.stores.wallets.balance(second) == Decimal(5)
    assert await _status(h, group_invoice) == "unclaimed"
    assert await crypto(h).check_open() == 0  # settled: not asked about again

"""An order the wallet cannot pay waits for the top-up (handlers/order_form.py, the
HELD_ORDER_READY notice): exact shortfall, top-up buttons, one tap to place once paid."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from bot.core.payments.stars import invoice_for
from tests.conftest import ADMIN_ID, Harness
from tests.fakes import buttons
from tests.handlers.flows import add_requests, confirm, deliver_outbox, fill_form, open_service
from tests.handlers.payments_support import paid

SERVICE_ID = 2


async def _short_summary(h: Harness, user_id: int, funds: str) -> tuple[str, Decimal]:
    """Fill a form with `funds` in the wallet; returns the summary and the price."""
    await h.fund(user_id, funds)
    service = (await h.services.catalog.get()).by_id[SERVICE_ID]
    await open_service(h, user_id, SERVICE_ID)
    summary = await fill_form(h, user_id, service)
    price = h.services.pricing.price(service, 1000)
    return summary, price


async def _pay_stars(h: Harness, user_id: int, amount: int, charge: str) -> None:
    invoice = invoice_for(user_id, amount, h.services.settings.stars_per_usd)
    await h.feed(paid(user_id, invoice.payload, invoice.stars, charge))


async def test_a_short_wallet_shows_the_shortfall_and_the_order_is_placed_once_after_stars(
    harness: Harness,
) -> None:
    h = harness
    user_id = h.new_user()
    summary, price = await _short_summary(h, user_id, "1")
    missing = price - 1
    assert f"{missing:.2f} USD missing" in summary
    whole = int(missing.to_integral_value(rounding=ROUND_CEILING))
    labels = [text for text, _ in buttons(h.session.last(user_id).reply_markup)]
    assert f"⭐ Top up {whole}.00 USD" in labels
    assert f"💎 Pay {missing:.2f} USD in crypto" in labels
    placed_before = len(add_requests(h))
    await _pay_stars(h, user_id, whole, f"held-{user_id}")
    assert len(add_requests(h)) == placed_before  # nothing is placed without the tap
    h.session.clear()
    await deliver_outbox(h)
    ready = h.session.texts(user_id)[-1]
    assert "Payment received: your order is ready to place" in ready
    assert f"Price: <b>{price:.2f} USD</b>" in ready
    [place_now] = [d for t, d in buttons(h.session.last(user_id).reply_markup) if "Place" in t]
    reply = await h.press_data(user_id, place_now)
    assert "placed" in reply.lower()
    [order] = await h.services.stores.orders.list_orders(user_id)
    assert order.charge == price
    assert await h.services.stores.wallets.balance(user_id) == 1 + whole - price
    await h.press_data(user_id, place_now)  # the same button, tapped again
    assert "already placed" in h.session.alerts()[-1]
    assert len(add_requests(h)) == placed_before + 1
    assert await h.services.stores.holds.held_order(user_id) is None


async def test_the_exact_shortfall_paid_in_crypto_offers_the_order(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    _, price = await _short_summary(h, user_id, "0.5")
    missing = price - Decimal("0.5")
    await h.press(user_id, "in crypto")
    [invoice_id] = [i for i, inv in h.crypto.invoices.items() if inv["amount"] == f"{missing}"][-1:]
    h.crypto.pay(invoice_id)
    assert await h.crypto.send_webhook(invoice_id) == 200
    h.session.clear()
    await deliver_outbox(h)
    texts = h.session.texts(user_id)
    assert any(f"{missing:.2f} USD was added" in t for t in texts)
    assert "ready to place" in texts[-1]
    await h.press(user_id, "Place order now")
    assert await h.services.stores.wallets.balance(user_id) == 0
    assert len(await h.services.stores.orders.list_orders(user_id)) == 1


async def test_a_changed_price_asks_again_and_an_expired_hold_is_gone(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    _, price = await _short_summary(h, user_id, "0")
    await _pay_stars(h, user_id, int(price) + 5, f"held-price-{user_id}")
    await h.say(ADMIN_ID, f"/markup service {SERVICE_ID} 90")
    h.session.clear()
    await deliver_outbox(h)
    try:
        reply = await h.press(user_id, "Place order now")
        assert "price" in h.session.alerts()[-1].lower()
        assert "Confirm" in str(buttons(h.session.last(user_id).reply_markup))
        assert "Price:" in reply and f"{price:.2f} USD" not in reply.split("Price:")[1]
        assert await h.services.stores.orders.list_orders(user_id) == []
    finally:
        await h.say(ADMIN_ID, f"/markup service {SERVICE_ID} off")
    other = h.new_user()
    await _short_summary(h, other, "0")
    await _pay_stars(h, other, int(price) + 5, f"held-late-{other}")
    h.session.clear()
    await deliver_outbox(h)
    async with h.services.db.write() as conn:  # 30 minutes pass
        await conn.execute(
            "UPDATE held_orders SET expires_at = 0 WHERE user_id = :id", {"id": other}
        )
    await h.press(other, "Place order now")
    assert "no longer waiting" in h.session.alerts()[-1]
    assert await h.services.stores.orders.list_orders(other) == []


async def test_a_wallet_spent_before_confirm_holds_the_order_too(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    _, price = await _short_summary(h, user_id, "100")
    await h.services.stores.wallets.debit(user_id, Decimal(99), "debit", note="spent elsewhere")
    reply = await confirm(h, user_id)
    assert "missing" in reply
    held = await h.services.stores.holds.held_order(user_id)
    assert held is not None and held.price == price

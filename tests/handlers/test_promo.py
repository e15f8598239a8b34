"""Promo codes as admins and customers use them (handlers/promo.py, the order summary)."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import ADMIN_ID, Harness
from tests.handlers.flows import confirm, fill_form, open_service


async def test_a_credit_code_is_redeemed_once_with_a_clear_word_for_every_refusal(
    harness: Harness,
) -> None:
    h = harness
    reply = await h.say(ADMIN_ID, "/promo create WELCOME5 5 2")
    assert "created" in reply
    assert "exists already" in await h.say(ADMIN_ID, "/promo create welcome5 5")
    assert "/promo create CODE 5" in await h.say(ADMIN_ID, "/promo create BAD 0")
    first, second, third = h.new_user(), h.new_user(), h.new_user()
    reply = await h.say(first, "/promo welcome5")
    assert "5.00 USD added to your wallet" in reply
    assert await h.services.stores.wallets.balance(first) == Decimal(5)
    assert "already used" in await h.say(first, "/promo WELCOME5")
    await h.say(second, "Balance")
    await h.press(second, "Enter promo code")
    assert "Send your promo code" in await h.say(second, "/unknowncommand")
    assert "5.00 USD added" in await h.say(second, "WELCOME5")
    assert "used up" in await h.say(third, "/promo WELCOME5")
    assert "There is no promo code" in await h.say(third, "/promo NOPE")
    listing = await h.say(ADMIN_ID, "/promo list")
    assert "WELCOME5" in listing and "2/2" in listing
    await h.say(ADMIN_ID, "/promo off WELCOME5")
    assert "There is no promo code" in await h.say(h.new_user(), "/promo WELCOME5")


async def test_a_discount_shows_on_the_summary_and_is_charged_once(harness: Harness) -> None:
    h = harness
    await h.say(ADMIN_ID, "/promo create TENOFF 10%")
    user_id = h.new_user()
    await h.fund(user_id, "50")
    assert "10% off" in await h.say(user_id, "/promo TENOFF")
    service = (await h.services.catalog.get()).by_id[2]
    full = h.services.pricing.price(service, 1000)
    await open_service(h, user_id, 2)
    summary = await fill_form(h, user_id, service)
    assert "Promo TENOFF: −10%" in summary
    await confirm(h, user_id)
    [order] = await h.services.stores.orders.list_orders(user_id)
    assert order.charge == (full * Decimal("0.9")).quantize(Decimal("0.01"))
    await open_service(h, user_id, 2)  # the next order pays the full price
    summary = await fill_form(h, user_id, service)
    assert "Promo" not in summary


async def test_a_discount_spent_on_an_order_the_panel_refused_can_be_used_again(
    harness: Harness,
) -> None:
    """Issue 34: the order was refused and refunded in full, yet the discount stayed spent."""
    h = harness
    await h.say(ADMIN_ID, "/promo create BACKAGAIN 10%")
    user_id = h.new_user()
    await h.fund(user_id, "50")
    assert "10% off" in await h.say(user_id, "/promo BACKAGAIN")
    service = (await h.services.catalog.get()).by_id[2]
    await open_service(h, user_id, 2)
    summary = await fill_form(
        h, user_id, service, typed={"link": f"https://instagram.com/p/badlink{user_id}"}
    )
    assert "Promo BACKAGAIN" in summary
    await confirm(h, user_id)
    [refused] = await h.services.stores.orders.list_orders(user_id)
    assert refused.stage.value == "rejected"
    assert await h.services.stores.wallets.balance(user_id) == Decimal(50)
    await open_service(h, user_id, 2)
    summary = await fill_form(h, user_id, service)
    assert "Promo BACKAGAIN: −10%" in summary


async def test_a_command_typed_at_a_summary_does_what_it_says(harness: Harness) -> None:
    """Issue 34: `/promo CODE` (and /balance, /help) at a summary got "Please press Confirm,
    Edit or Cancel"; the code was not applied to that summary."""
    h = harness
    await h.say(ADMIN_ID, "/promo create ATSUMMARY 20%")
    user_id = h.new_user()
    await h.fund(user_id, "50")
    service = (await h.services.catalog.get()).by_id[2]
    await open_service(h, user_id, 2)
    summary = await fill_form(h, user_id, service)
    assert "Promo" not in summary
    full = h.services.pricing.price(service, 1000)
    assert "How it works" in await h.say(user_id, "/help")
    assert "Your wallet" in await h.say(user_id, "/wallet")
    assert "press Confirm" not in " ".join(h.session.texts(user_id))
    again = await h.say(user_id, "/promo ATSUMMARY")
    assert "Promo ATSUMMARY: −20%" in again
    await confirm(h, user_id)
    [order] = await h.services.stores.orders.list_orders(user_id)
    assert order.charge == (full * Decimal("0.8")).quantize(Decimal("0.01"))

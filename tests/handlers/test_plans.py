"""Recurring plans in Stars (issue 38): the owner offers one with /plan, a customer subscribes
from Plans, each paid period places its order once, cancelling goes through Telegram, and a
plan that runs out unrenewed ends with a word to its customer."""

from __future__ import annotations

import time
from decimal import Decimal

from aiogram.methods import CreateInvoiceLink, EditUserStarSubscription
from aiogram.types import Update

from bot.core.plans.rules import State, subscription_in
from tests.conftest import ADMIN_ID, Harness
from tests.fakes import links
from tests.handlers.flows import add_requests, deliver_outbox
from tests.handlers.payments_support import answers, paid, pre_checkout

FOLLOWERS = 1  # the sandbox's Default service: a link and a quantity, 0.90 per 1000


def payment(user_id: int, payload: str, stars: int, charge: str, expires: int) -> Update:
    return paid(user_id, payload, stars, charge, expires)


async def offer_plan(h: Harness, name: str, stars: int = 300, quantity: int = 1000) -> int:
    said = await h.say(ADMIN_ID, f"/plan add {FOLLOWERS} {quantity} {stars} {name}")
    assert "is on sale" in said, said
    assert "1.35 USD" in said  # the period's order at today's list price (markup 50%)
    [plan] = [p for p in await h.services.plans.store.plans() if p.name == name]
    return plan.id


async def subscribe(h: Harness, user_id: int, name: str, link: str) -> tuple[str, int]:
    """Plans → Subscribe → the link: the invoice's payload and price."""
    await h.say(user_id, "/start")
    await h.say(user_id, "Balance")
    await h.press(user_id, "Plans")
    assert name in h.session.texts(user_id)[-1]
    asked = await h.press(user_id, f"Subscribe: {name}")
    assert "Send the link" in asked
    h.session.clear()
    summary = await h.say(user_id, link)
    assert "every 30 days" in summary, summary
    [invoice] = [c for c in h.session.calls if isinstance(c, CreateInvoiceLink)]
    assert invoice.subscription_period == 30 * 24 * 3600 and invoice.currency == "XTR"
    [(label, url)] = links(h.session.last(user_id).reply_markup)
    assert url.startswith("https://t.me/$") and str(invoice.prices[0].amount) in label
    return invoice.payload, invoice.prices[0].amount


async def plan_orders(h: Harness, user_id: int) -> list[int]:
    return [o.id for o in await h.services.stores.orders.list_orders(user_id, limit=50)]


async def test_the_owner_offers_a_plan_and_bad_plans_are_refused_with_a_reason(
    harness: Harness,
) -> None:
    h = harness
    assert "/plan add" in await h.say(ADMIN_ID, "/plan add 1 1000")
    assert "not on sale" in await h.say(ADMIN_ID, "/plan add 999999 1000 300 Ghost")
    assert "more than a link" in await h.say(ADMIN_ID, "/plan add 3 1000 300 SEO plan")
    assert "from 50 to 10,000" in await h.say(ADMIN_ID, "/plan add 1 20000 300 Too big")
    plan_id = await offer_plan(h, "Owner <b>plan</b>")
    listed = await h.say(ADMIN_ID, "/plan")
    assert "Owner &lt;b&gt;plan&lt;/b&gt;" in listed and "on sale" in listed
    assert "no longer sold" in await h.say(ADMIN_ID, f"/plan off {plan_id}")
    assert "No such plan" in await h.say(ADMIN_ID, f"/plan off {plan_id}")
    audit = await h.say(ADMIN_ID, "/audit")
    assert "plan.add" in audit and "plan.off" in audit
    customer = h.new_user()
    await h.say(customer, "/start")
    assert "/plan add" not in await h.say(customer, f"/plan add {FOLLOWERS} 1000 300 Mine")


async def test_each_paid_period_places_one_order_and_a_repeated_payment_none(
    harness: Harness,
) -> None:
    h = harness
    await offer_plan(h, "Steady growth")
    user_id = h.new_user()
    assert "cannot be used" in (
        await subscribe_bad_link(h, user_id, "Steady growth", "not a link at all")
    )
    payload, stars = await subscribe(
        h, user_id, "Steady growth", f"https://instagram.com/steady{user_id}"
    )
    h.session.clear()
    await h.feed(pre_checkout(user_id, payload, stars - 1))  # a tampered price
    await h.feed(pre_checkout(user_id + 1, payload, stars))  # someone else's invoice
    await h.feed(pre_checkout(user_id, payload, stars))
    assert [a.ok for a in answers(h)] == [False, False, True]

    adds_before = len(add_requests(h))
    in_30_days = int(time.time()) + 30 * 24 * 3600
    for _ in range(2):  # the same payment delivered twice
        await h.feed(payment(user_id, payload, stars, f"first-{user_id}", in_30_days))
    await deliver_outbox(h)
    [first] = await plan_orders(h, user_id)
    assert any(f"order #{first} is placed" in t for t in h.session.texts(user_id))
    assert len(add_requests(h)) == adds_before + 1
    assert add_requests(h)[-1]["link"] == f"https://instagram.com/steady{user_id}"
    assert add_requests(h)[-1]["quantity"] == "1000"
    assert await h.services.stores.wallets.balance(user_id) == Decimal(0)  # credit = charge

    # The previous period's order is done: the renewal places the next one.
    await finish_order(h, first)
    await h.feed(payment(user_id, payload, stars, f"renew-{user_id}", in_30_days + 2592000))
    await h.feed(payment(user_id, payload, stars, f"renew-{user_id}", in_30_days + 2592000))
    await deliver_outbox(h)
    orders = await plan_orders(h, user_id)
    assert len(orders) == 2 and len(add_requests(h)) == adds_before + 2
    subscription = (await h.services.plans.store.live_subscriptions(user_id))[0]
    assert subscription.expires_at == in_30_days + 2592000
    # A pre-checkout for an invoice already paid is refused (it is not asked twice).
    h.session.clear()
    await h.feed(pre_checkout(user_id, payload, stars))
    assert [a.ok for a in answers(h)] == [False]


async def subscribe_bad_link(h: Harness, user_id: int, name: str, link: str) -> str:
    await h.say(user_id, "/start")
    await h.say(user_id, "/plans")
    await h.press(user_id, f"Subscribe: {name}")
    said = await h.say(user_id, link)
    await h.say(user_id, "/cancel")
    return said


async def finish_order(h: Harness, order_id: int) -> None:
    """The sandbox completes the order and the poller learns it."""
    order = await h.services.stores.orders.get_order(order_id)
    assert order is not None and order.panel_order_id is not None
    h.sandbox.state.orders[order.panel_order_id].created -= 10 * 3600  # far past the steps
    await h.services.poller.cycle()
    done = await h.services.stores.orders.get_order(order_id)
    assert done is not None and done.stage.value == "completed", done


async def test_a_cancelled_plan_renews_no_more_and_ends_at_its_period_with_a_word(
    harness: Harness,
) -> None:
    h = harness
    await offer_plan(h, "Cancel me")
    user_id = h.new_user()
    payload, stars = await subscribe(
        h, user_id, "Cancel me", f"https://instagram.com/cancel{user_id}"
    )
    ends = int(time.time()) + 30 * 24 * 3600
    await h.feed(payment(user_id, payload, stars, f"c-{user_id}", ends))
    await h.say(user_id, "/plans")
    assert "renews on" in h.session.texts(user_id)[-1]
    await h.press(user_id, "Cancel Cancel me")
    [edit] = [c for c in h.session.calls if isinstance(c, EditUserStarSubscription)]
    assert (edit.user_id, edit.telegram_payment_charge_id, edit.is_canceled) == (
        user_id,
        f"c-{user_id}",
        True,
    )
    assert any("will not renew" in alert for alert in h.session.alerts())
    await h.say(user_id, "/plans")
    assert "cancelled, ends on" in h.session.texts(user_id)[-1]

    plans = h.services.plans
    assert await plans.end_due(now=ends - 60) == []  # paid to its end
    subscription_id = subscription_in(payload)
    assert await plans.end_due(now=ends + 1) == [subscription_id]
    assert await plans.end_due(now=ends + 2) == []  # told once
    await deliver_outbox(h)
    assert any("has ended: it was cancelled" in t for t in h.session.texts(user_id))
    assert await plans.store.live_subscriptions(user_id) == []


async def test_a_renewal_that_never_comes_ends_the_plan(harness: Harness) -> None:
    h = harness
    await offer_plan(h, "Unpaid renewal")
    user_id = h.new_user()
    payload, stars = await subscribe(
        h, user_id, "Unpaid renewal", f"https://instagram.com/unpaid{user_id}"
    )
    ends = int(time.time()) + 30 * 24 * 3600
    await h.feed(payment(user_id, payload, stars, f"u-{user_id}", ends))
    plans = h.services.plans
    assert await plans.end_due(now=ends + 60) == []  # the renewal may be a little late
    assert subscription_in(payload) in await plans.end_due(now=ends + 2 * 3600)
    await deliver_outbox(h)
    assert any("its renewal was not paid" in t for t in h.session.texts(user_id))
    subscription = await plans.store.subscription(subscription_in(payload) or 0)
    assert subscription is not None and subscription.state is State.ENDED


async def test_a_period_paid_before_a_crash_is_placed_once_by_the_sweep(
    harness: Harness,
) -> None:
    h = harness
    await offer_plan(h, "Crash proof")
    user_id = h.new_user()
    payload, _ = await subscribe(h, user_id, "Crash proof", f"https://instagram.com/cr{user_id}")
    plans = h.services.plans
    subscription = await plans.store.subscription(subscription_in(payload) or 0)
    assert subscription is not None
    # The payment was recorded and credited, then the process stopped before `add`.
    paid_at = time.time() - 600
    recorded = await plans.store.record_period(
        subscription, f"cr-{user_id}", Decimal("1.35"), paid_at + 2592000, paid_at
    )
    assert recorded and await plan_orders(h, user_id) == []
    assert await plans.place_unplaced(older_than=300) == 1
    assert await plans.place_unplaced(older_than=300) == 0
    assert len(await plan_orders(h, user_id)) == 1
    assert await h.services.stores.wallets.balance(user_id) == Decimal(0)


async def test_a_demo_shop_shows_plans_but_sells_none(harness: Harness) -> None:
    h = harness
    await offer_plan(h, "Demo plan")
    user_id = h.new_user()
    await h.say(user_id, "/start")
    h.services.shop.demo = True
    try:
        shown = await h.say(user_id, "/plans")
        assert "Demo plan" in shown and "not sold" in shown
        await h.press(user_id, "Subscribe: Demo plan")
        assert any("demo shop" in alert for alert in h.session.alerts())
        assert not [c for c in h.session.calls if isinstance(c, CreateInvoiceLink)]
        h.session.clear()
        await h.feed(pre_checkout(user_id, "plan:1", 300))
        assert [a.ok for a in answers(h)] == [False]
    finally:
        h.services.shop.demo = False


async def test_a_period_the_panel_refuses_leaves_its_value_in_the_wallet_and_says_so(
    harness: Harness,
) -> None:
    h = harness
    await offer_plan(h, "Refused period")
    user_id = h.new_user()
    payload, stars = await subscribe(
        h, user_id, "Refused period", f"https://instagram.com/refused{user_id}"
    )
    h.sandbox.state.forced_answers["add"] = {"error": "Incorrect link"}  # a definite refusal
    try:
        await h.feed(payment(user_id, payload, stars, f"refused-{user_id}", int(time.time()) + 9))
    finally:
        h.sandbox.state.forced_answers.clear()
    h.session.clear()
    await deliver_outbox(h)
    said = [t for t in h.session.texts(user_id) if "Refused period" in t]
    assert said and "could not be placed" in said[-1] and "1.35 USD" in said[-1], said
    assert await h.services.stores.wallets.balance(user_id) == Decimal("1.35")

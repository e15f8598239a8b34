"""Referrals as customers and admins use them: the link, the tie on arrival, commissions on
delivered orders credited once and taken back once on a later refund."""

from __future__ import annotations

import itertools
import re
from decimal import ROUND_DOWN, Decimal
from urllib.parse import parse_qs, urlsplit

from bot.core.domain import Stage
from tests.conftest import ADMIN_ID, Harness
from tests.fakes import links
from tests.handlers.flows import confirm, deliver_outbox, fill_form, open_service

SERVICE_ID = 1  # a Default service
QUANTITY = 5000
_links = itertools.count()


async def _link(h: Harness, user_id: int) -> str:
    screen = await h.say(user_id, "Referrals")
    found = re.search(r"https://t\.me/smm_test_bot\?start=(ref_[A-Z0-9]{8})", screen)
    assert found, screen
    return found.group(1)


async def _joined(h: Harness, user_id: int) -> str:
    screen = await h.say(user_id, "/referrals")
    return screen.split("Joined through your link: ")[1].split("\n")[0]


async def _order(h: Harness, user_id: int) -> tuple[int, Decimal]:
    await h.fund(user_id, "20")
    service = (await h.services.catalog.get()).by_id[SERVICE_ID]
    await open_service(h, user_id, SERVICE_ID)
    # A link of its own: the panel refuses a second active order for the same link.
    link = f"https://instagram.com/p/referral{next(_links)}"
    await fill_form(h, user_id, service, typed={"quantity": str(QUANTITY), "link": link})
    await confirm(h, user_id)
    order = (await h.services.stores.orders.list_orders(user_id))[0]
    assert order.stage is Stage.PENDING, order
    return order.id, order.charge


def _cut(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_DOWN)


async def test_a_link_ties_only_new_customers_once(harness: Harness) -> None:
    h = harness
    referrer = h.new_user()
    await h.say(referrer, "/start")
    payload = await _link(h, referrer)
    assert await _link(h, referrer) == payload  # the code stays the same
    [(label, share)] = links(h.session.last(referrer).reply_markup)
    assert "Share" in label
    shared = parse_qs(urlsplit(share).query)
    assert shared["url"] == [f"https://t.me/smm_test_bot?start={payload}"]
    assert await _joined(h, referrer) == "0 people"
    newcomer = h.new_user()
    greeting = await h.say(newcomer, f"/start {payload}")
    assert "Referrals" not in greeting and "error" not in greeting.lower()
    assert await _joined(h, referrer) == "1 person"
    regular = h.new_user()
    await h.say(regular, "/start")
    await h.say(regular, f"/start {payload}")  # already a customer: no tie
    await h.say(referrer, f"/start {payload}")  # their own link
    await h.say(newcomer, f"/start {await _link(h, regular)}")  # tied already, for good
    await h.say(h.new_user(), "/start ref_ZZZZZZZZ")  # nobody's code: just the greeting
    assert await _joined(h, referrer) == "1 person"
    assert await _joined(h, regular) == "0 people"
    banned = h.new_user()
    await h.say(banned, "/start")
    banned_link = await _link(h, banned)
    await h.say(ADMIN_ID, f"/ban {banned}")
    await h.say(h.new_user(), f"/start {banned_link}")
    await h.say(ADMIN_ID, f"/unban {banned}")
    assert await _joined(h, banned) == "0 people"


async def test_commissions_follow_delivery_and_a_refund_takes_them_back_once(
    harness: Harness,
) -> None:
    h = harness
    stores = h.services.stores
    referrer = h.new_user()
    await h.say(referrer, "/start")
    customer = h.new_user()
    await h.say(customer, f"/start {await _link(h, referrer)}")

    completed, charge = await _order(h, customer)
    await stores.statuses.apply_status(completed, Stage.COMPLETED, 10, 0)
    await stores.statuses.apply_status(completed, Stage.COMPLETED, 10, 0)  # the poller asks again
    earned = _cut(charge * 5 / 100)
    assert earned > 0
    assert await stores.wallets.balance(referrer) == earned
    h.session.clear()
    await deliver_outbox(h)
    assert f"{earned:.2f} USD referral commission" in " ".join(h.session.texts(referrer))

    partial, charge2 = await _order(h, customer)
    await stores.statuses.apply_status(
        partial, Stage.PARTIAL, 10, 2000
    )  # 2,000 of 5,000 not delivered
    refunded = await stores.orders.refund_of(partial)
    assert refunded > 0
    earned += _cut((charge2 - refunded) * 5 / 100)
    assert await stores.wallets.balance(referrer) == earned

    canceled, _ = await _order(h, customer)
    await stores.statuses.apply_status(canceled, Stage.CANCELED, None, None)
    assert await stores.wallets.balance(referrer) == earned  # a canceled order earns nothing

    assert "/refund_order" in await h.say(ADMIN_ID, "/refund_order")
    assert "cannot be refunded" in await h.say(ADMIN_ID, f"/refund_order {canceled}")
    before = await stores.wallets.balance(customer)
    reply = await h.say(ADMIN_ID, f"/refund_order {completed}")
    assert f"{charge:.2f} USD refunded" in reply
    assert await stores.wallets.balance(customer) == before + charge
    assert await stores.wallets.balance(referrer) == earned - _cut(charge * 5 / 100)
    assert "cannot be refunded" in await h.say(ADMIN_ID, f"/refund_order {completed}")
    assert await stores.wallets.balance(referrer) == earned - _cut(charge * 5 / 100)
    screen = await h.say(referrer, "/referrals")
    assert f"Earned: {earned - _cut(charge * 5 / 100):.2f} USD" in screen

    stats = await h.say(ADMIN_ID, "/stats 1")
    signups = re.search(r"Referral sign-ups: (\d+) · commissions paid: (\d+\.\d\d) USD", stats)
    assert signups, stats
    assert int(signups.group(1)) >= 1 and Decimal(signups.group(2)) > 0


async def test_admins_set_the_percent_or_switch_the_programme_off(harness: Harness) -> None:
    h = harness
    stores = h.services.stores
    try:
        assert "10%" in await h.say(ADMIN_ID, "/referral 10")
        assert "/referral 5" in await h.say(ADMIN_ID, "/referral abc")
        referrer = h.new_user()
        await h.say(referrer, "/start")
        assert "you earn 10%" in await h.say(referrer, "Referrals")
        customer = h.new_user()
        await h.say(customer, f"/start {await _link(h, referrer)}")
        order_id, charge = await _order(h, customer)
        await stores.statuses.apply_status(order_id, Stage.COMPLETED, 0, 0)
        assert await stores.wallets.balance(referrer) == _cut(charge * 10 / 100)
        assert "off" in await h.say(ADMIN_ID, "/referral off")
        assert "paused" in await h.say(referrer, "Referrals")
        second, _ = await _order(h, customer)
        await stores.statuses.apply_status(second, Stage.COMPLETED, 0, 0)
        assert await stores.wallets.balance(referrer) == _cut(charge * 10 / 100)
    finally:
        await h.say(ADMIN_ID, "/referral 5")

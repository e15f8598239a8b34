"""Loyalty as customers and admins meet it: top-up bonuses (TOPUP_BONUSES), spend tiers
(SPEND_TIERS), /sale, and discounts that never stack (bot/core/growth/loyalty.py)."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from decimal import ROUND_CEILING, Decimal
from pathlib import Path

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

from bot.app import mini_app_over
from bot.core.money import panel_cost
from bot.core.payments.stars import invoice_for
from bot.web import create_side_app
from tests.backends import BACKENDS
from tests.conftest import ADMIN_ID, Harness, open_harness
from tests.fakes import TOKEN
from tests.handlers.flows import confirm, fill_form, open_service
from tests.handlers.payments_support import paid, pre_checkout
from tests.webapp_support import signed_init_data

# A top-up of 5 or more earns 5 %, of 10 or more 10 %; after 1 delivered, 4 % off every order,
# after 1,000, 8 %.
BONUSES = "5:5,10:10"
TIERS = "0.1:4,1000:8"
FOLLOWERS = 1
CENT = Decimal("0.01")
MANY = 10_000  # large enough that 4 % off shows in cents


@pytest_asyncio.fixture(scope="module", params=BACKENDS)
async def shop(request: pytest.FixtureRequest, tmp_db_dir: Path) -> AsyncIterator[Harness]:
    async with open_harness(
        request.param, tmp_db_dir, topup_bonuses=BONUSES, spend_tiers=TIERS
    ) as opened:
        yield opened


_links = itertools.count()


def many(user_id: int) -> dict[str, str]:
    """A large order on a link of its own (one open order per link and service)."""
    return {"quantity": str(MANY), "link": f"https://instagram.com/p/l{user_id}x{next(_links)}"}


async def pay_stars(h: Harness, user_id: int, amount: int, charge: str) -> None:
    invoice = invoice_for(user_id, amount, h.services.settings.stars_per_usd)
    await h.feed(pre_checkout(user_id, invoice.payload, invoice.stars))
    await h.feed(paid(user_id, invoice.payload, invoice.stars, charge))


async def delivered_order(h: Harness, user_id: int) -> Decimal:
    """Places an order and lets the panel complete it; returns what it was charged."""
    service = await h.services.catalog.service(FOLLOWERS)
    assert service is not None
    await open_service(h, user_id, FOLLOWERS)
    await fill_form(h, user_id, service)
    await confirm(h, user_id)
    order = (await h.services.stores.orders.list_orders(user_id))[0]
    h.sandbox.state.orders[order.panel_order_id].created -= 10_000  # type: ignore[index]
    await h.say(user_id, "My orders")
    await h.press(user_id, f"#{order.id}")
    assert "Completed" in await h.press(user_id, "Refresh")
    return order.charge


async def test_the_balance_screen_says_what_each_top_up_earns_and_a_payment_earns_it_once(
    shop: Harness,
) -> None:
    h = shop
    user_id = h.new_user()
    screen = await h.say(user_id, "Balance")
    assert "top up 5.00 USD or more: +5%" in screen
    assert "top up 10.00 USD or more: +10%" in screen
    h.session.clear()
    for _ in range(2):  # Telegram delivers the same payment twice
        await pay_stars(h, user_id, 10, f"bonus-{user_id}")
    assert await h.services.stores.wallets.balance(user_id) == Decimal("11.00")
    said = h.session.texts(user_id)
    assert sum("10.00 USD added" in text for text in said) == 1
    assert sum("Top-up bonus: +1.00 USD" in text for text in said) == 1
    await pay_stars(h, user_id, 3, f"small-{user_id}")  # under every threshold: no bonus
    assert await h.services.stores.wallets.balance(user_id) == Decimal("14.00")
    kinds = [row["kind"] for row in await h.services.stores.wallets.ledger_tail(user_id)]
    assert kinds.count("bonus") == 1


async def test_a_tier_and_a_promo_on_one_order_apply_the_larger_only(shop: Harness) -> None:
    h = shop
    user_id = h.new_user()
    await h.fund(user_id, "500")
    screen = await h.say(user_id, "Balance")
    assert "Spend 0.10 USD more to reach −4%" in screen
    await delivered_order(h, user_id)
    spent = await h.services.stores.wallets.delivered_spend(user_id)
    screen = await h.say(user_id, "Balance")
    assert f"Your tier: −4% on every order (delivered so far: {spent:.2f} USD)" in screen
    assert f"Spend {Decimal(1000) - spent:.2f} USD more to reach −8%" in screen

    service = await h.services.catalog.service(FOLLOWERS)
    assert service is not None
    full = h.services.pricing.price(service, MANY)
    # The tier alone.
    await open_service(h, user_id, FOLLOWERS)
    summary = await fill_form(h, user_id, service, typed=many(user_id))
    assert "Your tier: −4%" in summary and "Promo" not in summary

    # A 10 % code beats the 4 % tier: only the code applies, and the code is spent.
    assert "created" in await h.say(ADMIN_ID, "/promo create LOYAL10 10%")
    await h.say(user_id, "/cancel")  # leaves the summary
    assert "10% off" in await h.say(user_id, "/promo LOYAL10")
    await open_service(h, user_id, FOLLOWERS)
    summary = await fill_form(h, user_id, service, typed=many(user_id))
    assert "Promo LOYAL10: −10%" in summary and "Your tier" not in summary
    assert "the largest one applies" in summary
    await confirm(h, user_id)
    latest = (await h.services.stores.orders.list_orders(user_id))[0]
    assert latest.charge == (full * Decimal("0.90")).quantize(CENT, rounding=ROUND_CEILING)

    # A 3 % code loses to the tier: the tier applies and the code waits for a better order.
    assert "created" in await h.say(ADMIN_ID, "/promo create LOYAL3 3%")
    assert "3% off" in await h.say(user_id, "/promo LOYAL3")
    await open_service(h, user_id, FOLLOWERS)
    summary = await fill_form(h, user_id, service, typed=many(user_id))
    assert "Your tier: −4%" in summary and "LOYAL3" not in summary
    await confirm(h, user_id)
    latest = (await h.services.stores.orders.list_orders(user_id))[0]
    assert latest.charge == (full * Decimal("0.96")).quantize(CENT, rounding=ROUND_CEILING)
    assert await h.services.stores.promos.pending_discount(user_id) == ("LOYAL3", Decimal(3))


async def test_a_flash_sale_is_announced_priced_and_never_below_cost(shop: Harness) -> None:
    h = shop
    assert "/sale 20% 24h" in await h.say(ADMIN_ID, "/sale 200% 1h")
    assert "No category is called" in await h.say(ADMIN_ID, "/sale 20% 2h <b>Nope</b>")
    started = await h.say(ADMIN_ID, "/sale 20% 2h")
    assert "Sale on: −20% on everything" in started
    user_id = h.new_user()
    await h.fund(user_id, "100")
    assert "🔥 Sale: −20% on everything until" in await h.say(user_id, "New order")
    service = await h.services.catalog.service(FOLLOWERS)
    assert service is not None
    await open_service(h, user_id, FOLLOWERS)
    summary = await fill_form(h, user_id, service)
    assert "Sale: −20%" in summary

    # 90 % off would sell under the panel's cost: the price stops at the cost.
    await h.say(ADMIN_ID, "/sale 90% 1h")
    await open_service(h, user_id, FOLLOWERS)
    await fill_form(h, user_id, service)
    await confirm(h, user_id)
    [order] = await h.services.stores.orders.list_orders(user_id)
    cost = panel_cost(service.rate, order.quantity).quantize(CENT, rounding=ROUND_CEILING)
    assert order.charge == cost < h.services.pricing.price(service, order.quantity)

    assert "Sale ended" in await h.say(ADMIN_ID, "/sale off")
    assert "No sale is running" in await h.say(ADMIN_ID, "/sale")
    await open_service(h, user_id, FOLLOWERS)
    assert "Sale" not in await fill_form(h, user_id, service)


async def test_a_sale_on_one_category_leaves_the_others_at_their_price(shop: Harness) -> None:
    h = shop
    catalog = await h.services.catalog.get()
    followers = catalog.by_id[FOLLOWERS]
    other = next(
        s for s in catalog.services if s.category != followers.category and s.type == "Default"
    )
    said = await h.say(ADMIN_ID, f"/sale 15% 1h {followers.category.upper()}")
    assert f"on {followers.category} until" in said  # as the panel spells it
    user_id = h.new_user()
    await h.fund(user_id, "100")
    await open_service(h, user_id, FOLLOWERS)
    assert "Sale: −15%" in await fill_form(h, user_id, followers)
    await open_service(h, user_id, other.id)
    assert "Sale" not in await fill_form(h, user_id, other)
    await h.say(ADMIN_ID, "/sale off")


async def test_the_mini_app_balance_says_the_same(shop: Harness) -> None:
    h = shop
    mini_app = mini_app_over(h.services, h.bot)
    app = create_side_app(h.services.db.ping, lambda: True, h.services.settings, mini_app=mini_app)
    async with TestClient(TestServer(app)) as client:
        headers = {"X-Telegram-Init-Data": signed_init_data(TOKEN, h.new_user())}
        me = await (await client.get("/app/api/me", headers=headers)).json()
    assert "Spend 0.10 USD more to reach −4%." in me["loyalty"]
    assert "· top up 10.00 USD or more: +10%" in me["loyalty"]


async def test_a_stars_refund_takes_back_the_bonus_that_payment_earned(shop: Harness) -> None:
    """Issue 34: top up 100, get 110, refund the Stars, keep 10 — repeatable. Now the refund
    takes the payment and its bonus back, and is refused plainly when the wallet no longer
    holds them."""
    h = shop
    user_id = h.new_user()
    await pay_stars(h, user_id, 100, f"farm-{user_id}")
    assert await h.services.stores.wallets.balance(user_id) == Decimal(110)
    reply = await h.say(ADMIN_ID, f"/refund_stars farm-{user_id}")
    assert "Stars refunded" in reply and "110.00 USD" in reply
    assert await h.services.stores.wallets.balance(user_id) == 0
    # A bonus already spent: the refund is refused and nothing moves.
    spender = h.new_user()
    await pay_stars(h, spender, 100, f"spent-{spender}")
    await h.services.stores.wallets.debit(spender, Decimal(5), "order", ref=f"t-{spender}")
    reply = await h.say(ADMIN_ID, f"/refund_stars spent-{spender}")
    assert "110.00 USD" in reply and "105.00 USD" in reply
    assert await h.services.stores.wallets.balance(spender) == Decimal(105)

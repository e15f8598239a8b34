"""A shop on the built-in sandbox panel is a demo (bot/core/shop.py): orders are simulated,
so no real payment is offered and every price the customer sees says so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from aiogram.methods import AnswerPreCheckoutQuery, SendInvoice

from bot.core.payments.stars import invoice_for
from bot.ui.callbacks import CategoryPick, ServicePick, TopUp
from tests.conftest import Harness
from tests.handlers.flows import fill_form, open_service
from tests.handlers.payments_support import pre_checkout

DEMO = "Demo shop"


@pytest.fixture
def demo(harness: Harness) -> Iterator[Harness]:
    harness.services.shop.demo = True
    yield harness
    harness.services.shop.demo = False


async def test_a_demo_shop_offers_no_real_payment(demo: Harness) -> None:
    h, user_id = demo, Harness.new_user()
    await h.say(user_id, "/start")
    assert "demo shop" in await h.say(user_id, "/topup 10")
    await h.press_data(user_id, TopUp(amount=10).pack())
    assert any("demo shop" in alert for alert in h.session.alerts())
    assert "demo shop" in await h.say(user_id, "/crypto 10")
    assert not [c for c in h.session.calls if isinstance(c, SendInvoice)]
    # An invoice made before the shop became a demo is not paid either.
    invoice = invoice_for(user_id, 10, h.services.settings.stars_per_usd)
    await h.feed(pre_checkout(user_id, invoice.payload, invoice.stars))
    [answer] = [c for c in h.session.calls if isinstance(c, AnswerPreCheckoutQuery)]
    assert answer.ok is False


async def test_every_price_a_demo_customer_sees_says_demo(demo: Harness) -> None:
    h, user_id = demo, Harness.new_user()
    await h.fund(user_id, "100")
    assert DEMO in await h.say(user_id, "Balance")
    await h.say(user_id, "New order")
    catalog = await h.services.catalog.get()
    category = catalog.categories[0]
    assert DEMO in await h.press_data(user_id, CategoryPick(key=category.key, page=0).pack())
    assert DEMO in await h.press_data(user_id, ServicePick(id=category.services[0].id).pack())
    await h.say(user_id, "New order")
    assert DEMO in await h.say(user_id, "followers")  # search results with prices
    await open_service(h, user_id, 2)
    service = await h.services.catalog.service(2)
    assert service is not None
    assert DEMO in await fill_form(h, user_id, service)


async def test_a_real_shop_says_nothing_of_a_demo(harness: Harness) -> None:
    h, user_id = harness, Harness.new_user()
    await h.fund(user_id, "100")
    assert DEMO not in await h.say(user_id, "Balance")

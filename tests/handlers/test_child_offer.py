"""The child-shop offer's "Not now" (issue 35) where the shop offers child shops: it answers
only where it was offered; the same words typed into an order's step are that step's answer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.ui.callbacks import ChildShopMenu
from handlers.states import OrderForm
from tests.conftest import ADMIN_ID, Harness, open_harness
from tests.handlers.flows import form_state, open_service

LATER = "Whenever you like"


@pytest_asyncio.fixture(scope="module")
async def shop(tmp_path_factory: object) -> AsyncIterator[Harness]:
    folder = Path(str(tmp_path_factory.mktemp("offer")))  # type: ignore[attr-defined]
    async with open_harness("sqlite", folder, child_shops=True) as h:
        yield h


async def test_not_now_typed_into_an_order_step_is_that_steps_answer(shop: Harness) -> None:
    h = shop
    user_id = h.new_user()
    await open_service(h, user_id, 1)
    reply = await h.say(user_id, "Not now")
    assert LATER not in reply
    assert "does not look like a link" in reply
    assert await form_state(h, user_id) == OrderForm.filling.state


@pytest.mark.parametrize("opened_by", ["Balance's button", "the Mini App's link"])
async def test_the_offer_opened_mid_order_is_left_with_not_now(
    shop: Harness, opened_by: str
) -> None:
    h = shop
    user_id = h.new_user()
    await open_service(h, user_id, 1)
    if opened_by == "Balance's button":
        offer = await h.press_data(user_id, ChildShopMenu().pack())
    else:
        offer = await h.say(user_id, "/start own_shop")
    assert "Your own shop" in offer
    reply = await h.say(user_id, "Not now")
    assert LATER in reply
    assert "New order" in str(h.session.last(user_id).reply_markup)  # the menu is back
    assert await form_state(h, user_id) is None


async def test_banning_a_reseller_says_their_shop_takes_no_new_orders(shop: Harness) -> None:
    h = shop
    reseller = h.new_user()
    await h.say(reseller, "/start")
    await h.services.children.store.add(7_400_001, reseller, "rita_shop_bot", "7400001:tok")
    said = await h.say(ADMIN_ID, f"/ban {reseller}")
    assert "is banned" in said and "@rita_shop_bot takes no new orders" in said
    assert "owner banned" in await h.say(ADMIN_ID, "/shops")
    said = await h.say(ADMIN_ID, f"/unban {reseller}")
    assert "is unbanned" in said and "@rita_shop_bot" not in said
    assert "owner banned" not in await h.say(ADMIN_ID, "/shops")
    other = h.new_user()
    await h.say(other, "/start")
    assert "takes no new orders" not in await h.say(ADMIN_ID, f"/ban {other}")

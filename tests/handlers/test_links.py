"""Clean links and one open order per link (bot/core/ordering/links.py, the order store):
what the panel receives, and what is refused before any money moves."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import Harness
from tests.handlers.flows import confirm, open_service

FOLLOWERS = 1  # "Instagram Followers": link, quantity, drip-feed offered
PACKAGE = 2  # "Instagram Starter Package": a link only


def adds(h: Harness) -> list[dict[str, str]]:
    return [r for r in h.sandbox.state.requests if r.get("action") == "add"]


async def order_package(h: Harness, user_id: int, link: str) -> str:
    await open_service(h, user_id, PACKAGE)
    summary = await h.say(user_id, link)
    assert "Please check your order" in summary, summary
    return await confirm(h, user_id)


async def test_a_tracked_link_reaches_the_panel_clean(harness: Harness) -> None:
    h, user_id = harness, Harness.new_user()
    await h.fund(user_id, "50")
    await open_service(h, user_id, PACKAGE)
    summary = await h.say(
        user_id, "https://m.instagram.com/p/Clean1/?utm_source=ig_web_copy_link&igsh=MzRl."
    )
    assert "https://instagram.com/p/Clean1/" in summary and "igsh" not in summary
    await confirm(h, user_id)
    assert adds(h)[-1]["link"] == "https://instagram.com/p/Clean1/"


async def test_a_link_of_another_platform_is_refused_naming_both(harness: Harness) -> None:
    h, user_id = harness, Harness.new_user()
    await open_service(h, user_id, PACKAGE)
    hint = await h.say(user_id, "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    assert "Instagram" in hint and "YouTube" in hint


async def test_a_second_order_on_an_open_link_costs_nothing(harness: Harness) -> None:
    h, user_id = harness, Harness.new_user()
    await h.fund(user_id, "50")
    link = f"https://instagram.com/p/busy{user_id}"
    await order_package(h, user_id, link)
    [first] = await h.services.stores.orders.list_orders(user_id)
    balance = await h.services.stores.wallets.balance(user_id)
    sent = len(adds(h))
    said = await order_package(h, user_id, link)
    assert f"#{first.id} is still in progress for this link" in said
    assert await h.services.stores.wallets.balance(user_id) == balance  # nothing charged
    assert len(adds(h)) == sent  # the panel was not asked
    # Another customer's order there: refused without naming it.
    other = Harness.new_user()
    await h.fund(other, "50")
    said = await order_package(h, other, link)
    assert "still in progress" in said and f"#{first.id}" not in said
    assert await h.services.stores.wallets.balance(other) == Decimal(50)
    # Another service on the same link is fine.
    await open_service(h, user_id, FOLLOWERS)
    await h.say(user_id, link)
    await h.say(user_id, "100")
    await h.press(user_id, "All at once")  # no drip-feed
    assert "placed" in await confirm(h, user_id)


async def test_an_empty_wallet_learns_nothing_of_who_orders_for_a_link(harness: Harness) -> None:
    """Issue 34: a busy link was reported before the balance check, so a customer with an
    empty wallet learned that someone was buying for that link."""
    import uuid

    from bot.core.domain import InsufficientFundsError, NewOrder

    h, buyer, prober = harness, Harness.new_user(), Harness.new_user()
    await h.fund(buyer, "50")
    link = f"https://instagram.com/p/secret{buyer}"
    await order_package(h, buyer, link)
    await h.services.stores.users.ensure_user(prober, None, "P")
    [first] = await h.services.stores.orders.list_orders(buyer)
    probe = NewOrder(
        user_id=prober,
        client_token=uuid.uuid4().hex,
        service_id=first.service_id,
        service_name="S",
        service_type="Package",
        category="C",
        link=first.link,
        fields={},
        quantity=1,
        charge=Decimal(1),
        cost=Decimal("0.5"),
        currency="USD",
    )
    with pytest.raises(InsufficientFundsError):
        await h.services.stores.orders.create_order(probe)

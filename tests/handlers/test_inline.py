"""Inline order lookup (handlers/inline.py)."""

from __future__ import annotations

from aiogram.types import InlineQueryResultArticle

from tests.conftest import Harness
from tests.handlers.flows import deliver_outbox
from tests.handlers.hardening_support import (
    inline,
    place_package_order,
)


async def test_inline_shows_ones_own_orders_and_never_anyone_elses(harness: Harness) -> None:
    h = harness
    owner, stranger = h.new_user(), h.new_user()
    order_id = await place_package_order(h, owner, "https://instagram.com/p/inline-mine")

    mine = await inline(h, owner, "")
    assert mine.is_personal
    assert [r.id for r in mine.results] == [f"order-{order_id}"]
    first = mine.results[0]
    assert isinstance(first, InlineQueryResultArticle)
    assert "Pending" in first.title
    by_number = await inline(h, owner, str(order_id))
    assert [r.id for r in by_number.results] == [f"order-{order_id}"]
    card = by_number.results[0].input_message_content.message_text  # type: ignore[union-attr]
    assert f"Order #{order_id}" in card
    assert "inline-mine" not in card

    theirs = await inline(h, stranger, str(order_id))
    assert theirs.results == []
    assert theirs.is_personal
    assert theirs.button is not None
    assert theirs.button.start_parameter == "inline"
    nothing = await inline(h, stranger, "")
    assert nothing.results == []
    assert nothing.button is not None
    assert "Open the bot" in nothing.button.text


async def test_words_typed_inline_list_services_with_a_button_that_opens_the_order(
    harness: Harness,
) -> None:
    """Issue 38: `@bot followers` in any chat lists matching services with their price and a
    button that opens the service in the bot's chat (a deep link)."""
    h = harness
    user_id = h.new_user()
    found = await inline(h, user_id, "followers")
    assert found.results, "no service found for 'followers'"
    first = found.results[0]
    assert isinstance(first, InlineQueryResultArticle)
    assert "Followers" in first.title
    assert "per 1000" in (first.description or "")
    [[link]] = first.reply_markup.inline_keyboard  # type: ignore[union-attr]
    assert link.url is not None and "?start=svc_" in link.url
    service_id = int(link.url.rsplit("svc_", 1)[1])
    # The deep link, as Telegram delivers it: the service's card, ready to order.
    card = await h.say(user_id, f"/start svc_{service_id}")
    assert "Followers" in card and "Order" in str(h.session.last(user_id).reply_markup)
    # An order number still finds the order; a word nothing matches finds nothing.
    assert (await inline(h, user_id, "zzqqxx-nothing")).results == []
    # A deep link to a service that is gone says so.
    gone = await h.say(user_id, "/start svc_2147483000")
    assert gone == _words("service-gone")


def _words(key: str) -> str:
    from bot.ui.i18n import Translator, create_core

    return Translator(create_core("en"))(key, "en")


async def test_referrals_share_a_card_that_brings_newcomers_through_the_link(
    harness: Harness,
) -> None:
    """Issue 38: from Referrals, "Send as a card" picks a chat and sends a card with a button
    that opens the shop through the customer's referral link."""
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "/start")
    await h.say(user_id, "Referrals")
    markup = h.session.last(user_id).reply_markup
    switches = [
        b.switch_inline_query
        for row in markup.inline_keyboard  # type: ignore[union-attr]
        for b in row
        if b.switch_inline_query is not None
    ]
    assert switches == ["invite"]
    summary = await h.services.stores.referrals.referral_summary(user_id)
    card = await inline(h, user_id, "invite")
    [result] = card.results
    assert isinstance(result, InlineQueryResultArticle)
    [[opens]] = result.reply_markup.inline_keyboard  # type: ignore[union-attr]
    assert opens.url is not None and opens.url.endswith(f"?start=ref_{summary.code}")


async def test_a_completed_order_can_be_shared_without_the_customers_link(
    harness: Harness,
) -> None:
    h = harness
    owner, stranger = h.new_user(), h.new_user()
    order_id = await place_package_order(h, owner, "https://instagram.com/p/secret-post")
    order = await h.services.stores.orders.get_order(order_id)
    assert order is not None and order.panel_order_id is not None
    h.sandbox.state.orders[order.panel_order_id].created -= 10_000
    await h.services.poller.cycle()
    h.session.clear()
    await deliver_outbox(h)
    announced = [
        b.switch_inline_query
        for method in h.session.sent(owner)
        for row in getattr(method.reply_markup, "inline_keyboard", [])
        for b in row
        if b.switch_inline_query
    ]
    assert announced == [f"done {order_id}"]
    shared = await inline(h, owner, f"done {order_id}")
    [result] = shared.results
    text = result.input_message_content.message_text  # type: ignore[union-attr]
    assert "Instagram Starter Package" in text and "secret-post" not in text
    assert (await inline(h, stranger, f"done {order_id}")).results == []

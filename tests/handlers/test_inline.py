"""Inline order lookup (handlers/inline.py)."""

from __future__ import annotations

from aiogram.types import InlineQueryResultArticle

from tests.conftest import Harness
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

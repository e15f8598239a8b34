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

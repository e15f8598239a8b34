"""Browsing and searching the catalog (handlers/catalog.py)."""

from __future__ import annotations

from bot.ui.callbacks import (
    OrderStart,
    ServicePick,
)
from bot.ui.keyboards import services_page
from tests.conftest import Harness
from tests.fakes import buttons
from tests.handlers.flows import (
    form_state,
)
from tests.handlers.hardening_support import (
    _I18n,
)


async def test_search_by_typing_while_browsing(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "New order")
    reply = await h.say(user_id, "poll votes")
    assert "Found 1 service for" in reply
    assert "Telegram Poll Votes" in str(buttons(h.session.last(user_id).reply_markup))


async def test_large_category_is_paginated(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "New order")
    reply = await h.press(user_id, "Instagram Followers [1000 offers]")
    assert "page 1/125" in reply
    reply = await h.press(user_id, "▶")
    assert "page 2/125" in reply
    assert len(buttons(h.session.last(user_id).reply_markup)) <= 100


async def test_a_service_of_an_unknown_type_is_shown_but_not_orderable(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    catalog = await h.services.catalog.get()
    [odd] = [s for s in catalog.services if s.type == "Hologram Reactions"]
    await h.say(user_id, "/start")
    card = await h.press_data(user_id, ServicePick(id=odd.id).pack())
    assert "Hologram Reactions" in card and "cannot be ordered in this bot yet" in card
    assert "Order" not in str(buttons(h.session.last(user_id).reply_markup))
    await h.press_data(user_id, OrderStart(id=odd.id).pack())  # a forged or stale button
    assert "cannot be ordered" in h.session.alerts()[-1]
    assert await form_state(h, user_id) is None


async def test_html_in_names_and_input_is_escaped_and_long_names_cut(harness: Harness) -> None:
    h = harness
    catalog = await h.services.catalog.get()
    big = next(c for c in catalog.categories if len(c.services) == 1000)
    markup = services_page(_I18n(), big, 0, h.services.pricing, "USD")  # type: ignore[arg-type]
    labels = [b.text for row in markup.inline_keyboard for b in row]
    assert any("<HQ>" in label for label in labels)  # buttons are plain text: shown as is
    assert all(len(label) <= 64 for label in labels)
    user_id = h.new_user()
    await h.say(user_id, "New order")
    reply = await h.say(user_id, "<b>HQ</b>")
    assert "<b>HQ</b>" not in reply
    assert "&lt;b&gt;HQ&lt;/b&gt;" in reply


def service_buttons(h: Harness, user_id: int) -> list[str]:
    markup = h.session.last(user_id).reply_markup
    return [text for text, data in buttons(markup) if data.startswith("s:")]


async def test_search_shows_the_real_count_and_pages_through_every_result(
    harness: Harness,
) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "New order")
    reply = await h.say(user_id, "followers")
    catalog = await h.services.catalog.get()
    matching = [s for s in catalog.services if "followers" in s.name.casefold()]
    assert len(matching) > 1000
    assert f"Found {len(matching):,} services for" in reply
    seen: set[str] = set()
    for _ in range(3):  # the next pages hold the next results
        names = [
            text
            for text, data in buttons(h.session.last(user_id).reply_markup)
            if data.startswith("s:")
        ]
        assert names and not seen & set(names)
        assert all("followers" in name.casefold() for name in names)
        seen |= set(names)
        await h.press(user_id, "▶")
    await h.say(user_id, "tiktok views")
    names = [
        text
        for text, data in buttons(h.session.last(user_id).reply_markup)
        if data.startswith("s:")
    ]
    assert names and all("Views" in name for name in names)


async def test_prices_read_the_same_on_buttons_cards_and_top_ups(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "New order")
    await h.press(user_id, "every service type")
    labels = [text for text, _ in buttons(h.session.last(user_id).reply_markup)]
    comments = next(label for label in labels if "Custom Comments" in label)
    assert comments.endswith("12.00 USD")  # rate 8 with the 50% markup: not "12 USD"
    followers = next(label for label in labels if "Followers" in label)
    assert followers.endswith("1.35 USD")
    card = await h.press(user_id, "Custom Comments")
    assert "12.00 USD" in card
    await h.say(user_id, "Balance")
    top_ups = [text for text, _ in buttons(h.session.last(user_id).reply_markup)]
    assert any(text.endswith("5.00 USD") for text in top_ups)

"""Greeting and language (handlers/start.py)."""

from __future__ import annotations

import pytest

from tests.conftest import Harness


@pytest.mark.parametrize(
    ("language", "greeting", "menu"),
    [
        ("en", "Hello", "New order"),
        ("ru", "Здравствуйте", "Новый заказ"),
        ("fr", "Bonjour", "Nouvelle commande"),
        ("ar", "مرحبًا", "طلب جديد"),
    ],
)
async def test_start_greets_in_the_customers_language(
    harness: Harness, language: str, greeting: str, menu: str
) -> None:
    h = harness
    user_id = h.new_user()
    reply = await h.say(user_id, "/start", language)
    assert greeting in reply
    keyboard = h.session.last(user_id).reply_markup
    assert menu in str(keyboard)
    reply = await h.say(user_id, menu, language)
    assert "📂" in reply  # the localized menu label opens the catalog


async def test_language_choice_is_remembered(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "/language")
    await h.press(user_id, "Русский")
    reply = await h.say(user_id, "/start", "en")
    assert "Здравствуйте" in reply


async def test_child_shop_words_are_ordinary_where_the_shop_offers_none(harness: Harness) -> None:
    """Without CHILD_SHOPS, the Mini App's link and the offer's "Not now" are nothing special:
    /start greets, the words fall to the usual answer."""
    h = harness
    user_id = h.new_user()
    assert "Hello" in await h.say(user_id, "/start own_shop")
    assert "Whenever you like" not in await h.say(user_id, "Not now")

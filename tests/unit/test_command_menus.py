"""The command menus Telegram shows: an admin's lists only what this shop offers."""

from __future__ import annotations

from typing import Any

from bot.core.settings import ChildSettings, Settings
from bot.ui.commands import admin_commands

TOKEN = "123:abc"
TWO_PANELS = [
    {"name": "a", "url": "https://a.example/api/v2", "key": "ka"},
    {"name": "b", "url": "https://b.example/api/v2", "key": "kb"},
]
OFFERED_WITH = ("shops", "api_off", "api_on", "routes", "route")


def shop(**values: Any) -> Settings:
    return Settings.model_validate({"bot_token": TOKEN, **values})


def test_an_admins_menu_has_no_commands_for_what_the_shop_does_not_offer() -> None:
    plain = admin_commands(shop())
    assert "credit" in plain and "settings" in plain
    assert not set(OFFERED_WITH) & set(plain)


def test_an_admins_menu_has_the_commands_of_what_the_shop_offers() -> None:
    full = admin_commands(shop(child_shops=True, reseller_api=True, panels=TWO_PANELS))
    assert set(OFFERED_WITH) <= set(full)


def test_a_child_shops_owner_is_not_offered_the_parents_commands() -> None:
    child = ChildSettings.model_validate(
        {"bot_token": TOKEN, "panel_api_url": "http://parent.shop/api/v2", "panel_api_key": "k"}
    )
    menu = admin_commands(child)
    assert "markup" in menu and "setup" in menu
    assert not set(OFFERED_WITH) & set(menu)

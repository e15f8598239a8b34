"""The owner's settings in the chat (issue 37): `/settings` lists every setting with its
source and changes one (never a name the environment sets or one read before the database);
a group that makes the bot its admin is offered as the support group; the wizard's steps say
when the environment has decided them. (The whole first hour, from a bare token to a first
order, is tests/e2e/test_setup.py.)"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

from aiogram.types import Update

from bot.core.configuration import sources
from bot.core.configuration.store import ConfigStore
from bot.core.settings import Settings
from tests.conftest import ADMIN_ID, Harness
from tests.fakes import user


async def stored(h: Harness) -> dict[str, str]:
    return await ConfigStore(h.services.stores.settings).stored()


async def test_settings_lists_every_setting_with_where_it_comes_from(harness: Harness) -> None:
    h = harness
    await h.say(ADMIN_ID, "/settings")
    listing = html.unescape(re.sub(r"<[^>]+>", "", "\n".join(h.session.texts(ADMIN_ID))))
    assert all(len(text) <= 4096 for text in h.session.texts(ADMIN_ID))
    for name in Settings.model_fields:
        assert name.upper() in listing
    assert "BOT_TOKEN = •••••• · environment 🔒" in listing
    assert "CRYPTO_PAY_TOKEN = •••••• · environment 🔒" in listing
    assert "STARS_PER_USD = 50 · default" in listing
    assert h.services.settings.bot_token.get_secret_value() not in listing


async def test_settings_changes_a_name_the_environment_leaves_unset(harness: Harness) -> None:
    h = harness
    try:
        said = await h.say(ADMIN_ID, "/settings stars_per_usd 70")
        assert "STARS_PER_USD saved" in said
        assert (await stored(h))["stars_per_usd"] == "70"
        running = sources.effective(h.services.configuration.env, await stored(h))
        assert str(running.stars_per_usd) == "70"
        audit = await h.services.stores.audit.latest(1)
        assert (audit[0].actor, audit[0].action, audit[0].subject) == (
            ADMIN_ID,
            "settings.set",
            "STARS_PER_USD",
        )
        refused = await h.say(ADMIN_ID, "/settings STARS_PER_USD lots")
        assert "Not saved: STARS_PER_USD Input should be a valid decimal" in refused
        assert (await stored(h))["stars_per_usd"] == "70"
    finally:
        assert "saved" in await h.say(ADMIN_ID, "/settings STARS_PER_USD -")
    assert "stars_per_usd" not in await stored(h)


async def test_settings_refuses_what_the_environment_decides(harness: Harness) -> None:
    h = harness
    said = await h.say(ADMIN_ID, "/settings CRYPTO_PAY_TOKEN 1:abc")
    assert "CRYPTO_PAY_TOKEN is set in the environment, which wins" in said
    said = await h.say(ADMIN_ID, "/settings DATABASE_URL postgresql://evil")
    assert "DATABASE_URL is read from the environment only" in said
    assert "set with /markup" in await h.say(ADMIN_ID, "/settings MARKUP_PERCENT 10")
    assert "no setting" in await h.say(ADMIN_ID, "/settings <b>nope</b>")
    assert "&lt;b&gt;nope" in (h.session.sent(ADMIN_ID)[-1].text or "")  # escaped
    assert await stored(h) == {}


async def test_settings_is_the_owners_alone(harness: Harness) -> None:
    h = harness
    stranger = h.new_user()
    await h.say(stranger, "/start")
    assert "don't know that command" in await h.say(stranger, "/settings STARS_PER_USD 1")
    assert "already has an owner" in await h.say(stranger, "/setup ABCD-EFGH")


def made_admin(chat_id: int, by: int, forum: bool) -> Update:
    when = int(datetime.now(tz=UTC).timestamp())
    bot = {"id": 42, "is_bot": True, "first_name": "Shop"}
    return Update.model_validate(
        {
            "update_id": 777000 + chat_id % 1000,
            "my_chat_member": {
                "chat": {
                    "id": chat_id,
                    "type": "supergroup",
                    "title": "Help <desk>",
                    "is_forum": forum,
                },
                "from": user(by).model_dump(),
                "date": when,
                "old_chat_member": {"status": "member", "user": bot},
                "new_chat_member": {
                    "status": "administrator",
                    "user": bot,
                    "can_be_edited": False,
                    "is_anonymous": False,
                    "can_manage_chat": True,
                    "can_delete_messages": True,
                    "can_manage_video_chats": False,
                    "can_restrict_members": False,
                    "can_promote_members": False,
                    "can_change_info": False,
                    "can_invite_users": True,
                    "can_post_stories": False,
                    "can_edit_stories": False,
                    "can_delete_stories": False,
                    "can_manage_topics": True,
                    "can_send_welcome_messages": False,
                },
            },
        }
    )


async def test_a_group_that_makes_the_bot_admin_is_offered_as_the_support_group(
    harness: Harness,
) -> None:
    h = harness
    h.session.clear()
    stranger = h.new_user()
    await h.feed(made_admin(-1009876, stranger, forum=True))
    assert not h.session.texts(stranger)  # only the owner's groups are offered
    await h.feed(made_admin(-1001234, ADMIN_ID, forum=False))
    [offer] = h.session.texts(ADMIN_ID)
    assert "“Help &lt;desk&gt;”" in offer and "Topics are off" in offer
    try:
        assert "Support group saved" in await h.press(ADMIN_ID, "Use this group")
        assert (await stored(h))["support_chat_id"] == "-1001234"
    finally:
        await h.say(ADMIN_ID, "/settings SUPPORT_CHAT_ID -")


async def test_the_wizard_says_which_steps_the_environment_decided(harness: Harness) -> None:
    h = harness
    first = await h.say(ADMIN_ID, "/setup")
    assert "step 1 of 9" in first and "PANEL_API_URL: set in the environment" in first
    assert "step 2 of 9" in await h.press(ADMIN_ID, "Next")
    assert "step 3 of 9" in await h.press(ADMIN_ID, "Next")
    await h.say(ADMIN_ID, "lots")  # markup: said why, asked again
    assert "percentage" in h.session.texts(ADMIN_ID)[0]
    assert "step 4 of 9" in await h.press(ADMIN_ID, "Skip")
    await h.say(ADMIN_ID, "/cancel")
    assert "/setup" in await h.press_data(ADMIN_ID, "sw:skip:")  # an old button: wizard over

"""Whatever a customer types or calls themselves, every message the bot sends with it still
parses as Telegram's HTML and nothing ends in an ERROR: the recording session refuses
malformed HTML as Telegram does (tests/telegram_html.py). Hypothesis draws hostile strings:
markup, an unbalanced `<`, `&` and entities, RTL overrides, zero-width characters, and a
message of Telegram's full 4,096 characters."""

from __future__ import annotations

import itertools
import logging
from datetime import UTC, datetime

import pytest
from aiogram.types import Chat, Message, Update, User
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.domain import normalize_type
from bot.sandbox.catalog import EVERY_TYPE
from tests.conftest import ADMIN_ID, Harness
from tests.handlers.flows import fill_form, open_service
from tests.telegram_html import html_error

NASTY = [
    '<a href="https://evil.example">Admin</a>',
    "<b>unclosed",
    "a < b > c",
    "</b>",
    "&amp; &lt; &bogus; &#x202E; & alone",
    "\u202egnp.exe",
    "zero\u200bwidth\u200djoin\ufeff",
    "<script>alert(1)</script>",
    '" onmouseover="x',
    "<" * 4096,
    ("&<" * 2048)[:4096],
]
HOSTILE = st.one_of(
    st.sampled_from(NASTY),
    st.text(alphabet=st.sampled_from(list("<>&;#/\"'= abAB\u202e\u200b\n")), max_size=300),
    st.text(max_size=200),
).filter(lambda s: s.strip() != "" and "\x00" not in s)
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_ids = itertools.count(1)


def service_of(kind: str) -> int:
    types = [normalize_type(t[0]) for t in EVERY_TYPE]
    return types.index(normalize_type(kind)) + 1


def message_from(user_id: int, text: str, first_name: str, username: str | None) -> Update:
    sender = User(id=user_id, is_bot=False, first_name=first_name or "x", username=username)
    return Update(
        update_id=10**8 + next(_ids),
        message=Message(
            message_id=10**8 + next(_ids),
            date=datetime.now(tz=UTC),
            chat=Chat(id=user_id, type="private"),
            from_user=sender,
            text=text,
        ),
    )


def assert_everything_parsed(h: Harness, caplog: pytest.LogCaptureFixture) -> None:
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]
    for text in h.session.texts():
        assert html_error(text) is None, text[:200]


@EXAMPLES
@given(typed=HOSTILE)
async def test_typed_searches_and_commands_echo_safely(
    harness: Harness, caplog: pytest.LogCaptureFixture, typed: str
) -> None:
    h, user_id = harness, Harness.new_user()
    caplog.clear()
    await h.say(user_id, "/start")
    await h.say(user_id, typed[:4096])  # a search while browsing
    await h.say(user_id, ("/promo " + typed)[:4096])
    await h.say(user_id, ("/" + typed)[:4096])  # an unknown command
    await h.say(user_id, "/mass")
    await h.say(user_id, typed[:4096])  # pasted as a mass order
    await h.say(user_id, f"{typed[:30]} | https://instagram.com/p/{typed[:30]} | 100")
    assert_everything_parsed(h, caplog)


@EXAMPLES
@given(typed=st.one_of(HOSTILE, st.sampled_from(["²", "³⁴", "١٠٠", "9" * 40, "-5", "1e3"])))
async def test_any_quantity_typed_is_taken_or_asked_again(
    harness: Harness, caplog: pytest.LogCaptureFixture, typed: str
) -> None:
    h, user_id = harness, Harness.new_user()
    caplog.clear()
    await open_service(h, user_id, service_of("Default"))
    await h.say(user_id, "https://instagram.com/p/quantity")
    assert await h.say(user_id, typed[:4096])  # a hint, or the next question
    assert_everything_parsed(h, caplog)


@EXAMPLES
@given(typed=HOSTILE)
async def test_form_answers_reach_the_summary_escaped(
    harness: Harness, caplog: pytest.LogCaptureFixture, typed: str
) -> None:
    h, user_id = harness, Harness.new_user()
    caplog.clear()
    await h.fund(user_id, "1000")
    await open_service(h, user_id, service_of("Custom Comments"))
    await h.say(user_id, typed[:4096])  # as the link: refused with a hint, or taken
    await h.say(user_id, ("https://instagram.com/p/" + typed.replace("\n", ""))[:500])
    line = typed.replace("\n", " ")[:250]
    comments = "\n".join(f"{n}. {line}" for n in range(10))
    service = await h.services.catalog.service(service_of("Custom Comments"))
    assert service is not None
    summary = await fill_form(h, user_id, service, typed={"comments": comments})
    assert "Price" in summary  # the summary was reached and shown
    assert_everything_parsed(h, caplog)


@EXAMPLES
@given(
    name=HOSTILE,
    username=st.one_of(st.none(), st.from_regex(r"[A-Za-z0-9_]{5,20}", fullmatch=True)),
)
async def test_a_customer_named_anything_reaches_support_staff_as_plain_text(
    harness: Harness, caplog: pytest.LogCaptureFixture, name: str, username: str | None
) -> None:
    h, user_id = harness, Harness.new_user()
    caplog.clear()
    h.session.clear()
    await h.feed(message_from(user_id, "/support", name[:64], username))
    complaint = "My order <b>never</b> came & I'm upset"
    await h.feed(message_from(user_id, complaint, name[:64], username))
    heads = h.session.texts(ADMIN_ID)
    assert heads, "the ticket reached no admin"
    assert '<a href="https://evil.example">' not in "".join(heads)
    assert_everything_parsed(h, caplog)


@EXAMPLES
@given(typed=HOSTILE)
async def test_admin_lookups_and_broadcast_previews_echo_safely(
    harness: Harness, caplog: pytest.LogCaptureFixture, typed: str
) -> None:
    h = harness
    caplog.clear()
    await h.say(ADMIN_ID, ("/user " + typed)[:4096])
    await h.say(ADMIN_ID, ("/broadcast " + typed)[:4096])
    await h.say(ADMIN_ID, "/cancel")
    assert_everything_parsed(h, caplog)

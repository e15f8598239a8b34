"""Inline lookup, flood control, errors, escaping and secrets."""

from __future__ import annotations

import logging
import time
from decimal import Decimal
from typing import Any

import pytest
from aiogram.methods import AnswerInlineQuery, SendMessage
from aiogram.types import InlineQuery, InlineQueryResultArticle, Update

from bot.ui.i18n import Translator, create_core
from bot.ui.keyboards import services_page
from bot.ui.middlewares import ThrottleMiddleware
from tests.conftest import ADMIN_ID, Harness
from tests.fakes import TOKEN, text_update, user
from tests.test_order_flow import confirm, fill_form, open_service


def inline_update(user_id: int, query: str) -> Update:
    return Update(
        update_id=int(time.time() * 1000) % 10**9,
        inline_query=InlineQuery(
            id=f"iq{user_id}{query}", from_user=user(user_id), query=query, offset=""
        ),
    )


async def inline(h: Harness, user_id: int, query: str) -> AnswerInlineQuery:
    h.session.clear()
    await h.feed(inline_update(user_id, query))
    [answer] = [c for c in h.session.calls if isinstance(c, AnswerInlineQuery)]
    return answer


async def place_package_order(h: Harness, user_id: int, link: str) -> int:
    await h.fund(user_id, "20")
    await open_service(h, user_id, 2)
    await h.say(user_id, link)
    await confirm(h, user_id)
    return (await h.services.repo.list_orders(user_id))[0].id


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


async def test_a_flood_is_dropped_after_one_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    throttle = ThrottleMiddleware(3.0, Translator(create_core("en")), "en")
    handled: list[int] = []
    warnings: list[str] = []

    async def handler(event: Any, data: dict[str, Any]) -> None:
        handled.append(1)

    async def say(event: Any, text: str) -> None:
        warnings.append(text)

    monkeypatch.setattr("bot.ui.middlewares._say", say)
    for _ in range(40):
        await throttle(handler, text_update(42, "spam"), {"event_from_user": user(42)})
    assert 5 <= len(handled) <= 12
    assert len(warnings) == 1
    assert "slow down" in warnings[0]
    allowed, _ = throttle.allow(42, time.monotonic() + 5)  # it recovers with time
    assert allowed


async def test_an_unexpected_error_gets_a_code_and_alerts_admins(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = harness
    user_id = h.new_user()

    async def broken(*args: Any, **kwargs: Any) -> int:
        raise RuntimeError("database exploded")

    monkeypatch.setattr(h.dp["orders"], "count_orders", broken)
    reply = await h.say(user_id, "My orders")
    assert "Something went wrong on our side (code" in reply
    code = reply.split("(code ")[1].split(")")[0]
    alerts = [
        r for r in await h.services.repo.due_messages(time.time() + 10) if r.kind == "admin_error"
    ]
    assert any(r.payload["code"] == code and r.chat_id == ADMIN_ID for r in alerts)
    assert "database exploded" not in reply


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


class _I18n:
    """The bits of I18nContext a keyboard builder uses."""

    def get(self, key: str, *args: Any, **kwargs: Any) -> str:
        return Translator(create_core("en"))(key, "en", **kwargs)


async def test_overlong_input_is_refused_with_a_hint(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await open_service(h, user_id, 1)
    reply = await h.say(user_id, "https://instagram.com/" + "a" * 600)
    assert "at most 500 characters" in reply
    reply = await h.say(user_id, "x" * 4500)
    assert "at most 4000 characters" in reply


async def test_secrets_never_reach_logs_or_messages(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness
    user_id = h.new_user()
    key = h.services.settings.panel_api_key.get_secret_value()
    with caplog.at_level(logging.DEBUG):
        await h.fund(user_id, "100")
        service = (await h.services.catalog.get()).by_id[1]
        await open_service(h, user_id, 1)
        await fill_form(h, user_id, service)
        await confirm(h, user_id)
        await h.say(user_id, "My orders")
        await h.press(user_id, "#")
        await h.press(user_id, "Refresh")
        h.sandbox.state.mode = "html"
        try:
            await h.press(user_id, "Refresh")
        finally:
            h.sandbox.state.mode = "ok"
        await h.say(ADMIN_ID, "/balance")
    logged = caplog.text + " ".join(str(r.__dict__) for r in caplog.records)
    assert "order placed" in logged  # the flow was logged…
    assert TOKEN not in logged
    assert TOKEN.split(":")[1] not in logged
    assert key not in logged
    sent = " ".join(str(c) for c in h.session.calls if isinstance(c, SendMessage))
    assert key not in sent
    assert TOKEN not in sent
    assert await h.services.repo.balance(user_id) < Decimal(100)


def test_flood_control_forgets_idle_users() -> None:
    throttle = ThrottleMiddleware(3.0, Translator(create_core("en")), "en")
    for user_id in range(10_001):
        throttle.allow(user_id, 0.0)
    throttle.allow(1, 100.0)  # much later: everyone's bucket is full again
    assert len(throttle._buckets) == 1

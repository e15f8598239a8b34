"""/broadcast to a large audience offers Fast (paid) with its cost in Stars first; the buttons
that pay or confirm are green and those that cancel red (Bot API 9.4 `style`)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from aiogram.methods import SendMessage
from aiogram.types import InlineKeyboardMarkup

from tests.backends import BACKENDS
from tests.conftest import ADMIN_ID, Harness, open_harness
from tests.handlers.flows import deliver_outbox, fill_form, open_service

AUDIENCE = 1_050


@pytest_asyncio.fixture(scope="module", params=BACKENDS)
async def big_shop(request: pytest.FixtureRequest, tmp_db_dir: Path) -> AsyncIterator[Harness]:
    async with open_harness(request.param, tmp_db_dir, send_rate_per_second=25) as opened:
        yield opened


def styles(markup: object) -> dict[str, str | None]:
    assert isinstance(markup, InlineKeyboardMarkup)
    return {b.text: b.style for row in markup.inline_keyboard for b in row}


async def test_a_small_audience_gets_the_normal_pace_only(big_shop: Harness) -> None:
    h = big_shop
    reply = await h.say(ADMIN_ID, "/broadcast Hello")
    assert "Send this to" in reply and "Fast" not in reply
    assert styles(h.session.last(ADMIN_ID).reply_markup) == {
        "📣 Send": "success",
        "Cancel": "danger",
    }
    await h.press(ADMIN_ID, "Cancel")


async def test_over_a_thousand_customers_fast_paid_shows_its_cost_and_sends_flagged(
    big_shop: Harness,
) -> None:
    h = big_shop
    for n in range(AUDIENCE):
        await h.services.stores.users.ensure_user(500_000 + n, None, "Reader")
    reply = await h.say(ADMIN_ID, "/broadcast Flash sale tonight")
    assert "about 1 minute." in reply  # 1,051 at 25 a second
    assert "costs about 106 Telegram Stars" in reply
    assert "⚡ Fast (paid): ~106 ⭐" in styles(h.session.last(ADMIN_ID).reply_markup)
    await h.press(ADMIN_ID, "Fast (paid)")
    rows = await h.services.stores.outbox.due_messages(10**10, limit=5000)
    assert sum(row.kind == "paid_broadcast" for row in rows) > AUDIENCE
    assert not any(row.kind == "broadcast" for row in rows)
    h.session.clear()
    await deliver_outbox(h)
    sent = [c for c in h.session.calls if isinstance(c, SendMessage)]
    flagged = [c for c in sent if c.text == "Flash sale tonight"]
    assert len(flagged) > AUDIENCE and all(c.allow_paid_broadcast for c in flagged)
    assert not any(c.allow_paid_broadcast for c in sent if c.text != "Flash sale tonight")


async def test_buttons_that_pay_or_confirm_are_green_and_cancel_is_red(big_shop: Harness) -> None:
    h = big_shop
    user_id = h.new_user()
    await h.say(user_id, "Balance")
    topups = styles(h.session.last(user_id).reply_markup)
    assert {style for text, style in topups.items() if "⭐" in text} == {"success"}
    await h.fund(user_id, "10")
    service = await h.services.catalog.service(1)
    assert service is not None
    await open_service(h, user_id, 1)
    await fill_form(h, user_id, service)
    summary = styles(h.session.last(user_id).reply_markup)
    assert [s for t, s in summary.items() if "Confirm" in t] == ["success"]
    assert [s for t, s in summary.items() if "Cancel" in t] == ["danger"]
    assert [s for t, s in summary.items() if "Edit" in t] == [None]

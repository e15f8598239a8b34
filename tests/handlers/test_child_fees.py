"""A child shop's monthly fee (issue 35), in the parent's chat: the owner's subscription is
accepted only from them at today's fee; a payment (delivered twice or not) extends the paid
period; a child whose fee lapsed past the grace is paused once, its owner told with the
button that pays, and runs again when paid."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio

from bot.core.children import fees
from bot.core.children.shop import ChildState
from bot.core.outbox import OutboxKind
from tests.conftest import Harness, open_harness
from tests.handlers.payments_support import answers, paid, pre_checkout

OWNER, BOT_ID, FEE = 61_001, 7_300_001, 100


@pytest_asyncio.fixture(scope="module")
async def shop(tmp_path_factory: object) -> AsyncIterator[Harness]:
    folder = Path(str(tmp_path_factory.mktemp("fees")))  # type: ignore[attr-defined]
    async with open_harness("sqlite", folder, child_shops=True, child_shop_fee_stars=FEE) as h:
        await h.say(OWNER, "/start")
        await h.services.children.store.add(BOT_ID, OWNER, "fee_shop_bot", f"{BOT_ID}:tok")
        yield h


async def test_only_the_owner_pays_todays_fee(shop: Harness) -> None:
    h = shop
    payload = fees.payload_of(BOT_ID)
    for user_id, total, accepted in (
        (OWNER + 1, FEE, False),
        (OWNER, FEE - 1, False),
        (OWNER, FEE, True),
    ):
        h.session.clear()
        await h.feed(pre_checkout(user_id, payload, total))
        [answer] = answers(h)
        assert answer.ok is accepted, (user_id, total)


async def test_a_payment_extends_the_paid_period_once(shop: Harness) -> None:
    h = shop
    expires = int(time.time()) + fees.PERIOD_SECONDS
    for _ in range(2):  # Telegram delivers the same payment twice
        said = await _pay(h, expires, "charge-1")
        assert "Thank you: your shop @fee_shop_bot runs until" in said
    child = await h.services.children.store.get(BOT_ID)
    assert child is not None and child.paid_until == float(expires)


async def test_a_lapsed_fee_pauses_the_child_once_and_a_payment_resumes_it(shop: Harness) -> None:
    h = shop
    children = h.services.children
    child = await children.store.get(BOT_ID)
    assert child is not None
    later = fees.paid_through(child.created_at, child.paid_until) + 1
    assert await children.lapse_due(later - 2) == []  # still inside the grace
    [lapsed] = await children.lapse_due(later)
    assert lapsed.bot_id == BOT_ID
    assert await children.lapse_due(later + 60) == []  # told once
    assert (await children.store.get(BOT_ID)).state is ChildState.UNPAID  # type: ignore[union-attr]
    due = [
        r
        for r in await h.services.stores.outbox.due_messages(time.time() + 1)
        if r.kind is OutboxKind.CHILD_FEE_DUE
    ]
    assert [r.chat_id for r in due] == [OWNER]
    rendered = await h.services.renderer.render(due[0])
    assert rendered is not None and "is paused: its monthly fee was not paid" in rendered.text
    assert rendered.markup is not None
    await _pay(h, int(later) + fees.PERIOD_SECONDS, "charge-2")
    assert (await children.store.get(BOT_ID)).state is ChildState.RUNNING  # type: ignore[union-attr]


async def _pay(h: Harness, expires: int, charge: str) -> str:
    h.session.clear()
    await h.feed(paid(OWNER, fees.payload_of(BOT_ID), FEE, charge, expires))
    sent = h.session.texts(OWNER)
    return sent[-1] if sent else ""

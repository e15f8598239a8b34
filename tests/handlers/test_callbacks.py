"""Every button press is answered exactly once, so no button is left spinning
(aiogram's CallbackAnswerMiddleware, set up in bot/app.py)."""

from __future__ import annotations

from collections import Counter

from aiogram.methods import AnswerCallbackQuery

from bot.ui.callbacks import CategoryPage, OrderAction, OrderDo, OrdersPage, ServicePick
from tests.conftest import Harness
from tests.fakes import callback_update


async def test_every_press_gets_exactly_one_answer(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "New order")
    presses = [
        CategoryPage(page=1).pack(),  # a page: answered empty
        ServicePick(id=2).pack(),  # a card
        OrdersPage(page=0).pack(),
        OrderAction(id=999_999, action=OrderDo.VIEW).pack(),  # not theirs: an alert
        "garbage:that:no:router:knows",  # the fallback: an alert
    ]
    h.session.clear()
    updates = [callback_update(user_id, data) for data in presses]
    for update in updates:
        await h.feed(update)
    answers = Counter(
        call.callback_query_id for call in h.session.calls if isinstance(call, AnswerCallbackQuery)
    )
    assert answers == Counter({u.callback_query.id: 1 for u in updates if u.callback_query})
    alerts = [c.text for c in h.session.calls if isinstance(c, AnswerCallbackQuery) and c.text]
    assert any("not found" in (text or "").lower() for text in alerts)

"""Helpers shared by the tests moved out of tests/test_hardening.py."""

from __future__ import annotations

import time
from typing import Any

from aiogram.methods import AnswerInlineQuery
from aiogram.types import InlineQuery, Update

from bot.ui.i18n import Translator, create_core
from tests.conftest import Harness
from tests.fakes import user
from tests.handlers.flows import confirm, open_service


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
    return (await h.services.stores.orders.list_orders(user_id))[0].id


class _I18n:
    """The bits of I18nContext a keyboard builder uses."""

    def get(self, key: str, *args: Any, **kwargs: Any) -> str:
        return Translator(create_core("en"))(key, "en", **kwargs)

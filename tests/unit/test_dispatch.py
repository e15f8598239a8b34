"""Routers are skipped only when none of their handlers could take the update."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram import Dispatcher, F, Router
from aiogram.filters import Command, Filter, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey
from aiogram.types import CallbackQuery, Message

from bot.core.settings import Settings
from bot.ui.callbacks import CategoryPage, OrdersPage
from bot.ui.dispatch import skip_unused_routers
from bot.ui.filters import IsAdmin, TypedText
from tests.fakes import callback_update, make_bot, text_update


class Form(StatesGroup):
    typing = State()


class Opaque(Filter):
    """A filter the dispatcher knows nothing about: its router must always be walked."""

    async def __call__(self, message: Message) -> bool:
        return message.text == "opaque"


def build() -> tuple[Dispatcher, list[str]]:
    seen: list[str] = []
    dp = Dispatcher()

    def record(name: str) -> Any:
        async def handler(event: Message | CallbackQuery) -> None:
            seen.append(name)

        return handler

    commands = Router(name="commands")
    commands.message.register(record("help"), Command("help"))
    pages = Router(name="pages")
    pages.callback_query.register(record("page"), CategoryPage.filter(F.page > 0))
    form = Router(name="form")
    form.message.register(record("answer"), Form.typing, TypedText())
    grouped = Router(name="grouped")
    grouped.message.register(record("any state of the group"), StateFilter(Form))
    admin = Router(name="admin")
    admin.message.filter(IsAdmin())
    nested = Router(name="nested")
    nested.message.register(record("admin command"), Command("stats"))
    admin.include_router(nested)
    opaque = Router(name="opaque")
    opaque.message.register(record("opaque"), Opaque())
    last = Router(name="last")
    last.message.register(record("fallback message"))
    last.callback_query.register(record("fallback button"))
    dp.include_routers(commands, pages, form, grouped, admin, opaque, last)
    skip_unused_routers(dp)
    return dp, seen


@pytest.mark.parametrize(
    ("update", "state", "expected"),
    [
        (text_update(1, "/help"), None, "help"),
        (text_update(1, "help"), None, "fallback message"),
        (callback_update(1, CategoryPage(page=2).pack()), None, "page"),
        # The prefix matches, the magic rule does not: the handler's own filter decides.
        (callback_update(1, CategoryPage(page=0).pack()), None, "fallback button"),
        (callback_update(1, OrdersPage(page=1).pack()), None, "fallback button"),
        (text_update(1, "some answer"), Form.typing, "answer"),
        (text_update(1, "/cancel"), Form.typing, "any state of the group"),
        (text_update(1, "some answer"), None, "fallback message"),
        (text_update(1, "opaque"), None, "opaque"),
        (text_update(1, "/stats"), None, "fallback message"),  # not an admin
    ],
)
async def test_the_same_handler_answers_as_without_skipping(
    update: Any, state: State | None, expected: str
) -> None:
    dp, seen = build()
    bot, _ = make_bot()
    if state is not None:
        await FSMContext(dp.storage, StorageKey(bot.id, chat_id=1, user_id=1)).set_state(state)
    settings = Settings(bot_token="1:x", admin_ids=[], _env_file=None)
    await dp.feed_update(bot, update, settings=settings, is_admin=False)
    assert seen == [expected]


async def test_an_admin_reaches_the_nested_admin_router() -> None:
    dp, seen = build()
    bot, _ = make_bot()
    settings = Settings(bot_token="1:x", admin_ids=[1], _env_file=None)
    await dp.feed_update(bot, text_update(1, "/stats"), settings=settings)
    assert seen == ["admin command"]


def test_no_filter_of_the_bot_runs_in_a_worker_thread() -> None:
    """aiogram runs a synchronous filter (a bare `State`, a magic `F.…`) through
    `asyncio.to_thread`: a thread hop on every check of every update that reaches it."""
    from handlers import get_routers

    dp = Dispatcher()
    dp.include_routers(*get_routers(support_chat_id=-100))
    synchronous = [
        f"{router.name}: {flt.callback!r}"
        for router in dp.chain_tail
        for observer in router.observers.values()
        for handler in [*observer.handlers, observer._handler]
        for flt in handler.filters or ()
        if not flt.awaitable
    ]
    assert synchronous == []


@pytest.mark.parametrize(
    ("update", "expected"),
    [
        (text_update(1, "/a"), "a"),
        (text_update(1, "hello"), "typed"),
        (callback_update(1, CategoryPage(page=3).pack()), "page"),
    ],
)
async def test_within_a_router_the_handler_whose_filters_pass_answers(
    update: Any, expected: str
) -> None:
    seen: list[str] = []

    def record(name: str) -> Any:
        async def handler(event: Message | CallbackQuery) -> None:
            seen.append(name)

        return handler

    dp = Dispatcher()
    router = Router()
    router.message.register(record("a"), Command("a"))
    router.message.register(record("state"), StateFilter(Form.typing))
    router.message.register(record("typed"), TypedText())
    router.callback_query.register(record("orders"), OrdersPage.filter())
    router.callback_query.register(record("page"), CategoryPage.filter())
    dp.include_router(router)
    skip_unused_routers(dp)
    await dp.feed_update(make_bot()[0], update)
    assert seen == [expected]

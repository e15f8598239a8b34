"""Helpers shared by the tests moved out of tests/test_order_flow.py."""

from __future__ import annotations

from typing import Any

from aiogram.fsm.storage.base import StorageKey

from bot.core.customers.directory import Customers
from bot.core.notifications.sender import Notifier
from bot.core.ordering.forms import Kind, next_field
from bot.core.ordering.links import service_platform
from bot.core.panels import Service
from bot.sandbox.catalog import EVERY_TYPE
from bot.ui.callbacks import (
    ConfirmOrder,
    FormChoice,
    FormNav,
    OrderStart,
    ServicePick,
)
from bot.ui.i18n import Translator, create_core
from bot.ui.notices import MessageRenderer, NoticeReads, TelegramMessenger
from handlers.states import OrderForm
from tests.conftest import Harness
from tests.fakes import BOT_ID

TYPE_SERVICE_IDS = list(range(1, len(EVERY_TYPE) + 1))


# A link of each platform a sandbox service is for: a Telegram service wants a t.me link.
SAMPLE_HOSTS = {"Telegram": "t.me", "YouTube": "youtube.com", "TikTok": "tiktok.com"}


def answer_for(field: str, service: Service, user_id: int) -> str:
    lines = max(service.min, 2)
    host = SAMPLE_HOSTS.get(service_platform(service.name, service.category) or "", "instagram.com")
    return {
        "link": f"https://{host}/p/post{user_id}",
        "media": f"https://instagram.com/p/media{user_id}",
        "referring_url": "https://example.com/from",
        "quantity": str(max(service.min, 100)),
        "min": str(service.min),
        "max": str(service.min * 2),
        "runs": "3",
        "interval": "15",
        "posts": "2",
        "comments": "\n".join(f"Great <b>post</b> #{n} 🔥" for n in range(lines)),
        "usernames": "\n".join(f"user_{n}" for n in range(lines)),
        "hashtags": "summer\nsun",
        "keywords": "buy shoes\ncheap shoes",
        "groups": "https://t.me/group_a\nhttps://t.me/group_b",
        "hashtag": "#travel",
        "username": "@some.user",
        "answer_number": "2",
        "country": "US",
        "google_keyword": "best shoes",
    }[field]


def key(user_id: int) -> StorageKey:
    return StorageKey(bot_id=BOT_ID, chat_id=user_id, user_id=user_id)


async def form_data(h: Harness, user_id: int) -> dict[str, Any]:
    return await h.dp.storage.get_data(key(user_id))


async def form_state(h: Harness, user_id: int) -> str | None:
    return await h.dp.storage.get_state(key(user_id))


async def fill_form(
    h: Harness,
    user_id: int,
    service: Service,
    choices: dict[str, str] | None = None,
    typed: dict[str, str] | None = None,
) -> str:
    """Answer every question the bot asks until the summary; returns the summary text."""
    choices = {
        "dripfeed": "no",
        "delay": "0",
        "device": "4",
        "type_of_traffic": "1",
        **(choices or {}),
    }
    for _ in range(20):
        if await form_state(h, user_id) != OrderForm.filling.state:
            break
        data = await form_data(h, user_id)
        spec = next_field(service, data["answers"])
        assert spec is not None
        assert spec.name == data["field"]
        if spec.kind is Kind.CHOICE:
            await h.press_data(user_id, FormChoice(value=choices[spec.name]).pack())
        elif spec.optional:
            await h.press_data(user_id, FormNav(action="skip").pack())
        else:
            answer = (typed or {}).get(spec.name) or answer_for(spec.name, service, user_id)
            await h.say(user_id, answer)
    assert await form_state(h, user_id) == OrderForm.confirming.state
    return h.session.texts(user_id)[-1]


async def open_service(h: Harness, user_id: int, service_id: int) -> None:
    await h.say(user_id, "/start")
    await h.press_data(user_id, ServicePick(id=service_id).pack())
    await h.press_data(user_id, OrderStart(id=service_id).pack())


async def confirm(h: Harness, user_id: int) -> str:
    token = (await form_data(h, user_id))["token"]
    return await h.press_data(user_id, ConfirmOrder(token=token).pack())


def add_requests(h: Harness) -> list[dict[str, Any]]:
    return [r for r in h.sandbox.state.requests if r.get("action") == "add"]


async def deliver_outbox(h: Harness) -> None:
    """Send every queued message as the notifier would (the harness runs no background)."""
    renderer = MessageRenderer(
        NoticeReads.of(h.services.stores), Translator(create_core("en")), "en", h.services.catalog
    )
    notifier = Notifier(
        TelegramMessenger(h.bot, renderer, h.services.stores.settings),
        h.services.stores.outbox,
        Customers(h.services.stores.users),
        rate_per_second=1000,
        per_chat_interval=0,
    )
    while await notifier.drain_once():
        await notifier.flush()

"""The order conversation through the real dispatcher (Telegram mocked), against the sandbox."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import pytest
from aiogram.fsm.storage.base import StorageKey

from bot.core.domain import Stage
from bot.core.forms import Kind, next_field, units
from bot.core.panel import PanelUnavailableError, Service
from bot.sandbox.catalog import EVERY_TYPE
from bot.ui.callbacks import (
    ConfirmOrder,
    FormChoice,
    FormNav,
    OrderAction,
    OrderStart,
    ServicePick,
)
from handlers.states import OrderForm
from tests.conftest import Harness
from tests.fakes import BOT_ID, buttons, callback_update

TYPE_SERVICE_IDS = list(range(1, len(EVERY_TYPE) + 1))


def answer_for(field: str, service: Service, user_id: int) -> str:
    lines = max(service.min, 2)
    return {
        "link": f"https://instagram.com/p/post{user_id}",
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
    h: Harness, user_id: int, service: Service, choices: dict[str, str] | None = None
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
            await h.say(user_id, answer_for(spec.name, service, user_id))
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


@pytest.mark.parametrize("service_id", TYPE_SERVICE_IDS)
async def test_every_service_type_can_be_ordered_end_to_end(
    harness: Harness, service_id: int
) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "1000")
    service = (await h.services.catalog.get()).by_id[service_id]
    await open_service(h, user_id, service_id)
    summary = await fill_form(h, user_id, service)
    answers = (await form_data(h, user_id))["answers"]
    price = h.services.pricing.price(service, units(service, answers))
    assert f"{price:f}" in summary.replace(",", "")
    sent_before = len(add_requests(h))

    reply = await confirm(h, user_id)

    assert "placed" in reply
    assert len(add_requests(h)) == sent_before + 1
    sent = add_requests(h)[-1]
    assert int(sent["service"]) == service_id
    [order] = await h.services.repo.list_orders(user_id)
    assert order.stage is Stage.PENDING
    assert order.panel_order_id is not None
    assert await h.services.repo.balance(user_id) == Decimal(1000) - price


async def test_drip_feed_multiplies_quantity_and_price(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "100")
    service = (await h.services.catalog.get()).by_id[1]
    await open_service(h, user_id, 1)
    summary = await fill_form(h, user_id, service, {"dripfeed": "yes"})
    assert "Runs: 3" in summary
    assert "Interval (min): 15" in summary
    await confirm(h, user_id)
    sent = add_requests(h)[-1]
    assert (sent["quantity"], sent["runs"], sent["interval"]) == ("100", "3", "15")
    [order] = await h.services.repo.list_orders(user_id)
    assert order.quantity == 300
    assert order.charge == h.services.pricing.price(service, 300)


async def test_customer_text_is_escaped_in_the_summary(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    service = (await h.services.catalog.get()).by_id[4]  # custom comments
    await open_service(h, user_id, 4)
    summary = await fill_form(h, user_id, service)
    assert "&lt;b&gt;post&lt;/b&gt;" in summary
    assert "<b>post</b>" not in summary


@pytest.mark.parametrize(
    ("service_id", "field", "bad", "hint"),
    [
        (1, "link", "not a link", "does not look like a link"),
        (1, "quantity", "lots", "not a whole number"),
        (1, "quantity", "10", "from 50 to 10000"),
        (1, "quantity", "99999999", "from 50 to 10000"),
        (4, "comments", "only one line", "this service needs 10–1500"),
        (12, "username", "bad user!", "not a valid username"),
        (9, "hashtag", "two words", "not a valid hashtag"),
        (16, "expiry", "31-12-2030", "dd/mm/yyyy"),
        (16, "expiry", "01/01/2020", "in the future"),
    ],
)
async def test_bad_input_is_asked_again_with_a_hint(
    harness: Harness, service_id: int, field: str, bad: str, hint: str
) -> None:
    h = harness
    user_id = h.new_user()
    service = (await h.services.catalog.get()).by_id[service_id]
    await open_service(h, user_id, service_id)
    for _ in range(12):
        data = await form_data(h, user_id)
        if data["field"] == field:
            break
        spec = next_field(service, data["answers"])
        assert spec is not None
        if spec.kind is Kind.CHOICE:
            await h.press_data(user_id, FormChoice(value=spec.choices[0]).pack())
        elif spec.optional and spec.name != field:
            await h.press_data(user_id, FormNav(action="skip").pack())
        else:
            await h.say(user_id, answer_for(spec.name, service, user_id))
    reply = await h.say(user_id, bad)
    assert hint in reply
    data = await form_data(h, user_id)
    assert data["field"] == field
    assert field not in data["answers"]


async def test_back_and_cancel_work_inside_the_form(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await open_service(h, user_id, 1)
    await h.say(user_id, "https://instagram.com/p/one")
    assert (await form_data(h, user_id))["field"] == "quantity"
    reply = await h.press_data(user_id, FormNav(action="back").pack())
    assert "Send the link" in reply
    assert (await form_data(h, user_id))["answers"] == {}
    reply = await h.say(user_id, "/cancel")
    assert "Cancelled" in reply
    assert await form_state(h, user_id) is None


async def test_double_and_racing_confirmations_place_one_order(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "50")
    service = (await h.services.catalog.get()).by_id[2]  # package: one question
    await open_service(h, user_id, 2)
    await fill_form(h, user_id, service)
    token = (await form_data(h, user_id))["token"]
    summary = h.last_message(user_id)
    before = len(add_requests(h))
    press = ConfirmOrder(token=token).pack()

    await asyncio.gather(*(h.feed(callback_update(user_id, press, summary)) for _ in range(3)))
    await h.feed(callback_update(user_id, press, summary))  # and once more, later

    assert len(add_requests(h)) == before + 1
    assert len(await h.services.repo.list_orders(user_id)) == 1
    price = h.services.pricing.price(service, 1000)
    assert await h.services.repo.balance(user_id) == Decimal(50) - price
    assert any("already placed" in text for text in h.session.alerts() + h.session.texts(user_id))


async def test_not_enough_funds_says_how_much_is_missing(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "1")
    service = (await h.services.catalog.get()).by_id[2]
    await open_service(h, user_id, 2)
    summary = await fill_form(h, user_id, service)
    price = h.services.pricing.price(service, 1000)
    missing = price - 1
    assert f"{missing:f} USD missing" in summary
    reply = await confirm(h, user_id)
    assert f"{missing:f} USD missing" in reply
    assert await h.services.repo.list_orders(user_id) == []
    assert await h.services.repo.balance(user_id) == Decimal(1)


async def test_panel_refusal_refunds_and_explains(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "10")
    await open_service(h, user_id, 2)
    await h.say(user_id, "https://instagram.com/badlink")
    reply = await confirm(h, user_id)
    assert "refused this link" in reply
    assert "refunded" in reply
    [order] = await h.services.repo.list_orders(user_id)
    assert order.stage is Stage.REJECTED
    assert await h.services.repo.balance(user_id) == Decimal(10)


async def test_uncertain_placement_holds_the_charge_and_an_admin_resolves_it(
    harness: Harness,
) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "10")
    await open_service(h, user_id, 2)
    await h.say(user_id, "https://instagram.com/p/uncertain")
    h.sandbox.state.mode = "html"
    try:
        reply = await confirm(h, user_id)
    finally:
        h.sandbox.state.mode = "ok"
    assert "did not answer clearly" in reply
    [order] = await h.services.repo.list_orders(user_id)
    assert order.stage is Stage.UNCERTAIN
    assert await h.services.repo.balance(user_id) < Decimal(10)  # held, not refunded

    from tests.conftest import ADMIN_ID

    await h.say(ADMIN_ID, "/pending")
    assert any(f"Order #{order.id}" in text for text in h.session.texts(ADMIN_ID))
    await h.press(ADMIN_ID, "Refund customer")
    assert await h.services.repo.balance(user_id) == Decimal(10)
    assert (await h.services.repo.get_order(order.id)).stage is Stage.REJECTED  # type: ignore[union-attr]


async def test_a_forged_callback_for_someone_elses_order_is_not_found(harness: Harness) -> None:
    h = harness
    owner, stranger = h.new_user(), h.new_user()
    await h.fund(owner, "10")
    await open_service(h, owner, 2)
    await h.say(owner, "https://instagram.com/p/mine")
    await confirm(h, owner)
    [order] = await h.services.repo.list_orders(owner)
    await h.say(stranger, "/start")
    for action in ("view", "refill", "cancel", "refresh"):
        await h.press_data(stranger, OrderAction(id=order.id, action=action).pack())
        assert h.session.alerts()[-1] == "Order not found."
    assert "instagram.com/p/mine" not in " ".join(h.session.texts(stranger))


async def test_the_form_survives_a_restart(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await open_service(h, user_id, 1)
    await h.say(user_id, "https://instagram.com/p/restart")
    # A restart loses everything in memory: drop the storage's cache, keep the database.
    await h.dp.storage.close()
    data = await form_data(h, user_id)
    assert data["answers"] == {"link": "https://instagram.com/p/restart"}
    reply = await h.say(user_id, "150")
    assert (
        "All at once" in str(buttons(h.session.last(user_id).reply_markup))
        or "drip" in reply.lower()
    )


async def test_my_orders_lists_newest_first_and_opens_the_card(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "100")
    for n in range(2):
        await open_service(h, user_id, 2)
        await h.say(user_id, f"https://instagram.com/p/list{n}")
        await confirm(h, user_id)
    orders = await h.services.repo.list_orders(user_id)
    reply = await h.say(user_id, "My orders")
    assert "Your orders" in reply
    labels = [text for text, _ in buttons(h.session.last(user_id).reply_markup)]
    assert labels[0].startswith("🕓 #" + str(orders[0].id))
    assert orders[0].id > orders[1].id
    card = await h.press(user_id, f"#{orders[0].id}")
    assert f"Order #{orders[0].id}" in card
    assert "list1" in card
    assert "Pending" in card
    assert "Refresh" in str(buttons(h.session.last(user_id).reply_markup))


async def test_cancel_then_completion_refunds_through_refresh(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "100")
    service = (await h.services.catalog.get()).by_id[1]  # Default, cancel allowed
    await open_service(h, user_id, 1)
    await fill_form(h, user_id, service)
    await confirm(h, user_id)
    [order] = await h.services.repo.list_orders(user_id)
    await h.say(user_id, "My orders")
    await h.press(user_id, f"#{order.id}")
    await h.press(user_id, "Cancel")
    assert "Cancellation requested" in h.session.alerts()[-1]
    await h.press(user_id, "Refresh")
    fresh = await h.services.repo.get_order(order.id)
    assert fresh is not None
    assert fresh.stage is Stage.CANCELED
    assert await h.services.repo.balance(user_id) == Decimal(100)


async def test_refill_of_a_completed_order(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "100")
    service = (await h.services.catalog.get()).by_id[1]  # refill allowed
    await open_service(h, user_id, 1)
    await fill_form(h, user_id, service)
    await confirm(h, user_id)
    [order] = await h.services.repo.list_orders(user_id)
    h.sandbox.state.orders[order.panel_order_id].created -= 10_000  # type: ignore[index]
    await h.say(user_id, "My orders")
    await h.press(user_id, f"#{order.id}")
    card = await h.press(user_id, "Refresh")
    assert "Completed" in card
    await h.press(user_id, "Refill")
    assert "Refill requested" in h.session.alerts()[-1]
    refill = await h.services.repo.latest_refill(order.id)
    assert refill is not None
    assert refill.panel_refill_id is not None


async def test_search_by_typing_while_browsing(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "New order")
    reply = await h.say(user_id, "poll votes")
    assert "Found 1 service for" in reply
    assert "Telegram Poll Votes" in str(buttons(h.session.last(user_id).reply_markup))


async def test_large_category_is_paginated(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "New order")
    reply = await h.press(user_id, "Instagram Followers [1000 offers]")
    assert "page 1/125" in reply
    reply = await h.press(user_id, "▶")
    assert "page 2/125" in reply
    assert len(buttons(h.session.last(user_id).reply_markup)) <= 100


@pytest.mark.parametrize(
    ("language", "greeting", "menu"),
    [
        ("en", "Hello", "New order"),
        ("ru", "Здравствуйте", "Новый заказ"),
        ("fr", "Bonjour", "Nouvelle commande"),
        ("ar", "مرحبًا", "طلب جديد"),
    ],
)
async def test_start_greets_in_the_customers_language(
    harness: Harness, language: str, greeting: str, menu: str
) -> None:
    h = harness
    user_id = h.new_user()
    reply = await h.say(user_id, "/start", language)
    assert greeting in reply
    keyboard = h.session.last(user_id).reply_markup
    assert menu in str(keyboard)
    reply = await h.say(user_id, menu, language)
    assert "📂" in reply  # the localized menu label opens the catalog


async def test_language_choice_is_remembered(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "/language")
    await h.press(user_id, "Русский")
    reply = await h.say(user_id, "/start", "en")
    assert "Здравствуйте" in reply


async def test_during_a_known_outage_orders_are_refused_before_any_charge(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "10")
    await open_service(h, user_id, 2)
    await h.say(user_id, "https://instagram.com/p/outage")
    h.sandbox.state.mode = "html"
    with pytest.raises(PanelUnavailableError):  # what the poller sees too
        await h.services.panel.statuses([1])
    before = len(add_requests(h))
    try:
        reply = await confirm(h, user_id)
    finally:
        h.sandbox.state.mode = "ok"
    assert "temporarily unavailable" in reply
    assert "Nothing was charged" in reply
    assert len(add_requests(h)) == before
    assert await h.services.repo.list_orders(user_id) == []
    assert await h.services.repo.balance(user_id) == Decimal(10)
    # The panel is back: the same summary can be confirmed.
    reply = await confirm(h, user_id)
    assert "placed" in reply


async def test_a_service_of_an_unknown_type_is_shown_but_not_orderable(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    catalog = await h.services.catalog.get()
    [odd] = [s for s in catalog.services if s.type == "Hologram Reactions"]
    await h.say(user_id, "/start")
    card = await h.press_data(user_id, ServicePick(id=odd.id).pack())
    assert "Hologram Reactions" in card and "cannot be ordered in this bot yet" in card
    assert "Order" not in str(buttons(h.session.last(user_id).reply_markup))
    await h.press_data(user_id, OrderStart(id=odd.id).pack())  # a forged or stale button
    assert "cannot be ordered" in h.session.alerts()[-1]
    assert await form_state(h, user_id) is None


async def test_a_cancel_request_is_stored_in_the_order_history(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "100")
    service = (await h.services.catalog.get()).by_id[1]
    await open_service(h, user_id, 1)
    await fill_form(h, user_id, service)
    await confirm(h, user_id)
    [order] = await h.services.repo.list_orders(user_id)
    await h.press_data(user_id, OrderAction(id=order.id, action="cancel").pack())
    assert "cancel_requested" in [
        status for status, _ in await h.services.repo.order_history(order.id)
    ]

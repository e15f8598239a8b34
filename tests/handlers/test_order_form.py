"""The order conversation: every type, bad input, Back/Cancel, confirmations
(handlers/order_form.py)."""

from __future__ import annotations

import asyncio
import logging
import time
from decimal import Decimal
from typing import Any

import pytest
from aiogram.methods import SendMessage

from bot.core.domain import Stage
from bot.core.ordering.forms import Kind, next_field, units
from bot.core.outbox import OutboxKind
from bot.core.panels import PanelUnavailableError
from bot.ui.callbacks import (
    CategoryPage,
    ConfirmOrder,
    FormChoice,
    FormNav,
    FormStep,
    OrderAction,
    OrderDo,
)
from bot.ui.fsm_storage import DatabaseStorage
from tests.conftest import ADMIN_ID, Harness
from tests.fakes import buttons, callback_update
from tests.handlers.flows import (
    TYPE_SERVICE_IDS,
    add_requests,
    answer_for,
    confirm,
    fill_form,
    form_data,
    form_state,
    key,
    open_service,
)


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
    [order] = await h.services.stores.orders.list_orders(user_id)
    assert order.stage is Stage.PENDING
    assert order.panel_order_id is not None
    assert await h.services.stores.wallets.balance(user_id) == Decimal(1000) - price


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
    [order] = await h.services.stores.orders.list_orders(user_id)
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
    assert len(await h.services.stores.orders.list_orders(user_id)) == 1
    price = h.services.pricing.price(service, 1000)
    assert await h.services.stores.wallets.balance(user_id) == Decimal(50) - price
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
    assert await h.services.stores.orders.list_orders(user_id) == []
    assert await h.services.stores.wallets.balance(user_id) == Decimal(1)


async def test_panel_refusal_refunds_and_explains(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "10")
    await open_service(h, user_id, 2)
    await h.say(user_id, "https://instagram.com/badlink")
    reply = await confirm(h, user_id)
    assert "refused this link" in reply
    assert "refunded" in reply
    [order] = await h.services.stores.orders.list_orders(user_id)
    assert order.stage is Stage.REJECTED
    assert await h.services.stores.wallets.balance(user_id) == Decimal(10)


async def test_uncertain_placement_holds_the_charge_and_an_admin_resolves_it(
    harness: Harness,
) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "10")
    await open_service(h, user_id, 2)
    await h.say(user_id, "https://instagram.com/p/uncertain")
    h.sandbox.state.mode = "bad_gateway"  # a 502: the panel may have placed it
    try:
        reply = await confirm(h, user_id)
    finally:
        h.sandbox.state.mode = "ok"
    assert "did not answer clearly" in reply
    [order] = await h.services.stores.orders.list_orders(user_id)
    assert order.stage is Stage.UNCERTAIN
    assert await h.services.stores.wallets.balance(user_id) < Decimal(10)  # held, not refunded

    await h.say(ADMIN_ID, "/pending")
    assert any(f"Order #{order.id}" in text for text in h.session.texts(ADMIN_ID))
    await h.press(ADMIN_ID, "Refund customer")
    assert await h.services.stores.wallets.balance(user_id) == Decimal(10)
    assert (await h.services.stores.orders.get_order(order.id)).stage is Stage.REJECTED  # type: ignore[union-attr]


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
    assert await h.services.stores.orders.list_orders(user_id) == []
    assert await h.services.stores.wallets.balance(user_id) == Decimal(10)
    # The panel is back: the same summary can be confirmed.
    reply = await confirm(h, user_id)
    assert "placed" in reply


async def test_price_summary_uses_the_form_token(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await open_service(h, user_id, 2)
    assert len((await form_data(h, user_id))["token"]) == 16


async def test_overlong_input_is_refused_with_a_hint(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await open_service(h, user_id, 1)
    reply = await h.say(user_id, "https://instagram.com/" + "a" * 600)
    assert "at most 500 characters" in reply
    reply = await h.say(user_id, "x" * 4500)
    assert "at most 500 characters" in reply  # the link's own limit, not the message's
    assert "Send the link" in reply  # and the question is asked again


@pytest.mark.parametrize("mode", ["html", "challenge"])
async def test_a_cloudflare_page_on_add_refunds_at_once_and_holds_nothing(
    harness: Harness, mode: str
) -> None:
    """A 503 or a challenge page means the panel never saw the order: nothing is held."""
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "10")
    await open_service(h, user_id, 2)
    await h.say(user_id, f"https://instagram.com/p/cloudflare_{mode}")
    alerts_before = [r.id for r in await h.services.stores.outbox.due_messages(time.time() + 60)]
    h.sandbox.state.mode = mode
    try:
        reply = await confirm(h, user_id)
    finally:
        h.sandbox.state.mode = "ok"
        await h.services.panel.is_reachable()  # the panel is back for the next tests
    assert "temporarily unavailable" in reply
    assert "refunded" in reply
    assert "did not answer clearly" not in reply
    [order] = await h.services.stores.orders.list_orders(user_id)
    assert order.stage is Stage.REJECTED
    assert await h.services.stores.wallets.balance(user_id) == Decimal(10)
    new_rows = [
        r
        for r in await h.services.stores.outbox.due_messages(time.time() + 60)
        if r.id not in alerts_before
    ]
    assert not [r for r in new_rows if r.kind is OutboxKind.ADMIN_UNCERTAIN]


async def test_double_and_triple_taps_on_any_button_leave_no_error_in_the_log(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Telegram refuses a second answer to one tap and an edit that changes nothing; after a
    double tap those are normal and must be answered quietly."""
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "50")
    service = (await h.services.catalog.get()).by_id[2]
    await open_service(h, user_id, 2)
    await fill_form(h, user_id, service)
    token = (await form_data(h, user_id))["token"]
    summary = h.last_message(user_id)
    presses = [
        ConfirmOrder(token=token).pack(),
        FormNav(action=FormStep.EDIT).pack(),
        FormNav(action=FormStep.CANCEL).pack(),
        CategoryPage(page=0).pack(),
    ]
    before = len(add_requests(h))
    caplog.clear()
    with caplog.at_level(logging.INFO):
        for data in presses:
            same_tap = callback_update(user_id, data, summary)
            await asyncio.gather(*(h.feed(same_tap) for _ in range(2)))  # one tap, delivered twice
            taps = [callback_update(user_id, data, summary) for _ in range(3)]
            await asyncio.gather(*(h.feed(tap) for tap in taps))
        [order] = await h.services.stores.orders.list_orders(user_id)
        view = OrderAction(id=order.id, action=OrderDo.REFRESH).pack()
        await asyncio.gather(*(h.feed(callback_update(user_id, view, summary)) for _ in range(3)))
    assert len(add_requests(h)) == before + 1
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert not problems, [(r.levelname, r.getMessage()) for r in problems]


async def test_an_answer_is_saved_before_the_reply_to_it_goes_out(harness: Harness) -> None:
    """Whoever saw the bot's next message has had their answer saved: a crash right after
    sending loses nothing the customer believes was taken."""
    h = harness
    user_id = h.new_user()
    await open_service(h, user_id, 2)
    saved_when_sent: list[dict[str, Any]] = []
    original = h.session.make_request

    async def spying(bot: Any, method: Any, timeout: int | None = None) -> Any:
        if isinstance(method, SendMessage) and int(method.chat_id) == user_id:
            from_database = DatabaseStorage(h.services.db)  # nothing cached: reads the rows
            saved_when_sent.append(await from_database.get_data(key(user_id)))
        return await original(bot, method, timeout)

    h.session.make_request = spying  # type: ignore[method-assign]
    try:
        await h.say(user_id, "https://instagram.com/p/saved_first")
    finally:
        del h.session.make_request
    assert saved_when_sent
    assert saved_when_sent[0]["answers"]["link"] == "https://instagram.com/p/saved_first"

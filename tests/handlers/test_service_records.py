"""Issue 36 as customers and the owner meet it: a service's measured record on its card and
summary once enough orders finished, and a service whose recent orders keep failing paused
(the owner told once) until an admin resumes it."""

from __future__ import annotations

import itertools

from bot.core.ordering.placing import Outcome
from bot.core.panels import Service
from bot.ui.callbacks import ServicePick
from tests.conftest import ADMIN_ID, Harness
from tests.handlers.flows import deliver_outbox
from tests.handlers.flows import open_service as open_form

GOOD, BAD = 181, 182  # sandbox services no other test orders: Default, 10–50,000
_links = itertools.count(1)


async def place(h: Harness, user_id: int, service_id: int) -> int:
    """One order of 1,000 through the same checkout as the chat's; its panel order id."""
    service = await h.services.catalog.service(service_id)
    assert isinstance(service, Service)
    n = next(_links)
    answers = {"link": f"https://instagram.com/record{service_id}_{n}", "quantity": 1000}
    result = await h.services.checkout.place_for_api(
        user_id, service, answers, f"rec-{n}-{user_id}"
    )
    assert result.placement is not None and result.placement.outcome is Outcome.PLACED
    order = await h.services.stores.orders.get_order(result.placement.order_id or 0)
    assert order is not None and order.panel_order_id is not None
    return order.panel_order_id


async def poll(h: Harness) -> None:
    await h.services.poller.cycle()


async def test_a_service_card_shows_its_record_once_enough_orders_finished(
    harness: Harness,
) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "100")
    await h.say(user_id, "/start")
    panel_ids = [await place(h, user_id, GOOD) for _ in range(6)]
    card = await h.press_data(user_id, ServicePick(id=GOOD).pack())
    assert "Not enough orders yet to show a record (0 orders so far)" in card, card
    # The panel starts them, then completes them (the sandbox's time moved on).
    for panel_id in panel_ids:
        h.sandbox.state.status_overrides[panel_id] = {"status": "In progress"}
    await poll(h)
    for panel_id in panel_ids:
        h.sandbox.state.status_overrides[panel_id] = {"status": "Completed", "remains": "0"}
    await poll(h)
    card = await h.press_data(user_id, ServicePick(id=GOOD).pack())
    assert "100 % completed (6 orders)" in card, card
    assert "usually starts in" in card and "per 1,000" in card
    # The summary says it too.
    await open_form(h, user_id, GOOD)
    await h.say(user_id, "https://instagram.com/record_summary")
    summary = await h.say(user_id, "1000")
    if "Please check your order" not in summary:  # the drip-feed question first
        summary = await h.press(user_id, "all at once")
    assert "100 % completed (6 orders)" in summary, summary


async def test_a_failing_service_is_quarantined_the_owner_told_once_and_resumed(
    harness: Harness,
) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "100")
    panel_ids = [await place(h, user_id, BAD) for _ in range(4)]
    for panel_id in panel_ids[:2]:
        h.sandbox.state.status_overrides[panel_id] = {"status": "Canceled", "remains": "1000"}
    await poll(h)
    assert h.services.curation.paused(BAD) is None  # two failures: not yet
    h.sandbox.state.status_overrides[panel_ids[2]] = {"status": "Canceled", "remains": "1000"}
    await poll(h)
    assert h.services.curation.paused(BAD) is not None
    h.session.clear()
    await deliver_outbox(h)
    told = [t for t in h.session.texts(ADMIN_ID) if "is quarantined" in t]
    assert len(told) == 1 and "3 of its last 3 orders" in told[0], told
    # A new order is refused before any money moves; the fourth order's end tells nobody.
    h.sandbox.state.status_overrides[panel_ids[3]] = {"status": "Canceled", "remains": "1000"}
    await poll(h)
    h.session.clear()
    await deliver_outbox(h)
    assert not [t for t in h.session.texts(ADMIN_ID) if "is quarantined" in t]
    service = await h.services.catalog.service(BAD)
    assert isinstance(service, Service)
    refused = await h.services.checkout.place_for_api(
        user_id, service, {"link": "https://instagram.com/q", "quantity": 1000}, f"q-{user_id}"
    )
    assert refused.placement is not None and refused.placement.outcome is Outcome.UNAVAILABLE
    await h.say(user_id, "/start")
    card = await h.press_data(user_id, ServicePick(id=BAD).pack())
    assert "Temporarily unavailable" in card and "4 orders so far" in card, card
    assert "On sale" in await h.say(ADMIN_ID, f"/service {BAD} resume")
    assert h.services.curation.paused(BAD) is None
    audit = await h.say(ADMIN_ID, "/audit")
    assert "service.quarantine" in audit

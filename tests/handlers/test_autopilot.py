"""The catalog autopilot and curation as an operator meets them against the sandbox with a cost
changed on purpose: the price follows, the history shows it, the digest arrives once; a
vanished service is paused and comes back; a hand-set price under cost pauses the service;
hidden, renamed and featured services as customers see them; the audit log."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from aiogram.methods import CreateForumTopic, SendMessage

from bot.core.money import fmt_rate
from bot.ui.callbacks import OrderStart, ServicePick
from tests.backends import BACKENDS
from tests.conftest import ADMIN_ID, Harness, open_harness
from tests.fakes import buttons
from tests.handlers.flows import deliver_outbox

FOLLOWERS = 1  # "Instagram Followers ⭐ [Refill 30D] &amp; fast", 0.90 per 1000
PACKAGE = 2  # "Instagram Starter Package 📦"
SEO = 3  # "Google SEO Keyword Traffic"
COMMENTS = 4  # "Instagram Custom Comments 💬"


@pytest_asyncio.fixture(scope="module", params=BACKENDS)
async def shop(request: pytest.FixtureRequest, tmp_db_dir: Path) -> AsyncIterator[Harness]:
    async with open_harness(request.param, tmp_db_dir, margin_alert_percent=Decimal(12)) as opened:
        yield opened


def listed(h: Harness, service_id: int) -> dict[str, Any]:
    return h.sandbox.state.services[service_id]


def set_cost(h: Harness, service_id: int, rate: str) -> None:
    listed(h, service_id)["rate"] = rate  # the same dict the sandbox's catalog lists


async def refresh(h: Harness) -> None:
    assert "services" in await h.say(ADMIN_ID, "/services_refresh")


async def card(h: Harness, user_id: int, service_id: int) -> str:
    return await h.press_data(user_id, ServicePick(id=service_id).pack())


async def search(h: Harness, user_id: int, text: str) -> str:
    await h.say(user_id, "New order")
    return await h.say(user_id, text)


async def admin_notices(h: Harness) -> list[str]:
    h.session.clear()
    await deliver_outbox(h)
    return h.session.texts(ADMIN_ID)


async def test_a_cost_change_moves_the_price_shows_in_history_and_is_digested_once(
    shop: Harness,
) -> None:
    h = shop
    await admin_notices(h)  # whatever start-up queued
    service = await h.services.catalog.service(SEO)
    assert service is not None
    before = h.services.pricing.rate(service)
    set_cost(h, SEO, "4.20")  # 2.10 → 4.20
    await refresh(h)
    moved = await h.services.catalog.service(SEO)
    assert moved is not None and moved.rate == Decimal("4.20")
    assert h.services.pricing.rate(moved) == 2 * before  # the markup follows the cost
    user = h.new_user()
    await h.say(user, "/start")
    assert f"Price: <b>{fmt_rate(2 * before)} USD</b>" in await card(h, user, SEO)

    history = await h.say(ADMIN_ID, f"/prices {SEO}")
    assert "main: 2.10 → 4.20" in history and f"Today: {fmt_rate(2 * before)} USD" in history
    digests = [t for t in await admin_notices(h) if "Catalog changes" in t]
    assert len(digests) == 1
    assert "dearer: 1 · cheaper: 0 · vanished: 0 · new: 0" in digests[0]
    assert "#3 Google SEO Keyword Traffic: 2.10 → 4.20 (+100.0%)" in digests[0]
    await refresh(h)  # nothing moved since: no digest
    assert not [t for t in await admin_notices(h) if "Catalog changes" in t]
    set_cost(h, SEO, "2.10")
    await refresh(h)


async def test_a_vanished_service_is_paused_then_comes_back_by_itself(shop: Harness) -> None:
    h = shop
    await admin_notices(h)
    state = h.sandbox.state
    gone = state.services.pop(PACKAGE)
    state.catalog.remove(gone)
    try:
        await refresh(h)
        user = h.new_user()
        await h.fund(user, "20")
        await h.say(user, "/start")
        shown = await card(h, user, PACKAGE)
        assert "Temporarily unavailable" in shown
        assert not any("Order" in text for text, _ in buttons(h.session.last(user).reply_markup))
        # An old card's Order button: refused before any form, nothing charged.
        await h.press_data(user, OrderStart(id=PACKAGE).pack())
        assert "Temporarily unavailable" in h.session.alerts()[-1]
        assert await h.services.stores.wallets.balance(user) == Decimal(20)
        digest = [t for t in await admin_notices(h) if "Catalog changes" in t]
        assert "vanished: 1" in digest[0]
    finally:
        state.catalog.insert(1, gone)
        state.services[PACKAGE] = gone
    await refresh(h)
    user = h.new_user()
    await h.say(user, "/start")
    assert "Temporarily unavailable" not in await card(h, user, PACKAGE)
    assert "new: 1" in next(t for t in await admin_notices(h) if "Catalog changes" in t)


async def test_a_hand_set_price_under_cost_pauses_the_service_and_alerts_once(
    shop: Harness,
) -> None:
    h = shop
    await admin_notices(h)
    said = await h.say(ADMIN_ID, f"/price {COMMENTS} 5")  # the panel charges 8 per 1000
    assert "sells at 5.00 USD per 1000" in said and "under the panel's cost (8.00 USD)" in said
    user = h.new_user()
    await h.say(user, "/start")
    assert "Temporarily unavailable" in await card(h, user, COMMENTS)
    alerts = [t for t in await admin_notices(h) if "is paused: its price" in t]
    assert len(alerts) == 1
    await refresh(h)  # still under cost: not told again
    assert not [t for t in await admin_notices(h) if "is paused: its price" in t]
    assert "sells at 9.50 USD" in await h.say(ADMIN_ID, f"/price {COMMENTS} 9.5")
    assert "Temporarily unavailable" not in await card(h, user, COMMENTS)
    # A thin margin (8 of 8.50: under 12 %) is told once too, and the service stays on sale.
    await h.say(ADMIN_ID, f"/price {COMMENTS} 8.5")
    thin = [t for t in await admin_notices(h) if "margin is under 12%" in t]
    assert len(thin) == 1
    assert "Temporarily unavailable" not in await card(h, user, COMMENTS)
    await h.say(ADMIN_ID, f"/price {COMMENTS} off")
    service = await h.services.catalog.service(COMMENTS)
    assert service is not None and h.services.pricing.rate(service) == Decimal("12.0000")


async def test_hidden_renamed_and_featured_services_as_customers_and_admins_see_them(
    shop: Harness,
) -> None:
    h = shop
    user = h.new_user()
    await h.say(user, "/start")
    assert "Found" in await search(h, user, "Keyword Traffic")
    hidden = await h.say(ADMIN_ID, f"/service {SEO} hide")
    assert "Hidden from customers" in hidden
    assert "Found" not in await search(h, user, "Keyword Traffic")

    renamed = await h.say(ADMIN_ID, f"/service {COMMENTS} rename Premium <b>Comments</b>")
    assert "Panel's name: Instagram Custom Comments 💬" in renamed
    assert "Customers see: Premium &lt;b&gt;Comments&lt;/b&gt;" in renamed
    found = await search(h, user, "Premium Comments")
    assert "Found 1 service" in found
    labels = [text for text, _ in buttons(h.session.last(user).reply_markup)]
    assert any(label.startswith("Premium <b>Comments</b>") for label in labels)
    assert "Instagram Custom Comments" not in " ".join(labels)

    await h.say(ADMIN_ID, f"/service {FOLLOWERS} feature")
    await h.say(user, "New order")
    first = buttons(h.session.last(user).reply_markup)[0][0]
    assert first.startswith("⭐ Recommended (1)")

    category = (await h.services.catalog.get()).by_id[PACKAGE].category
    assert "updated" in await h.say(ADMIN_ID, f"/category {category} rename Starter Kits")
    assert (await h.services.catalog.get()).by_id[PACKAGE].category == "Starter Kits"
    await h.say(ADMIN_ID, "/category Starter Kits hide")
    assert (await h.services.catalog.get()).by_id.get(PACKAGE) is None
    await h.say(ADMIN_ID, "/category Starter Kits show")
    assert (await h.services.catalog.get()).by_id.get(PACKAGE) is not None

    paused = await h.say(ADMIN_ID, f"/service {FOLLOWERS} pause")
    assert "Paused by an admin" in paused
    assert "Temporarily unavailable" in await card(h, user, FOLLOWERS)
    await h.say(ADMIN_ID, f"/service {FOLLOWERS} resume")
    for command in (
        f"/service {SEO} show",
        f"/service {COMMENTS} rename",
        f"/service {FOLLOWERS} unfeature",
    ):
        await h.say(ADMIN_ID, command)
    assert "Found" in await search(h, user, "Keyword Traffic")

    audit = await h.say(ADMIN_ID, "/audit 50")
    assert f"service.hidden {SEO}: False → True" in audit
    assert f"service.rename {COMMENTS}: Instagram Custom Comments 💬 → Premium" in audit
    assert "category.rename" in audit and "service.price" in audit
    h.session.clear()
    assert await h.say(user, "/audit") != audit  # to a customer the command does not exist


async def test_with_a_support_group_the_digest_goes_to_its_catalog_topic(
    tmp_db_dir: Path,
) -> None:
    """One "📊 Catalog" topic, made on the first digest and used for the next ones."""
    group = -100777
    async with open_harness("sqlite", tmp_db_dir, support_chat_id=group) as h:
        for rate in ("3.00", "3.50"):
            set_cost(h, SEO, rate)
            await refresh(h)
            h.session.clear()
            await deliver_outbox(h)
            sent = [c for c in h.session.calls if isinstance(c, SendMessage)]
            [digest] = [c for c in sent if "Catalog changes" in c.text]
            assert int(digest.chat_id) == group and digest.message_thread_id is not None
            assert not any("Catalog changes" in t for t in h.session.texts(ADMIN_ID))
        topics = [c for c in h.session.calls if isinstance(c, CreateForumTopic)]
        assert topics == []  # the second digest found the topic made for the first
        made = await h.services.stores.settings.kv_with_prefix("topic:")
        assert list(made.values()) == [str(digest.message_thread_id)]

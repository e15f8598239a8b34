"""Admin commands (handlers/admin/)."""

from __future__ import annotations

import logging
import time
from decimal import Decimal

import pytest
from aiogram.exceptions import TelegramBadRequest, TelegramNetworkError
from aiogram.methods import GetMe, RefundStarPayment

from bot.core.catalog.cache import category_key
from bot.core.payments.stars import invoice_for
from bot.ui.i18n import Translator, create_core
from tests.conftest import ADMIN_ID, Harness
from tests.handlers.flows import confirm, deliver_outbox, fill_form, open_service
from tests.handlers.payments_support import (
    paid,
)


async def topped_up_in_stars(h: Harness, charge: str) -> int:
    """A new customer who paid 20 USD in Stars; the charge id is `<charge>-<user id>`."""
    user_id = h.new_user()
    await h.say(user_id, "/start")
    invoice = invoice_for(user_id, 20, Decimal(50))
    await h.feed(paid(user_id, invoice.payload, invoice.stars, f"{charge}-{user_id}"))
    return user_id


async def test_admin_refunds_stars_and_debits_the_wallet(harness: Harness) -> None:
    h = harness
    user_id = await topped_up_in_stars(h, "refund")
    reply = await h.say(ADMIN_ID, f"/refund_stars refund-{user_id}")
    assert "Stars refunded" in reply
    [call] = [c for c in h.session.calls if isinstance(c, RefundStarPayment)]
    assert call.user_id == user_id
    assert call.telegram_payment_charge_id == f"refund-{user_id}"
    assert await h.services.stores.wallets.balance(user_id) == 0
    # Run again (say the admin was unsure): Telegram says it is done; nothing is debited twice.
    assert "Stars refunded" in await h.say(ADMIN_ID, f"/refund_stars refund-{user_id}")
    assert await h.services.stores.wallets.balance(user_id) == 0


async def test_a_stars_refund_without_a_clear_answer_is_held_and_finished_by_a_retry(
    harness: Harness,
) -> None:
    """A timeout may follow a refund Telegram made: crediting the wallet back then would pay
    the customer twice. The refund waits for the admins, and running it again finishes it."""
    h = harness
    user_id = await topped_up_in_stars(h, "lost")
    h.session.fail_next.append(
        TelegramNetworkError(method=GetMe(), message="Request timeout error")
    )
    reply = await h.say(ADMIN_ID, f"/refund_stars lost-{user_id}")
    assert "did not answer clearly" in reply
    assert await h.services.stores.wallets.balance(user_id) == 0  # stays debited
    await h.say(ADMIN_ID, "/pending")
    assert any(f"lost-{user_id}" in text for text in h.session.texts(ADMIN_ID))
    # Telegram had refunded it: the retry hears so and the wallet is debited once in all.
    h.session.refunded.add(f"lost-{user_id}")
    assert "Stars refunded" in await h.say(ADMIN_ID, f"/refund_stars lost-{user_id}")
    assert await h.services.stores.wallets.balance(user_id) == 0
    await h.say(ADMIN_ID, "/pending")
    assert not any(f"lost-{user_id}" in text for text in h.session.texts(ADMIN_ID))


async def test_a_refused_stars_refund_gives_the_wallet_back_and_may_be_retried(
    harness: Harness,
) -> None:
    h = harness
    user_id = await topped_up_in_stars(h, "no")
    h.session.fail_next.append(
        TelegramBadRequest(method=GetMe(), message="Bad Request: PAYMENT_REFUND_FAILED")
    )
    assert "refused the refund" in await h.say(ADMIN_ID, f"/refund_stars no-{user_id}")
    assert await h.services.stores.wallets.balance(user_id) == Decimal(20)
    assert "Stars refunded" in await h.say(ADMIN_ID, f"/refund_stars no-{user_id}")
    assert await h.services.stores.wallets.balance(user_id) == 0


async def test_markup_overrides_change_what_is_shown_and_charged(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "100")
    service = (await h.services.catalog.get()).by_id[2]  # rate 4.50, default markup 50% → 6.75
    reply = await h.say(ADMIN_ID, "/markup service 2 100")
    assert "service:2: 100%" in reply
    try:
        await open_service(h, user_id, 2)
        summary = await fill_form(h, user_id, service)
        assert "9.00 USD" in summary
        await confirm(h, user_id)
        [order] = await h.services.stores.orders.list_orders(user_id)
        assert order.charge == Decimal("9.00")
        await h.say(ADMIN_ID, f"/markup category {service.category} 10")
        assert h.services.pricing.price(service, 1000) == Decimal("9.00")  # service beats category
        await h.say(ADMIN_ID, "/markup service 2 off")
        assert h.services.pricing.price(service, 1000) == Decimal("4.95")  # now the category's 10%
    finally:
        await h.services.pricing.set_override("service:2", None)
        await h.services.pricing.set_override(
            f"category:{category_key(service.category)}",
            None,
        )


async def test_non_admins_cannot_run_admin_commands(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "5")
    for command in (
        "/balance",
        f"/credit {user_id} 1000",
        "/stats",
        "/broadcast hi",
        "/pending",
        f"/ban {user_id}",
        "/markup 0",
        "/refund_stars x",
        "/services_refresh",
    ):
        assert "don't know that command" in await h.say(user_id, command), command
    assert await h.services.stores.wallets.balance(user_id) == Decimal(5)


async def test_credit_debit_and_balance_figures_match_the_ledger(harness: Harness) -> None:
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "/start")
    assert "is now 12.50 USD" in await h.say(ADMIN_ID, f"/credit {user_id} 12.5 promo")
    assert "is now 10.00 USD" in await h.say(ADMIN_ID, f"/debit @user{user_id} 2.5")
    assert "does not hold" in await h.say(ADMIN_ID, f"/debit {user_id} 11")
    assert "positive number" in await h.say(ADMIN_ID, f"/credit {user_id} -3")
    reply = await h.say(ADMIN_ID, "/balance")
    wallets = await h.services.stores.wallets.total_balances()
    open_value = await h.services.stores.figures.open_orders_value()
    panel = await h.services.panel.balance()
    assert f"Panel balance: {panel.balance.normalize():f}"[:18] in reply.replace("<b>", "").replace(
        "</b>", ""
    )
    assert (
        f"Customers' wallets: {wallets:.2f}" in reply
        or f"Customers' wallets: {wallets.normalize():f}" in reply
    )
    assert (
        f"Open orders' value: {open_value.quantize(Decimal('0.01'))}" in reply
        or str(open_value.normalize()) in reply
    )
    details = await h.say(ADMIN_ID, f"/user {user_id}")
    assert "debit" in details
    assert "credit" in details


async def test_broadcast_goes_through_the_outbox_after_confirmation(harness: Harness) -> None:
    h = harness
    people = [h.new_user() for _ in range(3)]
    for person in people:
        await h.say(person, "/start")
    await h.say(ADMIN_ID, "/broadcast")
    reply = await h.say(ADMIN_ID, "Big <b>sale</b> today")
    assert "Send this to" in reply
    await h.press(ADMIN_ID, "Send")
    assert "Queued for" in h.session.texts(ADMIN_ID)[-1]
    pending = [
        row
        for row in await h.services.stores.outbox.due_messages(time.time())
        if row.kind == "broadcast"
    ]
    assert {row.chat_id for row in pending} >= set(people)
    h.session.clear()
    await deliver_outbox(h)
    for person in people:
        # Typed text is shown as typed; Telegram formatting would arrive as entities.
        assert "Big &lt;b&gt;sale&lt;/b&gt; today" in h.session.texts(person)
    assert any("Broadcast:" in text for text in h.session.texts(ADMIN_ID)), h.session.texts(
        ADMIN_ID
    )


async def test_stats_report_orders_revenue_and_profit(harness: Harness) -> None:
    h = harness
    reply = await h.say(ADMIN_ID, "/stats 7")
    assert "Last 7 days" in reply
    assert "Profit" in reply
    assert "Orders:" in reply


async def test_stats_answer_with_a_chart_of_every_day(harness: Harness) -> None:
    import io

    from aiogram.methods import SendPhoto
    from aiogram.types import BufferedInputFile
    from PIL import Image

    h = harness
    user_id = h.new_user()
    await h.fund(user_id, "20")
    await open_service(h, user_id, 2)
    await h.say(user_id, "https://instagram.com/p/chart")
    await confirm(h, user_id)
    h.session.clear()
    await h.say(ADMIN_ID, "/stats 90")
    [photo] = [c for c in h.session.calls if isinstance(c, SendPhoto)]
    assert isinstance(photo.photo, BufferedInputFile)
    image = Image.open(io.BytesIO(photo.photo.data))
    assert image.format == "PNG" and image.width >= 800 and image.height >= 800
    assert photo.caption is not None and "Last 90 days" in photo.caption
    assert "Revenue" in photo.caption


async def test_command_menus_are_set_per_language_and_for_admins(harness: Harness) -> None:
    from aiogram.methods import SetMyCommands
    from aiogram.types import BotCommandScopeChat

    from bot.ui.commands import set_bot_commands

    h = harness
    h.session.clear()
    await set_bot_commands(h.bot, Translator(create_core("en")), h.services.settings)
    calls = [c for c in h.session.calls if isinstance(c, SetMyCommands)]
    by_language = {
        c.language_code: c for c in calls if not isinstance(c.scope, BotCommandScopeChat)
    }
    assert set(by_language) == {None, "fr", "ru", "ar"}
    assert by_language["ru"].commands[1].description == "Новый заказ"
    assert "balance" not in [c.command for c in by_language[None].commands]
    [admin] = [c for c in calls if isinstance(c.scope, BotCommandScopeChat)]
    assert isinstance(admin.scope, BotCommandScopeChat)
    assert admin.scope.chat_id == ADMIN_ID and "refund_stars" in [c.command for c in admin.commands]


async def test_low_panel_balance_alerts_admins_once_per_crossing(harness: Harness) -> None:
    from bot.core.panels.balance_watch import LOW_BALANCE_KEY, BalanceWatch

    h = harness
    await h.services.stores.settings.set_kv(LOW_BALANCE_KEY, None)
    balance = (await h.services.panel.balance()).balance
    stores = h.services.stores
    watch = BalanceWatch(
        stores.settings,
        stores.outbox,
        stores.wallets,
        h.services.panel,
        [ADMIN_ID],
        threshold=balance + 1,
    )

    async def alerts() -> int:
        rows = await h.services.stores.outbox.due_messages(time.time() + 3600, limit=10_000)
        return sum(1 for r in rows if r.kind == "admin_low_balance")

    before = await alerts()
    await watch.check()
    await watch.check()
    assert await alerts() == before + 1  # once, not every check
    watch.threshold = balance - 1  # the panel was topped up above the threshold
    await watch.check()
    watch.threshold = balance + 1  # and fell below again: a new crossing
    await watch.check()
    assert await alerts() == before + 2


async def test_strange_numbers_in_admin_commands_get_the_usage_not_an_error(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 34: `/markup NaN` raised (a NaN cannot be compared)."""
    h = harness
    for text in ("/markup NaN", "/markup sNaN", "/markup service 2 NaN", "/markup -Infinity"):
        with caplog.at_level(logging.ERROR):
            reply = await h.say(ADMIN_ID, text)
        assert "Usage" in reply or "/markup" in reply, (text, reply)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert h.services.pricing.default_percent == Decimal(50)


async def test_an_owner_gets_the_database_as_a_file_and_a_customer_cannot(
    harness: Harness,
) -> None:
    """Issue 37: /backup sends the database to the owner (SQLite compressed, PostgreSQL a
    pg_dump); to anyone else the command does not exist."""
    from aiogram.methods import SendDocument

    h = harness
    h.session.clear()
    await h.say(ADMIN_ID, "/backup")
    [sent] = [c for c in h.session.calls if isinstance(c, SendDocument)]
    assert int(sent.chat_id) == ADMIN_ID
    name = sent.document.filename  # type: ignore[union-attr]
    assert name is not None and name.endswith((".sqlite3.gz", ".pgdump"))
    assert "python -m bot restore" in (sent.caption or "")
    customer = h.new_user()
    h.session.clear()
    await h.say(customer, "/backup")
    assert not [c for c in h.session.calls if isinstance(c, SendDocument)]

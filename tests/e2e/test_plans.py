"""Recurring plans in Stars with the whole bot as a process (issue 38): the owner offers a
plan, a customer subscribes in the chat and pays the subscription invoice on the Telegram
stand-in, each renewal places one order (a renewal delivered twice, or after a restart, none
more), and a cancelled plan is renewed no more."""

from __future__ import annotations

import signal
import time
from typing import Any

import pytest

from tests.e2e.stand import TOKEN, Customer, Stand, wait_until

pytestmark = pytest.mark.e2e


def invoice_link(message: dict[str, Any]) -> str:
    [url] = [
        button["url"]
        for row in message["reply_markup"]["inline_keyboard"]
        for button in row
        if "url" in button
    ]
    return str(url)


def plan_adds(stand: Stand, link: str) -> list[dict[str, Any]]:
    return [r for r in stand.panel_requests("add") if r.get("link") == link]


def test_a_plan_renews_twice_placing_an_order_each_time_and_none_once_cancelled(
    stand: Stand, admin: Customer
) -> None:
    admin.ask("/plan add 1 1000 300 Monthly growth", "is on sale")
    buyer = Customer(stand, 7301, first_name="Pia")
    buyer.ask("/start", "Hello")
    buyer.ask("Balance", "Your wallet")
    buyer.press("Plans", "every 30 days, paid in Telegram Stars")
    buyer.press("Subscribe: Monthly growth", "Send the link")
    link = "https://instagram.com/e2e_plan_pia"
    summary = buyer.ask(link, "every 30 days")
    url = invoice_link(summary)
    [made] = [
        c
        for c in stand.client("calls")
        if c["method"] == "createInvoiceLink" and "Monthly growth" in c["params"]["title"]
    ]
    assert int(made["params"]["subscription_period"]) == 30 * 24 * 3600

    stand.client("payInvoiceLink", link=url, **{"from": buyer.user})
    buyer.wait_for("is placed", timeout=20)
    assert len(plan_adds(stand, link)) == 1
    buyer.wait_for("Completed", timeout=40)  # the card follows the order to its end

    # The bot restarts between periods: the renewal still places exactly one order.
    assert stand.kill_bot(signal.SIGKILL) == -signal.SIGKILL
    stand.start_bot()
    [renewal] = stand.client("renewSubscriptions", botToken=TOKEN)
    buyer.wait_for("is placed", timeout=30)
    stand.client("sendRawUpdate", botToken=TOKEN, update=renewal)  # delivered twice
    assert len(plan_adds(stand, link)) == 2
    buyer.wait_for("Completed", timeout=40)

    buyer.ask("/plans", "renews on")
    buyer.press("Cancel Monthly growth")
    wait_until(
        lambda: any(s["canceled"] for s in stand.client("subscriptions") if s["user_id"] == 7301),
        15,
        "the subscription cancelled at Telegram",
    )
    buyer.ask("/plans", "cancelled, ends on")
    assert stand.client("renewSubscriptions", botToken=TOKEN) == []  # Telegram charges none
    time.sleep(2)  # what a stray renewal would have placed by now
    assert len(plan_adds(stand, link)) == 2
    buyer.ask("Balance", "0.00 USD")  # each period's value went to its order, no more

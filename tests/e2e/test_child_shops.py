"""Child shops on Telegram's managed bots (issue 35), the whole bot as a process: a reseller
creates their shop bot with Telegram's button, a customer of the child tops up and orders, one
`add` reaches the panel, the completion reaches the child's customer, both wallets move once;
the parent's owner suspends and resumes the child; a new token restarts it; a restart of the
deployment brings every child back."""

from __future__ import annotations

import re
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.stand import ADMIN_ID, TOKEN, Customer, Stand, wait_until

pytestmark = pytest.mark.e2e

RESELLER, BUYER = 8100, 8200


@pytest.fixture(scope="module")
def parent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stand]:
    running = Stand(Path(tmp_path_factory.mktemp("children")), extra_env={"CHILD_SHOPS": "true"})
    try:
        yield running.start()
    finally:
        running.stop()


def balance_of(person: Customer) -> str:
    said = person.ask("Balance", "Your wallet")["text"]
    found = re.search(r"Your wallet: ([\d.]+) USD", said)
    assert found, said
    return found.group(1)


def test_a_reseller_creates_a_child_shop_whose_customer_orders(parent: Stand) -> None:
    stand = parent
    admin = Customer(stand, ADMIN_ID, first_name="Owner")
    admin.ask("/start", "Hello")
    reseller = Customer(stand, RESELLER, first_name="Rita")
    reseller.ask("/start", "Hello")
    admin.ask(f"/credit {RESELLER} 20 reseller", f"Wallet of {RESELLER}")

    reseller.ask("Balance", "Your wallet")
    offer = reseller.press("Your own shop", "Your own shop")
    assert offer is not None and "Each order they place is paid from your wallet" in offer["text"]
    [[create], _] = offer["reply_keyboard"]
    assert create["request_managed_bot"]["suggested_name"] == "Rita's shop"
    made = stand.client(
        "createManagedBot",
        botToken=TOKEN,
        **{"from": reseller.user},
        name="Rita's shop",
        username="rita_shop_bot",
    )
    reseller.wait_for("Your shop @rita_shop_bot is running")
    child_token = made["token"]

    # The reseller owns the child; the parent's owner is nobody there.
    owner_there = Customer(stand, RESELLER, first_name="Rita", token=child_token)
    owner_there.ask("/start", "Hello")
    buyer = Customer(stand, BUYER, first_name="Bob", token=child_token)
    buyer.ask("/start", "Hello")
    stranger_admin = Customer(stand, ADMIN_ID, first_name="Owner", token=child_token)
    stranger_admin.ask("/start", "Hello")
    stranger_admin.ask(f"/credit {BUYER} 1000 mine", "don't know that command")
    owner_there.ask(f"/credit {BUYER} 10 cash", f"Wallet of {BUYER}")

    buyer.ask("New order", "Choose a category")
    buyer.ask("Instagram Followers ⭐", "Found")
    buyer.press("Instagram Followers ⭐", "Service ID")
    buyer.press("Order", "Send the link")
    buyer.ask("instagram.com/child_first", "How many?")
    buyer.ask("1000", "all at once")
    summary = buyer.press("All at once", "Please check your order")
    assert summary is not None
    # The parent sells at 1.35 per 1000 (50 % over the panel's 0.90); the child adds its 30 %.
    assert "1.76 USD" in summary["text"], summary["text"]
    buyer.press("Confirm", "placed")
    adds = [r for r in stand.panel_requests("add") if "child_first" in r.get("link", "")]
    assert len(adds) == 1
    buyer.wait_for("✅ Completed", timeout=30)
    assert balance_of(buyer) == "8.24"
    assert balance_of(reseller) == "18.65"  # its wallet here paid the parent's price once

    listing = admin.ask("/shops", "Child shops")["text"]
    assert "@rita_shop_bot" in listing and f"owner {RESELLER}" in listing
    assert "wallet here 18.65 USD" in listing and "1 orders" in listing


def test_a_partial_delivery_refunds_both_wallets(parent: Stand) -> None:
    """The panel delivers three quarters: the parent refunds the reseller's wallet its share,
    the child refunds its customer theirs — each once, each at its own price."""
    stand = parent
    admin = Customer(stand, ADMIN_ID, first_name="Owner")
    bot_id = int(re.findall(r"\(([0-9]+)\)", admin.ask("/shops", "Child shops")["text"])[0])
    token = stand.client("getManagedBotTokenForTest", botId=bot_id)["token"]
    buyer = Customer(stand, BUYER, first_name="Bob", token=token)
    reseller = Customer(stand, RESELLER, first_name="Rita")
    buyer.ask("New order", "Choose a category")
    buyer.ask("Instagram Followers ⭐", "Found")
    buyer.press("Instagram Followers ⭐", "Service ID")
    buyer.press("Order", "Send the link")
    buyer.ask("instagram.com/partial_child", "How many?")
    buyer.ask("1000", "all at once")
    buyer.press("All at once", "Please check your order")
    buyer.press("Confirm", "placed")
    buyer.wait_for("Partial", timeout=30)
    wait_until(lambda: balance_of(buyer) == "6.92", 10, "the child's refund")  # 8.24−1.76+0.44
    assert balance_of(reseller) == "17.63"  # 18.65 − 1.35 + 0.33 (a quarter, in cents)


def test_the_parent_owner_suspends_and_resumes_a_child(parent: Stand) -> None:
    stand = parent
    admin = Customer(stand, ADMIN_ID, first_name="Owner")
    bot_id = int(re.findall(r"\(([0-9]+)\)", admin.ask("/shops", "Child shops")["text"])[0])
    token = stand.client("getManagedBotTokenForTest", botId=bot_id)["token"]
    buyer = Customer(stand, BUYER + 1, first_name="Bea", token=token)
    admin.ask(f"/shops suspend {bot_id}", "is suspended")
    buyer.ask("/start", "paused")
    owner_there = Customer(stand, RESELLER, first_name="Rita", token=token)
    owner_there.ask("Balance", "Your wallet")  # its owner still reaches it
    admin.ask(f"/shops resume {bot_id}", "runs again")
    buyer.ask("/start", "Hello")


def test_a_new_token_restarts_the_child_and_a_restart_brings_it_back(parent: Stand) -> None:
    stand = parent
    admin = Customer(stand, ADMIN_ID, first_name="Owner")
    bot_id = int(re.findall(r"\(([0-9]+)\)", admin.ask("/shops", "Child shops")["text"])[0])
    fresh = stand.client("rotateManagedBotToken", botId=bot_id)["token"]
    buyer = Customer(stand, BUYER, first_name="Bob", token=fresh)
    wait_until(lambda: "restarting it" in stand.log(), 10, "the child to restart")
    buyer.ask("My orders", "Your orders (2)")  # the same shop, on its new token
    assert stand.kill_bot(signal.SIGTERM) == 0
    stand.start_bot()
    buyer.ask("/start", "Hello")
    buyer.ask("Balance", "6.92 USD")
    assert "Traceback" not in stand.log()


def test_a_reseller_who_cannot_pay_the_parent_leaves_nothing_charged(parent: Stand) -> None:
    """The reseller's wallet here holds 2.63: an order costing the parent more is refused,
    the child's customer is told the service is unavailable for now and charged nothing, the
    reseller is told, with where to top up."""
    stand = parent
    admin = Customer(stand, ADMIN_ID, first_name="Owner")
    bot_id = int(re.findall(r"\(([0-9]+)\)", admin.ask("/shops", "Child shops")["text"])[0])
    token = stand.client("getManagedBotTokenForTest", botId=bot_id)["token"]
    owner_there = Customer(stand, RESELLER, first_name="Rita", token=token)
    rich = Customer(stand, BUYER + 2, first_name="Ray", token=token)
    rich.ask("/start", "Hello")
    owner_there.ask(f"/credit {rich.id} 100 cash", f"Wallet of {rich.id}")
    admin.ask(f"/debit {RESELLER} 15 spent", f"Wallet of {RESELLER}")  # 2.63 left
    rich.ask("New order", "Choose a category")
    rich.ask("Instagram Followers ⭐", "Found")
    rich.press("Instagram Followers ⭐", "Service ID")
    rich.press("Order", "Send the link")
    rich.ask("instagram.com/too_dear", "How many?")
    rich.ask("10000", "all at once")  # 13.50 at the parent
    rich.press("All at once", "Please check your order")
    rich.press("Confirm", "temporarily unavailable")
    alert = owner_there.wait_for("cannot pay for an order")
    [[top_up]] = alert["reply_markup"]["inline_keyboard"]
    assert top_up["url"] == "https://t.me/TestNameBot"
    assert balance_of(rich) == "100.00"
    assert not [r for r in stand.panel_requests("add") if "too_dear" in r.get("link", "")]

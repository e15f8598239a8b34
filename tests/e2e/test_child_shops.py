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
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser

from tests.e2e.stand import ADMIN_ID, TOKEN, Customer, Stand, free_port, wait_until
from tests.e2e.test_mini_app import browser  # noqa: F401 - the module's fixture
from tests.webapp_support import launch_fragment, signed_init_data

pytestmark = pytest.mark.e2e

RESELLER, BUYER = 8100, 8200
SEEN: dict[str, Any] = {}  # what one test saw that a later one uses


@pytest.fixture(scope="module")
def parent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stand]:
    port = free_port()
    running = Stand(
        Path(tmp_path_factory.mktemp("children")),
        extra_env={
            "CHILD_SHOPS": "true",
            "CHILD_SHOP_FEE_STARS": "100",
            "WEBAPP_URL": f"http://127.0.0.1:{port}/app/",
            "WEB_SERVER_HOST": "127.0.0.1",
            "WEB_SERVER_PORT": str(port),
        },
    )
    running.web_url = f"http://127.0.0.1:{port}"  # type: ignore[attr-defined]
    try:
        yield running.start()
    finally:
        running.stop()


def to_summary(person: Customer, link: str, quantity: int) -> dict[str, Any]:
    """New order → Instagram Followers ⭐ → its card → Order → the link, the quantity, at
    once: the summary with the price."""
    person.ask("New order", "Choose a category")
    person.ask("Instagram Followers ⭐", "Found")
    person.press("Instagram Followers ⭐", "Service ID")
    person.press("Order", "Send the link")
    person.ask(link, "How many?")
    person.ask(str(quantity), "all at once")
    return person.press("All at once", "Please check your order") or {}


def balance_of(person: Customer) -> str:
    said = person.ask("Balance", "Your wallet")["text"]
    found = re.search(r"Your wallet: ([\d.]+) USD", said)
    assert found, said
    return found.group(1)


def first_child(stand: Stand, admin: Customer) -> tuple[int, str]:
    """The first child `/shops` lists: its bot id and its token (from the stand-in)."""
    bot_id = int(re.findall(r"\(([0-9]+)\)", admin.ask("/shops", "Child shops")["text"])[0])
    return bot_id, stand.client("getManagedBotTokenForTest", botId=bot_id)["token"]


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
    made = stand.create_child(reseller, "Rita's shop", "rita_shop_bot")
    reseller.wait_for("Starting your shop")  # Telegram's note of the creation, answered
    greeting = reseller.wait_for("Your shop @rita_shop_bot is running")
    assert "It costs 100 ⭐ a month: your shop runs 3 days" in greeting["text"]
    SEEN["greeting"] = greeting
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

    summary = to_summary(buyer, "instagram.com/child_first", 1000)
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


def test_the_monthly_fee_is_a_stars_subscription_paid_in_the_parent(parent: Stand) -> None:
    """CHILD_SHOP_FEE_STARS=100: the greeting offers the first month (the shop runs meanwhile);
    Pay makes a 30-day Stars subscription for the owner; once paid, the paid period shows."""
    stand = parent
    reseller = Customer(stand, RESELLER, first_name="Rita")
    [[pay_fee]] = SEEN["greeting"]["reply_markup"]["inline_keyboard"]
    reseller.press_data(SEEN["greeting"], pay_fee["callback_data"])
    asked = reseller.wait_for("100 ⭐ a month, renewed by Telegram")
    [[pay]] = asked["reply_markup"]["inline_keyboard"]
    assert pay["text"] == "Pay 100 ⭐ a month"
    [made] = [c for c in stand.client("calls") if c["method"] == "createInvoiceLink"]
    assert int(made["params"]["subscription_period"]) == 30 * 24 * 3600
    stranger = Customer(stand, RESELLER + 50, first_name="Eve")
    stand.client("payInvoiceLink", link=pay["url"], **{"from": stranger.user})
    stand.client("payInvoiceLink", link=pay["url"], **{"from": reseller.user})
    reseller.wait_for("Thank you: your shop @rita_shop_bot runs until")
    assert not [m for m in stranger.fetch() if "Thank you" in m["text"]]


def test_the_console_lists_the_children_and_suspends_one(
    parent: Stand,
    browser: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The console's Shops at a phone's width: each child with its owner and the reseller's
    wallet here; Suspend pauses it for its customers, Resume opens it again."""
    stand = parent
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    fragment = launch_fragment(signed_init_data(TOKEN, ADMIN_ID))
    page.goto(f"{stand.web_url}/app/#{fragment}&console=1")  # type: ignore[attr-defined]
    try:
        page.click("#console-shops-tab")
        card = page.wait_for_selector(".card[data-state='running']:has-text('@rita_shop_bot')")
        assert card is not None and f"{RESELLER}" in card.inner_text()
        page.screenshot(path=str(tmp_path / "phone-shops.png"))
        card.query_selector(".shop-action").click()  # type: ignore[union-attr]
        page.wait_for_selector(".card[data-state='suspended']:has-text('@rita_shop_bot')")
        token = stand.client(
            "getManagedBotTokenForTest", botId=int(card.get_attribute("data-shop") or 0)
        )["token"]
        Customer(stand, BUYER + 9, token=token).ask("/start", "paused")
        page.click(".card[data-state='suspended'] .shop-action")
        page.wait_for_selector(".card[data-state='running']:has-text('@rita_shop_bot')")
        Customer(stand, BUYER + 9, token=token).ask("/start", "Hello")
    finally:
        context.close()


def test_stars_paid_in_a_child_go_to_the_child_and_credit_its_wallet(parent: Stand) -> None:
    """A child's customer tops up in Stars: the invoice is the child bot's (Telegram pays its
    owner), the wallet credited there at the child's rate, the parent's wallets untouched."""
    stand = parent
    admin = Customer(stand, ADMIN_ID, first_name="Owner")
    _, token = first_child(stand, admin)
    payer = Customer(stand, BUYER + 3, first_name="Pat", token=token)
    payer.ask("/start", "Hello")
    payer.ask("Balance", "Your wallet: 0.00 USD")
    payer.press("Top up 5.00 USD")
    invoice = payer.wait_for("INVOICE")
    stand.client("payInvoiceLink", link=invoice["invoice_link"], **{"from": payer.user})
    payer.wait_for("5.00 USD added. Wallet: 5.00 USD")
    assert invoice["invoice_link"].startswith(f"invoice:{token}:")  # the child bot's invoice
    assert balance_of(Customer(stand, BUYER + 3, first_name="Pat")) == "0.00"  # the parent's


def test_a_partial_delivery_refunds_both_wallets(parent: Stand) -> None:
    """The panel delivers three quarters: the parent refunds the reseller's wallet its share,
    the child refunds its customer theirs — each once, each at its own price."""
    stand = parent
    admin = Customer(stand, ADMIN_ID, first_name="Owner")
    _, token = first_child(stand, admin)
    buyer = Customer(stand, BUYER, first_name="Bob", token=token)
    reseller = Customer(stand, RESELLER, first_name="Rita")
    to_summary(buyer, "instagram.com/partial_child", 1000)
    buyer.press("Confirm", "placed")
    buyer.wait_for("Partial", timeout=30)
    wait_until(lambda: balance_of(buyer) == "6.92", 10, "the child's refund")  # 8.24−1.76+0.44
    assert balance_of(reseller) == "17.63"  # 18.65 − 1.35 + 0.33 (a quarter, in cents)


def test_the_parent_owner_suspends_and_resumes_a_child(parent: Stand) -> None:
    stand = parent
    admin = Customer(stand, ADMIN_ID, first_name="Owner")
    bot_id, token = first_child(stand, admin)
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
    _, token = first_child(stand, admin)
    owner_there = Customer(stand, RESELLER, first_name="Rita", token=token)
    rich = Customer(stand, BUYER + 2, first_name="Ray", token=token)
    rich.ask("/start", "Hello")
    owner_there.ask(f"/credit {rich.id} 100 cash", f"Wallet of {rich.id}")
    admin.ask(f"/debit {RESELLER} 15 spent", f"Wallet of {RESELLER}")  # 2.63 left
    to_summary(rich, "instagram.com/too_dear", 10000)  # 13.50 at the parent
    rich.press("Confirm", "temporarily unavailable")
    alert = owner_there.wait_for("cannot pay for an order")
    [[top_up]] = alert["reply_markup"]["inline_keyboard"]
    assert top_up["url"] == "https://t.me/TestNameBot"
    assert balance_of(rich) == "100.00"
    assert not [r for r in stand.panel_requests("add") if "too_dear" in r.get("link", "")]


def test_a_banned_resellers_shop_places_no_order_until_unbanned(parent: Stand) -> None:
    """A ban here holds in the reseller's shop too: its customers can no longer buy through
    their wallet here (told the service is unavailable, charged nothing), the reseller is told
    why; unbanned, the shop sells again."""
    stand = parent
    admin = Customer(stand, ADMIN_ID, first_name="Owner")
    _, token = first_child(stand, admin)
    owner_there = Customer(stand, RESELLER, first_name="Rita", token=token)
    buyer = Customer(stand, BUYER + 2, first_name="Ray", token=token)
    before = balance_of(buyer)
    admin.ask(f"/ban {RESELLER}", "is banned")
    to_summary(buyer, "instagram.com/while_banned", 100)
    buyer.press("Confirm", "temporarily unavailable")
    owner_there.wait_for("blocked")
    assert balance_of(buyer) == before
    assert not [r for r in stand.panel_requests("add") if "while_banned" in r.get("link", "")]
    admin.ask(f"/unban {RESELLER}", "is unbanned")
    to_summary(buyer, "instagram.com/after_unban", 100)
    buyer.press("Confirm", "placed")
    assert [r for r in stand.panel_requests("add") if "after_unban" in r.get("link", "")]


def test_children_are_isolated_from_each_other_and_from_the_parent(parent: Stand) -> None:
    """A second reseller's shop: its owner is nobody in the first; customers of either see
    none of the other's orders nor the parent's; the first reseller is nobody in the second."""
    stand = parent
    other = Customer(stand, RESELLER + 1, first_name="Olek")
    other.ask("/start", "Hello")
    # The Mini App's 🏪 Your own shop opens the chat with this link: the same offer.
    offer = other.ask("/start own_shop", "Your own shop")
    assert offer["reply_keyboard"][0][0]["request_managed_bot"]["suggested_name"] == "Olek's shop"
    other.ask("Not now", "Whenever you like")  # the offer's other button: the menu again
    offer = other.ask("/start own_shop", "Your own shop")
    made = stand.create_child(other, "Olek's shop", "olek_shop_bot")
    other.wait_for("Your shop @olek_shop_bot is running")
    admin = Customer(stand, ADMIN_ID, first_name="Owner")
    first_id = int(re.findall(r"\(([0-9]+)\)", admin.ask("/shops", "Child shops")["text"])[0])
    first = stand.client("getManagedBotTokenForTest", botId=first_id)["token"]
    second = made["token"]

    # Owners act on their own shop only.
    Customer(stand, RESELLER, token=second).ask("/start", "Hello")
    Customer(stand, RESELLER, token=second).ask(f"/credit {BUYER} 5 x", "don't know that command")
    Customer(stand, RESELLER + 1, token=first).ask("/start", "Hello")
    Customer(stand, RESELLER + 1, token=first).ask("/stats", "don't know that command")
    # The first shop's buyer has orders there; in the second shop and in the parent, none.
    in_second = Customer(stand, BUYER, first_name="Bob", token=second)
    in_second.ask("/start", "Hello")
    in_second.ask("My orders", "no orders")
    in_parent = Customer(stand, BUYER, first_name="Bob")
    in_parent.ask("/start", "Hello")
    in_parent.ask("My orders", "no orders")
    in_parent.ask("Balance", "0.00 USD")
    Customer(stand, BUYER, first_name="Bob", token=first).ask("My orders", "Your orders")


def test_one_person_runs_at_most_three_shops(parent: Stand) -> None:
    stand = parent
    reseller = Customer(stand, RESELLER, first_name="Rita")
    for n in (2, 3):
        stand.create_child(reseller, f"Rita {n}", f"rita{n}_shop_bot")
        reseller.wait_for(f"Your shop @rita{n}_shop_bot is running")
    stand.create_child(reseller, "Rita 4", "rita4_shop_bot")
    reseller.wait_for("the most one person may run")
    listing = Customer(stand, ADMIN_ID, first_name="Owner").ask("/shops", "Child shops")["text"]
    assert "@rita3_shop_bot" in listing and "@rita4_shop_bot" not in listing


def test_a_sigkill_mid_order_places_one_order_and_charges_each_wallet_once(
    parent: Stand,
) -> None:
    """The deployment is killed while the panel is still answering the child's order: after a
    restart nothing is sent again — one `add` at the panel, each wallet charged once, the
    order held as uncertain for the owners rather than placed twice."""
    stand = parent
    admin = Customer(stand, ADMIN_ID, first_name="Owner")
    _, token = first_child(stand, admin)
    reseller = Customer(stand, RESELLER, first_name="Rita")
    admin.ask(f"/credit {RESELLER} 10 more", f"Wallet of {RESELLER}")
    before_reseller = balance_of(reseller)
    buyer = Customer(stand, BUYER, first_name="Bob", token=token)
    before_buyer = balance_of(buyer)
    to_summary(buyer, "instagram.com/killed_mid_add", 1000)
    stand.panel_mode("slow_add")
    message, data = buyer.button("Confirm")
    buyer.press_data(message, data)
    wait_until(  # the panel has the request and takes 2 s to answer: kill the deployment now
        lambda: any("killed_mid_add" in r.get("link", "") for r in stand.panel_requests("add")),
        10,
        "the add to reach the panel",
    )
    stand.kill_bot(signal.SIGKILL)
    stand.panel_mode("ok")
    stand.start_bot()
    wait_until(
        lambda: len([r for r in stand.panel_requests("add") if "killed_mid_add" in r["link"]]) == 1,
        10,
        "the one add",
    )
    buyer_after = Customer(stand, BUYER, first_name="Bob", token=token)
    charged_buyer = float(before_buyer) - float(balance_of(buyer_after))
    charged_reseller = float(before_reseller) - float(balance_of(reseller))
    assert round(charged_buyer, 2) == 1.76, charged_buyer
    assert round(charged_reseller, 2) == 1.35, charged_reseller
    adds = [r for r in stand.panel_requests("add") if "killed_mid_add" in r["link"]]
    assert len(adds) == 1


def test_the_childs_owner_changes_a_setting_and_the_child_runs_with_it(parent: Stand) -> None:
    """/settings inside the child acts on the child alone, and takes effect at once."""
    stand = parent
    admin = Customer(stand, ADMIN_ID, first_name="Owner")
    _, token = first_child(stand, admin)
    owner_there = Customer(stand, RESELLER, first_name="Rita", token=token)
    owner_there.ask("/settings WALLET_CURRENCY EUR", "WALLET_CURRENCY saved")
    buyer = Customer(stand, BUYER, first_name="Bob", token=token)
    wait_until(lambda: "settings changed: rebuilt" in stand.log(), 10, "the child's rebuild")
    buyer.ask("Balance", " EUR")
    Customer(stand, BUYER, first_name="Bob").ask("Balance", " USD")  # the parent: unchanged
    listing = owner_there.ask("/settings", "Settings")["text"]
    assert "STARS_PER_USD = 50 · default" in listing  # the child's own to set
    assert "PANEL_API_URL = http://parent.shop/api/v2 · from the parent shop 🔒" in listing
    assert "WALLET_CURRENCY = EUR · set here" in listing
    assert "RESELLER_API" not in listing  # the parent's web server alone serves an API
    owner_there.ask("/settings RESELLER_API true", "RESELLER_API is not a child shop's to set")
    # The wizard asks only what is the child's: the parent gives its panel and its page.
    setup = owner_there.ask("/setup", "Setup")["text"]
    assert "step 1 of 6" in setup and "Markup" in setup, setup
    owner_there.ask("/settings WALLET_CURRENCY -", "WALLET_CURRENCY saved")


def test_a_childs_customer_shops_in_the_childs_mini_app(
    parent: Stand,
    browser: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The child's Mini App is the parent's page told which child it is for (`?shop=`): the
    child's wallet, catalog and prices, an order placed through the child and on to the parent
    once; the parent's init data for it, or a child that is not there, are refused."""
    stand = parent
    admin = Customer(stand, ADMIN_ID, first_name="Owner")
    bot_id, token = first_child(stand, admin)
    shopper = Customer(stand, BUYER + 30, first_name="Mia", token=token)
    greeting = shopper.ask("/start", "Browse every service")
    [[button]] = greeting["reply_markup"]["inline_keyboard"]
    assert button["web_app"]["url"].endswith(f"/app/?shop={bot_id}")
    owner_there = Customer(stand, RESELLER, first_name="Rita", token=token)
    owner_there.ask(f"/credit {shopper.id} 5 cash", f"Wallet of {shopper.id}")

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    fragment = launch_fragment(signed_init_data(token, shopper.id, first_name="Mia"))
    page.goto(f"{stand.web_url}/app/?shop={bot_id}#{fragment}")  # type: ignore[attr-defined]
    try:
        page.wait_for_selector("#balance:has-text('5.00 USD')")
        page.fill("#search", "Instagram Followers ⭐")
        page.click("#services .service:has-text('Refill 30D')")
        page.fill("#field-link", "https://instagram.com/child_mini_app")
        page.fill("#field-quantity", "1000")
        page.select_option("#field-dripfeed", "no")
        page.click("#review")
        summary = page.wait_for_selector("#summary")
        assert summary is not None and "1.76" in summary.inner_text()  # the child's price
        page.screenshot(path=str(tmp_path / "child-summary.png"))
        page.click("#confirm")
        page.wait_for_selector("#notice:has-text('placed')")
    finally:
        context.close()
    adds = [r for r in stand.panel_requests("add") if "child_mini_app" in r.get("link", "")]
    assert len(adds) == 1
    assert balance_of(shopper) == "3.24"
    assert balance_of(Customer(stand, BUYER + 30, first_name="Mia")) == "0.00"  # the parent's

    me = f"{stand.web_url}/app/api/me"  # type: ignore[attr-defined]
    parent_signed = signed_init_data(TOKEN, shopper.id)
    refused = httpx.get(me, headers={"X-Telegram-Init-Data": parent_signed, "X-Shop": str(bot_id)})
    assert refused.status_code == 401
    child_signed = signed_init_data(token, shopper.id)
    for shop in ("999", "abc", "-1", "9" * 40, "é"):
        headers = {b"X-Telegram-Init-Data": child_signed.encode(), b"X-Shop": shop.encode()}
        answer = httpx.get(me, headers=headers)
        assert answer.status_code == 404 and answer.json()["error"] == "unknown_shop", shop
    assert "Traceback" not in stand.log()

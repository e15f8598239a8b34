"""What a customer sees: the real bot process, the sandbox panel and a Telegram stand-in."""

from __future__ import annotations

import re
import signal
import time

import pytest

from tests.e2e.stand import TOKEN, Customer, Stand, wait_until

pytestmark = pytest.mark.e2e

EVERY_TYPE = "every service type"


def open_service(person: Customer, name: str) -> str:
    """New order → the every-type category → search the service by name → its card → Order;
    returns the form's first message (what is ordered and the first question)."""
    person.ask("New order", "Choose a category")
    person.ask(name, "Found")
    person.press(name, "Service ID")
    opened = person.press("Order", "Ordering")
    assert opened is not None
    return str(opened["text"])


def test_start_in_english_and_in_russian(stand: Stand) -> None:
    english = Customer(stand, 901, "en")
    reply = english.ask("/start", "Hello")
    keyboard_message = reply
    assert "New order" in reply["text"]
    russian = Customer(stand, 902, "ru")
    reply = russian.ask("/start", "Здравствуйте")
    assert "Новый заказ" in reply["text"]
    assert keyboard_message["chat"]["id"] == 901


def test_default_service_with_drip_feed(stand: Stand, customer: Customer) -> None:
    assert "Send the link" in open_service(customer, "Instagram Followers ⭐")
    customer.ask("instagram.com/e2e_drip", "How many?")
    customer.ask("100", "all at once")
    customer.press("Drip-feed", "How many runs")
    customer.ask("3", "Minutes between runs")
    summary = customer.ask("10", "Please check your order")["text"]
    assert "Runs: 3" in summary
    assert "https://instagram.com/e2e_drip" in summary
    assert "0.41 USD" in summary  # 0.90 × 300 / 1000 × 1.5, rounded up
    customer.press("Confirm", "placed")
    [add] = [r for r in stand.panel_requests("add") if "e2e_drip" in r.get("link", "")]
    assert (add["quantity"], add["runs"], add["interval"]) == ("100", "3", "10")
    customer.ask("Balance", "99.59 USD")


def test_custom_comments_service(stand: Stand, customer: Customer) -> None:
    open_service(customer, "Instagram Custom Comments")
    customer.ask("https://instagram.com/p/e2e_comments", "Send the comments")
    reply = customer.ask("just one", "this service needs 10–1500")
    assert "Send the comments" in reply["text"]
    comments = "\n".join(f"Wow <3 #{n}" for n in range(10))
    summary = customer.ask(comments, "Please check your order")
    assert "Wow <3 #0" in summary["text"]
    assert "Wow &lt;3 #0" in summary["html"]
    customer.press("Confirm", "placed")
    [add] = [r for r in stand.panel_requests("add") if "e2e_comments" in r.get("link", "")]
    assert add["comments"].count("\n") == 9


def test_subscriptions_service(stand: Stand, customer: Customer) -> None:
    open_service(customer, "Auto Likes [Subscription]")
    customer.ask("@e2e.subscriber", "Minimum per post")
    customer.ask("50", "Maximum per post")
    customer.ask("100", "How many new posts")
    customer.ask("4", "existing posts")
    customer.press("Skip", "Delay before each delivery")
    customer.press("15 min", "End date")
    summary = customer.press("Skip", "Please check your order")
    assert summary is not None
    assert "Posts: 4" in summary["text"]
    customer.press("Confirm", "placed")
    [add] = [r for r in stand.panel_requests("add") if r.get("username") == "e2e.subscriber"]
    assert (add["min"], add["max"], add["posts"], add["delay"]) == ("50", "100", "4", "15")


def test_double_confirm_places_one_panel_order(stand: Stand, customer: Customer) -> None:
    open_service(customer, "Instagram Starter Package")
    customer.ask("https://instagram.com/e2e_double", "Please check your order")
    message, data = customer.button("Confirm")
    customer.press_data(message, data)
    customer.press_data(message, data)
    customer.wait_for("placed")
    assert len([r for r in stand.panel_requests("add") if "e2e_double" in r.get("link", "")]) == 1
    customer.ask("My orders", "Your orders (1)")


def test_completion_and_partial_with_refund_arrive_as_messages(
    stand: Stand, customer: Customer
) -> None:
    open_service(customer, "Instagram Starter Package")
    customer.ask("https://instagram.com/e2e_done", "Please check your order")
    customer.press("Confirm", "placed")
    done = customer.wait_for("✅ Completed", timeout=20)
    assert "e2e_done" in done["text"]
    open_service(customer, "Instagram Starter Package")
    customer.ask("https://instagram.com/e2e_partial", "Please check your order")
    customer.press("Confirm", "placed")
    partial = customer.wait_for("🌓 Partial", timeout=20)["text"]
    assert "Remaining: 250" in partial
    assert "Refunded: 1.68 USD" in partial  # 1.6875 undelivered, refunded in whole cents
    customer.ask("Balance", "88.18")  # 100 − 6.75 − 6.75 + 1.68


def test_an_orders_card_is_edited_as_it_moves_and_completion_is_said_once(
    stand: Stand, customer: Customer
) -> None:
    """Issue 38: the confirmation is the order's live card, edited through Pending → In
    progress → Completed; only the completion is a message of its own."""
    open_service(customer, "Instagram Starter Package")
    customer.ask("https://instagram.com/e2e_live", "Please check your order")
    placed = customer.press("Confirm", "placed")
    assert placed is not None
    card = placed["message_id"]
    order = re.search(r"#(\d+)", placed["text"])
    assert order is not None
    customer.wait_for("✅ Completed", timeout=20)
    time.sleep(1)  # the card's edit and the message may arrive in either order
    about = [m for m in customer.fetch() if f"#{order.group(1)}" in m["text"]]
    edited = [m for m in about if m["message_id"] == card and "✅ Completed" in m["text"]]
    said = [m for m in about if m["message_id"] != card]
    assert edited, [m["text"][:80] for m in about]
    assert len(said) == 1 and "✅ Completed" in said[0]["text"], [m["text"][:80] for m in said]


def test_refill_result_arrives(stand: Stand, customer: Customer) -> None:
    open_service(customer, "Instagram Followers ⭐")
    customer.ask("https://instagram.com/e2e_refill", "How many?")
    customer.ask("100", "all at once")
    customer.press("All at once", "Please check your order")
    customer.press("Confirm", "placed")
    customer.wait_for("✅ Completed", timeout=20)
    customer.ask("My orders", "Your orders")
    customer.press("#", "Order #")
    customer.press("Refill")
    customer.wait_for("refill of order", timeout=20)
    assert any("Refill requested" in text for text in customer.alerts())


def test_cancel_refunds(stand: Stand, customer: Customer) -> None:
    open_service(customer, "Instagram Followers ⭐")
    customer.ask("https://instagram.com/e2e_cancel", "How many?")
    customer.ask("1000", "all at once")
    customer.press("All at once", "Please check your order")
    customer.press("Confirm", "placed")
    customer.ask("My orders", "Your orders")
    customer.press("#", "Order #")
    customer.press("Cancel")
    canceled = customer.wait_for("❌ Canceled", timeout=20)["text"]
    assert "Refunded: 1.35 USD" in canceled
    customer.ask("Balance", "100.00 USD")


def test_admin_balance(stand: Stand, admin: Customer) -> None:
    reply = admin.ask("/balance", "Panel balance")["text"]
    assert "Customers' wallets" in reply
    assert "USD" in reply


def test_non_admin_gets_no_admin_commands(stand: Stand, customer: Customer) -> None:
    customer.ask("/balance", "I don't know that command")
    customer.ask(f"/credit {customer.id} 1000", "I don't know that command")
    customer.ask("Balance", "100.00 USD")


def test_killed_mid_form_and_restarted_continues(stand: Stand, customer: Customer) -> None:
    open_service(customer, "Instagram Followers ⭐")
    customer.ask("https://instagram.com/e2e_crash", "How many?")
    assert stand.kill_bot(signal.SIGKILL) == -signal.SIGKILL
    stand.start_bot()
    customer.ask("150", "all at once")
    summary = customer.press("All at once", "Please check your order")
    assert summary is not None
    assert "e2e_crash" in summary["text"]
    assert "Quantity: 150" in summary["text"]


def test_panel_html_errors_give_a_polite_message_and_lose_nothing(
    stand: Stand, customer: Customer
) -> None:
    open_service(customer, "Instagram Starter Package")
    customer.ask("https://instagram.com/e2e_before_outage", "Please check your order")
    customer.press("Confirm", "placed")
    outages = stand.log().count("panel unavailable")
    stand.panel_mode("html")
    try:
        wait_until(
            lambda: stand.log().count("panel unavailable") > outages,
            15,
            "the bot to notice the outage",
        )
        customer.ask("New order", "Choose a category")  # browsing works from the cached catalog
        customer.ask("Starter Package", "Found")
        customer.press("Starter Package", "Service ID")
        customer.press("Order", "Ordering")
        customer.ask("https://instagram.com/e2e_during_outage", "Please check your order")
        reply = customer.press("Confirm", "temporarily unavailable", timeout=20)
        assert reply is not None
        assert "Nothing was charged" in reply["text"]
        customer.ask("Balance", "93.25 USD")  # only the first order is paid
    finally:
        stand.panel_mode("ok")
    customer.wait_for("✅ Completed", timeout=30)  # the earlier order is followed after the outage
    customer.press("Confirm", "placed")  # the refused summary can be confirmed once it is back
    assert "Traceback" not in stand.log()


def test_inline_lookup_shows_own_orders_only(stand: Stand, customer: Customer) -> None:
    open_service(customer, "Instagram Starter Package")
    customer.ask("https://instagram.com/e2e_inline", "Please check your order")
    placed = customer.press("Confirm", "placed")
    assert placed is not None
    order_id = placed["text"].split("#")[1].split(" ")[0]
    answer = customer.inline(order_id)
    assert [r["id"] for r in answer["results"]] == [f"order-{order_id}"]
    assert str(answer["is_personal"]).lower() == "true"
    stranger = Customer(stand, 4242, "en")
    stranger.ask("/start", "Hello")
    assert stranger.inline(order_id)["results"] == []
    assert [r["id"] for r in customer.inline("")["results"]][0] == f"order-{order_id}"


def test_sigterm_lets_a_placement_in_progress_finish(stand: Stand, customer: Customer) -> None:
    open_service(customer, "Instagram Starter Package")
    customer.ask("https://instagram.com/e2e_sigterm", "Please check your order")
    stand.panel_mode("slow_add")
    try:
        customer.press("Confirm")
        wait_until(
            lambda: [r for r in stand.panel_requests("add") if "e2e_sigterm" in r.get("link", "")],
            10,
            "the add request to reach the panel",
        )
        assert stand.kill_bot(signal.SIGTERM) == 0  # clean exit, after the placement finished
    finally:
        stand.panel_mode("ok")
    customer.wait_for("placed", timeout=5)  # told before the process went away
    stand.start_bot()
    customer.ask("My orders", "Your orders")
    card = customer.press("#", "Order #")
    assert (
        card is not None and "Placing" not in card["text"] and "Being checked" not in card["text"]
    )


def test_secrets_never_reach_the_log(stand: Stand) -> None:
    log = stand.log()
    assert "order placed" in log and "Run polling" in log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert "sandbox-key" not in log


def test_an_admin_gets_the_stats_chart_as_a_photo(stand: Stand, admin: Customer) -> None:
    """/stats draws the period's chart and sends it as a photo with the figures as caption
    (through the stand-in's sendPhoto, which reads the uploaded file)."""
    answer = admin.ask("/stats", "Profit")
    assert answer["photo"][0]["file_size"] > 10_000  # a real PNG, not an empty upload
    assert "Referral sign-ups" in answer["text"]

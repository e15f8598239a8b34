"""Issue 28 as a customer meets it in the real bot process against the sandbox: clean links,
one open order per link, and a mass order placed once across a restart."""

from __future__ import annotations

import signal
from typing import Any

import pytest

from tests.e2e.stand import Customer, Stand, wait_until
from tests.e2e.test_whole_bot import open_service

pytestmark = pytest.mark.e2e


def test_a_tracked_link_reaches_the_panel_clean(stand: Stand, customer: Customer) -> None:
    open_service(customer, "Instagram Starter Package")
    summary = customer.ask(
        "https://m.instagram.com/p/e2e_clean/?utm_source=ig_web_copy_link&igsh=MzRl",
        "Please check your order",
    )
    assert "https://instagram.com/p/e2e_clean/" in summary["text"]
    assert "igsh" not in summary["text"]
    customer.press("Confirm", "placed")
    [add] = [r for r in stand.panel_requests("add") if "e2e_clean" in r.get("link", "")]
    assert add["link"] == "https://instagram.com/p/e2e_clean/"


def test_a_second_order_on_an_open_link_costs_nothing(stand: Stand, customer: Customer) -> None:
    open_service(customer, "Instagram Starter Package")
    customer.ask("https://instagram.com/p/e2e_busy", "Please check your order")
    customer.press("Confirm", "placed")
    balance = customer.ask("Balance", "Your wallet")["text"]
    open_service(customer, "Instagram Starter Package")
    customer.ask("https://instagram.com/p/e2e_busy", "Please check your order")
    said = customer.press("Confirm", "still in progress for this link")
    assert said is not None and "Nothing was charged" in said["text"]
    assert customer.ask("Balance", "Your wallet")["text"] == balance
    adds = [r for r in stand.panel_requests("add") if "e2e_busy" in r.get("link", "")]
    assert len(adds) == 1


def test_a_mass_order_places_its_valid_lines_once_across_a_restart(
    stand: Stand, customer: Customer
) -> None:
    lines = [f"1 | https://instagram.com/p/e2e_mass{n} | 100" for n in range(8)]
    lines.insert(2, "99999 | https://instagram.com/p/e2e_nope | 100")
    lines.insert(5, "1 | not a link | 100")
    customer.ask("/mass", "Mass order")
    preview = customer.ask("\n".join(lines), "8 lines can be placed of 10")
    assert "3. ❌" in preview["text"] and "6. ❌" in preview["text"]
    assert stand.kill_bot(signal.SIGKILL) == -signal.SIGKILL  # the preview survives
    stand.start_bot()
    customer.press("Confirm", "8 orders placed of 8 lines", timeout=60)
    customer.press("Confirm")  # the same preview again
    wait_until(
        lambda: any("placed already" in a for a in customer.alerts()), 15, "the second tap's answer"
    )
    adds = [r for r in stand.panel_requests("add") if "e2e_mass" in r.get("link", "")]
    assert len(adds) == 8


def _completed_followers(customer: Customer, link: str) -> dict[str, Any]:
    """An order of the R30 followers service, completed; returns its card."""
    open_service(customer, "Instagram Followers ⭐")
    customer.ask(f"https://instagram.com/{link}", "How many?")
    customer.ask("100", "all at once")
    customer.press("All at once", "Please check your order")
    customer.press("Confirm", "placed")
    customer.wait_for("✅ Completed", timeout=20)
    customer.ask("My orders", "Your orders")
    card = customer.press("#", "Order #")
    assert card is not None
    return card


def test_taps_at_once_send_one_refill(stand: Stand, customer: Customer) -> None:
    _completed_followers(customer, "e2e_taps")
    card, data = customer.button("Refill")
    assert "Refill guarantee: 30 days, until" in card["text"]
    before, answered = len(stand.panel_requests("refill")), len(customer.alerts())
    for _ in range(5):
        customer.press_data(card, data)
    wait_until(lambda: len(customer.alerts()) >= answered + 5, 15, "five answers")
    assert len(stand.panel_requests("refill")) == before + 1
    assert sum("Refill requested" in a for a in customer.alerts()[answered:]) == 1


def test_a_no_refill_service_offers_no_refill_and_calls_nothing(
    stand: Stand, customer: Customer, admin: Customer
) -> None:
    admin.ask("/service 1 refill none", "No refill guarantee")
    try:
        card = _completed_followers(customer, "e2e_norefill")
        assert "No refill guarantee" in card["text"]
        buttons = [b["text"] for row in card["reply_markup"]["inline_keyboard"] for b in row]
        assert not any("Refill" in text for text in buttons)
    finally:
        admin.ask("/service 1 refill 30", "Refill guarantee: 30 days")

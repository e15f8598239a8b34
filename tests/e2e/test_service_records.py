"""Issue 36 with the whole bot as a process: a service whose orders keep failing on the
sandbox is quarantined (the owner told once) and back on sale by `/service ID resume`; one
whose orders all complete shows ✅ Reliable with its record and leads its category."""

from __future__ import annotations

import pytest

from tests.e2e.stand import Customer, Stand, wait_until

pytestmark = pytest.mark.e2e

GOOD, BAD = 190, 191  # Instagram Followers #172 and #173, in "Instagram Followers [1000 offers]"


def test_a_failing_service_is_quarantined_and_a_reliable_one_leads_its_category(
    stand: Stand, admin: Customer, customer: Customer
) -> None:
    tag = customer.id
    lines = [f"{GOOD} | https://instagram.com/e2e_good{tag}_{n} | 100" for n in range(10)]
    # The sandbox cancels an order whose link says so, after it started.
    lines += [f"{BAD} | https://instagram.com/e2e_cancel{tag}_{n} | 100" for n in range(3)]
    customer.ask("/mass", "Mass order")
    customer.ask("\n".join(lines), "13 lines can be placed of 13")
    customer.press("Confirm", "13 orders placed of 13 lines", timeout=60)

    told = admin.wait_for("is quarantined", timeout=60)
    assert f"Service {BAD}" in told["text"] and "3 of its last 3 orders" in told["text"]
    wait_until(lambda: "Temporarily unavailable" in _card(customer, "#173"), 30, "the paused card")
    good = wait_until(lambda: "✅ Reliable" in (c := _card(customer, "#172")) and c, 60, "✅")
    assert "100 % completed (10 orders)" in good and "usually starts in" in good

    admin.ask(f"/service {BAD} resume", "On sale")
    customer.ask("New order", "Choose a category")
    page = customer.press("Instagram Followers [1000 offers]", "Instagram Followers [1000 offers]")
    assert page is not None
    first = page["reply_markup"]["inline_keyboard"][0][0]["text"]
    assert "#172" in first, first  # reliable first among its equals
    assert "Temporarily unavailable" not in _card(customer, "#173")
    assert len([m for m in admin.fetch() if "is quarantined" in (m.get("text") or "")]) == 1


def _card(person: Customer, name: str) -> str:
    """The service's card as a search for it and a tap show it now."""
    person.ask("New order", "Choose a category")
    person.ask(f"Followers {name}", "Found")
    shown = person.press(name, "Service ID")
    assert shown is not None
    return str(shown["text"])

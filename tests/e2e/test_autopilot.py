"""Issue 26's "done when" in the whole bot against the sandbox process, with a cost changed
on purpose through the sandbox: the price follows, the history shows it, the digest arrives
once; a vanished service is paused and comes back; a hand-set price under cost pauses it."""

from __future__ import annotations

import pytest

from tests.e2e.stand import Customer, Stand, wait_until

pytestmark = pytest.mark.e2e

SEO, PACKAGE = 3, 2


def change(stand: Stand, **body: object) -> None:
    stand.http.post(f"{stand.sandbox_url}/_sandbox/service", json=body).raise_for_status()


def digests(admin: Customer) -> list[str]:
    return [m["text"] for m in admin.fetch() if "Catalog changes" in m["text"]]


def test_the_catalog_follows_the_panel_and_pauses_what_cannot_be_sold(
    stand: Stand, admin: Customer, customer: Customer
) -> None:
    before = len(digests(admin))
    change(stand, service=SEO, rate="4.20")
    admin.ask("/services_refresh", "services")
    wait_until(lambda: len(digests(admin)) == before + 1, 20, "one digest")
    assert "Google SEO Keyword Traffic: 2.10 → 4.20 (+100.0%)" in digests(admin)[-1]
    assert "2.10 → 4.20" in admin.ask(f"/prices {SEO}", "Today")["text"]
    customer.ask("New order", "Choose a category")
    customer.ask("Keyword Traffic", "Found")
    assert "Price: 6.30 USD per 1000" in customer.press("Keyword Traffic", "Service ID")["text"]  # type: ignore[index]

    change(stand, service=PACKAGE, listed=False)
    admin.ask("/services_refresh", "services")
    customer.ask("New order", "Choose a category")
    customer.ask("Starter Package", "Found")
    card = customer.press("Starter Package", "Service ID")
    assert card is not None and "Temporarily unavailable" in card["text"]
    change(stand, service=PACKAGE, listed=True)
    admin.ask("/services_refresh", "services")
    customer.ask("New order", "Choose a category")
    customer.ask("Starter Package", "Found")
    card = customer.press("Starter Package", "Service ID")
    assert card is not None and "Temporarily unavailable" not in card["text"]

    said = admin.ask(f"/price {SEO} 1", "sells at")["text"]
    assert "paused until its price covers the cost" in said
    admin.wait_for("is paused: its price", timeout=20)
    admin.ask(f"/price {SEO} off", "sells at")
    change(stand, service=SEO, rate="2.10")
    admin.ask("/services_refresh", "services")
    # Cost up, vanished, back, cost down: one digest each, none for the refreshes between.
    wait_until(lambda: len(digests(admin)) == before + 4, 20, "a digest per change")

"""A new owner's first hour, as they live it: a clean folder, BOT_TOKEN only, the bot started,
`/setup` with the code from its log, the wizard with a panel's address and key — and a first
order placed on that panel, without restarting anything."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.stand import Customer, Stand, wait_until

pytestmark = pytest.mark.e2e

PANEL_KEY = "owner-panel-key-5bd1"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stand]:
    running = Stand(Path(tmp_path_factory.mktemp("fresh")))
    running.start(with_bot=False)
    try:
        running.start_bot(bare=True)
        yield running
    finally:
        running.stop()


def setup_code(stand: Stand) -> str:
    found = wait_until(
        lambda: re.search(r"SETUP CODE ([A-Z2-9]{4}-[A-Z2-9]{4})", stand.log()), 10, "the code"
    )
    return str(found.group(1))


def test_a_token_the_wizard_and_a_first_order(fresh: Stand) -> None:
    stand = fresh
    panel_url = stand.add_sandbox("owners-panel", key=PANEL_KEY) + "/api/v2"
    code = setup_code(stand)
    assert "SANDBOX panel" in stand.log()  # until a panel is set, the sandbox sells (a demo)

    stranger = Customer(stand, 7001, first_name="Eve")
    stranger.ask("/setup", "with the code the bot printed")
    stranger.ask("/setup AAAA-2222", "not right")

    owner = Customer(stand, 7000, first_name="Olga")
    owner.ask("/start", "Hello")
    owner.ask(f"/setup {code.lower()}", "You own this shop")
    owner.wait_for("step 1 of 9")
    stranger.ask(f"/setup {code}", "already has an owner")  # the code was for one person

    # Something answers that is not API v2: said so, and Back changes the address.
    owner.ask(stand.sandbox_url + "/nothing-here", "API key")
    owner.ask(PANEL_KEY, "not an SMM panel API v2")
    owner.press("Back", "Your SMM panel")
    owner.ask(panel_url, "API key")
    owner.ask("a-wrong-key", "refused the key")
    owner.ask(PANEL_KEY, "The panel answers: 300 services, balance 1000.00 USD")
    deleted = [c for c in stand.client("calls") if c["method"] == "deleteMessage"]
    assert {int(c["params"]["chat_id"]) for c in deleted} == {owner.id}  # keys do not stay
    owner.wait_for("step 3 of 9")
    owner.ask("40", "step 4 of 9")  # markup
    owner.press("Skip", "step 5 of 9")  # currency
    owner.press("Back", "step 4 of 9")
    owner.press("Skip", "step 5 of 9")
    owner.press("English", "step 6 of 9")
    for step in (7, 8, 9):
        owner.press("Skip", f"step {step} of 9")
    owner.ask("not an address", "WEBAPP_URL must be")  # refused, asked again
    owner.press("Skip", "Setup is done")

    # /settings checks a panel's key and address live too: a wrong one is not saved.
    owner.ask("/settings PANEL_API_KEY wrong-key-123", "The panel refused the key")
    owner.ask("/settings PANEL_API_URL http://127.0.0.1:9/api/v2", "cannot be reached")
    owner.ask(f"/settings PANEL_API_KEY {PANEL_KEY}", "The panel answers: 300 services")

    listing = owner.ask("/settings", "Settings")["text"]
    assert re.search(r"PANEL_API_URL = \S+ · set here", listing)
    assert "PANEL_API_KEY = •••••• · set here" in listing
    assert "BOT_TOKEN = •••••• · environment 🔒" in listing
    assert "MARKUP_PERCENT = 40 · set here" in listing

    # The running shop now sells from the owner's panel: no restart, no demo.
    customer = Customer(stand, 7002)
    customer.ask("/start", "Hello")
    owner.ask(f"/credit {customer.id} 20 first", f"Wallet of {customer.id}")
    customer.ask("New order", "Choose a category")
    customer.ask("Instagram Followers ⭐", "Found")
    customer.press("Instagram Followers ⭐", "Service ID")
    customer.press("Order", "Send the link")
    customer.ask("instagram.com/first_order", "How many?")
    customer.ask("100", "all at once")
    customer.press("All at once", "Please check your order")
    summary = customer.seen[-1]["text"]
    assert "demo" not in summary.lower()
    customer.press("Confirm", "placed")
    [add] = [
        r
        for r in stand.panel_requests("add", sandbox=panel_url.removesuffix("/api/v2"))
        if "first_order" in r.get("link", "")
    ]
    assert add["quantity"] == "100"
    assert not [r for r in stand.panel_requests("add") if "first_order" in r.get("link", "")]
    assert PANEL_KEY not in stand.log()
    assert "Traceback" not in stand.log()

"""Issue 27's "done when": a shop whose panel is another shop. Two bot processes on one
Telegram stand-in — the upstream shop sells the sandbox panel and serves its API v2; the
downstream shop's panel is the upstream's /api/v2 with a customer's key, through the
project's own panel client, unchanged. A downstream customer orders each common type,
follows them to Completed and Partial, refills and cancels; both shops' wallets reconcile
to the cent."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.stand import ADMIN_ID, Customer, Stand, free_port, wait_until
from tests.e2e.test_whole_bot import open_service

pytestmark = pytest.mark.e2e

DOWN_TOKEN = "434343:E2E-DOWNSTREAM-TOKEN"
RESELLER, BUYER = 7001, 8001
MICROS = Decimal(1_000_000)
CENT = Decimal("0.01")
FINAL = ("completed", "partial", "canceled", "rejected")


@dataclass
class Shops:
    stand: Stand
    upstream_admin: Customer
    reseller: Customer
    buyer: Customer
    key: str
    api_url: str


@pytest.fixture(scope="module")
def shops(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shops]:
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    stand = Stand(
        Path(tmp_path_factory.mktemp("reselling")),
        sandbox_step=3.0,
        extra_env={
            "RESELLER_API": "true",
            "PUBLIC_URL": origin,
            "WEB_SERVER_HOST": "127.0.0.1",
            "WEB_SERVER_PORT": str(port),
        },
    )
    try:
        stand.start()
        admin = Customer(stand, ADMIN_ID, first_name="Admin")
        admin.ask("/start", "Hello")
        reseller = Customer(stand, RESELLER, first_name="Reseller")
        reseller.ask("/start", "Hello")
        admin.ask(f"/credit {RESELLER} 100 e2e", f"Wallet of {RESELLER}")
        reseller.ask("Balance", "Your wallet")
        reseller.press("API access", "API access")
        shown = reseller.press("Create a key", "Your new key")
        assert shown is not None
        found = re.search(r"<code>([A-Za-z0-9_-]{20,})</code>", shown["html"])
        assert found is not None
        key = found.group(1)
        stand.start_bot(
            "downstream",
            extra_env={
                "BOT_TOKEN": DOWN_TOKEN,
                "PANEL_API_URL": f"{origin}/api/v2",
                "PANEL_API_KEY": key,
                "DATABASE_PATH": str(stand.workdir / "downstream.sqlite3"),
                "RESELLER_API": "false",
                "PUBLIC_URL": "",
                "WEB_SERVER_PORT": str(free_port()),
            },
        )
        down_admin = Customer(stand, ADMIN_ID, first_name="Admin", token=DOWN_TOKEN)
        down_admin.ask("/start", "Hello")
        buyer = Customer(stand, BUYER, first_name="Buyer", token=DOWN_TOKEN)
        buyer.ask("/start", "Hello")
        down_admin.ask(f"/credit {BUYER} 60 e2e", f"Wallet of {BUYER}")
        yield Shops(stand, admin, reseller, buyer, key, f"{origin}/api/v2")
    finally:
        stand.stop()


def rows(path: Path, query: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:  # WAL: reading beside the running bot is safe
        return conn.execute(query, args).fetchall()


def wallet(path: Path, user_id: int) -> Decimal:
    [(micros,)] = rows(
        path, "SELECT COALESCE(SUM(amount_micros), 0) FROM ledger WHERE user_id = ?", user_id
    )
    return Decimal(micros) / MICROS


@dataclass
class Money:
    status: str
    charge: Decimal
    refunded: Decimal
    panel_order_id: int | None
    undelivered: Decimal  # remains / quantity: the share owed back

    @property
    def kept(self) -> Decimal:
        return self.charge - self.refunded


def order_money(path: Path, user_id: int) -> dict[int, Money]:
    found = rows(
        path,
        "SELECT orders.id, orders.status, orders.charge_micros, orders.panel_order_id,"
        " COALESCE((SELECT SUM(amount_micros) FROM ledger WHERE ledger.order_id = orders.id"
        " AND kind = 'refund'), 0), orders.remains, orders.quantity FROM orders"
        " WHERE user_id = ?",
        user_id,
    )
    return {
        row[0]: Money(
            row[1],
            Decimal(row[2]) / MICROS,
            Decimal(row[4]) / MICROS,
            row[3],
            Decimal(1) if row[1] == "canceled" else Decimal(row[5] or 0) / Decimal(row[6]),
        )
        for row in found
    }


def place(buyer: Customer, service: str, link: str, quantity: str | None = None) -> str:
    """A downstream order through the chat; returns its order id. With `quantity`, the
    followers' form (how many, then all at once); otherwise what the link's question leads to
    (a package's summary, or the comments to write)."""
    open_service(buyer, service)
    if quantity is not None:
        buyer.ask(link, "How many?")
        buyer.ask(quantity, "all at once")
        buyer.press("All at once", "Please check your order")
    elif service.startswith("Instagram Custom Comments"):
        buyer.ask(link, "Send the comments")
        lines = "\n".join(f"Lovely shot number {n}" for n in range(10))
        buyer.ask(lines, "Please check your order")
    else:
        buyer.ask(link, "Please check your order")
    placed = buyer.press("Confirm", "placed")
    assert placed is not None
    found = re.search(r"#(\d+)", placed["text"])
    assert found is not None
    return found.group(1)


def notified(buyer: Customer, order_id: str, word: str, timeout: float = 40) -> None:
    """The chat said (at any point) that this order reached this status."""

    def said() -> bool:
        return any(
            f"Order #{order_id}:" in heads and word in heads
            for heads in (m["text"].split("\n")[0] for m in buyer.fetch())
        )

    wait_until(said, timeout, f"order #{order_id} {word}")


def test_a_shop_buys_from_a_shop_and_both_reconcile_to_the_cent(shops: Shops) -> None:
    buyer, stand = shops.buyer, shops.stand
    upstream_db, downstream_db = stand.workdir / "bot.sqlite3", stand.workdir / "downstream.sqlite3"
    # The downstream shop sells the upstream's catalog, at the upstream's prices plus its own.
    buyer.ask("New order", "Choose a category")

    followers = "Instagram Followers ⭐"
    done = place(buyer, followers, "https://instagram.com/e2e_resell_done", "100")
    partial = place(buyer, followers, "https://instagram.com/e2e_resell_partial", "200")
    package = place(buyer, "Instagram Starter Package", "https://instagram.com/p/e2e_resell_pkg")
    place(buyer, "Instagram Custom Comments", "https://instagram.com/p/e2e_resell_cmt")
    stop = place(buyer, followers, "https://instagram.com/e2e_resell_stop", "100")

    # Cancelled by the customer while the panel has not started it.
    buyer.ask("My orders", "Your orders")
    buyer.press(f"#{stop}", f"Order #{stop}")
    buyer.press("Cancel")
    notified(buyer, stop, "Canceled")
    notified(buyer, done, "Completed")
    notified(buyer, partial, "Partial")
    notified(buyer, package, "Completed")

    # A refill of the completed order travels down to the sandbox and back up.
    buyer.ask("My orders", "Your orders")
    buyer.press(f"#{done}", f"Order #{done}")
    buyer.press("Refill")
    wait_until(lambda: any("Refill requested" in a for a in buyer.alerts()), 15, "the refill")
    buyer.wait_for(f"The refill of order #{done} is done", timeout=40)
    assert stand.panel_requests("refill")

    def all_final() -> bool:
        theirs = order_money(downstream_db, BUYER).values()
        return len(theirs) == 5 and all(o.status in FINAL for o in theirs)

    wait_until(all_final, 40, "every downstream order to end")
    down = order_money(downstream_db, BUYER)
    up = order_money(upstream_db, RESELLER)
    assert len(up) == 5
    margin = Decimal(0)
    for order in down.values():
        assert order.panel_order_id in up, (order, up)
        theirs = up[order.panel_order_id]
        assert theirs.status == order.status
        # What the downstream shop recorded as its cost is what the upstream charged it.
        [(cost_micros,)] = rows(
            downstream_db,
            "SELECT cost_micros FROM orders WHERE panel_order_id = ?",
            order.panel_order_id,
        )
        assert abs(Decimal(cost_micros) / MICROS - theirs.charge) < CENT
        # Each shop gave back the same undelivered share of what it charged, to the cent.
        assert order.undelivered == theirs.undelivered
        assert abs(order.refunded - order.charge * order.undelivered) < CENT
        assert abs(theirs.refunded - theirs.charge * theirs.undelivered) < CENT
        margin += order.kept - theirs.kept
    assert margin > 0
    # Each wallet is what came in less what its orders kept, to the cent.
    assert wallet(upstream_db, RESELLER) == Decimal(100) - sum(o.kept for o in up.values())
    assert wallet(downstream_db, BUYER) == Decimal(60) - sum(o.kept for o in down.values())
    # And the downstream shop's panel balance is the reseller's wallet upstream.
    answer = stand.http.post(shops.api_url, data={"key": shops.key, "action": "balance"}).json()
    assert Decimal(answer["balance"]) == wallet(upstream_db, RESELLER)
    # A script that puts the key in a GET query string is served, and the key is logged
    # nowhere (issue 34): the shop's log has served the downstream shop's calls all along.
    got = stand.http.get(shops.api_url, params={"key": shops.key, "action": "balance"}).json()
    assert got == answer
    assert shops.key not in stand.log()
    # The upstream customer sees the API orders marked in My orders, and got no chat notices.
    shops.reseller.ask("My orders", "Your orders")
    listed = shops.reseller.seen[-1]["reply_markup"]["inline_keyboard"]
    assert sum("🔌" in row[0]["text"] for row in listed) == 5
    assert not any("🔔 Order #" in m["text"] for m in shops.reseller.seen)


def test_the_api_documentation_reads_in_a_browser_in_the_shop_languages(
    shops: Shops, tmp_path: Path
) -> None:
    """The page at /api in headless Chromium, as a downstream panel's owner opens it: every
    action with its example, in French when the browser asks for French, right to left in
    Arabic; a screenshot of each at a phone's width."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.test_mini_app import CHROMIUM

    if CHROMIUM is None:
        pytest.fail("chromium is not installed: run the tests with `bash scripts/test`")
    docs = shops.api_url.removesuffix("/v2")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844}, locale="fr-FR")
            page.goto(docs)
            assert page.locator("h1").inner_text() == "API v2 des panels SMM"
            for action in ("services", "add", "status", "refill", "refill_status", "cancel"):
                assert page.locator(f"#{action} h2").inner_text() == action
            assert "Exemple de requête" in page.locator("#add").inner_text()
            assert shops.api_url in page.locator("body").inner_text()
            page.screenshot(path=str(tmp_path / "api-docs-fr.png"), full_page=True)
            page.goto(docs + "?lang=ar")
            assert page.locator("html").get_attribute("dir") == "rtl"
            assert "الأخطاء" in page.locator("body").inner_text()
            page.screenshot(path=str(tmp_path / "api-docs-ar.png"))
        finally:
            browser.close()

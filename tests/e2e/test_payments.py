"""Growth and payments as a customer meets them, with the whole bot as a process: a referral
link, an order that waits for a crypto top-up, the payment learnt from Crypto Pay's webhook
on the bot's own web server (polling mode), and the referrer's commission on delivery."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from aiohttp import web

from tests.cryptopay_stand import TOKEN as CRYPTO_TOKEN
from tests.cryptopay_stand import CryptoPayStand
from tests.e2e.stand import Customer, Stand, free_port
from tests.e2e.test_whole_bot import open_service

pytestmark = pytest.mark.e2e
T = TypeVar("T")


class CryptoPayThread:
    """The Crypto Pay stand-in on a loop of its own: the e2e tests are synchronous."""

    def __init__(self) -> None:
        self.stand = CryptoPayStand()
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.runner = web.AppRunner(self.stand.app(), access_log=None)
        self.run(self.runner.setup())
        self.run(web.TCPSite(self.runner, "127.0.0.1", self.port).start())

    def run(self, work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, self.loop).result(timeout=30)

    def close(self) -> None:
        self.run(self.runner.cleanup())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def crypto() -> Iterator[CryptoPayThread]:
    running = CryptoPayThread()
    yield running
    running.close()


@pytest.fixture(scope="module")
def stand(tmp_path_factory: pytest.TempPathFactory, crypto: CryptoPayThread) -> Iterator[Stand]:
    web_port = free_port()
    running = Stand(
        Path(tmp_path_factory.mktemp("payments")),
        extra_env={
            "CRYPTO_PAY_TOKEN": CRYPTO_TOKEN,
            "CRYPTO_PAY_API_URL": f"http://127.0.0.1:{crypto.port}",
            "CRYPTO_PAY_POLL_SECONDS": "600",  # the webhook, not the poll, must do it here
            "WEB_SERVER_HOST": "127.0.0.1",
            "WEB_SERVER_PORT": str(web_port),
        },
    )
    crypto.stand.webhook_url = f"http://127.0.0.1:{web_port}/payments/cryptopay"
    try:
        yield running.start()
    finally:
        running.stop()


def test_a_referred_customer_pays_a_waiting_order_in_crypto(
    stand: Stand, crypto: CryptoPayThread
) -> None:
    referrer = Customer(stand, 7101, first_name="Rita")
    referrer.ask("/start", "Hello")
    link = referrer.ask("Referrals", "Share your link")["text"]
    payload = re.search(r"start=(ref_[A-Z0-9]{8})", link)
    assert payload, link
    buyer = Customer(stand, 7102, first_name="Ben")
    buyer.ask(f"/start {payload.group(1)}", "Hello")
    referrer.ask("/referrals", "Joined through your link: 1 person")

    open_service(buyer, "Instagram Starter Package")
    summary = buyer.ask("https://instagram.com/e2e_referred_done", "Please check your order")
    assert "6.75 USD missing" in summary["text"]  # an empty wallet: the exact shortfall
    buyer.press("Pay 6.75 USD in crypto", "Invoice for 6.75 USD")
    [invoice] = [i for i in crypto.stand.invoices.values() if i["amount"] == "6.75"]
    crypto.stand.pay(invoice["invoice_id"], asset="TON")
    forged = crypto.run(crypto.stand.send_webhook(invoice["invoice_id"], token="1:forged"))
    assert forged == 401
    assert crypto.run(crypto.stand.send_webhook(invoice["invoice_id"])) == 200
    buyer.wait_for("6.75 USD was added to your wallet")
    buyer.wait_for("your order is ready to place")
    buyer.press("Place order now", "placed")
    buyer.wait_for("✅ Completed", timeout=20)
    buyer.ask("Balance", "0.00 USD")
    referrer.wait_for("0.33 USD referral commission", timeout=20)  # 5% of 6.75, rounded down
    assert crypto.run(crypto.stand.send_webhook(invoice["invoice_id"])) == 200  # retried
    buyer.ask("Balance", "0.00 USD")
    assert CRYPTO_TOKEN not in stand.log()

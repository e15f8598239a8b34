"""Child shops when the parent runs on a webhook (issue 35): each child's updates come to the
parent's web server at the child's own path with the child's own secret; a request with the
parent's secret, another child's or none is refused; the child answers its customers."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.children_host import child_secret
from tests.e2e.stand import ADMIN_ID, Customer, Stand, free_port

pytestmark = pytest.mark.e2e
SECRET = "parent-webhook-secret-0123456789"


@pytest.fixture(scope="module")
def hooked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stand]:
    port = free_port()
    running = Stand(
        Path(tmp_path_factory.mktemp("child-hooks")),
        extra_env={
            "CHILD_SHOPS": "true",
            "WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram/webhook",
            "WEBHOOK_SECRET": SECRET,
            "WEB_SERVER_HOST": "127.0.0.1",
            "WEB_SERVER_PORT": str(port),
        },
    )
    running.web_url = f"http://127.0.0.1:{port}"  # type: ignore[attr-defined]
    try:
        running.start(with_bot=False)
        running.start_bot(ready="webhook server listening")
        yield running
    finally:
        running.stop()


def test_a_child_on_the_parents_webhook_answers_and_refuses_forged_updates(hooked: Stand) -> None:
    stand = hooked
    reseller = Customer(stand, 8400, first_name="Wes")
    reseller.ask("/start", "Hello")
    made = stand.create_child(reseller, "Wes", "wes_bot")
    reseller.wait_for("Your shop @wes_bot is running")
    hooks = [c for c in stand.client("calls") if c["method"] == "setWebhook"]
    assert any(h["params"]["url"].endswith(f"/telegram/child/{made['id']}") for h in hooks)

    buyer = Customer(stand, 8401, first_name="Wyn", token=made["token"])
    buyer.ask("/start", "Hello")
    buyer.ask("Balance", "Your wallet: 0.00 USD")
    Customer(stand, 8400, first_name="Wes", token=made["token"]).ask("/stats", "📊")

    url = f"{stand.web_url}/telegram/child/{made['id']}"  # type: ignore[attr-defined]
    update = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": 1, "type": "private"},
            "text": "/start",
        },
    }
    for secret in (b"", SECRET.encode(), b"x" * 48, "é".encode()):
        answer = httpx.post(url, json=update, headers={b"X-Telegram-Bot-Api-Secret-Token": secret})
        assert answer.status_code == 401, secret
    signed = {"X-Telegram-Bot-Api-Secret-Token": child_secret(SECRET, made["id"])}
    assert httpx.post(url, content=b"{not json", headers=signed).status_code == 400
    assert httpx.post(url, json={"update_id": "x"}, headers=signed).status_code == 400
    unknown = httpx.post(f"{stand.web_url}/telegram/child/123", json=update)  # type: ignore[attr-defined]
    assert unknown.status_code == 401
    assert Customer(stand, ADMIN_ID).ask("/shops", "Child shops") is not None
    assert "Traceback" not in stand.log()


def test_back_to_polling_the_parent_and_its_children_drop_their_webhooks(hooked: Stand) -> None:
    """An owner who switches WEBHOOK_URL off: Telegram would keep posting to the old address;
    the parent and every child delete their webhooks and poll, and customers are answered."""
    stand = hooked
    stand.kill_bot(signal.SIGTERM)
    stand.start_bot(extra_env={"WEBHOOK_URL": "", "WEBHOOK_SECRET": ""})
    Customer(stand, 8402, first_name="Pol").ask("/start", "Hello")
    child = stand.client("getManagedBotTokenForTest", botId=7000000)
    Customer(stand, 8403, first_name="Pia", token=child["token"]).ask("/start", "Hello")

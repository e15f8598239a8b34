"""Two bot replicas on PostgreSQL behind a load balancer, in webhook mode: with the
conversation state in Redis, and in the shared database alone."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests import backends
from tests.backends import fresh_database_url
from tests.e2e.stand import ADMIN_ID, Customer, Stand, free_port, wait_until
from tests.e2e.test_whole_bot import open_service

pytestmark = pytest.mark.e2e
SECRET = "e2e-webhook-secret-0123456789"


class Replicas:
    def __init__(self, stand: Stand) -> None:
        self.stand = stand
        self.ports = {"replica1": free_port(), "replica2": free_port()}
        self.balancer_port = free_port()

    def env(self, name: str, database_url: str, redis_url: str | None) -> dict[str, str]:
        return {
            "DATABASE_URL": database_url,
            **({"REDIS_URL": redis_url} if redis_url else {}),
            "WEBHOOK_URL": f"http://127.0.0.1:{self.balancer_port}/telegram/webhook",
            "WEBHOOK_SECRET": SECRET,
            "WEB_SERVER_HOST": "127.0.0.1",
            "WEB_SERVER_PORT": str(self.ports[name]),
        }

    def health(self, name: str) -> dict[str, object] | None:
        try:
            return httpx.get(f"http://127.0.0.1:{self.ports[name]}/healthz", timeout=2).json()  # type: ignore[no-any-return]
        except httpx.HTTPError:
            return None

    def leader(self) -> str | None:
        for name in self.ports:
            if name in self.stand.processes and (self.health(name) or {}).get("leader"):
                return name
        return None

    def served(self) -> dict[str, int]:
        return httpx.get(f"http://127.0.0.1:{self.balancer_port}/_stats").json()  # type: ignore[no-any-return]

    def start(
        self, database_url: str, redis: str | None, extra: dict[str, str] | None = None
    ) -> None:
        """The balancer, then each replica on its port, then one of them leading."""
        stand = self.stand
        stand._spawn(
            "balancer",
            [
                sys.executable,
                "-m",
                "tests.e2e.balancer",
                str(self.balancer_port),
                *map(str, self.ports.values()),
            ],
        )
        wait_until(stand._listening(self.balancer_port), 15, "the load balancer")
        for name in self.ports:
            env = {**self.env(name, database_url, redis), **(extra or {})}
            stand.start_bot(name, env, ready="webhook server listening")
        wait_until(self.leader, 20, "one replica to lead")


@pytest.fixture(scope="module", params=["redis", "database"])
def replicas(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Replicas]:
    redis = backends.redis_url() if request.param == "redis" else None
    database_url = asyncio.run(fresh_database_url("postgres"))
    assert database_url is not None
    stand = Stand(Path(tmp_path_factory.mktemp("replicas"))).start(with_bot=False)
    group = Replicas(stand)
    try:
        group.start(database_url, redis)
        yield group
    finally:
        stand.stop()


def test_health_and_the_secret_token(replicas: Replicas) -> None:
    for name in replicas.ports:
        health = replicas.health(name)
        assert health is not None and health["ok"] is True and health["database"] is True
    assert sum(bool((replicas.health(n) or {}).get("leader")) for n in replicas.ports) == 1
    url = f"http://127.0.0.1:{replicas.ports['replica1']}/telegram/webhook"
    forged = httpx.post(
        url, json={"update_id": 1}, headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}
    )
    assert forged.status_code == 401


def test_a_conversation_moves_between_replicas(replicas: Replicas) -> None:
    stand = replicas.stand
    admin = Customer(stand, ADMIN_ID, first_name="Admin")
    admin.ask("/start", "Hello")
    customer = Customer(stand, 7001)
    customer.ask("/start", "Hello")
    admin.ask(f"/credit {customer.id} 100", "Wallet of 7001")
    before = replicas.served()
    open_service(customer, "Instagram Followers ⭐")
    customer.ask("https://instagram.com/p/replica-form", "How many?")
    customer.ask("200", "all at once")
    summary = customer.press("All at once", "Please check your order")
    assert (
        summary is not None
        and "replica-form" in summary["text"]
        and "Quantity: 200" in summary["text"]
    )
    after = replicas.served()
    assert all(after[port] > before.get(port, 0) for port in after), (
        before,
        after,
    )  # both took part


def test_a_button_is_answered_inside_the_webhook_reply(replicas: Replicas) -> None:
    """The spinner's answer (an alert here) travels in the webhook's HTTP answer, as Telegram
    allows, instead of a request of its own."""
    stand = replicas.stand
    customer = Customer(stand, 7003)
    customer.ask("/start", "Hello")
    Customer(stand, ADMIN_ID).ask(f"/credit {customer.id} 100", "Wallet of 7003")
    open_service(customer, "Instagram Starter Package")
    customer.ask("https://instagram.com/p/in-reply", "Please check your order")
    replies = stand.client("stats")["webhookReplies"]
    message, data = customer.button("Confirm")
    customer.press_data(message, data)
    placed = customer.wait_for("placed")
    order_id = placed["text"].split("#")[1].split(" ")[0]
    customer.press_data(message, data)  # a double tap
    wait_until(
        lambda: any("already placed" in a and order_id in a for a in customer.alerts()),
        15,
        "the second tap's alert",
    )
    assert stand.client("stats")["webhookReplies"] > replies  # the double tap's answer


def test_the_other_replica_takes_over_and_every_notification_arrives_once(
    replicas: Replicas,
) -> None:
    stand = replicas.stand
    customer = Customer(stand, 7002)
    customer.ask("/start", "Hello")
    Customer(stand, ADMIN_ID).ask(f"/credit {customer.id} 100", "Wallet of 7002")
    order_ids = []
    for n in range(2):
        open_service(customer, "Instagram Starter Package")
        customer.ask(f"https://instagram.com/p/failover{n}", "Please check your order")
        placed = customer.press("Confirm", "placed")
        assert placed is not None
        order_ids.append(placed["text"].split("#")[1].split(" ")[0])
    leader = replicas.leader()
    assert leader is not None
    stand.kill_bot(signal.SIGKILL, leader)
    survivor = next(name for name in replicas.ports if name != leader)
    wait_until(
        lambda: (replicas.health(survivor) or {}).get("leader"), 10, f"{survivor} to take over"
    )
    for order_id in order_ids:
        customer.wait_for(f"Order #{order_id}: ✅ Completed", timeout=30)
    time.sleep(3)  # time for any duplicate to show up
    customer._read()
    for order_id in order_ids:
        # Messages, not the edits of the order's live card (which say "Completed" too).
        completed = [
            m
            for m in customer.seen
            if f"Order #{order_id}: ✅ Completed" in m["text"] and "edit_date" not in m
        ]
        assert len(completed) == 1, completed

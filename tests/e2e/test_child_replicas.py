"""Child shops on replicas (issue 35): two webhook replicas on PostgreSQL (conversations in
Redis) behind a load balancer. A child created through one replica is served by both — its
updates come to whichever the balancer picks — with its tables in a schema of its own; a pause
given on one replica holds on the other; when the leader dies, the child's notices come from
the survivor, once."""

from __future__ import annotations

import asyncio
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest

from tests import backends
from tests.backends import fresh_database_url
from tests.e2e.stand import ADMIN_ID, Customer, Stand, wait_until
from tests.e2e.test_child_shops import balance_of, to_summary
from tests.e2e.test_replicas import Replicas

pytestmark = pytest.mark.e2e
RESELLER, BUYER = 9100, 9200
FOLLOW_SECONDS = 5  # bot/children_host.py's: how soon a replica sees another's change


class ChildReplicas(Replicas):
    database_url = ""
    child_token = ""
    revoked_token = ""
    child_id = 0

    def log(self) -> str:
        return "".join((self.stand.workdir / f"{name}.log").read_text() for name in self.ports)

    def rows(self, sql: str, *args: object) -> list[asyncpg.Record]:
        async def fetch() -> list[asyncpg.Record]:
            conn = await asyncpg.connect(self.database_url)
            try:
                return list(await conn.fetch(sql, *args))
            finally:
                await conn.close()

        return asyncio.run(fetch())


@pytest.fixture(scope="module")
def group(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChildReplicas]:
    database_url = asyncio.run(fresh_database_url("postgres"))
    assert database_url is not None
    stand = Stand(Path(tmp_path_factory.mktemp("child-replicas"))).start(with_bot=False)
    found = ChildReplicas(stand)
    found.database_url = database_url
    try:
        found.start(database_url, backends.redis_url(), {"CHILD_SHOPS": "true"})
        yield found
    finally:
        stand.stop()


def test_a_child_made_on_one_replica_is_served_by_both(group: ChildReplicas) -> None:
    stand = group.stand
    admin = Customer(stand, ADMIN_ID, first_name="Owner")
    admin.ask("/start", "Hello")
    reseller = Customer(stand, RESELLER, first_name="Rex")
    reseller.ask("/start", "Hello")
    admin.ask(f"/credit {RESELLER} 20 reseller", f"Wallet of {RESELLER}")
    made = stand.create_child(reseller, "Rex's shop", "rex_shop_bot")
    reseller.wait_for("Your shop @rex_shop_bot is running")
    group.child_token, group.child_id = made["token"], made["id"]

    before = group.served()
    owner_there = Customer(stand, RESELLER, first_name="Rex", token=group.child_token)
    owner_there.ask("/start", "Hello")
    buyer = Customer(stand, BUYER, first_name="Bo", token=group.child_token)
    buyer.ask("/start", "Hello")
    owner_there.ask(f"/credit {BUYER} 10 cash", f"Wallet of {BUYER}")
    summary = to_summary(buyer, "instagram.com/child_on_replicas", 1000)  # across replicas
    assert "1.76 USD" in summary["text"], summary["text"]
    buyer.press("Confirm", "placed")
    buyer.wait_for("✅ Completed", timeout=30)
    after = group.served()
    assert all(after[port] > before.get(port, 0) for port in after), (before, after)

    adds = [r for r in stand.panel_requests("add") if "child_on_replicas" in r.get("link", "")]
    assert len(adds) == 1
    assert balance_of(buyer) == "8.24"
    assert balance_of(reseller) == "18.65"
    # The child's tables are a schema of its own; the parent's order is the reseller's.
    child_orders = f'SELECT link FROM "child_{int(group.child_id)}".orders'  # noqa: S608
    assert [r[0] for r in group.rows(child_orders)] == ["https://instagram.com/child_on_replicas"]
    parent_orders = "SELECT count(*) FROM public.orders WHERE user_id = $1"
    assert group.rows(parent_orders, BUYER)[0][0] == 0
    assert group.rows(parent_orders, RESELLER)[0][0] == 1
    assert "Traceback" not in group.log()


def test_a_pause_given_on_one_replica_holds_on_the_other(group: ChildReplicas) -> None:
    stand = group.stand
    admin = Customer(stand, ADMIN_ID, first_name="Owner")
    admin.ask(f"/shops suspend {group.child_id}", "is suspended")
    time.sleep(FOLLOW_SECONDS + 1)
    buyer = Customer(stand, BUYER + 1, first_name="Bea", token=group.child_token)
    for _ in range(4):  # the balancer takes turns: both replicas answer
        buyer.ask("/start", "paused")
    admin.ask(f"/shops resume {group.child_id}", "runs again")
    time.sleep(FOLLOW_SECONDS + 1)
    for _ in range(4):
        buyer.ask("/start", "Hello")


def test_a_new_token_reaches_both_replicas(group: ChildReplicas) -> None:
    stand = group.stand
    fresh = stand.client("rotateManagedBotToken", botId=group.child_id)["token"]
    wait_until(lambda: "restarting it" in group.log(), 10, "a replica to restart the child")
    time.sleep(FOLLOW_SECONDS + 1)
    buyer = Customer(stand, BUYER, first_name="Bo", token=fresh)
    for _ in range(4):
        buyer.ask("My orders", "Your orders (1)")
    group.revoked_token, group.child_token = group.child_token, fresh


def test_a_child_whose_token_is_refused_is_not_tried_on_every_look(group: ChildReplicas) -> None:
    """A child Telegram will not serve (its token revoked while the shop was down) is logged
    once by each replica, not again at every look for the others' changes."""
    group.rows(
        "INSERT INTO child_shops (bot_id, owner_id, username, token, state, created_at,"
        " updated_at) VALUES (7999999, 1, 'gone_bot', $1, 'running', 0, 0)",
        group.revoked_token,
    )
    time.sleep(3 * FOLLOW_SECONDS)
    refused = group.log().count("a child shop's bot was refused by Telegram")
    assert refused <= len(group.ports), refused
    group.rows("DELETE FROM child_shops WHERE bot_id = 7999999")


def test_when_the_leader_dies_the_childs_notices_come_from_the_survivor(
    group: ChildReplicas,
) -> None:
    stand = group.stand
    buyer = Customer(stand, BUYER, first_name="Bo", token=group.child_token)
    to_summary(buyer, "instagram.com/child_after_failover", 1000)
    placed = buyer.press("Confirm", "placed")
    assert placed is not None
    order_id = re.findall(r"#(\d+)", placed["text"])[0]
    leader = group.leader()
    assert leader is not None
    stand.kill_bot(signal.SIGKILL, leader)
    survivor = next(name for name in group.ports if name != leader)
    wait_until(lambda: (group.health(survivor) or {}).get("leader"), 10, f"{survivor} to lead")
    buyer.wait_for(f"Order #{order_id}: ✅ Completed", timeout=40)
    time.sleep(3)  # time for a duplicate to show up
    buyer._read()
    completed = [
        m
        for m in buyer.seen
        if f"Order #{order_id}: ✅ Completed" in m["text"] and "edit_date" not in m
    ]
    assert len(completed) == 1, completed
    assert balance_of(buyer) == "6.48"

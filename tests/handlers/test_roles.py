"""Roles (issue 37): the owner gives staff a role; each role tries every command, button and
console call of the roles above it and is refused, while its own work goes through; a
manager's refunds stop at the owner's limit; the audit log names who did what."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

from bot.app import mini_app_over
from bot.core.domain import NewOrder
from bot.core.staff.roles import COMMAND_ROLE, OWNER_COMMANDS, Role, needs
from bot.ui.callbacks import BroadcastConfirm, BroadcastStep, ReplaceOrder, Resolution, ResolveOrder
from bot.web import create_side_app
from tests.conftest import ADMIN_ID, Harness
from tests.fakes import TOKEN
from tests.webapp_support import signed_init_data

REFUSED = "🔒 Your role"
BUTTONS_ONLY = {"ticket", "resolve", "replace"}  # not typed: pressed (tested as buttons)
OUTSIDE_ADMIN_ROUTER = {"close", "promo", "setup"}  # for anyone else these are a customer's words
TEXT_COMMANDS = sorted({*COMMAND_ROLE, *OWNER_COMMANDS} - BUTTONS_ONLY - OUTSIDE_ADMIN_ROUTER)
CONSOLE = (
    ("GET", "/app/api/admin/stats", None, Role.VIEWER),
    ("GET", "/app/api/admin/attention", None, Role.SUPPORT),
    ("GET", "/app/api/admin/catalog", None, Role.MANAGER),
    ("GET", "/app/api/admin/catalog/1/history", None, Role.MANAGER),
    ("GET", "/app/api/admin/panels", None, Role.MANAGER),
    ("GET", "/app/api/admin/audit", None, Role.MANAGER),
    ("POST", "/app/api/admin/catalog", {"ids": [1], "action": "feature"}, Role.MANAGER),
    ("GET", "/app/api/admin/settings", None, Role.OWNER),
    ("GET", "/app/api/admin/shops", None, Role.OWNER),
)


@pytest_asyncio.fixture
async def team(harness: Harness) -> AsyncIterator[dict[Role, int]]:
    """A viewer, a support agent and a manager, added by the owner in the chat."""
    h = harness
    people = {role: h.new_user() for role in (Role.VIEWER, Role.SUPPORT, Role.MANAGER)}
    for role, user_id in people.items():
        await h.say(user_id, "/start")
        said = await h.say(ADMIN_ID, f"/staff add {user_id} {role.name.lower()}")
        assert f"{user_id} is now {role.name.lower()}" in said
    yield people
    for user_id in people.values():
        await h.say(ADMIN_ID, f"/staff remove {user_id}")


async def test_each_role_is_refused_every_command_above_it_and_does_its_own(
    harness: Harness, team: dict[Role, int]
) -> None:
    h = harness
    for role, user_id in team.items():
        for command in TEXT_COMMANDS:
            said = await h.say(user_id, f"/{command}")
            if needs(command) > role:
                assert REFUSED in said, (role, command, said)
            else:
                assert REFUSED not in said, (role, command, said)
    assert "📊" in await h.say(team[Role.VIEWER], "/stats")
    listed = await h.say(ADMIN_ID, "/staff")
    assert all(str(user_id) in listed for user_id in team.values())
    # Someone with no role: the admin commands do not exist for them.
    stranger = h.new_user()
    await h.say(stranger, "/start")
    assert "don't know that command" in await h.say(stranger, "/stats")


async def test_buttons_and_outside_commands_are_refused_below_their_role(
    harness: Harness, team: dict[Role, int]
) -> None:
    h = harness
    for button, needed in (
        (ResolveOrder(id=1, action=Resolution.REFUND).pack(), Role.MANAGER),
        (ReplaceOrder(id=1).pack(), Role.MANAGER),
        (BroadcastConfirm(action=BroadcastStep.SEND).pack(), Role.OWNER),
    ):
        for role, user_id in team.items():
            h.session.clear()
            await h.press_data(user_id, button)
            refused = any(REFUSED in alert for alert in h.session.alerts())
            assert refused is (role < needed), (role, button)
    # /promo create is a manager's: support's words are a customer's code to redeem.
    code = f"STAFF{team[Role.SUPPORT]}"

    async def codes() -> set[str]:
        return {promo.code for promo in await h.services.stores.promos.promos()}

    await h.say(team[Role.SUPPORT], f"/promo create {code} 10% 5")
    assert code not in await codes()
    await h.say(team[Role.MANAGER], f"/promo create {code} 10% 5")
    assert code in await codes()


async def test_a_managers_refund_stops_at_the_owners_limit_and_the_audit_names_them(
    harness: Harness, team: dict[Role, int]
) -> None:
    h = harness
    manager = team[Role.MANAGER]
    customer = h.new_user()
    await h.fund(customer, "20")
    order_id = await h.services.stores.orders.create_order(
        NewOrder(
            user_id=customer,
            client_token=f"role-{customer}",
            service_id=1,
            service_name="Followers",
            service_type="Default",
            category="Instagram",
            link=f"https://instagram.com/role{customer}",
            fields={},
            quantity=100,
            charge=Decimal("12.00"),
            cost=Decimal("1.00"),
            currency="USD",
        )
    )
    await h.services.stores.orders.mark_uncertain(order_id, "timeout", [])
    assert "at most 10.00 USD" in await h.say(ADMIN_ID, "/staff limit 10")
    h.session.clear()
    await h.press_data(manager, ResolveOrder(id=order_id, action=Resolution.REFUND).pack())
    assert any("over your limit (10.00 USD)" in a for a in h.session.alerts())
    assert await h.services.stores.wallets.balance(customer) == Decimal(8)  # nothing moved
    await h.say(ADMIN_ID, "/staff limit 50")
    h.session.clear()
    await h.press_data(manager, ResolveOrder(id=order_id, action=Resolution.REFUND).pack())
    assert await h.services.stores.wallets.balance(customer) == Decimal(20)
    await h.say(manager, "/service 1 feature")
    audit = await h.say(ADMIN_ID, "/audit")
    assert str(manager) in audit and "service.featured" in audit
    await h.say(ADMIN_ID, "/service 1 unfeature")
    await h.say(ADMIN_ID, "/staff limit 20")


@pytest.mark.parametrize(("method", "path", "body", "needed"), CONSOLE)
async def test_the_console_checks_the_role_on_every_call(
    harness: Harness,
    team: dict[Role, int],
    method: str,
    path: str,
    body: dict[str, Any] | None,
    needed: Role,
) -> None:
    h = harness
    app = create_side_app(
        h.services.db.ping,
        lambda: True,
        h.services.settings,
        mini_app=mini_app_over(h.services, h.bot),
    )
    async with TestClient(TestServer(app)) as web:
        for role, user_id in team.items():
            headers = {"X-Telegram-Init-Data": signed_init_data(TOKEN, user_id)}
            me = await (await web.get("/app/api/me", headers=headers)).json()
            assert me["admin"] is True  # staff see the console tab
            answer = await web.request(method, path, json=body, headers=headers)
            if role < needed:
                assert answer.status == 403, (role, path)
                assert (await answer.json())["error"] == "forbidden"
            else:
                assert answer.status == 200, (role, path, await answer.text())
    await h.services.curation.set_flag(
        ADMIN_ID, 1, __import__("bot.core.catalog.curation", fromlist=["Flag"]).Flag.FEATURED, False
    )


async def test_a_refund_limit_edited_into_nonsense_falls_back_to_the_default(
    harness: Harness,
) -> None:
    from bot.core.staff.store import LIMIT_KEY

    h = harness
    for nonsense in ("NaN", "Infinity", "-5", "lots"):
        await h.services.stores.settings.set_kv(LIMIT_KEY, nonsense)
        assert "at most 20.00 USD" in await h.say(ADMIN_ID, "/staff")
    await h.services.stores.settings.set_kv(LIMIT_KEY, None)

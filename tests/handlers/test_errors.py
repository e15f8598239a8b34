"""Unexpected errors and secrets (handlers/errors.py)."""

from __future__ import annotations

import logging
import time
from decimal import Decimal
from typing import Any

import pytest
from aiogram.methods import SendMessage

from tests.conftest import ADMIN_ID, Harness
from tests.fakes import TOKEN
from tests.handlers.flows import confirm, deliver_outbox, fill_form, open_service


async def test_an_unexpected_error_gets_a_code_and_alerts_admins(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = harness
    user_id = h.new_user()

    async def broken(*args: Any, **kwargs: Any) -> int:
        raise RuntimeError("database exploded")

    monkeypatch.setattr(h.dp["orders"], "count_orders", broken)
    reply = await h.say(user_id, "My orders")
    assert "Something went wrong on our side (code" in reply
    code = reply.split("(code ")[1].split(")")[0]
    alerts = [
        r
        for r in await h.services.stores.outbox.due_messages(time.time() + 10)
        if r.kind == "admin_error"
    ]
    assert any(r.payload["code"] == code and r.chat_id == ADMIN_ID for r in alerts)
    assert "database exploded" not in reply


async def test_an_error_storm_reaches_each_admin_once_with_a_count(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = harness
    await deliver_outbox(h)  # what earlier tests left
    h.session.clear()

    class StormError(Exception):
        """An error no other test raises: its alerts are this test's alone."""

    async def broken(*args: Any, **kwargs: Any) -> int:
        raise StormError("database exploded")

    monkeypatch.setattr(h.dp["orders"], "count_orders", broken)
    for _ in range(12):
        await h.say(h.new_user(), "My orders")
    await deliver_outbox(h)
    alerts = [t for t in h.session.texts(ADMIN_ID) if "StormError" in t]
    assert len(alerts) == 1
    assert "× 12" in alerts[0]
    # More of the same right after: held until the window ends, then one more message.
    await h.say(h.new_user(), "My orders")
    h.session.clear()
    await deliver_outbox(h)
    assert not [t for t in h.session.texts(ADMIN_ID) if "StormError" in t]


async def test_secrets_never_reach_logs_or_messages(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness
    user_id = h.new_user()
    key = h.services.settings.panel_api_key.get_secret_value()
    with caplog.at_level(logging.DEBUG):
        await h.fund(user_id, "100")
        service = (await h.services.catalog.get()).by_id[1]
        await open_service(h, user_id, 1)
        await fill_form(h, user_id, service)
        await confirm(h, user_id)
        await h.say(user_id, "My orders")
        await h.press(user_id, "#")
        await h.press(user_id, "Refresh")
        h.sandbox.state.mode = "html"
        try:
            await h.press(user_id, "Refresh")
        finally:
            h.sandbox.state.mode = "ok"
        await h.say(ADMIN_ID, "/balance")
    logged = caplog.text + " ".join(str(r.__dict__) for r in caplog.records)
    assert "order placed" in logged  # the flow was logged…
    assert TOKEN not in logged
    assert TOKEN.split(":")[1] not in logged
    assert key not in logged
    sent = " ".join(str(c) for c in h.session.calls if isinstance(c, SendMessage))
    assert key not in sent
    assert TOKEN not in sent
    assert await h.services.stores.wallets.balance(user_id) < Decimal(100)

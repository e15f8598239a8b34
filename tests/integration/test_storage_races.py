"""Concurrent writes keep money and conversations right on both backends
(bot/core/storage/, bot/ui/fsm_storage.py)."""

from __future__ import annotations

import asyncio
from decimal import Decimal

from bot.core.domain import AlreadyPlacedError, InsufficientFundsError, Stage
from tests.integration.support import (
    Env,
    _new_order,
    pending_rows,
)


async def test_racing_confirmations_of_one_form_place_one_order(env: Env) -> None:
    await env.stores.users.ensure_user(20, None, "T")
    await env.stores.wallets.credit(20, Decimal(10), "credit")
    results = await asyncio.gather(
        *(env.stores.orders.create_order(_new_order(20, "same-form-token")) for _ in range(5)),
        return_exceptions=True,
    )
    placed = [r for r in results if isinstance(r, int)]
    assert len(placed) == 1
    assert all(
        isinstance(r, AlreadyPlacedError) and r.order_id == placed[0]
        for r in results
        if r not in placed
    )
    assert await env.stores.wallets.balance(20) == Decimal(9)


async def test_racing_orders_cannot_overspend_a_wallet(env: Env) -> None:
    await env.stores.users.ensure_user(21, None, "T")
    await env.stores.wallets.credit(21, Decimal(3), "credit")
    results = await asyncio.gather(
        *(env.stores.orders.create_order(_new_order(21, f"form-{n}", "2.00")) for n in range(5)),
        return_exceptions=True,
    )
    assert sum(isinstance(r, int) for r in results) == 1
    assert sum(isinstance(r, InsufficientFundsError) for r in results) == 4
    assert await env.stores.wallets.balance(21) == Decimal(1)


async def test_concurrent_updates_store_conversation_state_safely(env: Env) -> None:
    from aiogram.fsm.storage.base import StorageKey

    from bot.ui.fsm_storage import DatabaseStorage

    storage = DatabaseStorage(env.stores.db)
    keys = [StorageKey(bot_id=1, chat_id=n, user_id=n) for n in range(30)]

    async def update(key: StorageKey, n: int) -> None:
        await storage.set_state(key, "form:filling")
        await storage.set_data(key, {"step": n})
        await asyncio.sleep(0)

    await asyncio.gather(*(update(key, n) for n, key in enumerate(keys)))
    fresh = DatabaseStorage(env.stores.db)  # a restarted process
    assert [await fresh.get_data(key) for key in keys] == [{"step": n} for n in range(30)]
    assert {await fresh.get_state(key) for key in keys} == {"form:filling"}


async def test_a_payment_processed_twice_at_once_credits_once(env: Env) -> None:
    await env.stores.users.ensure_user(22, None, "T")
    results = await asyncio.gather(
        *(
            env.stores.wallets.credit(22, Decimal(5), "topup", ref="stars:same-charge")
            for _ in range(5)
        )
    )
    assert results.count(True) == 1
    assert await env.stores.wallets.balance(22) == Decimal(5)


async def test_one_transition_applied_twice_at_once_refunds_once(env: Env) -> None:
    order_id = await env.order(23, "https://instagram.com/p/cancel-race", charge="3.00")
    results = await asyncio.gather(
        *(env.stores.statuses.apply_status(order_id, Stage.CANCELED, None, 100) for _ in range(4)),
        return_exceptions=True,
    )
    assert results.count(True) == 1 and all(r is False for r in results if r is not True)
    assert await env.stores.wallets.balance(23) == Decimal(3)
    assert [k for _, k in await pending_rows(env)].count("order_status") == 1


async def test_a_new_users_first_updates_arriving_together_store_them_once(env: Env) -> None:
    results = await asyncio.gather(
        *(env.stores.users.ensure_user(24, "twin", "T") for _ in range(4))
    )
    assert {user.id for user, _ in results} == {24}
    assert sum(created for _, created in results) == 1


async def test_a_claim_is_taken_once_however_many_race_for_it(env: Env) -> None:
    """Refill taps on several replicas race for one claim: exactly one wins (a read then a
    write let two win on PostgreSQL)."""
    settings = env.stores.settings
    for round_ in range(5):
        results = await asyncio.gather(
            *(settings.claim(f"race:{round_}", ttl=60) for _ in range(20))
        )
        assert sum(results) == 1
    await settings.release("race:0")
    assert await settings.claim("race:0", ttl=60)
    assert await settings.claim("race:1", ttl=0)  # a stale claim is taken over

"""Promo codes under concurrency on both backends (bot/core/growth/promo_store.py)."""

from __future__ import annotations

import asyncio
import time
from decimal import Decimal

from bot.core.growth.promo_store import Redeemed
from bot.core.growth.promos import PromoKind, PromoSpec, Refusal
from tests.integration.support import Env


async def test_ten_customers_racing_for_the_last_use_exactly_one_gets_it(env: Env) -> None:
    await env.stores.promos.create_promo(PromoSpec("LAST1", PromoKind.CREDIT, Decimal(5), 1, None))
    customers = list(range(900, 910))
    for user_id in customers:
        await env.stores.users.ensure_user(user_id, None, "T")
    results = await asyncio.gather(*(env.stores.promos.redeem("LAST1", u) for u in customers))
    winners = [u for u, r in zip(customers, results, strict=True) if isinstance(r, Redeemed)]
    assert len(winners) == 1
    assert [r for r in results if r is Refusal.USED_UP] and len(results) == 10
    balances = [await env.stores.wallets.balance(u) for u in customers]
    assert sorted(balances) == [Decimal(0)] * 9 + [Decimal(5)]


async def test_one_use_per_customer_and_expiry(env: Env) -> None:
    await env.stores.promos.create_promo(
        PromoSpec("TWICE", PromoKind.CREDIT, Decimal(2), None, 1.0)
    )
    await env.stores.users.ensure_user(911, None, "T")
    first = await env.stores.promos.redeem("TWICE", 911)
    assert isinstance(first, Redeemed) and first.credited == Decimal(2)
    assert await env.stores.promos.redeem("TWICE", 911) is Refusal.ALREADY_USED
    assert await env.stores.wallets.balance(911) == Decimal(2)
    later = time.time() + 2 * 86400
    await env.stores.users.ensure_user(912, None, "T")
    assert await env.stores.promos.redeem("TWICE", 912, now=later) is Refusal.EXPIRED
    assert not await env.stores.promos.create_promo(
        PromoSpec("TWICE", PromoKind.CREDIT, Decimal(1), None, None)
    )


async def test_a_discount_waits_for_the_next_order(env: Env) -> None:
    await env.stores.promos.create_promo(
        PromoSpec("OFF20", PromoKind.DISCOUNT, Decimal(20), None, None)
    )
    await env.stores.users.ensure_user(913, None, "T")
    assert await env.stores.promos.pending_discount(913) is None
    assert isinstance(await env.stores.promos.redeem("OFF20", 913), Redeemed)
    assert await env.stores.promos.pending_discount(913) == ("OFF20", Decimal(20))
    assert await env.stores.wallets.balance(913) == 0  # a discount moves no money by itself

"""The routers, in the order they see an update. Each call builds fresh routers, so every
dispatcher (a test's, a replica's) gets its own."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    admin,
    balance,
    catalog,
    errors,
    fallback,
    inline,
    my_orders,
    order_form,
    payments,
    promo,
    start,
    support,
)


def get_routers() -> list[Router]:
    return [
        errors.setup(),
        support.setup_group(),
        start.setup(),
        payments.setup(),
        promo.setup(),
        inline.setup(),
        admin.setup(),
        my_orders.setup(),
        balance.setup(),
        catalog.setup(),
        order_form.setup(),
        support.setup(),
        fallback.setup(),  # last: whatever nobody else wanted
    ]

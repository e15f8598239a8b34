"""The routers, in the order they see an update."""

from __future__ import annotations

from aiogram import Router


def get_routers() -> list[Router]:
    # Imported here so that every call gets the modules' routers once (a router can be
    # attached to one parent only; tests build one dispatcher per session).
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
        start,
    )

    return [
        errors.router,
        start.router,
        payments.router,
        inline.router,
        admin.router,
        my_orders.router,
        balance.router,
        catalog.router,
        order_form.router,
        fallback.router,  # last: whatever nobody else wanted
    ]

"""The routers, in the order they see an update. Each call builds fresh routers, so every
dispatcher (a test's, a replica's) gets its own."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    admin,
    balance,
    catalog,
    crypto,
    errors,
    fallback,
    inline,
    my_orders,
    order_form,
    payments,
    promo,
    referrals,
    start,
    support,
)


def get_routers(support_chat_id: int | None = None) -> list[Router]:
    # The support group's router exists only when there is a group: no update pays for it.
    group = [support.setup_group(support_chat_id)] if support_chat_id is not None else []
    return [
        errors.setup(),
        *group,
        start.setup(),
        payments.setup(),
        crypto.setup(),
        inline.setup(),
        admin.setup(),
        my_orders.setup(),
        balance.setup(),
        catalog.setup(),
        order_form.setup(),
        referrals.setup(),
        promo.setup(),  # rarely used: after the routers most updates end in
        support.setup(),
        fallback.setup(),  # last: whatever nobody else wanted
    ]

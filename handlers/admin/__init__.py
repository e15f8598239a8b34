"""Admin commands, registered on the admins' router (its IsAdmin filter is checked once per
update: for anyone else none of these commands exist and they fall through to "unknown
command")."""

from __future__ import annotations

from aiogram import Router

from handlers.admin import (
    backup,
    broadcast,
    catalog,
    orders,
    panels,
    people,
    plans,
    sales,
    shop,
    wallets,
)


def register(router: Router) -> None:
    for feature in (
        wallets,
        people,
        shop,
        catalog,
        sales,
        orders,
        broadcast,
        panels,
        backup,
        plans,
    ):
        feature.register(router)

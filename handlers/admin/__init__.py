"""Admin commands, registered on the admins' router: its IsStaff filter is checked once per
update (for anyone else none of these commands exist and they fall through to "unknown
command"), and its StaffGate runs a command only for a role that may use it."""

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
    settings,
    shop,
    shops,
    staff,
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
        staff,
        settings,
        shops,
    ):
        feature.register(router)

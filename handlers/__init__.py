"""The routers, in the order they see an update: few, one per audience or event type, each
with its filters at the router's level; features register their handlers into them in order.
Each call builds fresh routers, so every dispatcher (a test's, a replica's) gets its own."""

from __future__ import annotations

from typing import Protocol

from aiogram import Router

from bot.ui.staff_gate import IsStaff, StaffGate
from handlers import (
    admin,
    api_access,
    balance,
    catalog,
    child_fees,
    child_shops,
    crypto,
    errors,
    fallback,
    inline,
    mass,
    my_orders,
    order_form,
    other_chats,
    payments,
    plan_payments,
    plans,
    promo,
    referrals,
    setup,
    start,
    support,
)


class Feature(Protocol):
    """A handlers module: registers its handlers, in order, on the router it is given."""

    def register(self, router: Router) -> None: ...


def _router(name: str, *features: Feature) -> Router:
    router = Router(name=name)
    for feature in features:
        feature.register(router)
    return router


def register_errors(dispatcher: Router) -> None:
    """Errors are the dispatcher's own: a router of their own would be walked by every update."""
    errors.register(dispatcher)


def get_routers(support_chat_id: int | None = None, child_shops_on: bool = False) -> list[Router]:
    # The support group's router exists only when there is a group, the child shops' handlers
    # only where the shop offers child shops: no update pays for what is not there.
    group = [support.group_router(support_chat_id)] if support_chat_id is not None else []
    # (A fee's payment is still taken when they are off: a renewal may come after.)
    children: list[Feature] = [child_shops] if child_shops_on else []
    admins = _router("admins", admin)
    # Staff only (ADMIN_IDS and those they gave a role); each command checks the role.
    admins.message.filter(IsStaff())
    admins.callback_query.filter(IsStaff())
    gate = StaffGate()
    admins.message.middleware(gate)
    admins.callback_query.middleware(gate)
    return [
        *group,
        # Groups and channels: one pointer to the private chat, and no customer's handler.
        other_chats.setup(),
        # Before the admins' commands: /start, /cancel and payments work in any state.
        _router("everyone", *children, start, plan_payments, child_fees, payments, crypto, inline),
        admins,
        _router(
            "customers",
            my_orders,
            balance,
            catalog,
            order_form,
            mass,
            plans,
            referrals,
            setup,  # the owner's wizard: after the menu's buttons, which still work
            promo,  # rarely used: after the features most updates end in
            api_access,
            support,
            fallback,  # last: whatever nobody else wanted
        ),
    ]

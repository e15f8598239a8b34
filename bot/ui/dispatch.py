"""Walking the routers less: an update type a router (and its sub-routers) has no handler
for is answered "unhandled" at once, instead of wrapping its middlewares, checking its root
filters and triggering an empty observer — most routers take messages or button presses, not
both, and few take inline queries, payments or errors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Router
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.types import TelegramObject

Propagate = Callable[..., Awaitable[Any]]


def _skipping(used: frozenset[str], propagate: Propagate) -> Propagate:
    async def propagate_event(update_type: str, event: TelegramObject, **kwargs: Any) -> Any:
        if update_type not in used:
            return UNHANDLED
        return await propagate(update_type=update_type, event=event, **kwargs)

    return propagate_event


def handled_types(router: Router) -> frozenset[str]:
    """Every event type the router or one of its sub-routers has a handler for, errors
    included (aiogram's own `resolve_used_update_types` leaves errors out)."""
    return frozenset(
        name
        for each in router.chain_tail
        for name, observer in each.observers.items()
        if observer.handlers
    )


def skip_unused_routers(root: Router) -> None:
    """Call once the routers are all included (they do not change afterwards)."""
    for router in root.sub_routers:
        used = handled_types(router)
        # An instance attribute: the parent's loop calls `router.propagate_event(...)`.
        router.propagate_event = _skipping(used, router.propagate_event)  # type: ignore[method-assign,assignment]
        skip_unused_routers(router)

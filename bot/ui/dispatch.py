"""Walking the routers less.

aiogram offers an update to every router in turn; each one wraps its middlewares, checks its
root filters and then every handler's filters, awaiting each check — tens of microseconds per
router even when nothing there can match. Two cheap tests answer "unhandled" at once:

- the update's type: most routers take messages or button presses, not both, and few take
  inline queries, payments or errors;
- a *gate*: a synchronous necessary condition derived from the filters every handler of the
  router declares (a command needs a leading "/", a callback-data filter its prefix, a state
  filter the current state, a menu button one of its labels). A router is skipped only when
  every handler that could take the update has a gate saying it cannot; a filter whose
  condition is unknown makes its handler (and so its router) always walked.

Our own filters declare their gate with a `gate(event, data)` method beside `__call__`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from inspect import isclass
from typing import Any

from aiogram import Router
from aiogram.dispatcher.event.bases import REJECTED, UNHANDLED, SkipHandler
from aiogram.dispatcher.event.handler import FilterObject, HandlerObject
from aiogram.dispatcher.event.telegram import TelegramEventObserver
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackQueryFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import TelegramObject
from aiogram_i18n.lazy.filter import LazyFilter

Propagate = Callable[..., Awaitable[Any]]
# May the event (with the handler data so far) pass? False only when it certainly cannot.
Gate = Callable[[Any, dict[str, Any]], bool]


def _text(event: Any) -> str:
    return getattr(event, "text", None) or getattr(event, "caption", None) or ""


def _state_names(states: Iterable[Any]) -> frozenset[str | None] | None:
    """The raw states a state filter accepts; None when it accepts any ("*")."""
    names: set[str | None] = set()
    for state in states:
        if state is None or isinstance(state, str):
            names.add(state)
        elif isinstance(state, State):
            names.add(state.state)
        elif isclass(state) and issubclass(state, StatesGroup):
            names.update(state.__all_states_names__)
        else:
            return None
    return None if "*" in names else frozenset(names)


def _command_gate(command: Command) -> Gate:
    prefixes = tuple(command.prefix)
    return lambda event, _data: _text(event).startswith(prefixes)


def _callback_gate(callback: CallbackQueryFilter) -> Gate:
    prefix = callback.callback_data.__prefix__
    packed = prefix + callback.callback_data.__separator__
    return lambda event, _data: (data := event.data or "") == prefix or data.startswith(packed)


def _states_gate(states: frozenset[str | None]) -> Gate:
    return lambda _event, data: data.get("raw_state") in states


def filter_gate(flt: FilterObject) -> Gate | None:
    """A necessary condition for the filter to pass, or None when it is not known."""
    callback = flt.callback
    own = getattr(callback, "gate", None)
    if callable(own):
        return own  # type: ignore[no-any-return]
    if isinstance(callback, Command):
        return _command_gate(callback)
    if isinstance(callback, CallbackQueryFilter):
        return _callback_gate(callback)
    if isinstance(callback, StateFilter | State):
        names = _state_names(callback.states if isinstance(callback, StateFilter) else [callback])
        return None if names is None else _states_gate(names)
    if isinstance(callback, LazyFilter):
        # Its labels are filled in at startup, so they are read when the gate runs.
        return lambda event, _data: getattr(event, "text", None) in callback.all_keys
    return None


def _all(gates: list[Gate]) -> Gate:
    # Plain calls and loops: these run for every router and handler an update meets, and a
    # generator inside `all()` cost more than the gates themselves.
    if len(gates) == 1:
        return gates[0]
    if len(gates) == 2:
        first, second = gates
        return lambda event, data: first(event, data) and second(event, data)

    def every(event: Any, data: dict[str, Any]) -> bool:
        for gate in gates:  # noqa: SIM110 — see above
            if not gate(event, data):
                return False
        return True

    return every


def _any(gates: list[Gate]) -> Gate:
    if len(gates) == 1:
        return gates[0]

    def some(event: Any, data: dict[str, Any]) -> bool:
        for gate in gates:  # noqa: SIM110 — see above
            if gate(event, data):
                return True
        return False

    return some


def handler_gate(handler: HandlerObject) -> Gate | None:
    known = [gate for gate in map(filter_gate, handler.filters or ()) if gate is not None]
    return _all(known) if known else None


def router_gate(router: Router, update_type: str) -> Gate | None:
    """When may the router (its handlers, then its sub-routers) take this kind of event?"""
    observer: TelegramEventObserver = router.observers[update_type]
    if observer.outer_middleware:
        return None  # its outer middlewares see every event: never skipped
    alternatives: list[Gate] = []
    for handler in observer.handlers:
        gate = handler_gate(handler)
        if gate is None:
            return _root_gated(router, update_type, None)
        alternatives.append(gate)
    for sub in router.sub_routers:
        if update_type not in handled_types(sub):
            continue
        gate = router_gate(sub, update_type)
        if gate is None:
            return _root_gated(router, update_type, None)
        alternatives.append(gate)
    return _root_gated(router, update_type, _any(alternatives) if alternatives else None)


def _root_gated(router: Router, update_type: str, gate: Gate | None) -> Gate | None:
    """The router's own filters (`router.message.filter(...)`) narrow it further."""
    root = [
        known
        for known in map(filter_gate, router.observers[update_type]._handler.filters or ())
        if known is not None
    ]
    gates = root + ([gate] if gate is not None else [])
    return _all(gates) if gates else None


SubRouterPlan = tuple[Router, frozenset[str], dict[str, Gate]]


def _walking_fewer(plans: list[SubRouterPlan]) -> Propagate:
    """`Router._propagate_event` of aiogram 3.31 (pinned), with the sub-routers' type and gate
    checked before calling them: calling a router copies the whole handler data, and the
    dispatcher has fifteen of them."""

    async def _propagate_event(
        observer: TelegramEventObserver | None,
        update_type: str,
        event: TelegramObject,
        **kwargs: Any,
    ) -> Any:
        if observer is not None and (observer.handlers or observer._handler.filters):
            result, data = await observer.check_root_filters(event, **kwargs)
            if not result:
                return UNHANDLED
            kwargs.update(data)
            response = await observer.trigger(event, **kwargs)
            if response is REJECTED:
                return UNHANDLED
            if response is not UNHANDLED:
                return response
        for sub, used, gates in plans:
            if update_type not in used:
                continue
            gate = gates.get(update_type)
            if gate is not None and not gate(event, kwargs):
                continue
            direct = sub.observers.get(update_type)
            if direct is not None and not direct.outer_middleware:
                # What `sub.propagate_event` does when there is no outer middleware to wrap.
                kwargs["event_router"] = sub
                response = await sub._propagate_event(direct, update_type, event, **kwargs)
            else:
                response = await sub.propagate_event(update_type=update_type, event=event, **kwargs)
            if response is not UNHANDLED:
                return response
        return UNHANDLED

    return _propagate_event


def handled_types(router: Router) -> frozenset[str]:
    """Every event type the router or one of its sub-routers has a handler for, errors
    included (aiogram's own `resolve_used_update_types` leaves errors out)."""
    return frozenset(
        name
        for each in router.chain_tail
        for name, observer in each.observers.items()
        if observer.handlers
    )


def _gated_trigger(observer: TelegramEventObserver) -> Propagate:
    """`TelegramEventObserver.trigger` of aiogram 3.31 (pinned), skipping the handlers whose
    gate says their filters cannot pass, without awaiting each of their filters."""
    # Each handler wrapped in its inner middlewares once (aiogram wraps them on every call;
    # the wrapping holds no state, and no middleware is added once the bot runs).
    inner = observer._resolve_middlewares()
    gated = [
        (handler, handler_gate(handler), observer.middleware.wrap_middlewares(inner, handler.call))
        for handler in observer.handlers
    ]

    async def trigger(event: TelegramObject, **kwargs: Any) -> Any:
        for handler, gate, wrapped_inner in gated:
            if gate is not None and not gate(event, kwargs):
                continue
            kwargs["handler"] = handler
            result, data = await handler.check(event, **kwargs)
            if result:
                kwargs.update(data)
                try:
                    return await wrapped_inner(event, kwargs)
                except SkipHandler:
                    continue
        return UNHANDLED

    return trigger


def _outer_wrapped_once(observer: TelegramEventObserver) -> None:
    """The dispatcher wraps every update in the same outer middlewares around the same
    trigger: wrapped once, not on every update."""
    wrapped: dict[tuple[Any, Any], Any] = {}

    def wrap_outer_middleware(callback: Any, event: TelegramObject, data: dict[str, Any]) -> Any:
        if not hasattr(callback, "__self__"):  # a one-off closure: nothing to keep
            return observer.middleware.wrap_middlewares(observer.outer_middleware, callback)(
                event, data
            )
        key = (callback.__func__, callback.__self__)
        chain = wrapped.get(key)
        if chain is None:
            chain = wrapped[key] = observer.middleware.wrap_middlewares(
                observer.outer_middleware, callback
            )
        return chain(event, data)

    observer.wrap_outer_middleware = wrap_outer_middleware  # type: ignore[method-assign]


def skip_unused_routers(root: Router) -> None:
    """Call once the routers are all included and every middleware is registered (they do
    not change afterwards)."""
    if root.parent_router is None:
        _outer_wrapped_once(root.observers["update"])
    for name, observer in root.observers.items():
        if name not in ("update", "error") and observer.handlers:
            observer.trigger = _gated_trigger(observer)  # type: ignore[method-assign,assignment]
    plans: list[SubRouterPlan] = []
    for router in root.sub_routers:
        used = handled_types(router)
        gates = {
            name: gate
            for name in used
            if name != "error" and (gate := router_gate(router, name)) is not None
        }
        plans.append((router, used, gates))
        skip_unused_routers(router)
    if plans:
        # An instance attribute: `propagate_event` calls `self._propagate_event(...)`.
        root._propagate_event = _walking_fewer(plans)  # type: ignore[method-assign,assignment]

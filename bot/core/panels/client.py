"""Async adapter for "SMM panel API v2": the only code that knows the wire format."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, TypeVar

import httpx
from pydantic import SecretStr, ValidationError

from bot.core.ops import metrics
from bot.core.panels import placement
from bot.core.panels.errors import (
    MalformedResponseError,
    PanelError,
    PanelUnavailableError,
    PlacementUncertainError,
    RateLimitedError,
    classify_error,
)
from bot.core.panels.models import Balance, OrderState, RefillState, Service, to_count

logger = logging.getLogger(__name__)

BATCH_SIZE = 100
T = TypeVar("T")


def chunked(ids: Sequence[int], size: int = BATCH_SIZE) -> list[list[int]]:
    return [list(ids[start : start + size]) for start in range(0, len(ids), size)]


def _error_text(value: Any) -> str | None:
    """The error of an answer or of one list item, in whatever shape the panel uses."""
    if isinstance(value, dict) and "error" in value:
        error = value["error"]
        if isinstance(error, dict):
            error = error.get("message") or error.get("error") or error
        return str(error)
    return None


def _positive_id(value: Any) -> int:
    number = to_count(value)
    if not number:
        raise ValueError("not an id")
    return number


class PanelClient:
    """One method per API action; batch methods split ids into calls of at most 100."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        url: str,
        api_key: SecretStr,
        *,
        read_attempts: int = 4,
        backoff_seconds: float = 0.5,
        max_backoff_seconds: float = 8.0,
    ) -> None:
        self._http = http
        self._url = url
        self._key = api_key
        self._read_attempts = read_attempts
        self._backoff = backoff_seconds
        self._max_backoff = max_backoff_seconds
        # When the panel last failed to answer (None: it answers). Lets callers refuse new
        # orders during an outage before any money moves.
        self.unavailable_since: float | None = None

    def __repr__(self) -> str:
        return f"PanelClient(url={self._url!r})"

    # -- transport ------------------------------------------------------------------

    def _scrub(self, text: str) -> str:
        key = self._key.get_secret_value()
        return text.replace(key, "***") if key else text

    async def _post(self, action: str, fields: dict[str, Any]) -> httpx.Response:
        data = {"key": self._key.get_secret_value(), "action": action}
        data.update({name: str(value) for name, value in fields.items()})
        started = time.monotonic()
        try:
            response = await self._http.post(self._url, data=data)
        except httpx.HTTPError as exc:
            self._mark_down()
            metrics.PANEL_CALLS.labels(action, type(exc).__name__).inc()
            raise
        finally:
            metrics.PANEL_SECONDS.labels(action).observe(time.monotonic() - started)
        looks_like_json = response.text.lstrip().startswith(("{", "["))
        if response.status_code >= 500 or response.status_code == 429 or not looks_like_json:
            self._mark_down()
            metrics.PANEL_CALLS.labels(action, f"http_{response.status_code}").inc()
        else:
            self.unavailable_since = None
            metrics.PANEL_CALLS.labels(action, "answered").inc()
        return response

    def _mark_down(self) -> None:
        if self.unavailable_since is None:
            self.unavailable_since = time.monotonic()

    async def probe(self) -> Balance:
        """One `balance` call, not retried: a health check asks again next interval."""
        try:
            response = await self._post("balance", {})
        except httpx.HTTPError as exc:
            raise PanelUnavailableError(type(exc).__name__) from None
        return self._parse(Balance.model_validate, self._decode(response))

    async def is_reachable(self) -> bool:
        """One quick read, for when the panel was down: is it back?"""
        try:
            await self.probe()
        except PanelError:
            return False
        return self.unavailable_since is None

    def _decode(self, response: httpx.Response) -> Any:
        if response.status_code == 429:
            raise RateLimitedError("rate limited", retry_after=placement.retry_after(response))
        try:
            payload = response.json()
        except (ValueError, RecursionError):
            # Cloudflare pages, maintenance screens, PHP notices: never parse garbage.
            raise PanelUnavailableError(f"non-JSON answer (HTTP {response.status_code})") from None
        error = _error_text(payload)
        if error is not None:
            raise classify_error(self._scrub(error))
        if response.status_code >= 500:
            raise PanelUnavailableError(f"HTTP {response.status_code}")
        if response.status_code >= 400:
            raise classify_error(f"HTTP {response.status_code}")
        return payload

    async def _read(self, action: str, **fields: Any) -> Any:
        """A read is safe to repeat: retried with bounded exponential backoff."""
        delay = self._backoff
        for attempt in range(1, self._read_attempts + 1):
            try:
                response = await self._post(action, fields)
                return self._decode(response)
            except httpx.HTTPError as exc:
                error: PanelError = PanelUnavailableError(type(exc).__name__)
            except (PanelUnavailableError, RateLimitedError) as exc:
                error = exc
            if attempt == self._read_attempts:
                raise error
            wait = delay
            if isinstance(error, RateLimitedError) and error.retry_after is not None:
                wait = error.retry_after
            logger.debug(
                "panel read failed, retrying",
                extra={"action": action, "attempt": attempt, "error": type(error).__name__},
            )
            await asyncio.sleep(min(wait, self._max_backoff) * (1 + random.random() / 10))
            delay = min(delay * 2, self._max_backoff)
        raise AssertionError("unreachable")

    async def _write(self, action: str, **fields: Any) -> Any:
        """A write is sent once; a transport failure is reported, never retried here."""
        try:
            response = await self._post(action, fields)
        except httpx.HTTPError as exc:
            raise PanelUnavailableError(type(exc).__name__) from None
        return self._decode(response)

    @staticmethod
    def _parse(model: Callable[[Any], T], payload: Any) -> T:
        try:
            return model(payload)
        except (ValidationError, TypeError, ValueError, ArithmeticError, RecursionError) as exc:
            raise MalformedResponseError(
                f"unexpected answer shape: {exc.__class__.__name__}"
            ) from None

    # -- catalog and account --------------------------------------------------------

    async def services(self) -> list[Service]:
        payload = await self._read("services")
        if not isinstance(payload, list):
            raise MalformedResponseError("services: expected a list")
        services: list[Service] = []
        for item in payload:
            try:
                services.append(Service.from_panel(item))
            except (ValidationError, ValueError, TypeError, RecursionError):
                # One broken entry must not hide the whole catalog.
                logger.warning("skipping malformed service", extra={"item": str(item)[:200]})
        return services

    async def balance(self) -> Balance:
        return self._parse(Balance.model_validate, await self._read("balance"))

    # -- orders ---------------------------------------------------------------------

    async def add(self, service_id: int, fields: dict[str, Any]) -> int:
        """Place an order; returns the panel's order id. Never re-sent automatically."""
        try:
            response = await self._post("add", {"service": service_id, **fields})
        except httpx.HTTPError as exc:
            raise placement.after_transport_error(exc) from None
        failure = placement.after_response(response)
        if failure is not None:
            raise failure
        try:
            payload = self._decode(response)
        except (PanelUnavailableError, MalformedResponseError) as exc:
            raise PlacementUncertainError(exc.detail) from None
        order = to_count(payload.get("order")) if isinstance(payload, dict) else None
        if not order:
            raise PlacementUncertainError("add answered without an order id")
        return order

    async def status(self, order_id: int) -> OrderState:
        return self._parse(OrderState.model_validate, await self._read("status", order=order_id))

    async def statuses(self, order_ids: Sequence[int]) -> dict[int, OrderState | PanelError]:
        return await self._batched(order_ids, self._statuses_batch)

    async def _statuses_batch(self, ids: list[int]) -> dict[int, OrderState | PanelError]:
        payload = await self._read("status", orders=",".join(map(str, ids)))
        if not isinstance(payload, dict):
            raise MalformedResponseError("status: expected an object keyed by order id")
        results: dict[int, OrderState | PanelError] = {}
        for order_id in ids:
            item = payload.get(str(order_id))
            results[order_id] = self._item(item, OrderState.model_validate)
        return results

    async def refill(self, order_id: int) -> int:
        payload = await self._write("refill", order=order_id)
        refill = payload.get("refill") if isinstance(payload, dict) else None
        error = _error_text(refill)
        if error is not None:
            raise classify_error(self._scrub(error))
        refill_id = to_count(refill)
        if not refill_id:
            raise MalformedResponseError("refill answered without a refill id")
        return refill_id

    async def refills(self, order_ids: Sequence[int]) -> dict[int, int | PanelError]:
        return await self._batched(order_ids, self._refills_batch)

    async def _refills_batch(self, ids: list[int]) -> dict[int, int | PanelError]:
        payload = await self._write("refill", orders=",".join(map(str, ids)))
        return self._keyed_list(payload, ids, "order", "refill", _positive_id)

    async def refill_status(self, refill_id: int) -> RefillState:
        payload = await self._read("refill_status", refill=refill_id)
        return self._parse(RefillState.model_validate, payload)

    async def refill_statuses(
        self, refill_ids: Sequence[int]
    ) -> dict[int, RefillState | PanelError]:
        return await self._batched(refill_ids, self._refill_statuses_batch)

    async def _refill_statuses_batch(self, ids: list[int]) -> dict[int, RefillState | PanelError]:
        payload = await self._read("refill_status", refills=",".join(map(str, ids)))
        return self._keyed_list(
            payload, ids, "refill", "status", lambda value: RefillState(status=value)
        )

    async def cancel(self, order_ids: Sequence[int]) -> dict[int, bool | PanelError]:
        return await self._batched(order_ids, self._cancel_batch)

    async def _cancel_batch(self, ids: list[int]) -> dict[int, bool | PanelError]:
        payload = await self._write("cancel", orders=",".join(map(str, ids)))
        return self._keyed_list(
            payload, ids, "order", "cancel", lambda value: bool(int(str(value)))
        )

    # -- helpers --------------------------------------------------------------------

    async def _batched(
        self,
        ids: Iterable[int],
        call: Callable[[list[int]], Awaitable[dict[int, T | PanelError]]],
    ) -> dict[int, T | PanelError]:
        unique = list(dict.fromkeys(ids))
        results: dict[int, T | PanelError] = {}
        for batch in chunked(unique):
            results.update(await call(batch))
        return results

    def _item(self, item: Any, parse: Callable[[Any], T]) -> T | PanelError:
        if item is None:
            return MalformedResponseError("missing from the answer")
        error = _error_text(item)
        if error is not None:
            return classify_error(self._scrub(error))
        try:
            return parse(item)
        except (ValidationError, TypeError, ValueError, ArithmeticError, RecursionError):
            return MalformedResponseError("unexpected item shape")

    def _keyed_list(
        self,
        payload: Any,
        ids: list[int],
        id_field: str,
        value_field: str,
        parse: Callable[[Any], T],
    ) -> dict[int, T | PanelError]:
        if not isinstance(payload, list):
            raise MalformedResponseError(f"expected a list of {id_field} results")
        found: dict[int, Any] = {}
        for entry in payload:
            if not isinstance(entry, dict) or id_field not in entry:
                continue
            entry_id = to_count(entry[id_field])
            if entry_id is not None:
                found[entry_id] = entry.get(value_field, entry)
        return {item_id: self._item(found.get(item_id), parse) for item_id in ids}

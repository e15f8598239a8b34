"""The panel's service catalog, cached: `services` may be limited to a few calls an hour."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import zlib
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.core.catalog import search
from bot.core.panels import PanelError, Service

logger = logging.getLogger(__name__)
SEARCHES_KEPT = 64
FEATURED_KEY = "featured"  # the "⭐ Recommended" entry's key: no crc32 is this word


def category_key(name: str) -> str:
    """A short stable key for callback data: category names can be 100+ bytes long."""
    return format(zlib.crc32(name.encode()), "08x")


@dataclass(frozen=True, slots=True)
class Category:
    key: str
    name: str
    services: tuple[Service, ...]


@dataclass(frozen=True)
class Catalog:
    services: tuple[Service, ...]
    fetched_at: float
    by_id: dict[int, Service] = field(repr=False)
    categories: tuple[Category, ...] = field(repr=False)
    by_category_key: dict[str, Category] = field(repr=False)
    # Each name's words, built once: searching is per keystroke.
    search_index: tuple[search.Entry, ...] = field(repr=False, default=())
    searches: dict[str, list[Service]] = field(repr=False, compare=False, default_factory=dict)
    # Whatever the UI layer builds once per catalog (keyboards of category pages).
    keyboards: dict[Any, Any] = field(repr=False, compare=False, default_factory=dict)
    # What admins feature, shown first in their categories and in "⭐ Recommended".
    featured: Category | None = field(repr=False, default=None)

    @classmethod
    def build(
        cls,
        services: list[Service],
        fetched_at: float | None = None,
        featured: tuple[int, ...] = (),
        standing: Mapping[int, int] | None = None,
    ) -> Catalog:
        grouped: dict[str, list[Service]] = {}
        for service in services:
            grouped.setdefault(service.category or "—", []).append(service)
        categories = tuple(
            Category(key=category_key(name), name=name, services=tuple(items))
            for name, items in grouped.items()
        )
        by_id = {service.id: service for service in services}
        picked = tuple(by_id[i] for i in featured if i in by_id)
        recommended = Category(FEATURED_KEY, "", picked) if picked else None
        by_key = {category.key: category for category in categories}
        if recommended is not None:
            by_key[FEATURED_KEY] = recommended
        return cls(
            services=tuple(services),
            fetched_at=time.time() if fetched_at is None else fetched_at,
            by_id=by_id,
            categories=categories,
            by_category_key=by_key,
            search_index=search.index(services, standing),
            featured=recommended,
        )

    def search(self, text: str) -> list[Service]:
        """Every service whose name has every word typed, best first (bot/core/catalog/search.py).
        Recent searches are kept: paging through results repeats the same one."""
        cache = self.searches
        found = cache.get(text)
        if found is None:
            found = search.search(self.search_index, text)
            if len(cache) >= SEARCHES_KEPT:
                cache.pop(next(iter(cache)))
            cache[text] = found
        return found


class CatalogUnavailableError(Exception):
    """No copy of the catalog could be had yet."""


class CatalogCache:
    """Serves the last good catalog; refreshes it in the background once it is stale."""

    def __init__(
        self,
        fetch: Callable[[], Awaitable[list[Service]]],
        ttl_seconds: float = 600.0,
        clock: Callable[[], float] = time.monotonic,
        after_load: Callable[[bool], None] | None = None,
        featured: Callable[[], tuple[int, ...]] | None = None,
        standing: Callable[[], Mapping[int, int]] | None = None,
    ) -> None:
        """`after_load(replaced)` runs once a fetched catalog is in place (the composition
        root gives memory back to the system there); `featured()` names the services admins
        feature."""
        self._featured = featured or tuple
        self._standing = standing or dict
        self._fetch = fetch
        self._after_load = after_load
        self._ttl = ttl_seconds
        self._clock = clock
        self._catalog: Catalog | None = None
        self._loaded_at = 0.0
        self._lock = asyncio.Lock()
        self._refresh_task: asyncio.Task[None] | None = None

    @property
    def current(self) -> Catalog | None:
        return self._catalog

    async def get(self) -> Catalog:
        if self._catalog is None:
            return await self.refresh()
        if self._clock() - self._loaded_at > self._ttl and not self._refreshing:
            self._refresh_task = asyncio.create_task(self._refresh_quietly())
        return self._catalog

    async def service(self, service_id: int) -> Service | None:
        """A service of the current catalog; None if it is gone or no catalog can be had."""
        try:
            return (await self.get()).by_id.get(service_id)
        except CatalogUnavailableError:
            return None

    @property
    def _refreshing(self) -> bool:
        return self._refresh_task is not None and not self._refresh_task.done()

    async def refresh(self) -> Catalog:
        """Fetch now; on failure keep (and return) the last good copy if there is one."""
        async with self._lock:
            try:
                services = await self._fetch()
            except PanelError as exc:
                logger.warning("catalog refresh failed", extra={"error": type(exc).__name__})
                if self._catalog is None:
                    raise CatalogUnavailableError from exc
                # Try again after a short pause rather than at every request.
                self._loaded_at = self._clock() - self._ttl + min(self._ttl, 60.0)
                return self._catalog
            replaced = self._catalog is not None
            self._catalog = Catalog.build(
                services, featured=self._featured(), standing=self._standing()
            )
            self._loaded_at = self._clock()
            logger.info("catalog loaded", extra={"services": len(services)})
            del services
            if self._after_load is not None:
                self._after_load(replaced)
            return self._catalog

    def rebuild(self, services: list[Service]) -> None:
        """The same services seen anew (a panel went down or came back, a route changed):
        no fetch, the refresh schedule is kept."""
        if self._catalog is not None:
            self._catalog = Catalog.build(
                services,
                self._catalog.fetched_at,
                featured=self._featured(),
                standing=self._standing(),
            )

    async def _refresh_quietly(self) -> None:
        with contextlib.suppress(CatalogUnavailableError):
            await self.refresh()

    async def close(self) -> None:
        if self._refresh_task is not None:
            self._refresh_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._refresh_task

"""The leader's lease (bot/core/ops/leader.py) when its connection stops answering."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from bot.core.ops.leader import Leadership


class _HungConnection:
    """Takes the lock, then never answers again (a network gone silent, not closed)."""

    async def scalar(self, *_: Any) -> bool:
        return True

    async def execute(self, *_: Any) -> None:
        await asyncio.sleep(3600)


class _Database:
    shared = True

    @contextlib.asynccontextmanager
    async def session(self) -> AsyncIterator[_HungConnection]:
        yield _HungConnection()


async def test_a_leader_whose_connection_hangs_stops_leading() -> None:
    """Issue 34: the lease check had no timeout — a silent connection kept this replica
    leading forever, while the server had dropped its lock and another replica led too."""
    stopped = asyncio.Event()

    async def poller() -> None:
        try:
            await asyncio.sleep(3600)
        finally:
            stopped.set()

    leadership = Leadership(
        _Database(),  # type: ignore[arg-type]
        retry_seconds=60,
        check_seconds=0.05,
        timeout_seconds=0.2,
    )
    leading = asyncio.create_task(leadership.run(lambda: [poller()]))
    try:
        await asyncio.wait_for(stopped.wait(), timeout=5)
        assert not leadership.is_leader
    finally:
        leading.cancel()
        await asyncio.gather(leading, return_exceptions=True)

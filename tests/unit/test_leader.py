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


async def test_a_child_shop_works_only_while_its_parent_leads() -> None:
    """Issue 35, replicas: a child's notices and polls run on the replica that leads the
    parent — once across replicas, and without a lock connection per child."""
    parent = Leadership(_Database(), retry_seconds=60)  # type: ignore[arg-type]
    running = asyncio.Event()
    stopped = asyncio.Event()

    async def notices() -> None:
        running.set()
        try:
            await asyncio.sleep(3600)
        finally:
            stopped.set()

    child = Leadership(
        _Database(),  # type: ignore[arg-type]
        retry_seconds=60,
        check_seconds=0.02,
        follows=parent,
    )
    leading = asyncio.create_task(child.run(lambda: [notices()]))
    try:
        await asyncio.sleep(0.1)
        assert not running.is_set() and not child.is_leader  # the parent leads elsewhere
        parent.is_leader = True
        await asyncio.wait_for(running.wait(), timeout=2)
        assert child.is_leader
        parent.is_leader = False  # the parent lost its lease: so does the child, at once
        await asyncio.wait_for(stopped.wait(), timeout=2)
        assert not child.is_leader
        running.clear()
        parent.is_leader = True  # and leads again when the parent does
        await asyncio.wait_for(running.wait(), timeout=2)
    finally:
        leading.cancel()
        await asyncio.gather(leading, return_exceptions=True)

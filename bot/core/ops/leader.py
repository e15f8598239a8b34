"""One poller and one sender across replicas: whoever holds a PostgreSQL advisory lock.

The lock lives as long as the leader's database connection; when the leader dies its
connection closes, the lock is released, and another replica takes it at its next try.
On SQLite there is a single process, which is always the leader.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from bot.core.storage import Database

logger = logging.getLogger(__name__)
LEADER_LOCK = 0x5EB0_0002
# A lease check that does not answer in this time means the connection is gone silent (a
# network cut, not a close): the server may have dropped the lock already, so this replica
# stops leading rather than lead beside the next leader.
LEASE_TIMEOUT_SECONDS = 5.0
Work = Callable[[], list[Coroutine[Any, Any, None]]]


class Leadership:
    def __init__(
        self,
        db: Database,
        retry_seconds: float,
        check_seconds: float = 2.0,
        timeout_seconds: float = LEASE_TIMEOUT_SECONDS,
        follows: Leadership | None = None,
    ) -> None:
        self._db = db
        self._follows = follows
        self._leads = asyncio.Event()  # set while this process leads
        self._led_not = asyncio.Event()  # set while it does not
        self._led_not.set()
        self._retry = retry_seconds
        self._check = check_seconds
        self._timeout = timeout_seconds

    @property
    def is_leader(self) -> bool:
        return self._leads.is_set()

    @is_leader.setter
    def is_leader(self, leads: bool) -> None:
        (self._leads if leads else self._led_not).set()
        (self._led_not if leads else self._leads).clear()

    async def leads(self) -> None:
        """Return once this process leads."""
        await self._leads.wait()

    async def leads_not(self) -> None:
        """Return once this process does not lead."""
        await self._led_not.wait()

    async def run(self, work: Work) -> None:
        """Run `work()`'s coroutines while this process leads; stop them when it does not."""
        if self._follows is not None:
            await self._follow(self._follows, work)
            return
        if not self._db.shared:
            self.is_leader = True
            await asyncio.gather(*work())
            return
        while True:
            try:
                await self._lead_if_possible(work)
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("leadership check failed")
            self.is_leader = False
            await asyncio.sleep(self._retry)

    async def _follow(self, parent: Leadership, work: Work) -> None:
        """A child shop on the parent's database leads where its parent does: its work runs
        once across replicas, and no child holds a lock connection of its own (a hundred
        children would take a hundred of the server's connections)."""
        while True:
            await parent.leads()
            self.is_leader = True
            tasks = [asyncio.create_task(job) for job in work()]
            lost = asyncio.create_task(parent.leads_not())
            try:
                await asyncio.wait([*tasks, lost], return_when=asyncio.FIRST_COMPLETED)
            finally:
                self.is_leader = False
                await _stopped([*tasks, lost])
            if parent.is_leader:  # a job ended by itself: not started again at once
                await asyncio.sleep(self._retry)

    async def _lead_if_possible(self, work: Work) -> None:
        async with self._db.session() as conn:  # PostgreSQL's alone: SQLite never elects
            taken = await conn.scalar("SELECT pg_try_advisory_lock(:key)", {"key": LEADER_LOCK})
            if not taken:
                return
            self.is_leader = True
            logger.warning("this replica now runs the poller and the sender")
            tasks = [asyncio.create_task(job) for job in work()]
            try:
                while all(not task.done() for task in tasks):
                    await asyncio.sleep(self._check)
                    # The lock is as alive as this connection: check it still answers, soon.
                    await asyncio.wait_for(conn.execute("SELECT 1"), self._timeout)
            finally:
                self.is_leader = False
                await _stopped(tasks)
                with contextlib.suppress(Exception):
                    unlock = conn.execute("SELECT pg_advisory_unlock(:key)", {"key": LEADER_LOCK})
                    await asyncio.wait_for(unlock, self._timeout)


async def _stopped(tasks: list[asyncio.Task[Any]]) -> None:
    for task in tasks:
        task.cancel()
    with contextlib.suppress(Exception):
        await asyncio.gather(*tasks, return_exceptions=True)

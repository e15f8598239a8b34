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
    ) -> None:
        self._db = db
        self._retry = retry_seconds
        self._check = check_seconds
        self._timeout = timeout_seconds
        self.is_leader = False

    async def run(self, work: Work) -> None:
        """Run `work()`'s coroutines while this process leads; stop them when it does not."""
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
                for task in tasks:
                    task.cancel()
                with contextlib.suppress(Exception):
                    await asyncio.gather(*tasks, return_exceptions=True)
                with contextlib.suppress(Exception):
                    unlock = conn.execute("SELECT pg_advisory_unlock(:key)", {"key": LEADER_LOCK})
                    await asyncio.wait_for(unlock, self._timeout)

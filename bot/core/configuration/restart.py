"""A settings change asks the running shop to rebuild itself from the new settings, in the
same process: the runner stops taking updates, lets work in flight finish, builds every
service again and goes on (a couple of seconds; nothing is lost, conversations are stored)."""

from __future__ import annotations

import asyncio


class Restart:
    def __init__(self) -> None:
        self._asked = asyncio.Event()

    def request(self) -> None:
        self._asked.set()

    @property
    def requested(self) -> bool:
        return self._asked.is_set()

    async def wait(self) -> None:
        await self._asked.wait()

    def clear(self) -> None:
        self._asked.clear()

"""Background checks that run every so often and must survive their own failures."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

logger = logging.getLogger(__name__)


async def repeat(check: Callable[[], Awaitable[object]], every: float, what: str) -> None:
    """Run `check` every `every` seconds until cancelled; a failure is logged, not fatal."""
    while True:
        try:
            await check()
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("%s failed", what)
        await asyncio.sleep(every)

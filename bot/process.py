"""What the bot does to its whole process: giving memory back to the system after a large,
short-lived allocation, and keeping what lives long out of the garbage collector's way.
Only the entry point, the runner and the composition root call these."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import gc
import logging
from collections.abc import Callable, Iterator

logger = logging.getLogger(__name__)


def release_free_memory(replaced: bool = True) -> None:
    """After the catalog is replaced, the old copy and the parsed answer are garbage: collect
    them and ask the C allocator to return the freed pages (glibc keeps them otherwise, and
    the process looks tens of MB larger than it is; a no-op where there is no glibc).

    What survives that collection (modules, aiogram's types, the catalog) lives until the next
    catalog: it is frozen out of the cyclic collector, whose full passes otherwise walked all
    of it — ~250 ms with every update waiting, once every few thousand updates
    (bench/README.md). Unfrozen first, so that the previous catalog is collected here.

    The first catalog replaces nothing, and what start-up built is frozen already
    (`collector_off_while_building`): a full pass there walks only what came since (~7 ms)
    and frees the parsed answer, which httpx leaves in a cycle (response ↔ stream) — a
    younger pass missed it, and freezing it kept its 3 MB body for the life of the process."""
    if replaced:
        gc.unfreeze()
    gc.collect()
    gc.freeze()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, looked up once (finding the C library runs `ldconfig`)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        logger.debug("malloc_trim is not available here")
        return None
    return trim


@contextlib.contextmanager
def collector_off_while_building() -> Iterator[None]:
    """Start-up creates ~250,000 objects that live as long as the process (aiogram's models,
    the modules): collector passes over them while starting free nothing and cost ~0.15 s
    each. Off while building; then what was built is frozen out of the collector, which
    resumes — also when building fails."""
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        gc.enable()

"""Giving memory back to the system after a large, short-lived allocation."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging

logger = logging.getLogger(__name__)


def release_free_memory() -> None:
    """After the catalog is replaced, the old copy and the parsed answer are garbage: collect
    them and ask the C allocator to return the freed pages (glibc keeps them otherwise, and
    the process looks tens of MB larger than it is). A no-op where there is no glibc."""
    gc.collect()
    name = ctypes.util.find_library("c")
    if name is None:
        return
    try:
        ctypes.CDLL(name).malloc_trim(0)
    except (OSError, AttributeError):
        logger.debug("malloc_trim is not available here")

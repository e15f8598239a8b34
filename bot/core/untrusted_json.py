"""JSON from strangers (the Mini App's and API v2's request bodies): bounded in depth, so a
body of 100,000 `[` is a refusal, not a RecursionError inside `json` (issue 34). Size is
bounded before this, by the web server's body limit."""

from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 32  # no request the shop understands nests deeper than a few levels


def loads(raw: str | bytes) -> Any:
    """The parsed value; ValueError when it is not JSON or nests deeper than MAX_DEPTH."""
    try:
        value = json.loads(raw)
    except RecursionError:
        raise ValueError("JSON nested too deep") from None
    if _deeper_than(value, MAX_DEPTH):
        raise ValueError("JSON nested too deep")
    return value


def _deeper_than(value: Any, limit: int) -> bool:
    """Walked without recursion: the check itself must not be the thing that overflows."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth >= limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False

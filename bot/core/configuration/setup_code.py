"""The one-time setup code: printed in the log of a shop nobody owns yet, sent back with
`/setup <code>` by the person who becomes its owner. Eight letters and digits from an
alphabet without look-alikes (40 bits), and wrong guesses limited per person."""

from __future__ import annotations

import hmac
import secrets
import time
from collections import deque

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LENGTH = 8
WRONG_PER_HOUR = 5


def new_code() -> str:
    letters = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{letters[:4]}-{letters[4:]}"


def normalized(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())[: LENGTH * 2]


def matches(given: str, expected: str) -> bool:
    return hmac.compare_digest(normalized(given).encode(), normalized(expected).encode())


class Guesses:
    """Wrong codes per person in the last hour: after WRONG_PER_HOUR, no more tries."""

    def __init__(self) -> None:
        self._wrong: dict[int, deque[float]] = {}

    def allowed(self, user_id: int, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        recent = self._wrong.get(user_id)
        while recent and recent[0] < now - 3600:
            recent.popleft()
        return not recent or len(recent) < WRONG_PER_HOUR

    def wrong(self, user_id: int, now: float | None = None) -> None:
        if len(self._wrong) > 10_000:  # a flood of strangers: forget the oldest
            self._wrong.pop(next(iter(self._wrong)))
        self._wrong.setdefault(user_id, deque()).append(time.monotonic() if now is None else now)

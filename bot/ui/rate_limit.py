"""A token bucket per user, shared by the chat's flood control and the Mini App's API: a burst
is fine, a steady flood is not. Idle buckets are forgotten once there are many of them."""

from __future__ import annotations

KEPT = 10_000  # users' buckets kept before the idle ones are dropped


class TokenBuckets:
    def __init__(self, rate_per_second: float, burst: float, kept: int = KEPT) -> None:
        self._rate = rate_per_second
        self._burst = burst
        self._kept = kept
        # user → (tokens, when last counted, refused since the last allowed one)
        self._buckets: dict[int, tuple[float, float, bool]] = {}

    def __len__(self) -> int:
        return len(self._buckets)

    def has_token(self, user_id: int, now: float) -> bool:
        """Whether `take` would allow now, without taking."""
        tokens, last, _ = self._buckets.get(user_id, (self._burst, now, False))
        return min(self._burst, tokens + (now - last) * self._rate) >= 1

    def take(self, user_id: int, now: float) -> tuple[bool, bool]:
        """(allowed, first refusal since the user was last allowed)."""
        if len(self._buckets) > self._kept:
            self._forget_idle(now)
        tokens, last, refused = self._buckets.get(user_id, (self._burst, now, False))
        tokens = min(self._burst, tokens + (now - last) * self._rate)
        if tokens >= 1:
            self._buckets[user_id] = (tokens - 1, now, False)
            return True, False
        self._buckets[user_id] = (tokens, now, True)
        return False, not refused

    def _forget_idle(self, now: float) -> None:
        """A bucket idle long enough to be full again carries no information."""
        refill = self._burst / self._rate
        self._buckets = {u: b for u, b in self._buckets.items() if now - b[1] < refill}
        if len(self._buckets) > self._kept:
            # A flood of new ids, none idle yet: the table keeps a fixed size, the most recent
            # half. A forgotten id starts with a full bucket — the flood is slowed elsewhere
            # (per address), not by remembering every id it made up.
            recent = sorted(self._buckets.items(), key=lambda item: item[1][1])
            self._buckets = dict(recent[-(self._kept // 2) :])

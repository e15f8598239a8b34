"""Flood control bookkeeping (bot/ui/middlewares.py)."""

from __future__ import annotations

from bot.ui.i18n import Translator, create_core
from bot.ui.middlewares import ThrottleMiddleware


def test_flood_control_forgets_idle_users() -> None:
    throttle = ThrottleMiddleware(3.0, Translator(create_core("en")), "en")
    for user_id in range(10_001):
        throttle.allow(user_id, 0.0)
    throttle.allow(1, 100.0)  # much later: everyone's bucket is full again
    assert len(throttle._buckets) == 1

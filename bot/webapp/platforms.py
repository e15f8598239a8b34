"""Which platform a service is for, for the Mini App's filters: the first one its category or
name mentions among the filters' platforms (the core's list, bot/core/ordering/links.py)."""

from __future__ import annotations

from bot.core.ordering.links import PLATFORMS as NAMED
from bot.core.ordering.links import platforms_named
from bot.core.panels import Service

PLATFORMS = NAMED[:7]  # the filters offered: the platforms most panels sell


def platform_of(service: Service) -> str | None:
    return next(
        (p for p in platforms_named(service.name, service.category) if p in PLATFORMS), None
    )

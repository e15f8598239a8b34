"""Which platform a service is for, read from its category and name (for the filters)."""

from __future__ import annotations

from bot.core.panels import Service

PLATFORMS = ("Instagram", "TikTok", "YouTube", "Telegram", "Twitter", "Facebook", "Spotify")


def platform_of(service: Service) -> str | None:
    haystack = f"{service.category} {service.name}".casefold()
    return next((p for p in PLATFORMS if p.casefold() in haystack), None)

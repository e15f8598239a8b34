"""Searching services by name: every word typed must be in the name (any order, case,
accents and emoji ignored; common short forms understood), best matches first."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from bot.core.panels import Service

# What customers type for the platforms' names.
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "ig": ("instagram",),
    "insta": ("instagram",),
    "yt": ("youtube",),
    "tg": ("telegram",),
    "fb": ("facebook",),
    "tt": ("tiktok",),
    "tw": ("twitter",),
    "li": ("linkedin",),
}
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lower-case words without accents; emoji and punctuation are not words."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return _WORD.findall(plain.casefold())


def symbols(text: str) -> frozenset[str]:
    """Emoji and other symbols: not required to match, but a name that has the ones typed
    (a pasted "Followers ⭐") is the one meant."""
    return frozenset(ch for ch in text if unicodedata.category(ch).startswith("S"))


@dataclass(frozen=True, slots=True)
class Entry:
    service: Service
    # " word word … id": a word typed matches where " " + word is found (a word starting
    # with it); a string search runs in C, which matters on every keystroke over 5,000 names.
    text: str
    symbols: frozenset[str]
    standing: int = 1  # its measured record among equals: 0 reliable … 2 often fails


def index(
    services: Iterable[Service], standing: Mapping[int, int] | None = None
) -> tuple[Entry, ...]:
    # Names share a handful of symbol sets (most have none): one set object each, not one
    # per service.
    shared: dict[frozenset[str], frozenset[str]] = {}
    return tuple(
        Entry(
            s,
            " " + " ".join((*words(s.name), str(s.id))),
            shared.setdefault(found := symbols(s.name), found),
            standing.get(s.id, 1) if standing else 1,
        )
        for s in services
    )


def _position(text: str, typed: str) -> int | None:
    """Which word of the name a typed word starts (its short forms too), if any."""
    found = [text.find(" " + option) for option in (typed, *SHORT_FORMS.get(typed, ()))]
    at = min((offset for offset in found if offset >= 0), default=-1)
    return None if at < 0 else text.count(" ", 0, at)


def _rank(
    positions: list[int], symbol_hits: int, standing: int, rate: Decimal, name: str
) -> tuple[int, int, int, int, Decimal, str]:
    # Names that start with what was typed come first (every word among the first ones),
    # then those with the emoji typed, then the earliest match; among equals the better
    # measured record, then the cheaper.
    at_start = int(max(positions) >= len(positions))
    return at_start, -symbol_hits, sum(positions), standing, rate, name


def search(entries: Iterable[Entry], text: str) -> list[Service]:
    """Every service whose name contains every word typed, best first."""
    typed = words(text)[:10]
    typed_symbols = symbols(text)
    if not typed:
        return []
    ranked = []
    for entry in entries:
        positions = []
        for word in typed:
            position = _position(entry.text, word)
            if position is None:
                break
            positions.append(position)
        else:
            hits = len(typed_symbols & entry.symbols)
            rank = _rank(positions, hits, entry.standing, entry.service.rate, entry.service.name)
            ranked.append((rank, entry.service))
    ranked.sort(key=lambda item: item[0])
    return [service for _, service in ranked]

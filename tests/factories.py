"""Helpers shared by the tests moved out of tests/test_rules.py."""

from __future__ import annotations

from pathlib import Path

from bot.core.panels import Service

LOCALES = Path(__file__).resolve().parents[1] / "locales"


def service(
    kind: str = "Default",
    rate: str = "0.90",
    low: int = 50,
    high: int = 10000,
    dripfeed: bool = True,
) -> Service:
    return Service.from_panel(
        {
            "dripfeed": dripfeed,
            "service": 1,
            "name": "S",
            "type": kind,
            "category": "C",
            "rate": rate,
            "min": low,
            "max": high,
        }
    )

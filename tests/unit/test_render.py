"""Texts cut and split under Telegram's limits (bot/ui/render.py)."""

from __future__ import annotations

from bot.ui.render import fit, shorten, split_message


def test_long_texts_are_cut_cleanly_and_split_under_the_limit() -> None:
    assert shorten("x" * 100, 10) == "x" * 9 + "…"
    long = "\n".join(f"line {n} " + "é" * 50 for n in range(400))
    parts = split_message(long)
    assert all(len(part) <= 4096 for part in parts)
    assert "\n".join(parts) == long
    assert len(fit(long)) <= 4096

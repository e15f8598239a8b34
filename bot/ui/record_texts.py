"""A service's measured record as cards, summaries and the Mini App say it: "✅ Reliable ·
usually starts in about 20 min · done in about 3 h per 1,000 · 96 % completed (142 orders)",
or that there are not enough orders yet — never a number that pretends."""

from __future__ import annotations

from bot.core.reliability.record import Figures, Verdict
from bot.ui.render import Translate, duration

_BADGES = {Verdict.RELIABLE: "record-reliable", Verdict.BAD: "record-bad"}


def record_line(t: Translate, record: Figures | None, per_thousand: bool = True) -> str | None:
    if record is None:
        return None
    if record.verdict is Verdict.TOO_FEW:
        return t("record-too-few", count=record.orders)
    parts = []
    badge = _BADGES.get(record.verdict)
    if badge:
        parts.append(t(badge))
    if record.start_minutes is not None:
        parts.append(t("record-starts", duration=duration(t, record.start_minutes * 60)))
    if record.minutes_per_thousand is not None:
        key = "record-done-per-thousand" if per_thousand else "record-done"
        parts.append(t(key, duration=duration(t, record.minutes_per_thousand * 60)))
    completed = round(100 * (record.completed_share or 0.0))
    parts.append(t("record-completed", percent=completed, count=record.orders))
    refills = round(100 * record.refill_requests)
    if refills >= 1:  # a drop signal: orders that needed a refill inside the guarantee
        parts.append(t("record-refills", percent=refills))
    return "📊 " + " · ".join(parts)

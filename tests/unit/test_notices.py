"""Every kind of outbox row has its renderer (bot/ui/notices.py)."""

from __future__ import annotations

from bot.core.outbox import OutboxKind
from bot.ui.notices import RENDERERS


def test_every_outbox_kind_has_exactly_one_renderer() -> None:
    missing = set(OutboxKind) - RENDERERS.keys()
    assert not missing, f"no renderer for {sorted(missing)}"

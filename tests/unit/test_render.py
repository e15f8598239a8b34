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


def test_a_count_the_panel_never_sent_sanely_shows_as_a_dash() -> None:
    """Issue 34: a start count or remainder read as unknown ("Infinity", 1e30) is shown as
    "—" on a started order's card, not left out as if nothing were known to be missing."""
    from decimal import Decimal

    from bot.core.domain import Order, Stage
    from bot.ui.i18n import Translator, create_core
    from bot.ui.render import order_card

    translate = Translator(create_core("en"))

    def t(key: str, **args: object) -> str:
        return translate(key, "en", **args)

    order = Order(
        id=7,
        user_id=1,
        service_id=1,
        service_name="Views",
        service_type="Default",
        category="C",
        link="https://youtube.com/watch?v=x",
        fields={},
        quantity=1000,
        charge=Decimal(1),
        cost=Decimal("0.5"),
        currency="USD",
        stage=Stage.PARTIAL,
        panel_order_id=5,
        start_count=None,
        remains=None,
        error=None,
        created_at=0.0,
        status_changed_at=0.0,
    )
    card = order_card(t, order)
    assert "Start count: —" in card
    assert "Delivered: — · Remaining: —" in card

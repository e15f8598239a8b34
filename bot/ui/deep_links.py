"""Links into the bot's chat that open something: `t.me/<bot>?start=svc_12` opens service 12
(shared from inline mode). Referral links (`ref_…`) are the growth feature's own."""

from __future__ import annotations

from bot.core.domain import parse_id

SERVICE_START = "svc_"
OWN_SHOP_START = "own_shop"  # the Mini App's 🏪 Your own shop: the offer, in the chat


def service_link(bot_username: str, service_id: int) -> str:
    return f"https://t.me/{bot_username}?start={SERVICE_START}{service_id}"


def service_from_start(payload: str | None) -> int | None:
    """The service a `/start svc_<id>` payload names, or None."""
    if not payload or not payload.startswith(SERVICE_START):
        return None
    return parse_id(payload.removeprefix(SERVICE_START))

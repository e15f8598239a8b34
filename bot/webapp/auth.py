"""Who is calling: the raw init data Telegram gives the page, validated as Telegram specifies
(the bot token's HMAC, and no older than a day). The user comes from it alone."""

from __future__ import annotations

import time
from dataclasses import dataclass

from aiogram.utils.web_app import safe_parse_webapp_init_data

MAX_AGE_SECONDS = 24 * 3600
HEADER = "X-Telegram-Init-Data"


@dataclass(frozen=True)
class AppUser:
    id: int
    first_name: str
    username: str | None
    language_code: str | None


def user_from_init_data(token: str, raw: str, now: float | None = None) -> AppUser | None:
    """The user the init data vouches for; None when it is missing, forged or expired."""
    if not raw or not raw.isascii():  # Telegram's init data is URL-encoded: ASCII only
        return None
    try:
        data = safe_parse_webapp_init_data(token, raw)
    except (ValueError, TypeError):
        return None
    now = time.time() if now is None else now
    if data.user is None or now - data.auth_date.timestamp() > MAX_AGE_SECONDS:
        return None
    return AppUser(
        id=data.user.id,
        first_name=data.user.first_name,
        username=data.user.username,
        language_code=data.user.language_code,
    )

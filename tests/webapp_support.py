"""Launch parameters for the Mini App as Telegram makes them: init data signed with the bot
token (https://core.telegram.org/bots/webapps#validating-data-received-via-the-web-app)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from urllib.parse import quote, urlencode


def signed_init_data(
    token: str,
    user_id: int,
    *,
    first_name: str = "Ann",
    language: str = "en",
    auth_date: float | None = None,
) -> str:
    user = {"id": user_id, "first_name": first_name, "language_code": language}
    fields = {
        "query_id": f"AAH{user_id}",
        "user": json.dumps(user, separators=(",", ":")),
        "auth_date": str(int(time.time() if auth_date is None else auth_date)),
    }
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    fields["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode(fields)


def forged(init_data: str) -> str:
    """The same data with someone else's id and the old hash: what a tampering page sends."""
    return init_data.replace("%22id%22%3A", "%22id%22%3A9")


def launch_fragment(init_data: str, theme: dict[str, str] | None = None) -> str:
    """What Telegram puts after `#` in the Mini App's URL."""
    params = {
        "tgWebAppData": init_data,
        "tgWebAppVersion": "8.0",
        "tgWebAppPlatform": "android",
        "tgWebAppThemeParams": json.dumps(
            theme or {"bg_color": "#ffffff", "text_color": "#000000", "button_color": "#2481cc"}
        ),
    }
    return urlencode(params, quote_via=quote)

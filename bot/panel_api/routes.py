"""POST /api/v2 as panels serve it: form fields (what PHP and Python panel clients send) or
JSON, `key` and `action`. Refusals are HTTP 200 `{"error": …}` like a panel's; a flood from
one key gets 429 before any database work, and other keys are not slowed."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.core import untrusted_json
from bot.core.reselling.api import (
    INCORRECT_REQUEST,
    INVALID_KEY,
    ApiError,
    ResellerApi,
)
from bot.core.reselling.key_store import ApiKeyStore, key_hash
from bot.ui.i18n import Translator
from bot.ui.rate_limit import TokenBuckets

logger = logging.getLogger(__name__)

RATE_PER_SECOND = 10.0  # per key, on average…
BURST = 20.0  # …with bursts of this many
# Unknown keys from one address: a few are looked up (a typo, a revoked key), then one every
# few seconds; the rest are refused without a database read.
FAILED_LOOKUPS_BURST = 10.0
FAILED_LOOKUPS_PER_SECOND = 1 / 6
# A field longer than this is no order form (1,000 comments of 100 characters fit): refused,
# never cut — a cut list would be ordered and charged shorter than sent.
MAX_FIELD = 100_000


@dataclass
class PanelApi:
    api: ResellerApi
    keys: ApiKeyStore
    translator: Translator
    default_locale: str
    address: str  # what the documentation shows: the public origin + /api/v2
    currency: Callable[[], str]  # learnt from the panel at start
    buckets: TokenBuckets = field(default_factory=lambda: TokenBuckets(RATE_PER_SECOND, BURST))
    failed_lookups: TokenBuckets = field(
        default_factory=lambda: TokenBuckets(FAILED_LOOKUPS_PER_SECOND, FAILED_LOOKUPS_BURST)
    )

    async def owner(self, key: str, address: str, now: float) -> int | None:
        """The key's owner, the database asked only while this address is not guessing.
        (No cache of keys found unknown: a key an admin switches back on works at once.)"""
        source = _number_of(address)
        if not self.failed_lookups.has_token(source, now):
            return None
        user_id = await self.keys.owner(key)
        if user_id is None:
            self.failed_lookups.take(source, now)
        return user_id


PANEL_API = web.AppKey("panel_api", PanelApi)


def _error(words: str, status: int = 200) -> web.Response:
    return web.json_response({"error": words}, status=status)


async def _params(request: web.Request) -> dict[str, str] | None:
    """Every field as text (the first of repeated ones; a JSON list as lines); None when the
    body cannot be read as a form or JSON object."""
    found: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        try:
            body = untrusted_json.loads(await request.read())
        except ValueError:  # UnicodeDecodeError included
            return None
        if not isinstance(body, dict):
            return None
        found.update(body)
    elif request.can_read_body:
        try:
            form = await request.post()
        except (ValueError, UnicodeDecodeError):
            return None
        found.update({k: v for k, v in form.items() if isinstance(v, str) and k not in found})
    return {str(k)[:64]: _text(v) for k, v in found.items()}


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(_text(item) for item in value)
    if isinstance(value, bool):
        return "1" if value else "0"
    return "" if value is None else str(value)


def _bucket_of(key: str) -> int:
    """A key's bucket, named by its hash: floods are slowed before the key is looked up."""
    return _number_of(key)


def _number_of(text: str) -> int:
    return int(key_hash(text)[:15], 16)


async def api_v2(request: web.Request) -> web.Response:
    face = request.app[PANEL_API]
    params = await _params(request)
    if params is None:
        return _error(INCORRECT_REQUEST, status=400)
    too_long = next((name for name, value in params.items() if len(value) > MAX_FIELD), None)
    if too_long is not None:
        return _error(f"The {too_long} field is too long (at most {MAX_FIELD:,} characters)")
    key = params.get("key", "").strip()
    now = time.monotonic()
    allowed, _ = face.buckets.take(_bucket_of(key), now)
    if not allowed:
        return _error("Too many requests", status=429)
    user_id = await face.owner(key, request.remote or "", now) if key else None
    if user_id is None:
        return _error(INVALID_KEY)
    try:
        answer = await face.api.answer(user_id, params)
    except ApiError as refused:
        return _error(refused.words)
    return web.json_response(answer, dumps=_dumps)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)

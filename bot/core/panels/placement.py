"""What a failed `add` means: the one place that decides whether an order may exist.

`add` has no idempotency key, so the answer decides the customer's money:
- the request certainly never reached the panel's application → refund at once and mark the
  panel down (a refused connection, DNS/TLS failure, HTTP 503 with any body, 429, any other
  4xx, or a Cloudflare/WAF challenge page);
- it may have been placed → hold it for an admin, never send it again (a timeout after the
  request was sent, a connection dropped mid-answer, HTTP 500/502/504, or any other answer
  that is not the panel's JSON).
"""

from __future__ import annotations

import httpx

from bot.core.panels.errors import (
    PanelError,
    PanelUnavailableError,
    PlacementUncertainError,
    RateLimitedError,
)

# Transport failures that happen before the request is sent.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)
# Statuses an edge (proxy, CDN, WAF) answers without the application having run.
EDGE_REFUSALS = {503}
# Statuses that may come after the application ran (and placed the order).
MAY_HAVE_RUN = {500, 502, 504}
CHALLENGE_MARKERS = (
    "just a moment",
    "cf-chl",
    "cf_chl",
    "challenge-platform",
    "cf-browser-verification",
    "attention required! | cloudflare",
    "checking your browser",
)


def retry_after(response: httpx.Response) -> float | None:
    """The seconds a 429's Retry-After asks for, when it says."""
    try:
        return max(0.0, float(response.headers.get("Retry-After", "")))
    except ValueError:
        return None


def is_challenge_page(response: httpx.Response) -> bool:
    """A Cloudflare/WAF challenge: the edge stopped the request before the panel saw it."""
    if response.headers.get("cf-mitigated", "").lower() == "challenge":
        return True
    body = response.text[:20_000].lower()
    return any(marker in body for marker in CHALLENGE_MARKERS)


def after_transport_error(error: httpx.HTTPError) -> PanelError:
    if isinstance(error, NOT_SENT):
        return PanelUnavailableError(f"not sent: {type(error).__name__}")
    return PlacementUncertainError(type(error).__name__)


def after_response(response: httpx.Response) -> PanelError | None:
    """The failure this answer means, or None when it is the panel's own JSON to decode."""
    status = response.status_code
    if status == 429:
        return RateLimitedError("rate limited before placing", retry_after=retry_after(response))
    if status in EDGE_REFUSALS or is_challenge_page(response):
        return PanelUnavailableError(f"not reached: HTTP {status}")
    if status in MAY_HAVE_RUN:
        return PlacementUncertainError(f"HTTP {status}")
    looks_like_json = response.text.lstrip().startswith(("{", "["))
    if 400 <= status < 500 and not looks_like_json:
        return PanelUnavailableError(f"not reached: HTTP {status}")
    if status >= 500 or not looks_like_json:
        return PlacementUncertainError(f"unclear answer (HTTP {status})")
    return None

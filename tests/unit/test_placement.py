"""What an answer to `add` means for the customer's money (bot/core/panels/placement.py):
certainly not placed → refund at once and mark the panel down; maybe placed → hold it."""

from __future__ import annotations

import ssl
from collections.abc import Callable

import httpx
import pytest

from bot.core.panels import PanelUnavailableError, PlacementUncertainError, RateLimitedError
from tests.unit.test_panel_client import client_for

Handler = Callable[[httpx.Request, dict[str, str]], httpx.Response]
CLOUDFLARE_503 = (
    "<!DOCTYPE html><html><head><title>example.com | 503: Service unavailable</title></head>"
    "<body>Cloudflare Ray ID: 8f1e</body></html>"
)
JUST_A_MOMENT = (
    "<!DOCTYPE html><html lang='en-US'><head><title>Just a moment...</title></head><body>"
    "<script src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1'></script></body></html>"
)


def raising(error: type[httpx.HTTPError], *args: object) -> Handler:
    def handler(request: httpx.Request, form: dict[str, str]) -> httpx.Response:
        raise error("failed", *args, request=request)  # type: ignore[call-arg]

    return handler


def html(status: int, body: str, **headers: str) -> Handler:
    return lambda request, form: httpx.Response(status, text=body, headers=headers)


NOT_PLACED: list[tuple[str, Handler, type[Exception]]] = [
    ("503 Cloudflare page", html(503, CLOUDFLARE_503), PanelUnavailableError),
    ("503 with an empty body", html(503, ""), PanelUnavailableError),
    (
        "503 with JSON",
        lambda r, f: httpx.Response(503, json={"status": "down"}),
        PanelUnavailableError,
    ),
    ("403 challenge page", html(403, JUST_A_MOMENT), PanelUnavailableError),
    (
        "challenge by header",
        html(200, "<html></html>", **{"cf-mitigated": "challenge"}),
        PanelUnavailableError,
    ),
    ("403 WAF block page", html(403, "<html>Access denied</html>"), PanelUnavailableError),
    (
        "429",
        lambda r, f: httpx.Response(429, headers={"Retry-After": "7"}, text="slow"),
        RateLimitedError,
    ),
    ("connection refused", raising(httpx.ConnectError), PanelUnavailableError),
    ("connect timeout", raising(httpx.ConnectTimeout), PanelUnavailableError),
]
MAYBE_PLACED: list[tuple[str, Handler]] = [
    ("timeout after sending", raising(httpx.ReadTimeout)),
    ("connection dropped mid-answer", raising(httpx.RemoteProtocolError)),
    ("read error", raising(httpx.ReadError)),
    ("500 HTML", html(500, "<html>Internal Server Error</html>")),
    ("502 HTML", html(502, "<html>502 Bad Gateway</html>")),
    ("504 HTML", html(504, "<html>504 Gateway Time-out</html>")),
    ("502 empty", html(502, "")),
    ("200 PHP notice", html(200, "<b>Warning</b>: mysqli_connect() in /var/www/api.php")),
    ("200 without an order id", lambda r, f: httpx.Response(200, json={"status": "ok"})),
]


@pytest.mark.parametrize(("case", "handler", "error"), NOT_PLACED, ids=[c[0] for c in NOT_PLACED])
async def test_an_answer_that_never_reached_the_panel_is_a_certain_failure(
    case: str, handler: Handler, error: type[Exception]
) -> None:
    panel, seen = client_for(handler)
    with pytest.raises(error) as raised:
        await panel.add(1, {"link": "https://x.y/z", "quantity": "100"})
    assert not isinstance(raised.value, PlacementUncertainError)
    assert len(seen) == 1  # sent once, never again
    assert panel.unavailable_since is not None  # the next customers are refused before paying


@pytest.mark.parametrize(("case", "handler"), MAYBE_PLACED, ids=[c[0] for c in MAYBE_PLACED])
async def test_an_answer_that_may_follow_a_placement_is_uncertain(
    case: str, handler: Handler
) -> None:
    panel, seen = client_for(handler)
    with pytest.raises(PlacementUncertainError):
        await panel.add(1, {"link": "https://x.y/z", "quantity": "100"})
    assert len(seen) == 1


async def test_a_tls_failure_never_sent_the_order() -> None:
    def handler(request: httpx.Request, form: dict[str, str]) -> httpx.Response:
        raise httpx.ConnectError(str(ssl.SSLError("certificate verify failed")), request=request)

    panel, seen = client_for(handler)
    with pytest.raises(PanelUnavailableError):
        await panel.add(1, {"link": "https://x.y/z", "quantity": "100"})
    assert len(seen) == 1


async def test_a_clear_refusal_in_json_is_still_the_panels_word() -> None:
    panel, _ = client_for(lambda r, f: httpx.Response(200, json={"error": "Incorrect link"}))
    from bot.core.panels import BadLinkError

    with pytest.raises(BadLinkError):
        await panel.add(1, {"link": "https://x.y/z", "quantity": "100"})

"""Clean links and platforms (bot/core/ordering/links.py)."""

from __future__ import annotations

import pytest

from bot.core.ordering.forms import Invalid, normalize_link, validate
from bot.core.ordering.links import clean_link, link_platform, service_platform


@pytest.mark.parametrize(
    ("pasted", "clean"),
    [
        (
            "https://www.instagram.com/p/C3xYz/?utm_source=ig_web_copy_link&igsh=MzRlODBiNWFlZA==",
            "https://www.instagram.com/p/C3xYz/",
        ),
        (
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ&si=abc123&feature=share",
            "https://youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ?si=XyZ&t=42", "https://youtu.be/dQw4w9WgXcQ?t=42"),
        ("https://x.com/user/status/17?s=20&t=AbC", "https://x.com/user/status/17"),
        ("https://mobile.twitter.com/user.", "https://twitter.com/user"),
        (
            "https://www.facebook.com/page?fbclid=IwAR0x&mibextid=Zb",
            "https://www.facebook.com/page",
        ),
        (
            "https://www.tiktok.com/@name/video/1?is_from_webapp=1&sender_device=pc",
            "https://www.tiktok.com/@name/video/1",
        ),
        ("https://t.me/channel/42),", "https://t.me/channel/42"),
        ("https://instagram.com/name", "https://instagram.com/name"),
    ],
)
def test_tracking_mobile_hosts_and_trailing_junk_go(pasted: str, clean: str) -> None:
    assert clean_link(pasted) == clean


def test_platforms_of_links_and_services() -> None:
    assert link_platform("https://m.youtube.com/watch?v=x") == "YouTube"
    assert link_platform("https://vm.tiktok.com/ZM1/") == "TikTok"
    assert link_platform("https://example.com/x") is None
    assert service_platform("Instagram Followers [R30]", "Instagram") == "Instagram"
    assert service_platform("Website Traffic", "Traffic") is None
    assert service_platform("YouTube views from Instagram ads", "Mixed") is None  # two named


BROKEN_PORTS = [
    "https://instagram.com:abc/x",
    "instagram.com:99999/p/1",
    "https://[::1/x",
    "https://instagram.com:-1/p",
    "http://]instagram.com/p",
]


@pytest.mark.parametrize("text", BROKEN_PORTS)
def test_a_link_with_a_broken_port_or_bracket_is_a_hint_not_an_exception(text: str) -> None:
    """Issue 34: these raised ValueError — a 500 from API v2 and the Mini App, "something went
    wrong" in the chat, and one bad line aborted a /mass preview."""
    from bot.core.ordering.forms import LINK
    from tests.factories import service

    assert isinstance(normalize_link(text), Invalid)
    assert isinstance(validate(LINK, text, service(), {}), Invalid)
    assert link_platform(text) is None
    assert isinstance(clean_link(text), str)

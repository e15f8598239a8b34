"""Links as panels want them, and which platform a link is for.

Customers paste what their app's Share button gives: tracking parameters (`utm_*`, `igsh`,
`si`, `fbclid`…), a mobile host (`m.youtube.com`), a full stop from the sentence it came
in. The panel receives — and the summary shows — the link without them. A link to another
platform than the service's (a YouTube video for Instagram likes) is refused with both named."""

from __future__ import annotations

from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

# Parameters that only say where a link was shared from.
TRACKING = frozenset(
    {
        "igshid",
        "igsh",
        "si",
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mibextid",
        "ref_src",
        "ref_url",
        "_rdc",
        "_rdr",
        "is_from_webapp",
        "sender_device",
        "share_app_id",
    }
)
# Twitter/X adds `s` (the app) and `t` (a share token) to every shared post.
TRACKING_ON = {"twitter.com": frozenset({"s", "t"}), "x.com": frozenset({"s", "t"})}
MOBILE_PREFIXES = ("m.", "mobile.", "mbasic.", "touch.")
TRAILING_JUNK = ".,;:!?)]}>'\"»…"

# Host (without "www.") → platform, as the shop names platforms.
PLATFORM_HOSTS = {
    "instagram.com": "Instagram",
    "instagr.am": "Instagram",
    "tiktok.com": "TikTok",
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "t.me": "Telegram",
    "telegram.me": "Telegram",
    "twitter.com": "Twitter",
    "x.com": "Twitter",
    "facebook.com": "Facebook",
    "fb.com": "Facebook",
    "fb.watch": "Facebook",
    "spotify.com": "Spotify",
    "twitch.tv": "Twitch",
    "threads.net": "Threads",
    "soundcloud.com": "SoundCloud",
    "linkedin.com": "LinkedIn",
    "discord.gg": "Discord",
    "discord.com": "Discord",
}
# The platforms a service's name or category may name, in the order the Mini App's filters
# list them (the first seven are its filters).
PLATFORMS = (
    "Instagram",
    "TikTok",
    "YouTube",
    "Telegram",
    "Twitter",
    "Facebook",
    "Spotify",
    "Twitch",
    "Threads",
    "SoundCloud",
    "LinkedIn",
    "Discord",
)


def _bare_host(host: str) -> str:
    host = host.lower().rstrip(".")
    return host.removeprefix("www.")


def split_link(link: str) -> SplitResult | None:
    """The link's parts, or None when it cannot be a URL: a port that is not a number
    0–65535, an unclosed IPv6 bracket (`urlsplit` and `.port` raise ValueError on those)."""
    try:
        parts = urlsplit(link)
        parts.port  # noqa: B018 — read to check it: raises on "abc" or 99999
    except ValueError:
        return None
    return parts


def clean_link(link: str) -> str:
    """The link without tracking parameters, mobile host or trailing punctuation."""
    link = link.rstrip(TRAILING_JUNK)
    parts = split_link(link)
    if parts is None:
        return link  # not a URL: nothing to clean (the form refuses it)
    host = (parts.hostname or "").rstrip(".")
    bare = _bare_host(host)
    mobile = next((p for p in MOBILE_PREFIXES if bare.startswith(p) and bare.count(".") >= 2), "")
    if mobile:
        host = bare = bare.removeprefix(mobile)
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    extra = TRACKING_ON.get(bare, frozenset())
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_")
        and key.lower() not in TRACKING
        and key.lower() not in extra
        and not (key.lower() == "feature" and "share" in value.lower())
    ]
    cleaned = urlunsplit((parts.scheme, netloc, parts.path, urlencode(query), parts.fragment))
    return cleaned.rstrip("?#&")


def link_platform(link: str) -> str | None:
    parts = split_link(link)
    host = _bare_host(parts.hostname or "") if parts else ""
    for known, platform in PLATFORM_HOSTS.items():
        if host == known or host.endswith("." + known):
            return platform
    return None


def platforms_named(name: str, category: str) -> list[str]:
    """The platforms a service's category and name mention, in PLATFORMS' order."""
    text = f"{category} {name}".casefold()
    return [platform for platform in PLATFORMS if platform.casefold() in text]


# What a link of each platform looks like, for the link step's example and hint.
LINK_EXAMPLES = {
    "Instagram": "https://instagram.com/yourname",
    "TikTok": "https://tiktok.com/@yourname",
    "YouTube": "https://youtube.com/watch?v=VIDEO",
    "Telegram": "https://t.me/yourchannel",
    "Twitter": "https://x.com/yourname",
    "Facebook": "https://facebook.com/yourpage",
    "Spotify": "https://open.spotify.com/track/TRACK",
    "Twitch": "https://twitch.tv/yourchannel",
    "Threads": "https://threads.net/@yourname",
    "SoundCloud": "https://soundcloud.com/yourname",
    "LinkedIn": "https://linkedin.com/in/yourname",
    "Discord": "https://discord.gg/INVITE",
}
ANY_LINK_EXAMPLE = "https://example.com/page"


def link_example(name: str, category: str) -> str:
    """An example link of the service's platform (a neutral one when it names none)."""
    platform = service_platform(name, category)
    return LINK_EXAMPLES.get(platform or "", ANY_LINK_EXAMPLE)


def service_platform(name: str, category: str) -> str | None:
    """The platform a service is for, when exactly one is named."""
    named = platforms_named(name, category)
    return named[0] if len(named) == 1 else None

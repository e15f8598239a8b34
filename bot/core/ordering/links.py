"""Links as panels want them, and which platform a link is for.

Customers paste what their app's Share button gives: tracking parameters (`utm_*`, `igsh`,
`si`, `fbclid`…), a mobile host (`m.youtube.com`), a full stop from the sentence it came
in. The panel receives — and the summary shows — the link without them. A link to another
platform than the service's (a YouTube video for Instagram likes) is refused with both named."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

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
# Words in a service's name or category that say its platform ("ig", "yt": the short forms).
PLATFORM_WORDS = {
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "youtube": "YouTube",
    "telegram": "Telegram",
    "twitter": "Twitter",
    "facebook": "Facebook",
    "spotify": "Spotify",
    "twitch": "Twitch",
    "threads": "Threads",
    "soundcloud": "SoundCloud",
    "linkedin": "LinkedIn",
    "discord": "Discord",
}


def _bare_host(host: str) -> str:
    host = host.lower().rstrip(".")
    return host.removeprefix("www.")


def clean_link(link: str) -> str:
    """The link without tracking parameters, mobile host or trailing punctuation."""
    link = link.rstrip(TRAILING_JUNK)
    parts = urlsplit(link)
    host = parts.hostname or ""
    bare = _bare_host(host)
    for prefix in MOBILE_PREFIXES:
        if bare.startswith(prefix) and bare.count(".") >= 2:
            bare = bare.removeprefix(prefix)
            break
    netloc = bare if parts.port is None else f"{bare}:{parts.port}"
    if host.lower().startswith("www.") and bare == _bare_host(host):
        netloc = "www." + netloc  # kept as typed when nothing else changed the host
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
    host = _bare_host(urlsplit(link).hostname or "")
    for known, platform in PLATFORM_HOSTS.items():
        if host == known or host.endswith("." + known):
            return platform
    return None


def service_platform(name: str, category: str) -> str | None:
    """The platform a service names, when exactly one is named."""
    text = f"{category} {name}".casefold()
    found = {platform for word, platform in PLATFORM_WORDS.items() if word in text}
    return found.pop() if len(found) == 1 else None

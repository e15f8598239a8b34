"""Telegram's HTML parse mode, as strict as Telegram: what `sendMessage` with
`parse_mode=HTML` refuses with "Bad Request: can't parse entities". Used by the recording
session so a handler that lets a customer's `<` through fails its test as it would fail
in production."""

from __future__ import annotations

import re

# The tags Telegram understands (https://core.telegram.org/bots/api#html-style).
ALLOWED = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "tg-spoiler",
    "a",
    "code",
    "pre",
    "blockquote",
    "span",
    "tg-emoji",
}
NAMED_ENTITIES = {"lt", "gt", "amp", "quot"}
_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*>"
)
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);")


def html_error(text: str) -> str | None:
    """Why Telegram would refuse `text` as HTML, or None when it parses."""
    open_tags: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "<":
            match = _TAG.match(text, i)
            if match is None:
                return f"can't parse entities: unsupported start tag at byte offset {i}"
            closing, name = match.group(1) == "/", match.group(2).lower()
            if name not in ALLOWED:
                return f'can\'t parse entities: unsupported start tag "{name}" at byte offset {i}'
            if closing:
                if not open_tags or open_tags[-1] != name:
                    return f'can\'t parse entities: unexpected end tag "{name}" at byte offset {i}'
                open_tags.pop()
            else:
                open_tags.append(name)
            i = match.end()
            continue
        if char == "&":
            match = _ENTITY.match(text, i)
            if match is not None:
                body = match.group(1)
                if not body.startswith("#") and body.lower() not in NAMED_ENTITIES:
                    return f"can't parse entities: unsupported entity at byte offset {i}"
                i = match.end()
                continue
        i += 1
    if open_tags:
        unclosed = open_tags[-1]
        return f"can't parse entities: can't find end tag corresponding to start tag \"{unclosed}\""
    return None

"""What every keyboard is made of: buttons copied from one validated button, rows, pagers,
and keyboards kept once built (they never change). Built from rows directly: aiogram's
InlineKeyboardBuilder deep-copies every button on each add/export, which was the largest cost
per update (bench/README.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from math import ceil
from typing import Any, TypeVar

from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from aiogram_i18n import I18nContext

CATEGORIES_PER_PAGE = 10
SERVICES_PER_PAGE = 8
ORDERS_PER_PAGE = 8
TOPUP_AMOUNTS = (5, 10, 25, 50)
MIN_CRYPTO_CENTS = 10  # Crypto Pay's smallest sensible invoice
SHARE_URL = "https://t.me/share/url"
# What inline mode answers with a share card: the referral card, and a delivered order's.
INVITE_QUERY = "invite"
DONE_QUERY = "done"
MENU_KEYS = (
    "menu-new-order",
    "menu-my-orders",
    "menu-balance",
    "menu-referrals",
    "menu-support",
    "menu-help",
    "menu-language",
)
Row = list[InlineKeyboardButton]


# Buttons are copies of one validated button with the text and the callback data (just
# packed, so checked) replaced: half the cost of validating each anew, and a list of search
# results has fifteen (`model_construct` is slower still: it resolves every default).
_BUTTON = InlineKeyboardButton(text="-", callback_data="-")
_MARKUP = InlineKeyboardMarkup(inline_keyboard=[])


class Tone(StrEnum):
    """Bot API 9.4's button colours: what pays or confirms is green, what cancels is red;
    other buttons keep the app's own style. Clients that predate it ignore the field."""

    GO = "success"
    STOP = "danger"


def button(text: str, data: CallbackData, tone: Tone | None = None) -> InlineKeyboardButton:
    update: dict[str, Any] = {"text": text, "callback_data": data.pack()}
    if tone is not None:
        update["style"] = tone.value
    return _BUTTON.model_copy(update=update)


def markup(*rows: Row) -> InlineKeyboardMarkup:
    return _MARKUP.model_copy(update={"inline_keyboard": [row for row in rows if row]})


def in_rows(buttons: Sequence[InlineKeyboardButton], width: int) -> list[Row]:
    return [list(buttons[start : start + width]) for start in range(0, len(buttons), width)]


# Keyboards that depend only on the language and the shop's settings, built once each:
# keyboards are never changed once built.
KEPT: dict[tuple[Any, ...], Any] = {}
M = TypeVar("M", InlineKeyboardMarkup, ReplyKeyboardMarkup)


def kept(key: tuple[Any, ...], build: Callable[[], M]) -> M:
    found: M | None = KEPT.get(key)
    if found is None:
        found = KEPT[key] = build()
    return found


def main_menu(i18n: I18nContext) -> ReplyKeyboardMarkup:
    """Goes with most answers."""
    return kept(("menu", i18n.locale), lambda: _main_menu(i18n))


def _main_menu(i18n: I18nContext) -> ReplyKeyboardMarkup:
    buttons = [KeyboardButton(text=i18n.get(key)) for key in MENU_KEYS]
    return ReplyKeyboardMarkup(
        keyboard=[buttons[0:2], buttons[2:4], buttons[4:]],  # the last row: three small items
        resize_keyboard=True,
        is_persistent=True,
    )


def pages(total: int, per_page: int) -> int:
    return max(1, ceil(total / per_page))


_PAGERS: dict[tuple[Any, ...], Row] = {}
PAGERS_KEPT = 4096


def pager(
    page: int, total_pages: int, make: Callable[[int], CallbackData], kind: Any = None
) -> Row:
    """Prev, up to five numbered pages around the current one, Next. With `kind` (what `make`
    makes, e.g. a category's key), the row is built once per page and page count."""
    if kind is None:
        return _pager(page, total_pages, make)
    key = (kind, page, total_pages)
    row = _PAGERS.get(key)
    if row is None:
        if len(_PAGERS) >= PAGERS_KEPT:  # bounded: categories × pages, search result counts
            _PAGERS.clear()
        row = _PAGERS[key] = _pager(page, total_pages, make)
    return list(row)


def _pager(page: int, total_pages: int, make: Callable[[int], CallbackData]) -> Row:
    if total_pages <= 1:
        return []
    row: Row = []
    if page > 0:
        row.append(button("◀", make(page - 1)))
    first = max(0, min(page - 2, total_pages - 5))
    for number in range(first, min(total_pages, first + 5)):
        label = f"· {number + 1} ·" if number == page else str(number + 1)
        row.append(button(label, make(number)))
    if page < total_pages - 1:
        row.append(button("▶", make(page + 1)))
    return row

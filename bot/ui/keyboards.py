"""Keyboards. Labels come from the locale files.

Markups are built from rows of buttons directly: aiogram's InlineKeyboardBuilder deep-copies
every button on each add/export, which was the largest cost per update (bench/README.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import ROUND_CEILING, Decimal
from functools import lru_cache
from math import ceil
from typing import Any, TypeVar
from urllib.parse import quote, urlencode

from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    WebAppInfo,
)
from aiogram_i18n import I18nContext

from bot.core.catalog import Catalog, Category
from bot.core.domain import STAGE_EMOJI, Order
from bot.core.forms import FieldSpec, Kind, choice_label
from bot.core.panel import Service
from bot.core.pricing import Pricing
from bot.core.settings import SUPPORTED_LOCALES
from bot.ui.callbacks import (
    CategoryPage,
    CategoryPick,
    ConfirmOrder,
    CryptoMenu,
    CryptoTopUp,
    EnterPromo,
    FormChoice,
    FormNav,
    FormStep,
    LanguagePick,
    OrderAction,
    OrderDo,
    OrdersPage,
    OrderStart,
    PlaceHeld,
    Resolution,
    ResolveOrder,
    SearchPage,
    ServicePick,
    SupportStart,
    TicketAnswer,
    TicketWrite,
    TopUp,
)
from bot.ui.render import money, rate, shorten

CATEGORIES_PER_PAGE = 10
SERVICES_PER_PAGE = 8
ORDERS_PER_PAGE = 8
TOPUP_AMOUNTS = (5, 10, 25, 50)
MIN_CRYPTO_CENTS = 10  # Crypto Pay's smallest sensible invoice
SHARE_URL = "https://t.me/share/url"
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


def button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return _BUTTON.model_copy(update={"text": text, "callback_data": data.pack()})


def markup(*rows: Row) -> InlineKeyboardMarkup:
    return _MARKUP.model_copy(update={"inline_keyboard": [row for row in rows if row]})


def in_rows(buttons: Sequence[InlineKeyboardButton], width: int) -> list[Row]:
    return [list(buttons[start : start + width]) for start in range(0, len(buttons), width)]


# Keyboards that depend only on the language and the shop's settings, built once each:
# keyboards are never changed once built.
_KEPT: dict[tuple[Any, ...], Any] = {}
M = TypeVar("M", InlineKeyboardMarkup, ReplyKeyboardMarkup)


def _kept(key: tuple[Any, ...], build: Callable[[], M]) -> M:
    found: M | None = _KEPT.get(key)
    if found is None:
        found = _KEPT[key] = build()
    return found


def main_menu(i18n: I18nContext) -> ReplyKeyboardMarkup:
    """Goes with most answers."""
    return _kept(("menu", i18n.locale), lambda: _main_menu(i18n))


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


def _service_button(service: Service, pricing: Pricing, currency: str, page: int = 0) -> Row:
    return [_pick_button(service.name, service.id, page, rate(pricing.rate(service), currency))]


@lru_cache(maxsize=8192)
def _pick_button(name: str, service_id: int, page: int, price: str) -> InlineKeyboardButton:
    """Lists and search results show the same services again and again: each button is
    built once for its name, page and price (a new price is a new button)."""
    return button(f"{shorten(name, 45)} · {price}", ServicePick(id=service_id, page=page))


def categories_page(catalog: Catalog, page: int) -> InlineKeyboardMarkup:
    """The same for every customer until the catalog is replaced: built once per page."""
    cache: dict[int, InlineKeyboardMarkup] = catalog.keyboards
    found = cache.get(page)
    if found is None:
        found = cache[page] = _categories_page(catalog, page)
    return found


def _categories_page(catalog: Catalog, page: int) -> InlineKeyboardMarkup:
    start = page * CATEGORIES_PER_PAGE
    rows = [
        [
            button(
                f"{shorten(category.name, 50)} ({len(category.services)})",
                CategoryPick(key=category.key),
            )
        ]
        for category in catalog.categories[start : start + CATEGORIES_PER_PAGE]
    ]
    total = pages(len(catalog.categories), CATEGORIES_PER_PAGE)
    return markup(*rows, pager(page, total, lambda n: CategoryPage(page=n), CategoryPage))


def services_page(
    i18n: I18nContext, category: Category, page: int, pricing: Pricing, currency: str
) -> InlineKeyboardMarkup:
    start = page * SERVICES_PER_PAGE
    rows = [
        _service_button(s, pricing, currency, page)
        for s in category.services[start : start + SERVICES_PER_PAGE]
    ]
    total = pages(len(category.services), SERVICES_PER_PAGE)
    kind = (CategoryPick, category.key)
    nav = pager(page, total, lambda n: CategoryPick(key=category.key, page=n), kind)
    return markup(*rows, nav, [button(i18n.get("button-back"), CategoryPage(page=0))])


def search_results(
    found: Sequence[Service], page: int, pricing: Pricing, currency: str
) -> InlineKeyboardMarkup:
    """One page of search results, paged through all of them."""
    start = page * SERVICES_PER_PAGE
    rows = [_service_button(s, pricing, currency) for s in found[start : start + SERVICES_PER_PAGE]]
    total = pages(len(found), SERVICES_PER_PAGE)
    nav = pager(page, total, lambda n: SearchPage(page=n), SearchPage)
    return markup(*rows, nav, [button("📂", CategoryPage(page=0))])


def service_detail(
    i18n: I18nContext, service: Service, category_key: str, page: int, orderable: bool
) -> InlineKeyboardMarkup:
    order = [button(i18n.get("button-order"), OrderStart(id=service.id))] if orderable else []
    return markup(
        order, [button(i18n.get("button-back"), CategoryPick(key=category_key, page=page))]
    )


def field_keyboard(i18n: I18nContext, spec: FieldSpec, can_go_back: bool) -> InlineKeyboardMarkup:
    key = ("field", i18n.locale, spec, can_go_back)
    return _kept(key, lambda: _field_keyboard(i18n, spec, can_go_back))


def _field_keyboard(i18n: I18nContext, spec: FieldSpec, can_go_back: bool) -> InlineKeyboardMarkup:
    choices: list[Row] = []
    if spec.kind is Kind.CHOICE:
        options = [
            button(choice_label(i18n.get, spec.name, v), FormChoice(value=v)) for v in spec.choices
        ]
        choices = in_rows(options, 4 if len(options) > 5 else 1)
    skip = [button(i18n.get("button-skip"), FormNav(action=FormStep.SKIP))] if spec.optional else []
    nav = [button(i18n.get("button-back"), FormNav(action=FormStep.BACK))] if can_go_back else []
    nav.append(button(i18n.get("button-cancel"), FormNav(action=FormStep.CANCEL)))
    return markup(*choices, skip, nav)


def confirm_keyboard(i18n: I18nContext, token: str) -> InlineKeyboardMarkup:
    return markup(
        [button(i18n.get("button-confirm"), ConfirmOrder(token=token))],
        [
            button(i18n.get("button-edit"), FormNav(action=FormStep.EDIT)),
            button(i18n.get("button-cancel"), FormNav(action=FormStep.CANCEL)),
        ],
    )


def orders_list(orders: Sequence[Order], page: int, total: int) -> InlineKeyboardMarkup:
    rows = [
        [
            button(
                f"{STAGE_EMOJI[o.stage]} #{o.id} · {shorten(o.service_name, 35)} · {o.quantity}",
                OrderAction(id=o.id, action=OrderDo.VIEW),
            )
        ]
        for o in orders
    ]
    nav = pager(page, pages(total, ORDERS_PER_PAGE), lambda n: OrdersPage(page=n), OrdersPage)
    return markup(*rows, nav)


def order_detail(
    i18n: I18nContext, order: Order, can_refill: bool, can_cancel: bool
) -> InlineKeyboardMarkup:
    actions = [button(i18n.get("button-refresh"), OrderAction(id=order.id, action=OrderDo.REFRESH))]
    if can_refill:
        actions.append(
            button(i18n.get("button-refill"), OrderAction(id=order.id, action=OrderDo.REFILL))
        )
    if can_cancel:
        actions.append(
            button(i18n.get("button-cancel"), OrderAction(id=order.id, action=OrderDo.CANCEL))
        )
    actions.append(
        button(i18n.get("button-order-again"), OrderAction(id=order.id, action=OrderDo.AGAIN))
    )
    actions.append(button(i18n.get("button-support"), SupportStart(order=order.id)))
    actions.append(button(i18n.get("button-back"), OrdersPage(page=0)))
    return markup(*in_rows(actions, 2))


def ticket_write(translate: Callable[..., str], ticket_id: int) -> InlineKeyboardMarkup:
    return markup([button(translate("button-reply"), TicketWrite(id=ticket_id))])


def ticket_answer(translate: Callable[..., str], ticket_id: int) -> InlineKeyboardMarkup:
    return markup([button(translate("button-reply"), TicketAnswer(id=ticket_id))])


def open_order(translate: Callable[..., str], order_id: int) -> InlineKeyboardMarkup:
    return markup(
        [button(translate("button-open-order"), OrderAction(id=order_id, action=OrderDo.VIEW))]
    )


def stalled_order(
    translate: Callable[..., str], order_id: int, can_cancel: bool
) -> InlineKeyboardMarkup:
    row = [button(translate("button-open-order"), OrderAction(id=order_id, action=OrderDo.VIEW))]
    if can_cancel:
        row.append(
            button(translate("button-cancel"), OrderAction(id=order_id, action=OrderDo.CANCEL))
        )
    return markup(row, [button(translate("button-support"), SupportStart(order=order_id))])


def resolve_order(translate: Callable[..., str], order_id: int) -> InlineKeyboardMarkup:
    return markup(
        [
            button(
                translate("button-resolve-refund"),
                ResolveOrder(id=order_id, action=Resolution.REFUND),
            ),
            button(
                translate("button-resolve-attach"),
                ResolveOrder(id=order_id, action=Resolution.ATTACH),
            ),
        ]
    )


def languages(i18n: I18nContext) -> InlineKeyboardMarkup:
    return _kept(("languages", i18n.locale), lambda: _languages(i18n))


def _languages(i18n: I18nContext) -> InlineKeyboardMarkup:
    options = [
        button(i18n.get("language-name", code), LanguagePick(code=code))
        for code in SUPPORTED_LOCALES
    ]
    return markup(*in_rows(options, 2))


def topup_keyboard(i18n: I18nContext, currency: str, crypto: bool = False) -> InlineKeyboardMarkup:
    key = ("topup", i18n.locale, currency, crypto)
    return _kept(key, lambda: _topup_keyboard(i18n, currency, crypto))


def _topup_keyboard(i18n: I18nContext, currency: str, crypto: bool) -> InlineKeyboardMarkup:
    options = [
        button(i18n.get("button-topup", amount=money(Decimal(n), currency)), TopUp(amount=n))
        for n in TOPUP_AMOUNTS
    ]
    crypto_row = [button(i18n.get("button-crypto"), CryptoMenu())] if crypto else []
    promo = [button(i18n.get("button-promo"), EnterPromo())]
    return markup(*in_rows(options, 2), crypto_row, promo)


def crypto_amounts(i18n: I18nContext, currency: str) -> InlineKeyboardMarkup:
    return _kept(("crypto", i18n.locale, currency), lambda: _crypto_amounts(i18n, currency))


def _crypto_amounts(i18n: I18nContext, currency: str) -> InlineKeyboardMarkup:
    options = [
        button(
            i18n.get("button-crypto-amount", amount=money(Decimal(n), currency)),
            CryptoTopUp(cents=n * 100),
        )
        for n in TOPUP_AMOUNTS
    ]
    return markup(*in_rows(options, 2))


def pay_link(i18n: I18nContext, url: str, amount: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=i18n.get("button-crypto-pay", amount=amount), url=url)]
        ]
    )


def shortfall_keyboard(
    i18n: I18nContext, token: str, currency: str, shortfall: Decimal, crypto: bool
) -> InlineKeyboardMarkup:
    """The summary's buttons when the wallet is short: top up exactly what is missing (Stars
    buy whole units), or confirm once the money is there."""
    whole = max(1, int(shortfall.to_integral_value(rounding=ROUND_CEILING)))
    stars = button(
        i18n.get("button-topup", amount=money(Decimal(whole), currency)), TopUp(amount=whole)
    )
    pay = [stars]
    if crypto:
        cents = int((shortfall * 100).to_integral_value(rounding=ROUND_CEILING))
        label = i18n.get("button-crypto-amount", amount=money(shortfall, currency))
        pay.append(button(label, CryptoTopUp(cents=max(cents, MIN_CRYPTO_CENTS))))
    return markup(
        pay,
        [button(i18n.get("button-confirm"), ConfirmOrder(token=token))],
        [
            button(i18n.get("button-edit"), FormNav(action=FormStep.EDIT)),
            button(i18n.get("button-cancel"), FormNav(action=FormStep.CANCEL)),
        ],
    )


def place_held_keyboard(t: Callable[..., str], token: str) -> InlineKeyboardMarkup:
    return markup(
        [button(t("button-place-now"), PlaceHeld(token=token))],
        [button(t("button-cancel"), FormNav(action=FormStep.CANCEL))],
    )


def share_keyboard(i18n: I18nContext, link: str) -> InlineKeyboardMarkup:
    """Telegram's own share sheet with the link and an invitation in the sharer's language."""
    query = urlencode({"url": link, "text": i18n.get("referral-share-text")}, quote_via=quote)
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=i18n.get("button-share"), url=f"{SHARE_URL}?{query}")]
        ]
    )


def open_shop(i18n: I18nContext, url: str) -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(text=i18n.get("button-open-shop"), web_app=WebAppInfo(url=url))
    return InlineKeyboardMarkup(inline_keyboard=[[button]])

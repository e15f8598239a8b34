"""Keyboards, built with aiogram's builders. Labels come from the locale files."""

from __future__ import annotations

from collections.abc import Sequence
from math import ceil

from aiogram.types import InlineKeyboardMarkup, ReplyKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder, ReplyKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.catalog import Catalog, Category
from bot.domain import STAGE_EMOJI, Order
from bot.forms import FieldSpec, Kind, choice_label
from bot.panel import Service
from bot.pricing import Pricing
from bot.render import shorten
from bot.settings import SUPPORTED_LOCALES
from handlers.callbacks import (
    CategoryPage,
    CategoryPick,
    ConfirmOrder,
    FormChoice,
    FormNav,
    LanguagePick,
    OrderAction,
    OrdersPage,
    OrderStart,
    ServicePick,
)

CATEGORIES_PER_PAGE = 10
SERVICES_PER_PAGE = 8
ORDERS_PER_PAGE = 8
MENU_KEYS = ("menu-new-order", "menu-my-orders", "menu-balance", "menu-help", "menu-language")


def main_menu(i18n: I18nContext) -> ReplyKeyboardMarkup:
    builder = ReplyKeyboardBuilder()
    for key in MENU_KEYS:
        builder.button(text=i18n.get(key))
    builder.adjust(2, 2, 1)
    return builder.as_markup(resize_keyboard=True, is_persistent=True)


def pages(total: int, per_page: int) -> int:
    return max(1, ceil(total / per_page))


def _pager(
    builder: InlineKeyboardBuilder, page: int, total_pages: int, make: type, **extra: object
) -> int:
    """Prev, numbered pages around the current one, Next. Returns the buttons added."""
    if total_pages <= 1:
        return 0
    buttons = 0
    if page > 0:
        builder.button(text="◀", callback_data=make(page=page - 1, **extra))
        buttons += 1
    first = max(0, min(page - 2, total_pages - 5))
    for number in range(first, min(total_pages, first + 5)):
        label = f"· {number + 1} ·" if number == page else str(number + 1)
        builder.button(text=label, callback_data=make(page=number, **extra))
        buttons += 1
    if page < total_pages - 1:
        builder.button(text="▶", callback_data=make(page=page + 1, **extra))
        buttons += 1
    return buttons


def categories_page(catalog: Catalog, page: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    start = page * CATEGORIES_PER_PAGE
    chunk = catalog.categories[start : start + CATEGORIES_PER_PAGE]
    for category in chunk:
        builder.button(
            text=f"{shorten(category.name, 50)} ({len(category.services)})",
            callback_data=CategoryPick(key=category.key, page=0),
        )
    nav = _pager(builder, page, pages(len(catalog.categories), CATEGORIES_PER_PAGE), CategoryPage)
    builder.adjust(*([1] * len(chunk)), *([nav] if nav else []))
    return builder.as_markup()


def services_page(
    i18n: I18nContext, category: Category, page: int, pricing: Pricing, currency: str
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    start = page * SERVICES_PER_PAGE
    chunk = category.services[start : start + SERVICES_PER_PAGE]
    for service in chunk:
        price = pricing.rate(service).normalize()
        builder.button(
            text=f"{shorten(service.name, 45)} · {price:f} {currency}",
            callback_data=ServicePick(id=service.id, page=page),
        )
    nav = _pager(
        builder,
        page,
        pages(len(category.services), SERVICES_PER_PAGE),
        CategoryPick,
        key=category.key,
    )
    builder.button(text=i18n.get("button-back"), callback_data=CategoryPage(page=0))
    builder.adjust(*([1] * len(chunk)), *([nav] if nav else []), 1)
    return builder.as_markup()


def search_results(
    services: Sequence[Service], pricing: Pricing, currency: str
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for service in services:
        price = pricing.rate(service).normalize()
        builder.button(
            text=f"{shorten(service.name, 45)} · {price:f} {currency}",
            callback_data=ServicePick(id=service.id),
        )
    builder.button(text="📂", callback_data=CategoryPage(page=0))
    builder.adjust(1)
    return builder.as_markup()


def service_detail(
    i18n: I18nContext, service: Service, category_key: str, page: int, orderable: bool
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if orderable:
        builder.button(text=i18n.get("button-order"), callback_data=OrderStart(id=service.id))
    builder.button(
        text=i18n.get("button-back"), callback_data=CategoryPick(key=category_key, page=page)
    )
    builder.adjust(1)
    return builder.as_markup()


def field_keyboard(i18n: I18nContext, spec: FieldSpec, can_go_back: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    widths: list[int] = []
    if spec.kind is Kind.CHOICE:
        for value in spec.choices:
            builder.button(
                text=choice_label(i18n.get, spec.name, value), callback_data=FormChoice(value=value)
            )
        widths += (
            [4] * ceil(len(spec.choices) / 4) if len(spec.choices) > 5 else [1] * len(spec.choices)
        )
    if spec.optional:
        builder.button(text=i18n.get("button-skip"), callback_data=FormNav(action="skip"))
        widths.append(1)
    nav = 0
    if can_go_back:
        builder.button(text=i18n.get("button-back"), callback_data=FormNav(action="back"))
        nav += 1
    builder.button(text=i18n.get("button-cancel"), callback_data=FormNav(action="cancel"))
    builder.adjust(*widths, nav + 1)
    return builder.as_markup()


def confirm_keyboard(i18n: I18nContext, token: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=i18n.get("button-confirm"), callback_data=ConfirmOrder(token=token))
    builder.button(text=i18n.get("button-edit"), callback_data=FormNav(action="edit"))
    builder.button(text=i18n.get("button-cancel"), callback_data=FormNav(action="cancel"))
    builder.adjust(1, 2)
    return builder.as_markup()


def orders_list(orders: Sequence[Order], page: int, total: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for order in orders:
        name = shorten(order.service_name, 35)
        builder.button(
            text=f"{STAGE_EMOJI[order.stage]} #{order.id} · {name} · {order.quantity}",
            callback_data=OrderAction(id=order.id, action="view"),
        )
    nav = _pager(builder, page, pages(total, ORDERS_PER_PAGE), OrdersPage)
    builder.adjust(*([1] * len(orders)), *([nav] if nav else []))
    return builder.as_markup()


def order_detail(
    i18n: I18nContext, order: Order, can_refill: bool, can_cancel: bool
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=i18n.get("button-refresh"), callback_data=OrderAction(id=order.id, action="refresh")
    )
    if can_refill:
        builder.button(
            text=i18n.get("button-refill"), callback_data=OrderAction(id=order.id, action="refill")
        )
    if can_cancel:
        builder.button(
            text=i18n.get("button-cancel"), callback_data=OrderAction(id=order.id, action="cancel")
        )
    builder.button(
        text=i18n.get("button-order-again"), callback_data=OrderAction(id=order.id, action="again")
    )
    builder.button(text=i18n.get("button-back"), callback_data=OrdersPage(page=0))
    builder.adjust(2)
    return builder.as_markup()


def languages(i18n: I18nContext) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for code in SUPPORTED_LOCALES:
        builder.button(text=i18n.get("language-name", code), callback_data=LanguagePick(code=code))
    builder.adjust(2)
    return builder.as_markup()


TOPUP_AMOUNTS = (5, 10, 25, 50)


def topup_keyboard(i18n: I18nContext, currency: str) -> InlineKeyboardMarkup:
    from handlers.callbacks import TopUp

    builder = InlineKeyboardBuilder()
    for amount in TOPUP_AMOUNTS:
        builder.button(
            text=i18n.get("button-topup", amount=f"{amount} {currency}"),
            callback_data=TopUp(amount=amount),
        )
    builder.adjust(2)
    return builder.as_markup()

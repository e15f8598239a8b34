"""The shop's keyboards: categories, services, search results, a service, the form's
questions and the summary."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
)
from aiogram_i18n import I18nContext

from bot.core.catalog.cache import Catalog, Category
from bot.core.catalog.pricing import Pricing
from bot.core.ordering.forms import FieldSpec, Kind, choice_label
from bot.core.panels import Service
from bot.ui.callbacks import (
    CategoryPage,
    CategoryPick,
    ConfirmOrder,
    FormChoice,
    FormNav,
    FormStep,
    OrderStart,
    SearchPage,
    ServicePick,
)
from bot.ui.keyboards.kit import (
    CATEGORIES_PER_PAGE,
    SERVICES_PER_PAGE,
    Row,
    Tone,
    button,
    in_rows,
    kept,
    markup,
    pager,
    pages,
)
from bot.ui.render import rate, shorten


def _service_button(service: Service, pricing: Pricing, currency: str, page: int = 0) -> Row:
    return [_pick_button(service.name, service.id, page, rate(pricing.rate(service), currency))]


@lru_cache(maxsize=8192)
def _pick_button(name: str, service_id: int, page: int, price: str) -> InlineKeyboardButton:
    """Lists and search results show the same services again and again: each button is
    built once for its name, page and price (a new price is a new button)."""
    return button(f"{shorten(name, 45)} · {price}", ServicePick(id=service_id, page=page))


def categories_page(catalog: Catalog, page: int, recommended: str) -> InlineKeyboardMarkup:
    """The same for every customer of a language until the catalog is replaced: built once
    per page. The first page opens with "⭐ Recommended" when admins feature services."""
    cache: dict[Any, InlineKeyboardMarkup] = catalog.keyboards
    found = cache.get((page, recommended))
    if found is None:
        found = cache[(page, recommended)] = _categories_page(catalog, page, recommended)
    return found


def _categories_page(catalog: Catalog, page: int, recommended: str) -> InlineKeyboardMarkup:
    start = page * CATEGORIES_PER_PAGE
    featured = catalog.featured
    top = []
    if featured is not None and page == 0:
        label = f"{recommended} ({len(featured.services)})"
        top = [button(label, CategoryPick(key=featured.key))]
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
    return markup(top, *rows, pager(page, total, lambda n: CategoryPage(page=n), CategoryPage))


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
    return kept(key, lambda: _field_keyboard(i18n, spec, can_go_back))


def _field_keyboard(i18n: I18nContext, spec: FieldSpec, can_go_back: bool) -> InlineKeyboardMarkup:
    choices: list[Row] = []
    if spec.kind is Kind.CHOICE:
        options = [
            button(choice_label(i18n.get, spec.name, v), FormChoice(value=v)) for v in spec.choices
        ]
        choices = in_rows(options, 4 if len(options) > 5 else 1)
    skip = [button(i18n.get("button-skip"), FormNav(action=FormStep.SKIP))] if spec.optional else []
    nav = [button(i18n.get("button-back"), FormNav(action=FormStep.BACK))] if can_go_back else []
    nav.append(button(i18n.get("button-cancel"), FormNav(action=FormStep.CANCEL), Tone.STOP))
    return markup(*choices, skip, nav)


def confirm_keyboard(i18n: I18nContext, token: str) -> InlineKeyboardMarkup:
    return markup(
        [button(i18n.get("button-confirm"), ConfirmOrder(token=token), Tone.GO)],
        [
            button(i18n.get("button-edit"), FormNav(action=FormStep.EDIT)),
            button(i18n.get("button-cancel"), FormNav(action=FormStep.CANCEL), Tone.STOP),
        ],
    )

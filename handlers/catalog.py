"""Browsing the catalog: categories, services of a category (paginated), search, details."""

from __future__ import annotations

from dataclasses import dataclass

from aiogram import Router, html
from aiogram.filters import Command, CommandObject, Filter, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext, LazyFilter

from bot.core.catalog.cache import FEATURED_KEY, CatalogCache, category_key
from bot.core.catalog.curation import Curation
from bot.core.catalog.guarantees import GuaranteeBook
from bot.core.catalog.pricing import Pricing
from bot.core.delivery.estimates import DeliveryTime
from bot.core.delivery.times import DeliveryTimes, counts_per_thousand
from bot.core.growth.loyalty import Sales
from bot.core.money import fmt_rate
from bot.core.ordering.forms import is_orderable
from bot.core.panels import Service
from bot.core.reliability.book import ReliabilityBook
from bot.core.reliability.record import Figures
from bot.core.shop import Shop
from bot.ui.callbacks import CategoryPage, CategoryPick, SearchPage, ServicePick
from bot.ui.deep_links import SERVICE_START, service_from_start
from bot.ui.filters import TypedText
from bot.ui.keyboards import (
    CATEGORIES_PER_PAGE,
    SERVICES_PER_PAGE,
    categories_page,
    main_menu,
    pages,
    search_results,
    service_detail,
    services_page,
)
from bot.ui.loyalty_texts import sale_line
from bot.ui.record_texts import record_line
from bot.ui.refill_texts import guarantee_line
from bot.ui.render import demo_note, shorten, usual_time
from handlers.replies import show_in_place
from handlers.states import OrderForm


async def open_catalog(
    message: Message, i18n: I18nContext, state: FSMContext, catalog: CatalogCache, sales: Sales
) -> None:
    current = await catalog.get()  # unavailable: answered by the errors router
    await state.set_state(OrderForm.browsing)
    await state.set_data({})
    lines = [
        i18n.get(
            "catalog-categories",
            page="1",
            pages=str(pages(len(current.categories), CATEGORIES_PER_PAGE)),
        ),
        i18n.get("mass-hint"),
    ]
    banner = sale_line(i18n.get, await sales.current())
    await message.answer(
        "\n".join([banner, *lines] if banner else lines),
        reply_markup=categories_page(current, 0, i18n.get("catalog-recommended")),
    )


async def category_page(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: CategoryPage,
    i18n: I18nContext,
    catalog: CatalogCache,
    state: FSMContext,
) -> None:
    current = await catalog.get()  # unavailable: answered by the errors router
    total = pages(len(current.categories), CATEGORIES_PER_PAGE)
    page = min(max(callback_data.page, 0), total - 1)
    await state.set_state(OrderForm.browsing)
    text = i18n.get("catalog-categories", page=str(page + 1), pages=str(total))
    await show_in_place(
        query, text, categories_page(current, page, i18n.get("catalog-recommended"))
    )


async def category_services(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: CategoryPick,
    i18n: I18nContext,
    catalog: CatalogCache,
    pricing: Pricing,
    shop: Shop,
) -> None:
    current = await catalog.get()  # unavailable: answered by the errors router
    category = current.by_category_key.get(callback_data.key)
    if category is None:
        callback_answer.text = i18n.get("stale-button")
        callback_answer.show_alert = True
        return
    total = pages(len(category.services), SERVICES_PER_PAGE)
    page = min(max(callback_data.page, 0), total - 1)
    name = i18n.get("catalog-recommended") if category.key == FEATURED_KEY else category.name
    text = i18n.get(
        "catalog-services",
        category=html.quote(shorten(name, 100)),
        page=str(page + 1),
        pages=str(total),
        count=len(category.services),
    )
    text += demo_note(i18n.get, shop.demo)
    await show_in_place(query, text, services_page(i18n, category, page, pricing, shop.currency))


def describe_service(
    i18n: I18nContext,
    service: Service,
    pricing: Pricing,
    currency: str,
    usual: DeliveryTime | None = None,
    record: Figures | None = None,
) -> str:
    lines = [
        f"<b>{html.quote(shorten(service.name, 200))}</b>",
        i18n.get("service-id", id=str(service.id)),
        i18n.get("service-price", price=fmt_rate(pricing.rate(service)), currency=currency),
        i18n.get("service-limits", min=str(service.min), max=str(service.max)),
        i18n.get("service-refill-yes" if service.refill else "service-refill-no"),
        i18n.get("service-cancel-yes" if service.cancel else "service-cancel-no"),
    ]
    said = usual_time(i18n.get, usual, None)
    if said:
        lines.append(said)
    measured = record_line(i18n.get, record, counts_per_thousand(service.type))
    if measured:
        lines.append(measured)
    if service.description:
        lines.append("\n" + html.quote(shorten(service.description, 1500)))
    if not is_orderable(service):
        lines.append("\n" + i18n.get("service-not-orderable", type=html.quote(service.type)))
    return "\n".join(lines)


async def service_card(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: ServicePick,
    i18n: I18nContext,
    catalog: CatalogCache,
    pricing: Pricing,
    shop: Shop,
    delivery: DeliveryTimes,
    guarantees: GuaranteeBook,
    curation: Curation,
    reliability: ReliabilityBook,
) -> None:
    current = await catalog.get()  # unavailable: answered by the errors router
    service = current.by_id.get(callback_data.id)
    if service is None:
        callback_answer.text = i18n.get("service-gone")
        callback_answer.show_alert = True
        return
    view = ServiceView(i18n, pricing, shop, delivery, guarantees, curation, reliability)
    text, markup = await view.card(service, callback_data.page)
    await show_in_place(query, text, markup)


@dataclass(frozen=True)
class ServiceView:
    """A service's card and its buttons, as a tap in the catalog or a link shows it."""

    i18n: I18nContext
    pricing: Pricing
    shop: Shop
    delivery: DeliveryTimes
    guarantees: GuaranteeBook
    curation: Curation
    reliability: ReliabilityBook

    async def card(self, service: Service, page: int = 0) -> tuple[str, InlineKeyboardMarkup]:
        i18n = self.i18n
        usual = await self.delivery.of(service.id, service.type)
        record = await self.reliability.of(service.id)
        text = describe_service(i18n, service, self.pricing, self.shop.currency, usual, record)
        promised = guarantee_line(i18n.get, await self.guarantees.of(service))
        if promised:
            text += "\n" + promised
        paused = self.curation.paused(service.id) is not None
        if paused:
            text += "\n\n" + i18n.get("service-paused")
        text += demo_note(i18n.get, self.shop.demo)
        orderable = is_orderable(service) and not paused
        return text, service_detail(i18n, service, category_key(service.category), page, orderable)


async def service_link(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    pricing: Pricing,
    shop: Shop,
    delivery: DeliveryTimes,
    guarantees: GuaranteeBook,
    curation: Curation,
    reliability: ReliabilityBook,
) -> None:
    """`/start svc_<id>`: a service shared from inline mode, opened in the bot's chat."""
    await state.clear()
    service_id = service_from_start(command.args)
    current = await catalog.get()  # unavailable: answered by the errors router
    service = current.by_id.get(service_id) if service_id is not None else None
    if service is None:
        await message.answer(i18n.get("service-gone"), reply_markup=main_menu(i18n))
        return
    view = ServiceView(i18n, pricing, shop, delivery, guarantees, curation, reliability)
    text, markup = await view.card(service)
    await message.answer(text, reply_markup=markup)


class ServiceLink(Filter):
    async def __call__(self, message: Message) -> bool:
        command, _, payload = (message.text or "").partition(" ")
        return command.split("@")[0] == "/start" and payload.strip().startswith(SERVICE_START)


async def search(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    pricing: Pricing,
    shop: Shop,
) -> None:
    current = await catalog.get()  # unavailable: answered by the errors router
    query_text = (message.text or "")[:100]
    found = current.search(query_text)
    if not found:
        await message.answer(i18n.get("search-nothing", query=html.quote(query_text)))
        return
    await state.update_data(search=query_text)
    await message.answer(
        i18n.get("search-results", count=len(found), query=html.quote(query_text))
        + demo_note(i18n.get, shop.demo),
        reply_markup=search_results(found, 0, pricing, shop.currency),
    )


async def search_page(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: SearchPage,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    pricing: Pricing,
    shop: Shop,
) -> None:
    current = await catalog.get()
    query_text = str((await state.get_data()).get("search") or "")
    found = current.search(query_text)
    if not found:  # the conversation moved on: this page belongs to an old search
        callback_answer.text = i18n.get("stale-button")
        callback_answer.show_alert = True
        return
    page = min(max(callback_data.page, 0), pages(len(found), SERVICES_PER_PAGE) - 1)
    text = i18n.get("search-results", count=len(found), query=html.quote(query_text))
    text += demo_note(i18n.get, shop.demo)
    await show_in_place(query, text, search_results(found, page, pricing, shop.currency))


def register(router: Router) -> None:
    router.message.register(open_catalog, LazyFilter("menu-new-order"))
    router.message.register(open_catalog, Command("order"))
    router.callback_query.register(category_page, CategoryPage.filter())
    router.callback_query.register(category_services, CategoryPick.filter())
    router.callback_query.register(service_card, ServicePick.filter())
    router.message.register(search, StateFilter(OrderForm.browsing), TypedText())
    router.callback_query.register(search_page, SearchPage.filter())

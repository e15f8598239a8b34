"""Support tickets: a customer writes (text, photo or document), optionally about an order;
admins answer in a topic of the support group (SUPPORT_CHAT_ID), or from their private chats
with a Reply button when there is no group. `/close` in a topic closes its ticket."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from aiogram import Bot, Router, html
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.types import User as TelegramUser
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext, LazyFilter

from bot.core.customers.user_store import UserStore
from bot.core.domain import parse_id
from bot.core.ordering.order_store import OrderStore
from bot.core.settings import Settings
from bot.core.staff.roles import may
from bot.core.staff.store import Staff
from bot.core.support.ticket_store import Ticket, TicketStore, TooManyTicketsError
from bot.ui.callbacks import SupportStart, TicketAnswer, TicketWrite
from bot.ui.filters import CommandLike, MessageCheck, is_typed_text
from bot.ui.i18n import Translator, pick_locale
from bot.ui.keyboards import main_menu, ticket_answer, ticket_write
from bot.ui.render import order_card, shorten
from bot.ui.staff_gate import IsStaff
from handlers.states import AdminInput, SupportForm

logger = logging.getLogger(__name__)
MAX_OPEN_TICKETS = 3  # a customer's open tickets at once


class InChat(MessageCheck):
    def __init__(self, chat_id: int) -> None:
        self._chat_id = chat_id

    def check(self, event: Any) -> bool:
        chat = getattr(event, "chat", None)
        return chat is not None and chat.id == self._chat_id


class CustomerContent(MessageCheck):
    """What a ticket accepts: text (not a command), a photo or a document."""

    def check(self, event: Any) -> bool:
        has_file = getattr(event, "photo", None) or getattr(event, "document", None)
        return bool(has_file) or is_typed_text(event)


# -- the customer ---------------------------------------------------------------------------


async def ask(message: Message, i18n: I18nContext, state: FSMContext, order_id: int) -> None:
    await state.set_state(SupportForm.writing)
    await state.set_data({"order": order_id})
    key = "support-ask-order" if order_id else "support-ask"
    await message.answer(i18n.get(key, id=str(order_id)))


async def support_command(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await ask(message, i18n, state, 0)


async def support_about_order(
    query: CallbackQuery,
    callback_data: SupportStart,
    i18n: I18nContext,
    state: FSMContext,
    orders: OrderStore,
) -> None:
    order = await orders.get_order(callback_data.order, user_id=query.from_user.id)
    if isinstance(query.message, Message):
        await ask(query.message, i18n, state, order.id if order else 0)


async def write_more(
    query: CallbackQuery,
    callback_data: TicketWrite,
    callback_answer: CallbackAnswer,
    i18n: I18nContext,
    state: FSMContext,
    tickets: TicketStore,
) -> None:
    ticket = await tickets.ticket(callback_data.id)
    if ticket is None or ticket.user_id != query.from_user.id or not ticket.is_open:
        callback_answer.text = i18n.get("support-ticket-closed")
        callback_answer.show_alert = True
        return
    await state.set_state(SupportForm.writing)
    await state.set_data({"order": ticket.order_id or 0, "ticket": ticket.id})
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("support-ask"))


async def customer_writes(
    message: Message,
    bot: Bot,
    i18n: I18nContext,
    state: FSMContext,
    settings: Settings,
    tickets: TicketStore,
    orders: OrderStore,
    translator: Translator,
) -> None:
    data = await state.get_data()
    order_id = int(data.get("order") or 0)
    try:
        ticket = await tickets.open_ticket(message.chat.id, order_id or None, MAX_OPEN_TICKETS)
    except TooManyTicketsError as exc:
        await state.clear()
        await message.answer(i18n.get("support-too-many", count=exc.limit))
        return
    try:
        await _deliver_to_staff(bot, message, ticket, settings, orders, tickets, translator)
    except TelegramAPIError as exc:  # the group is gone or the bot lost its rights
        logger.error("could not reach support", extra={"error": type(exc).__name__})
        await message.answer(i18n.get("support-unavailable"))
        return
    await state.update_data(ticket=ticket.id)
    await message.answer(i18n.get("support-sent", id=str(ticket.id)), reply_markup=main_menu(i18n))


async def _deliver_to_staff(
    bot: Bot,
    message: Message,
    ticket: Ticket,
    settings: Settings,
    orders: OrderStore,
    tickets: TicketStore,
    translator: Translator,
) -> None:
    locale = settings.default_locale
    who = _who(message.from_user)
    if settings.support_chat_id is not None:
        thread = ticket.thread_id
        if thread is None:  # the first message of a ticket opens its topic
            order = f" · #{ticket.order_id}" if ticket.order_id else ""
            name = shorten(f"#{ticket.id} · {who}{order}", 120)
            topic = await bot.create_forum_topic(settings.support_chat_id, name)
            thread = topic.message_thread_id
            await tickets.set_thread(ticket.id, thread)
            head = translator("support-topic-head", locale, id=str(ticket.id), user=html.quote(who))
            if ticket.order_id:
                found = await orders.get_order(ticket.order_id)
                if found is not None:
                    head += "\n\n" + order_card(partial(translator, locale=locale), found)
            await bot.send_message(settings.support_chat_id, head, message_thread_id=thread)
        await bot.copy_message(
            settings.support_chat_id, message.chat.id, message.message_id, message_thread_id=thread
        )
        return
    head = translator("support-private-head", locale, id=str(ticket.id), user=html.quote(who))
    t = partial(translator, locale=locale)
    for admin in settings.admin_ids:
        await bot.send_message(admin, head)
        await bot.copy_message(
            admin, message.chat.id, message.message_id, reply_markup=ticket_answer(t, ticket.id)
        )


def _who(user: TelegramUser | None) -> str:
    """Who wrote, as plain text: a topic's name takes it as it is, a message escapes it."""
    if user is None:
        return "?"
    name = user.full_name or str(user.id)
    return f"{name} (@{user.username})" if user.username else f"{name} ({user.id})"


async def customer_sends_other(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("support-media-only"))


# -- the staff --------------------------------------------------------------------------------


async def _customer_text(
    users: UserStore, translator: Translator, settings: Settings, user_id: int
) -> Callable[..., str]:
    """Texts in the customer's language (staff write in theirs)."""
    customer = await users.get_user(user_id)
    locale = pick_locale(customer.locale if customer else None, None, settings.default_locale)
    return partial(translator, locale=locale)


async def _to_customer(
    bot: Bot,
    ticket: Ticket,
    message: Message,
    users: UserStore,
    translator: Translator,
    settings: Settings,
) -> None:
    t = await _customer_text(users, translator, settings, ticket.user_id)
    await bot.send_message(ticket.user_id, t("support-answer-head", id=str(ticket.id)))
    await bot.copy_message(
        ticket.user_id, message.chat.id, message.message_id, reply_markup=ticket_write(t, ticket.id)
    )


async def _staff_topic_ticket(
    message: Message, staff: Staff, tickets: TicketStore
) -> Ticket | None:
    """The ticket of the topic staff writes in; None for anyone else in the group (not
    support staff: ignored) or outside a ticket's topic."""
    if message.message_thread_id is None or message.from_user is None:
        return None
    if not may(await staff.role_of(message.from_user.id), "ticket"):
        return None
    return await tickets.by_thread(message.message_thread_id)


async def staff_writes_in_topic(
    message: Message,
    bot: Bot,
    settings: Settings,
    tickets: TicketStore,
    users: UserStore,
    translator: Translator,
    staff: Staff,
) -> None:
    ticket = await _staff_topic_ticket(message, staff, tickets)
    if ticket is None or not ticket.is_open:
        return
    await _to_customer(bot, ticket, message, users, translator, settings)


async def close_in_topic(
    message: Message,
    bot: Bot,
    i18n: I18nContext,
    settings: Settings,
    tickets: TicketStore,
    users: UserStore,
    translator: Translator,
    staff: Staff,
) -> None:
    ticket = await _staff_topic_ticket(message, staff, tickets)
    if ticket is None or message.message_thread_id is None:
        return
    await _close(bot, message, ticket.id, i18n, settings, tickets, users, translator)
    with contextlib.suppress(TelegramAPIError):
        await bot.close_forum_topic(message.chat.id, message.message_thread_id)


async def _close(
    bot: Bot,
    message: Message,
    ticket_id: int,
    i18n: I18nContext,
    settings: Settings,
    tickets: TicketStore,
    users: UserStore,
    translator: Translator,
) -> None:
    closed = await tickets.close(ticket_id)
    if closed is None:
        await message.answer(i18n.get("support-already-closed", id=str(ticket_id)))
        return
    t = await _customer_text(users, translator, settings, closed.user_id)
    with contextlib.suppress(TelegramAPIError):  # a customer who blocked the bot
        await bot.send_message(closed.user_id, t("support-closed", id=str(closed.id)))
    await message.answer(i18n.get("support-closed-staff", id=str(closed.id)))


async def ignore_group(message: Message) -> None:
    """Anything else in the support group is the staff's talk, not a command to the bot."""


async def answer_privately(
    query: CallbackQuery,
    callback_data: TicketAnswer,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await state.set_state(AdminInput.ticket_reply)
    await state.set_data({"ticket": callback_data.id})
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("support-staff-ask", id=str(callback_data.id)))


async def staff_writes_privately(
    message: Message,
    bot: Bot,
    i18n: I18nContext,
    state: FSMContext,
    settings: Settings,
    tickets: TicketStore,
    users: UserStore,
    translator: Translator,
) -> None:
    ticket = await tickets.ticket(int((await state.get_data()).get("ticket") or 0))
    await state.clear()
    if ticket is None or not ticket.is_open:
        await message.answer(i18n.get("support-ticket-closed"))
        return
    await _to_customer(bot, ticket, message, users, translator, settings)
    await message.answer(i18n.get("support-staff-sent", id=str(ticket.id)))


async def close_command(
    message: Message,
    command: CommandObject,
    bot: Bot,
    i18n: I18nContext,
    settings: Settings,
    tickets: TicketStore,
    users: UserStore,
    translator: Translator,
) -> None:
    ticket_id = parse_id((command.args or "").strip().lstrip("#"))
    if ticket_id is None:
        await message.answer(i18n.get("support-close-usage"))
        return
    await _close(bot, message, ticket_id, i18n, settings, tickets, users, translator)


def group_router(chat_id: int) -> Router:
    """The support group's messages; included before every other router, so nothing said
    there reaches the customers' handlers."""
    group = Router(name=f"{__name__}.group")
    group.message.filter(InChat(chat_id))
    group.message.register(close_in_topic, Command("close"))
    group.message.register(ignore_group, CommandLike())
    group.message.register(staff_writes_in_topic, CustomerContent())
    group.message.register(ignore_group)
    return group


def register(router: Router) -> None:
    """The customers' side and the admins' private answers; after the menu's routers, so a
    menu button always leaves the ticket."""
    router.message.register(support_command, Command("support"))
    router.message.register(support_command, LazyFilter("menu-support"))
    router.callback_query.register(support_about_order, SupportStart.filter())
    router.callback_query.register(write_more, TicketWrite.filter())
    router.message.register(customer_writes, StateFilter(SupportForm.writing), CustomerContent())
    router.message.register(customer_sends_other, StateFilter(SupportForm.writing), ~CommandLike())
    router.callback_query.register(answer_privately, TicketAnswer.filter(), IsStaff("ticket"))
    router.message.register(
        staff_writes_privately, StateFilter(AdminInput.ticket_reply), IsStaff("ticket")
    )
    router.message.register(close_command, Command("close"), IsStaff("close"))

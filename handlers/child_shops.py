"""Child shops, the reseller's side: Balance → 🏪 Your own shop explains what they get and
what it costs and shows Telegram's create-a-bot button; when Telegram reports the new bot
(`managed_bot`), its token is fetched and the child runs in this process within seconds. A
token the owner changes in @BotFather is reported the same way: the child restarts on it."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, ManagedBotUpdated, Message
from aiogram.types import User as TgUser
from aiogram_i18n import I18nContext
from aiogram_i18n.lazy.base import BaseLazyFilter

from bot.core.children.service import MAX_PER_OWNER, ChildShops
from bot.core.domain import User
from bot.core.settings import Settings
from bot.ui.callbacks import ChildShopMenu
from bot.ui.child_shops import create_keyboard, offer, running
from bot.ui.deep_links import OWN_SHOP_START
from bot.ui.keyboards import main_menu


async def _offer(
    message: Message, user: TgUser, i18n: I18nContext, settings: Settings, state: FSMContext
) -> None:
    # The offer's keyboard takes the place of an order's: that conversation is over, and its
    # "Not now" is then the offer's answer, not an order step's.
    await state.clear()
    await message.answer(
        offer(i18n, settings.child_shop_fee_stars), reply_markup=create_keyboard(i18n, user)
    )


async def show_offer(
    query: CallbackQuery, i18n: I18nContext, settings: Settings, state: FSMContext
) -> None:
    if isinstance(query.message, Message):
        await _offer(query.message, query.from_user, i18n, settings, state)


class ChildShopWords(BaseLazyFilter):
    """The three messages this feature answers, told apart in one look: `/start own_shop`
    (the Mini App's link to the offer), the offer's "Not now" (outside a conversation's step
    only) and Telegram's note that the bot was made. One filter, not a handler each: every
    filter aiogram calls costs every message its overhead (three handlers cost ~0.6× of an
    update's handling; bench/README.md)."""

    def __init__(self) -> None:
        self.not_now: frozenset[str] = frozenset()

    async def startup(self, i18n: I18nContext) -> None:
        core = i18n.core
        self.not_now = frozenset(
            core.get("child-not-now", locale) for locale in core.available_locales
        )

    async def __call__(self, message: Message, raw_state: str | None) -> bool | dict[str, Any]:
        if message.managed_bot_created is not None:
            return {"said": "created"}
        text = message.text
        if text is None or message.chat.type != ChatType.PRIVATE:
            return False
        if text in self.not_now and raw_state is None:  # typed into a step, it is its answer
            return {"said": "not_now"}
        command, _, args = text.partition(" ")
        if command.split("@", 1)[0] == "/start" and args.strip() == OWN_SHOP_START:
            return {"said": "link"}
        return False


async def child_shop_words(
    message: Message, said: str, i18n: I18nContext, settings: Settings, state: FSMContext
) -> None:
    if said == "created":  # the chat's own note: the menu comes back while the shop starts
        await message.answer(i18n.get("child-starting"), reply_markup=main_menu(i18n))
    elif message.from_user is None:
        raise SkipHandler  # a channel's post: nobody to offer a shop to
    elif said == "link":  # `/start own_shop`: the same offer as in Balance
        await _offer(message, message.from_user, i18n, settings, state)
    else:
        await message.answer(i18n.get("child-later"), reply_markup=main_menu(i18n))


async def managed_bot(
    event: ManagedBotUpdated,
    bot: Bot,
    i18n: I18nContext,
    children: ChildShops,
    customer: User | None = None,
) -> None:
    if customer is not None and customer.is_banned:
        return
    bot_id = event.bot_user.id
    known = await children.store.get(bot_id)
    if known is None and not await children.may_create(event.user.id):
        await bot.send_message(event.user.id, i18n.get("child-too-many", most=MAX_PER_OWNER))
        return
    try:
        token = await bot.get_managed_bot_token(user_id=bot_id)
    except TelegramAPIError as exc:  # Telegram tells again; nothing half-made is kept
        raise RuntimeError(f"the managed bot's token was refused: {type(exc).__name__}") from None
    if known is not None:
        await children.token_changed(bot_id, token)
        return
    child = await children.created(event.user.id, bot_id, event.bot_user.username or "", token)
    text, pay = running(i18n, child, children.fee_stars)
    await bot.send_message(event.user.id, text, reply_markup=pay or main_menu(i18n))


def register(router: Router) -> None:
    router.callback_query.register(show_offer, ChildShopMenu.filter())
    router.message.register(child_shop_words, ChildShopWords())
    router.managed_bot.register(managed_bot)

"""Child shops, the reseller's side: Balance → 🏪 Your own shop explains what they get and
what it costs and shows Telegram's create-a-bot button; when Telegram reports the new bot
(`managed_bot`), its token is fetched and the child runs in this process within seconds. A
token the owner changes in @BotFather is reported the same way: the child restarts on it."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import CommandStart
from aiogram.types import CallbackQuery, ManagedBotUpdated, Message
from aiogram.types import User as TgUser
from aiogram_i18n import I18nContext, LazyFilter

from bot.core.children.service import MAX_PER_OWNER, ChildShops
from bot.core.domain import User
from bot.core.settings import Settings
from bot.ui.callbacks import ChildShopMenu
from bot.ui.child_shops import create_keyboard, offer, running
from bot.ui.deep_links import OWN_SHOP_START
from bot.ui.keyboards import main_menu


async def _offer(message: Message, user: TgUser, i18n: I18nContext, settings: Settings) -> None:
    await message.answer(
        offer(i18n, settings.child_shop_fee_stars), reply_markup=create_keyboard(i18n, user)
    )


async def show_offer(
    query: CallbackQuery, i18n: I18nContext, children: ChildShops, settings: Settings
) -> None:
    if children.enabled and isinstance(query.message, Message):
        await _offer(query.message, query.from_user, i18n, settings)


async def offer_from_link(
    message: Message, i18n: I18nContext, children: ChildShops, settings: Settings
) -> None:
    """`/start own_shop` (the Mini App's 🏪 Your own shop): the same offer as in Balance."""
    if not children.enabled or message.from_user is None:
        raise SkipHandler  # no child shops here: an ordinary /start
    await _offer(message, message.from_user, i18n, settings)


async def not_now(message: Message, i18n: I18nContext, children: ChildShops) -> None:
    if not children.enabled:
        raise SkipHandler  # words like any other where the shop offers no child shops
    await message.answer(i18n.get("child-later"), reply_markup=main_menu(i18n))


async def bot_created(message: Message, i18n: I18nContext) -> None:
    """The chat's own note of the creation: the menu comes back while the shop starts."""
    await message.answer(i18n.get("child-starting"), reply_markup=main_menu(i18n))


async def managed_bot(
    event: ManagedBotUpdated,
    bot: Bot,
    i18n: I18nContext,
    children: ChildShops,
    customer: User | None = None,
) -> None:
    if not children.enabled or (customer is not None and customer.is_banned):
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
    router.message.register(
        offer_from_link, CommandStart(deep_link=True, magic=F.args == OWN_SHOP_START)
    )
    router.message.register(not_now, LazyFilter("child-not-now"), F.chat.type == ChatType.PRIVATE)
    router.message.register(bot_created, F.managed_bot_created)
    router.managed_bot.register(managed_bot)

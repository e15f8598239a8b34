"""Child shops as the chat shows them: the offer with Telegram's create-a-bot button, the
owner's greeting once it runs, and the parent owner's list."""

from __future__ import annotations

import re
from decimal import Decimal

from aiogram import html
from aiogram.types import (
    InlineKeyboardMarkup,
    KeyboardButton,
    KeyboardButtonRequestManagedBot,
    ReplyKeyboardMarkup,
    User,
)
from aiogram_i18n import I18nContext

from bot.core.children.fees import GRACE_SECONDS
from bot.core.children.shop import Child
from bot.ui.callbacks import ChildFeePay
from bot.ui.keyboards import button, markup
from bot.ui.render import money

# One request per message is enough: Telegram reports the created bot with this id.
CREATE_REQUEST_ID = 35
DEFAULT_MARKUP = 30


def suggested_username(user: User) -> str:
    """A bot username Telegram would take: 5–32 letters, digits or _, ending in "bot"."""
    base = re.sub(r"[^A-Za-z0-9_]", "", user.username or f"shop{user.id}")[:20] or "shop"
    name = f"{base}_shop_bot"
    return name if name[0].isalpha() else f"s{name}"[:32]


def create_keyboard(i18n: I18nContext, user: User) -> ReplyKeyboardMarkup:
    request = KeyboardButtonRequestManagedBot(
        request_id=CREATE_REQUEST_ID,
        suggested_name=i18n.get("child-suggested-name", name=user.first_name[:40]),
        suggested_username=suggested_username(user),
    )
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=i18n.get("child-create"), request_managed_bot=request)],
            [KeyboardButton(text=i18n.get("child-not-now"))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def offer(i18n: I18nContext, fee_stars: int) -> str:
    fee = i18n.get("child-fee", stars=fee_stars) if fee_stars else i18n.get("child-free")
    return i18n.get("child-offer", markup=DEFAULT_MARKUP) + "\n\n" + fee


def running(
    i18n: I18nContext, child: Child, fee_stars: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The owner's greeting once the child runs; with a fee, the first month's Pay button."""
    text = i18n.get("child-running", username=html.quote(child.username), markup=DEFAULT_MARKUP)
    if not fee_stars:
        return text, None
    days = GRACE_SECONDS // 86400
    pay = button(i18n.get("button-child-fee-pay"), ChildFeePay(bot_id=child.bot_id))
    return text + "\n\n" + i18n.get("child-fee-first", stars=fee_stars, days=days), markup([pay])


def shop_line(
    i18n: I18nContext,
    child: Child,
    customers: int | None,
    orders: int | None,
    volume: Decimal | None,
    wallet: Decimal,
    currency: str,
    owner_banned: bool = False,
) -> str:
    unknown = "—"
    state = i18n.get(f"child-state-{child.state.value}")
    if owner_banned:  # it serves and follows what was paid, but takes no new order
        state += " · " + i18n.get("child-state-owner-banned")
    return i18n.get(
        "child-shop-line",
        bot_id=str(child.bot_id),
        username=html.quote(child.username),
        owner=str(child.owner_id),
        state=state,
        customers=unknown if customers is None else str(customers),
        orders=unknown if orders is None else str(orders),
        volume=unknown if volume is None else money(volume, currency),
        wallet=money(wallet, currency),
    )

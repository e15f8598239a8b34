"""Every callback payload, typed. Ids and short keys only: Telegram allows 64 bytes."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from pydantic import Field

from bot.core.domain import MAX_ID

# What a forged or mangled payload may carry is refused when it is unpacked (the button
# then is simply unknown), before any id reaches the database.
Id = Annotated[int, Field(ge=0, le=MAX_ID)]
Small = Annotated[int, Field(ge=0, le=1_000_000)]


class FormStep(StrEnum):
    BACK = "back"
    SKIP = "skip"
    CANCEL = "cancel"
    EDIT = "edit"


class OrderDo(StrEnum):
    VIEW = "view"
    REFRESH = "refresh"
    REFILL = "refill"
    CANCEL = "cancel"
    AGAIN = "again"


class Resolution(StrEnum):
    REFUND = "refund"
    ATTACH = "attach"


class BroadcastStep(StrEnum):
    SEND = "send"
    FAST = "fast"  # a paid broadcast
    CANCEL = "cancel"


class CategoryPage(CallbackData, prefix="cp"):
    page: Small


class CategoryPick(CallbackData, prefix="c"):
    key: str
    page: Small = 0


class SearchPage(CallbackData, prefix="sp"):
    page: Small  # the query itself is kept in the conversation: callback data is 64 bytes


class ServicePick(CallbackData, prefix="s"):
    id: Id
    page: Small = 0


class OrderStart(CallbackData, prefix="os"):
    id: Id


class FormChoice(CallbackData, prefix="fc"):
    value: str


class FormNav(CallbackData, prefix="fn"):
    action: FormStep


class ConfirmOrder(CallbackData, prefix="ok"):
    token: str


class OrdersPage(CallbackData, prefix="op"):
    page: Small


class OrderAction(CallbackData, prefix="o"):
    id: Id
    action: OrderDo


class LanguagePick(CallbackData, prefix="lang"):
    code: str


class ResolveOrder(CallbackData, prefix="ro"):
    id: Id
    action: Resolution


class TopUp(CallbackData, prefix="tu"):
    amount: Small  # in wallet currency units


class BroadcastConfirm(CallbackData, prefix="bc"):
    action: BroadcastStep


class SupportStart(CallbackData, prefix="su"):
    order: Id = 0  # 0: not about an order


class TicketWrite(CallbackData, prefix="tw"):
    id: Id  # the customer writes more to this ticket


class TicketAnswer(CallbackData, prefix="ta"):
    id: Id  # an admin answers this ticket from their private chat


class EnterPromo(CallbackData, prefix="pr"):
    pass


class CryptoMenu(CallbackData, prefix="cm"):
    pass


class ApiStep(StrEnum):
    VIEW = "view"
    CREATE = "create"  # also rotates: a new key replaces the old one
    REVOKE = "revoke"
    NOTIFY_ON = "on"
    NOTIFY_OFF = "off"


class ApiAccess(CallbackData, prefix="api"):
    step: ApiStep


class CryptoTopUp(CallbackData, prefix="ct"):
    cents: Small  # in the wallet currency's cents: a shortfall is paid exactly


class PlaceHeld(CallbackData, prefix="ph"):
    token: str  # the held form's token: a second tap finds the order the first one placed


class MassConfirm(CallbackData, prefix="mo"):
    batch: str  # the preview's batch: each line's token is made from it
    place: bool  # True: place every valid line; False: cancel


class PlansMenu(CallbackData, prefix="pl"):
    pass


class PlanPick(CallbackData, prefix="pp"):
    plan: Id


class PlanRenewal(CallbackData, prefix="pr2"):
    subscription: Id
    cancel: bool  # True: no renewal after this period; False: renew again


class ReplaceOrder(CallbackData, prefix="rp"):
    id: Id  # a never-started order: cancel it, then place it on another panel


class SetupDo(StrEnum):
    BACK = "back"
    SKIP = "skip"
    PICK = "pick"  # a value offered by a button: a language, the panel's currency
    GROUP = "group"  # the support group the bot was just made an admin of


class SetupNav(CallbackData, prefix="sw"):
    action: SetupDo
    value: Annotated[str, Field(max_length=24)] = ""


class ChildShopMenu(CallbackData, prefix="cs"):
    """Balance → 🏪 Your own shop: what a child shop is and the create button."""


class ChildFeePay(CallbackData, prefix="cf"):
    """Pay a child shop's monthly fee: the subscription's invoice link."""

    bot_id: Id

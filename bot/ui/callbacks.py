"""Every callback payload, typed. Ids and short keys only: Telegram allows 64 bytes."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData


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
    CANCEL = "cancel"


class CategoryPage(CallbackData, prefix="cp"):
    page: int


class CategoryPick(CallbackData, prefix="c"):
    key: str
    page: int = 0


class SearchPage(CallbackData, prefix="sp"):
    page: int  # the query itself is kept in the conversation: callback data is 64 bytes


class ServicePick(CallbackData, prefix="s"):
    id: int
    page: int = 0


class OrderStart(CallbackData, prefix="os"):
    id: int


class FormChoice(CallbackData, prefix="fc"):
    value: str


class FormNav(CallbackData, prefix="fn"):
    action: FormStep


class ConfirmOrder(CallbackData, prefix="ok"):
    token: str


class OrdersPage(CallbackData, prefix="op"):
    page: int


class OrderAction(CallbackData, prefix="o"):
    id: int
    action: OrderDo


class LanguagePick(CallbackData, prefix="lang"):
    code: str


class ResolveOrder(CallbackData, prefix="ro"):
    id: int
    action: Resolution


class TopUp(CallbackData, prefix="tu"):
    amount: int  # in wallet currency units


class BroadcastConfirm(CallbackData, prefix="bc"):
    action: BroadcastStep


class SupportStart(CallbackData, prefix="su"):
    order: int = 0  # 0: not about an order


class TicketWrite(CallbackData, prefix="tw"):
    id: int  # the customer writes more to this ticket


class TicketAnswer(CallbackData, prefix="ta"):
    id: int  # an admin answers this ticket from their private chat


class EnterPromo(CallbackData, prefix="pr"):
    pass


class CryptoMenu(CallbackData, prefix="cm"):
    pass


class CryptoTopUp(CallbackData, prefix="ct"):
    cents: int  # in the wallet currency's cents: a shortfall is paid exactly


class PlaceHeld(CallbackData, prefix="ph"):
    token: str  # the held form's token: a second tap finds the order the first one placed

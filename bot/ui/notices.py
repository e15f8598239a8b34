"""Renders outbox rows into messages, in the recipient's language, from the latest state, and
delivers them through Telegram: the Telegram side of the core's `Messenger`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any

from aiogram import Bot, html
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramRetryAfter,
)
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.catalog.cache import CatalogCache
from bot.core.customers.user_store import UserStore
from bot.core.delivery.times import DeliveryTimes
from bot.core.domain import Order, RefillStage, Stage
from bot.core.money import fmt_rate
from bot.core.notifications.outbox_store import OutboxStore
from bot.core.ordering.hold_store import HoldStore
from bot.core.ordering.mass import results_from_payload
from bot.core.ordering.order_store import OrderStore
from bot.core.outbox import (
    OutboxKind,
    OutboxRow,
    RecipientGoneError,
    SlowDownError,
    UndeliverableError,
)
from bot.core.payments.wallet_store import WalletStore
from bot.core.reselling.key_store import ApiKeyStore
from bot.core.storage.kv import KeyValueStore
from bot.core.stores import Stores
from bot.core.tracking.aftersale import REFILLABLE
from bot.core.tracking.refill_store import RefillStore
from bot.ui.callbacks import ChildFeePay
from bot.ui.i18n import Translator
from bot.ui.keyboards import (
    delivered_order,
    live_card,
    open_order,
    place_held_keyboard,
    resolve_order,
    stalled_order,
)
from bot.ui.mass_texts import report_text
from bot.ui.render import Translate, money, order_card, shorten, stage_label, when

TOPIC_PREFIX = "topic:"  # topic:<chat id>:<name> = its message_thread_id
ADMIN_ORDER_ALERTS = {
    OutboxKind.ADMIN_STALLED: "admin-alert-stalled",
    OutboxKind.ADMIN_UNCERTAIN: "admin-alert-uncertain",
    OutboxKind.ADMIN_STUCK: "admin-alert-stuck",
    OutboxKind.ADMIN_PARTIAL_UNKNOWN: "admin-alert-partial-unknown",
}


@dataclass(frozen=True)
class Rendered:
    text: str
    markup: InlineKeyboardMarkup | None = None
    paid: bool = False  # a paid broadcast: Telegram lifts the rate limit and charges Stars
    topic: str | None = None  # a forum topic of the group it goes to (made on first use)
    # An order's live card: this message is edited in place instead of sent; when it cannot
    # be, it is sent anew and becomes the card (`card_of`).
    edit_message_id: int | None = None
    card_of: int | None = None  # the order whose card this is
    announce: Rendered | None = None  # sent after the edit: a change to notice


Render = Callable[["MessageRenderer", Translate, OutboxRow], Awaitable[Rendered | None]]
RENDERERS: dict[OutboxKind, Render] = {}


def renders(*kinds: OutboxKind) -> Callable[[Render], Render]:
    def register(render: Render) -> Render:
        for kind in kinds:
            RENDERERS[kind] = render
        return render

    return register


@dataclass(frozen=True)
class NoticeReads:
    """The stores the messages are rendered from."""

    users: UserStore
    orders: OrderStore
    refills: RefillStore
    holds: HoldStore
    wallets: WalletStore
    outbox: OutboxStore
    api_keys: ApiKeyStore

    @classmethod
    def of(cls, stores: Stores) -> NoticeReads:
        return cls(
            stores.users,
            stores.orders,
            stores.refills,
            stores.holds,
            stores.wallets,
            stores.outbox,
            stores.api_keys,
        )


async def _quiet(r: MessageRenderer, order: Order) -> bool:
    """An order placed through the API tells its customer in the chat only if they asked
    (their own panel tells its buyers): nothing is sent otherwise."""
    return order.via_api and not (await r.reads.api_keys.access(order.user_id)).notify


class MessageRenderer:
    """Turns an outbox row into the message its recipient reads, in their language, from
    what the stores say now (an order's card as it is when the message leaves)."""

    def __init__(
        self,
        reads: NoticeReads,
        translator: Translator,
        default_locale: str,
        catalog: CatalogCache | None = None,
        delivery: DeliveryTimes | None = None,
        parent_bot: str | None = None,
    ) -> None:
        self.reads = reads
        # A child shop: its parent's bot username (where its owner tops up the wallet that pays).
        self.parent_bot = parent_bot
        self._translator = translator
        self._default_locale = default_locale
        self.catalog = catalog
        self.delivery = delivery

    async def _locale(self, chat_id: int) -> str:
        user = await self.reads.users.get_user(chat_id)
        return user.locale if user and user.locale else self._default_locale

    def translate(self, key: str, **args: Any) -> str:
        """A text in the shop's default language (a group's topic names)."""
        return self._translator(key, self._default_locale, **args)

    async def render(self, row: OutboxRow) -> Rendered | None:
        """None when there is nothing left to say (the order is gone)."""
        t = partial(self._translator, locale=await self._locale(row.chat_id))
        return await RENDERERS[row.kind](self, t, row)


# Changes a customer should notice: the card is edited and a message says so too.
ANNOUNCED_STAGES = frozenset({Stage.COMPLETED, Stage.PARTIAL, Stage.CANCELED, Stage.REJECTED})


@renders(OutboxKind.ORDER_STATUS)
async def _order_status(r: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered | None:
    order = await r.reads.orders.get_order(int(row.payload["order_id"]))
    if order is None or await _quiet(r, order):
        return None
    usual = await r.delivery.of(order.service_id, order.service_type) if r.delivery else None
    card = order_card(t, order, await r.reads.orders.refund_of(order.id), usual)
    head = t("notify-order-status", id=str(order.id), status=stage_label(t, order.stage))
    text = f"{head}\n\n{card}"
    if order.card_message_id is None:  # placed before live cards, or through the API
        return Rendered(text, open_order(t, order.id))
    service = await r.catalog.service(order.service_id) if r.catalog else None
    buttons = live_card(
        t,
        order.id,
        can_refill=bool(service and service.refill) and order.stage in REFILLABLE,
        can_cancel=bool(service and service.cancel) and order.stage.is_polled,
    )
    announce = None
    if order.stage in ANNOUNCED_STAGES:
        shareable = order.stage in {Stage.COMPLETED, Stage.PARTIAL}
        announce = Rendered(
            head, delivered_order(t, order.id) if shareable else open_order(t, order.id)
        )
    return Rendered(
        text, buttons, edit_message_id=order.card_message_id, card_of=order.id, announce=announce
    )


@renders(*ADMIN_ORDER_ALERTS)
async def _admin_order_alert(r: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered | None:
    order = await r.reads.orders.get_order(int(row.payload["order_id"]))
    if order is None:
        return None
    card = order_card(t, order, await r.reads.orders.refund_of(order.id))
    head = t(
        ADMIN_ORDER_ALERTS[row.kind],
        id=str(order.id),
        user=str(order.user_id),
        error=order.error or "",
    )
    resolvable = order.stage in {Stage.UNCERTAIN, Stage.STUCK}
    return Rendered(f"{head}\n\n{card}", resolve_order(t, order.id) if resolvable else None)


@renders(OutboxKind.ORDER_STALLED)
async def _order_stalled(r: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered | None:
    order = await r.reads.orders.get_order(int(row.payload["order_id"]))
    if order is None or not order.stage.is_polled or await _quiet(r, order):
        return None  # it ended meanwhile (the status message says more), or an API order
    service = await r.catalog.service(order.service_id) if r.catalog else None
    can_cancel = service is not None and service.cancel
    return Rendered(
        t("notify-order-stalled", id=str(order.id)), stalled_order(t, order.id, can_cancel)
    )


@renders(OutboxKind.REFILL_RESULT)
async def _refill_result(r: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered | None:
    refill = await r.reads.refills.get_refill(int(row.payload["refill_id"]))
    order = await r.reads.orders.get_order(int(row.payload["order_id"]))
    if refill is None or order is None or await _quiet(r, order):
        return None
    key = {
        RefillStage.COMPLETED: "notify-refill-done",
        RefillStage.FAILED: "notify-refill-failed",
    }.get(refill.stage, "notify-refill-rejected")
    return Rendered(t(key, id=str(order.id)), open_order(t, order.id))


@renders(OutboxKind.WALLET_CREDIT)
async def _wallet_credit(_: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered:
    credited = Decimal(str(row.payload["amount"]))
    currency = str(row.payload.get("currency", ""))
    said = t("notify-wallet-credit", amount=money(credited, currency))
    earned = Decimal(str(row.payload.get("bonus", 0)))
    if earned > 0:
        said += "\n" + t("notify-wallet-bonus", bonus=money(earned, currency))
    return Rendered(said)


@renders(OutboxKind.REFERRAL_EARNED)
async def _referral_earned(_: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered:
    earned = Decimal(str(row.payload["amount"]))
    currency = str(row.payload.get("currency", ""))
    return Rendered(t("notify-referral-earned", amount=money(earned, currency)))


@renders(OutboxKind.MASS_REPORT)
async def _mass_report(_: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered:
    """A mass order a crash cut short, finished: the same per-line report as Confirm's."""
    results = results_from_payload(list(row.payload.get("results") or []))
    return Rendered(report_text(t, results, str(row.payload.get("currency", ""))))


@renders(OutboxKind.PLAN_PERIOD)
async def _plan_period(_: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered:
    """A plan's period was paid: the order it placed (which becomes that order's live card),
    or the wallet credit when none could be placed."""
    name = html.quote(shorten(str(row.payload.get("plan", "")), 64))
    until = row.payload.get("until")
    paid_until = when(float(until)) if isinstance(until, int | float) else "—"
    order_id = row.payload.get("order")
    # A panel's refusal made an order too, refunded at once: its value is in the wallet.
    if isinstance(order_id, int) and row.payload.get("outcome") != "rejected":
        said = t("plan-period-placed", plan=name, id=str(order_id), date=paid_until)
        return Rendered(said, card_of=order_id)
    amount = money(Decimal(str(row.payload.get("amount", "0"))), str(row.payload.get("currency")))
    return Rendered(t("plan-period-credited", plan=name, amount=amount, date=paid_until))


@renders(OutboxKind.PLAN_ENDED)
async def _plan_ended(_: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered:
    name = html.quote(shorten(str(row.payload.get("plan", "")), 64))
    key = "plan-ended-cancelled" if row.payload.get("why") == "cancelled" else "plan-ended-unpaid"
    return Rendered(t(key, plan=name))


@renders(OutboxKind.ADMIN_QUARANTINE)
async def _admin_quarantine(_: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered:
    payload = row.payload
    until = payload.get("until")
    return Rendered(
        t(
            "admin-quarantined",
            id=str(payload.get("service", "")),
            name=html.quote(shorten(str(payload.get("name", "")), 200)),
            failed=str(payload.get("failed", "")),
            of=str(payload.get("of", "")),
            until=when(float(until)) if isinstance(until, int | float) else "—",
        ),
        topic=payload.get("topic"),
    )


@renders(OutboxKind.ORDER_REPLACED)
async def _order_replaced(_: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered:
    """A never-started order re-placed on another panel after its cancel was confirmed."""
    old, new = row.payload.get("old"), row.payload.get("new")
    if isinstance(new, int):
        return Rendered(t("notify-order-replaced", old=str(old), new=str(new)))
    return Rendered(t("notify-order-not-replaced", old=str(old)))


@renders(OutboxKind.HELD_ORDER_READY)
async def _held_order_ready(r: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered | None:
    """The summary of the order that waited for this payment, with one button to place it;
    nothing if it was placed, replaced or expired meanwhile."""
    held = await r.reads.holds.held_order(row.chat_id)
    if held is None or held.token != row.payload.get("token"):
        return None
    balance = await r.reads.wallets.balance(row.chat_id)
    currency = held.currency
    lines = [t("held-ready-title"), f"<b>{html.quote(shorten(held.service_name, 200))}</b>"]
    link = held.answers.get("link") or held.answers.get("username")
    if link:
        lines.append(f"{t('label-link')}: {html.quote(shorten(str(link), 300))}")
    if held.answers.get("quantity"):
        lines.append(f"{t('label-quantity')}: {held.answers['quantity']}")
    lines += [
        "",
        t("summary-price", price=money(held.price, currency)),
        t(
            "summary-balance",
            balance=money(balance, currency),
            after=money(balance - held.price, currency),
        ),
    ]
    return Rendered("\n".join(lines), place_held_keyboard(t, held.token))


@renders(OutboxKind.BROADCAST, OutboxKind.PAID_BROADCAST)
async def _broadcast(_: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered:
    return Rendered(str(row.payload["text"]), paid=row.kind is OutboxKind.PAID_BROADCAST)


@renders(OutboxKind.BROADCAST_PROGRESS)
async def _broadcast_progress(r: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered:
    started = float(row.payload["started"])
    kind = OutboxKind(row.payload.get("kind", OutboxKind.BROADCAST))
    sent, pending = await r.reads.outbox.outbox_progress(kind, started)
    total = int(row.payload["total"])
    return Rendered(t("admin-broadcast-progress", sent=sent, total=total, pending=pending))


def _repeated(t: Translate, row: OutboxRow) -> str:
    """A coalesced alert says how often it happened since the last one."""
    count = int(row.payload.get("count", 1))
    return "\n" + t("alert-repeated", count=count) if count > 1 else ""


@renders(OutboxKind.ADMIN_PANEL_PROBLEM)
async def _panel_problem(renderer: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered:
    if renderer.parent_bot and row.payload.get("error") == "PanelFundsError":
        # A child shop's "panel" is its owner's wallet at the parent: say so, and where to pay.
        top_up = InlineKeyboardButton(
            text=t("button-child-topup"), url=f"https://t.me/{renderer.parent_bot}"
        )
        return Rendered(
            t("child-parent-funds", parent=renderer.parent_bot) + _repeated(t, row),
            InlineKeyboardMarkup(inline_keyboard=[[top_up]]),
        )
    if renderer.parent_bot and row.payload.get("error") == "PanelAuthError":
        # The parent refuses its owner's orders: banned there (a child holds no key to fix).
        said = t("child-parent-refused", parent=renderer.parent_bot)
        return Rendered(said + _repeated(t, row))
    panel = str(row.payload.get("panel", "main"))
    said = t("admin-alert-panel", error=str(row.payload["error"]), panel=panel)
    return Rendered(said + _repeated(t, row))


@renders(OutboxKind.CHILD_FEE_DUE)
async def _child_fee_due(_: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered:
    bot_id = int(row.payload["bot_id"])
    pay = InlineKeyboardButton(
        text=t("button-child-fee-pay"), callback_data=ChildFeePay(bot_id=bot_id).pack()
    )
    username = html.quote(str(row.payload.get("username", ""))[:64])
    return Rendered(
        t("child-fee-lapsed", username=username), InlineKeyboardMarkup(inline_keyboard=[[pay]])
    )


@renders(OutboxKind.ADMIN_ERROR)
async def _admin_error(_: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered:
    code, error = str(row.payload["code"]), str(row.payload["error"])
    return Rendered(t("admin-alert-error", code=code, error=error) + _repeated(t, row))


@renders(OutboxKind.ADMIN_CATALOG_DIGEST)
async def _catalog_digest(_: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered:
    """One message per refresh that changed something, the largest moves named."""
    found = row.payload
    lines = [
        t(
            "admin-catalog-digest",
            dearer=int(found["dearer"]),
            cheaper=int(found["cheaper"]),
            vanished=int(found["vanished"]),
            appeared=int(found["appeared"]),
        )
    ]
    for move in found.get("moves", []):
        old, new = Decimal(str(move["old"])), Decimal(str(move["new"]))
        change = (new - old) / old * 100 if old else Decimal(0)
        lines.append(
            t(
                "admin-catalog-move",
                id=str(move["id"]),
                name=html.quote(shorten(str(move["name"]), 60)),
                old=fmt_rate(old),
                new=fmt_rate(new),
                change=f"{change:+.1f}",
            )
        )
    return Rendered("\n".join(lines), topic=found.get("topic"))


@renders(OutboxKind.ADMIN_BELOW_COST, OutboxKind.ADMIN_LOW_MARGIN)
async def _margin_alert(_: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered:
    found = row.payload
    key = (
        "admin-alert-below-cost"
        if row.kind is OutboxKind.ADMIN_BELOW_COST
        else "admin-alert-low-margin"
    )
    return Rendered(
        t(
            key,
            id=str(found["id"]),
            name=html.quote(shorten(str(found["name"]), 80)),
            price=fmt_rate(Decimal(str(found["price"]))),
            cost=fmt_rate(Decimal(str(found["cost"]))),
            margin=str(found.get("margin", "")),
        )
    )


@renders(OutboxKind.ADMIN_LOW_BALANCE)
async def _low_balance(_: MessageRenderer, t: Translate, row: OutboxRow) -> Rendered:
    amount = money(Decimal(str(row.payload["balance"])), str(row.payload["currency"]))
    return Rendered(
        t("admin-alert-low-balance", balance=amount, panel=str(row.payload.get("panel", "main")))
    )


class TelegramMessenger:
    """The core's Messenger over the Bot API: Telegram's refusals become the core's errors."""

    def __init__(
        self, bot: Bot, renderer: MessageRenderer, topics: KeyValueStore | None = None
    ) -> None:
        """`topics`: where the forum topics the bot made are remembered (by name)."""
        self._bot = bot
        self._renderer = renderer
        self._topics = topics

    async def deliver(self, row: OutboxRow) -> bool:
        rendered = await self._renderer.render(row)
        if rendered is None:
            return False
        try:
            if rendered.edit_message_id is not None:
                await self._edit_card(row.chat_id, rendered)
            else:
                await self._send(row.chat_id, rendered)
            if rendered.announce is not None:
                await self._send(row.chat_id, rendered.announce)
        except TelegramRetryAfter as exc:
            raise SlowDownError(exc.retry_after) from exc
        except TelegramForbiddenError as exc:
            raise RecipientGoneError from exc
        except (TelegramBadRequest, TelegramNotFound) as exc:
            raise UndeliverableError(exc.message) from exc
        return True

    async def _send(self, chat_id: int, rendered: Rendered) -> int:
        thread = await self._thread(chat_id, rendered.topic) if rendered.topic else None
        sent = await self._bot.send_message(
            chat_id,
            rendered.text,
            reply_markup=rendered.markup,
            allow_paid_broadcast=rendered.paid or None,
            message_thread_id=thread,
        )
        return sent.message_id

    async def _edit_card(self, chat_id: int, rendered: Rendered) -> None:
        """The card edited in place; one that is gone or too old to edit is sent anew and
        is the card from then on. An edit that changes nothing (a retry) is done."""
        assert rendered.edit_message_id is not None
        try:
            await self._bot.edit_message_text(
                text=rendered.text,
                chat_id=chat_id,
                message_id=rendered.edit_message_id,
                reply_markup=rendered.markup,
            )
        except TelegramBadRequest as exc:
            if "not modified" in exc.message:
                return
            message_id = await self._send(chat_id, rendered)
            if rendered.card_of is not None:
                await self._renderer.reads.orders.set_card(rendered.card_of, message_id)

    async def _thread(self, chat_id: int, topic: str) -> int | None:
        """The topic's thread in the group, created the first time it is needed."""
        if self._topics is None:
            return None
        key = f"{TOPIC_PREFIX}{chat_id}:{topic}"
        found = await self._topics.get_kv(key)
        if found is not None:
            return int(found)
        title = self._renderer.translate(f"topic-{topic}")
        made = await self._bot.create_forum_topic(chat_id, title)
        await self._topics.set_kv(key, str(made.message_thread_id))
        return made.message_thread_id

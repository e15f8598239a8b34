"""Renders outbox rows into messages, in the recipient's language, from the latest state."""

from __future__ import annotations

import time
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from aiogram.types import InlineKeyboardMarkup

from bot.domain import RefillStage, Stage
from bot.i18n import Translator
from bot.render import money, order_card, stage_label
from bot.storage import OutboxRow, Repository
from handlers.keyboards import open_order, resolve_order

ADMIN_ALERT_KEYS = {
    "admin_uncertain": "admin-alert-uncertain",
    "admin_stuck": "admin-alert-stuck",
    "admin_partial_unknown": "admin-alert-partial-unknown",
}


@dataclass(frozen=True)
class Rendered:
    text: str
    markup: InlineKeyboardMarkup | None = None


class MessageRenderer:
    def __init__(self, repo: Repository, translator: Translator, default_locale: str) -> None:
        self._repo = repo
        self._translator = translator
        self._default_locale = default_locale

    async def _locale(self, chat_id: int) -> str:
        user = await self._repo.get_user(chat_id)
        return user.locale if user and user.locale else self._default_locale

    async def render(self, row: OutboxRow) -> Rendered | None:
        """None when there is nothing left to say (the order is gone)."""
        t = partial(self._translator, locale=await self._locale(row.chat_id))
        payload = row.payload
        kind = row.kind
        if kind in {"order_status", "admin_uncertain", "admin_stuck", "admin_partial_unknown"}:
            order = await self._repo.get_order(int(payload["order_id"]))
            if order is None:
                return None
            refund = await self._repo.refund_of(order.id)
            card = order_card(t, order, refund)
            if kind == "order_status":
                head = t(
                    "notify-order-status", id=str(order.id), status=stage_label(t, order.stage)
                )
                return Rendered(f"{head}\n\n{card}", open_order(t, order.id))
            head = t(
                ADMIN_ALERT_KEYS[kind],
                id=str(order.id),
                user=str(order.user_id),
                error=order.error or "",
            )
            markup = (
                resolve_order(t, order.id)
                if order.stage in {Stage.UNCERTAIN, Stage.STUCK}
                else None
            )
            return Rendered(f"{head}\n\n{card}", markup)
        if kind == "refill_result":
            refill = await self._repo.get_refill(int(payload["refill_id"]))
            order = await self._repo.get_order(int(payload["order_id"]))
            if refill is None or order is None:
                return None
            key = (
                "notify-refill-done"
                if refill.stage is RefillStage.COMPLETED
                else "notify-refill-rejected"
            )
            return Rendered(t(key, id=str(order.id)), open_order(t, order.id))
        if kind == "wallet_credit":
            credited = Decimal(str(payload["amount"]))
            return Rendered(
                t("notify-wallet-credit", amount=money(credited, str(payload.get("currency", ""))))
            )
        if kind == "broadcast":
            return Rendered(str(payload["text"]))
        if kind == "broadcast_progress":
            sent, pending = await self._repo.outbox_progress("broadcast", float(payload["started"]))
            return Rendered(
                t(
                    "admin-broadcast-progress",
                    sent=str(sent),
                    total=str(payload["total"]),
                    pending=str(pending),
                )
            )
        if kind == "admin_panel_problem":
            return Rendered(t("admin-alert-panel", error=str(payload["error"])))
        if kind == "admin_error":
            return Rendered(
                t("admin-alert-error", code=str(payload["code"]), error=str(payload["error"]))
            )
        if kind == "admin_low_balance":
            amount = money(Decimal(str(payload["balance"])), str(payload["currency"]))
            return Rendered(t("admin-alert-low-balance", balance=amount))
        return Rendered(t("notify-generic", at=str(int(time.time()))))

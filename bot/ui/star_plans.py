"""The Telegram side of recurring plans, shared by the chat and the Mini App: the
subscription invoice link, and cancelling or resuming a renewal (Telegram first, so the shop
never says what Telegram will not do)."""

from __future__ import annotations

import logging
from enum import StrEnum

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import LabeledPrice

from bot.core.payments.stars import STARS
from bot.core.plans.rules import (
    LIVE_STATES,
    PERIOD_SECONDS,
    Plan,
    State,
    Subscription,
    payload_of,
)
from bot.core.plans.service import Plans
from bot.ui.render import Translate, shorten

logger = logging.getLogger(__name__)
TITLE_LIMIT = 32  # Telegram's limit for an invoice's title


class Renewal(StrEnum):
    DONE = "done"
    GONE = "gone"  # not this customer's, or not running
    UNAVAILABLE = "unavailable"  # Telegram did not take it: nothing changed


async def subscription_link(
    bot: Bot, t: Translate, plans: Plans, user_id: int, plan: Plan, link: str
) -> str | None:
    """A subscription (waiting for its first payment) and the invoice link that pays it;
    None when Telegram did not make the link."""
    subscription_id = await plans.subscribe(user_id, plan, link)
    try:
        return await bot.create_invoice_link(
            title=shorten(plan.name, TITLE_LIMIT),
            description=t("plan-invoice", quantity=plan.quantity, link=shorten(link, 120)),
            payload=payload_of(subscription_id),
            currency=STARS,
            prices=[LabeledPrice(label=shorten(plan.name, TITLE_LIMIT), amount=plan.stars)],
            subscription_period=PERIOD_SECONDS,
        )
    except TelegramAPIError as exc:
        logger.warning("plan invoice not created", extra={"error": type(exc).__name__})
        return None


async def change_renewal(
    bot: Bot, plans: Plans, user_id: int, subscription_id: int, cancel: bool
) -> tuple[Renewal, Subscription | None]:
    """Cancel (paid to the period's end, no renewal) or resume a customer's plan: what came
    of it, and the plan (None when it is not this customer's running plan)."""
    subscription = await plans.store.subscription(subscription_id)
    if (
        subscription is None
        or subscription.user_id != user_id
        or subscription.state not in LIVE_STATES
        or subscription.first_charge is None
    ):
        return Renewal.GONE, None
    wanted = State.CANCELLED if cancel else State.ACTIVE
    if subscription.state is not wanted:
        try:
            await bot.edit_user_star_subscription(
                user_id=user_id,
                telegram_payment_charge_id=subscription.first_charge,
                is_canceled=cancel,
            )
        except TelegramAPIError as exc:
            logger.warning("plan renewal not changed", extra={"error": type(exc).__name__})
            return Renewal.UNAVAILABLE, subscription
        await plans.store.set_cancelled(subscription.id, cancel)
    return Renewal.DONE, subscription

"""Telegram's side of a Stars refund: what each answer to refundStarPayment means."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramNetworkError,
    TelegramServerError,
)

from bot.core.payments.stars_refund import RefundAnswer

logger = logging.getLogger(__name__)


async def send_stars_refund(bot: Bot, user_id: int, charge_id: str) -> RefundAnswer:
    try:
        await bot.refund_star_payment(user_id=user_id, telegram_payment_charge_id=charge_id)
    except TelegramBadRequest as exc:
        if "CHARGE_ALREADY_REFUNDED" in exc.message:
            return RefundAnswer.ALREADY_REFUNDED
        logger.warning("Stars refund refused", extra={"error": exc.message[:200]})
        return RefundAnswer.REFUSED
    except (TelegramNetworkError, TelegramServerError, TimeoutError) as exc:
        # The request may have reached Telegram and been carried out: never undone here.
        logger.warning("Stars refund outcome unknown", extra={"error": type(exc).__name__})
        return RefundAnswer.UNKNOWN
    except TelegramAPIError as exc:  # any other definite answer: not refunded
        logger.warning("Stars refund refused", extra={"error": type(exc).__name__})
        return RefundAnswer.REFUSED
    return RefundAnswer.DONE

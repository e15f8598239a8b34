"""The last line: an unexpected exception becomes a localized apology with a code."""

from __future__ import annotations

import logging
import secrets

from aiogram import Router
from aiogram.types import ErrorEvent
from aiogram_i18n import I18nContext

from bot.core.outbox import OutboxKind
from bot.core.settings import Settings
from bot.core.storage.outbox import OutboxStore

logger = logging.getLogger(__name__)


async def on_error(
    event: ErrorEvent, outbox: OutboxStore, settings: Settings, i18n: I18nContext | None = None
) -> bool:
    code = secrets.token_hex(3)
    logger.error(
        "unhandled error",
        exc_info=event.exception,
        extra={"code": code, "update_id": event.update.update_id},
    )
    # Never let the apology itself raise: an error here must not start a loop.
    try:
        text = i18n.get("error-generic", code=code) if i18n else f"Something went wrong ({code})"
        if event.update.message is not None:
            await event.update.message.answer(text)
        elif event.update.callback_query is not None:
            await event.update.callback_query.answer(text, show_alert=True)
        await outbox.enqueue(
            settings.admin_ids,
            OutboxKind.ADMIN_ERROR,
            {"code": code, "error": type(event.exception).__name__},
        )
    except Exception:
        logger.exception("could not report an error", extra={"code": code})
    return True


def setup() -> Router:
    router = Router(name=__name__)
    router.errors.register(on_error)
    return router

"""Errors routed by type: stale interactions are answered quietly, an unavailable catalog gets
its own message, anything else becomes a localized apology with a code and an admin alert."""

from __future__ import annotations

import contextlib
import logging
import re
import secrets

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import ExceptionMessageFilter, ExceptionTypeFilter
from aiogram.types import ErrorEvent, Update
from aiogram_i18n import I18nContext

from bot.core.catalog.cache import CatalogUnavailableError
from bot.core.notifications.outbox_store import OutboxStore
from bot.core.outbox import OutboxKind
from bot.core.settings import Settings

logger = logging.getLogger(__name__)
# What Telegram says about a button pressed twice or on an old message: nothing went wrong.
# (aiogram matches from the start of "Telegram server says - Bad Request: …".)
STALE = re.compile(
    r".*(?:query is too old|query id is invalid|message is not modified|"
    r"message to edit not found|message can't be edited|message to delete not found)",
    re.IGNORECASE,
)


async def _tell(update: Update, text: str) -> None:
    """Say something about this update; a callback too old to answer gets a message instead.
    Never raises: an error while reporting an error must not start a loop."""
    try:
        if update.message is not None:
            await update.message.answer(text)
            return
        query = update.callback_query
        if query is None:
            return
        try:
            await query.answer(text, show_alert=True)
        except TelegramBadRequest:
            if query.message is not None:
                await query.message.answer(text)
    except Exception as exc:  # the reply itself failed: logged, not raised
        logger.warning("could not tell the user", extra={"error": type(exc).__name__})


async def stale_interaction(event: ErrorEvent) -> bool:
    logger.info(
        "stale button or repeated tap ignored",
        extra={"update_id": event.update.update_id, "error": str(event.exception)[:120]},
    )
    query = event.update.callback_query
    if query is not None:
        with contextlib.suppress(TelegramBadRequest):
            await query.answer()
    return True


async def catalog_unavailable(event: ErrorEvent, i18n: I18nContext) -> bool:
    await _tell(event.update, i18n.get("catalog-unavailable"))
    return True


async def unexpected(
    event: ErrorEvent, outbox: OutboxStore, settings: Settings, i18n: I18nContext | None = None
) -> bool:
    code = secrets.token_hex(3)
    logger.error(
        "unhandled error",
        exc_info=event.exception,
        extra={"code": code, "update_id": event.update.update_id},
    )
    text = i18n.get("error-generic", code=code) if i18n else f"Something went wrong ({code})"
    await _tell(event.update, text)
    try:
        error = type(event.exception).__name__
        await outbox.alert(
            settings.admin_ids, OutboxKind.ADMIN_ERROR, {"code": code, "error": error}, about=error
        )
    except Exception as exc:
        logger.warning(
            "could not alert the admins", extra={"code": code, "error": type(exc).__name__}
        )
    return True


def register(router: Router) -> None:
    router.errors.register(
        stale_interaction, ExceptionTypeFilter(TelegramBadRequest), ExceptionMessageFilter(STALE)
    )
    router.errors.register(catalog_unavailable, ExceptionTypeFilter(CatalogUnavailableError))
    router.errors.register(unexpected)

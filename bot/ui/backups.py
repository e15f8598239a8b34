"""Sending a backup of the database to an owner's chat, as a document."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BufferedInputFile

from bot.core.storage.backup import Backup
from bot.ui.render import Translate

# Telegram takes documents of up to 50 MB from bots.
UPLOAD_LIMIT = 50 * 1024 * 1024


def size_text(content: bytes) -> str:
    return (
        f"{len(content) / 1024 / 1024:.1f} MB"
        if len(content) >= 1024 * 1024
        else f"{len(content) / 1024:.0f} KB"
    )


async def send_backup(bot: Bot, chat_id: int, backup: Backup, t: Translate) -> bool:
    """False when it is too large for Telegram (the owner is told instead)."""
    if len(backup.content) > UPLOAD_LIMIT:
        await bot.send_message(chat_id, t("admin-backup-too-large", size=size_text(backup.content)))
        return False
    await bot.send_document(
        chat_id,
        BufferedInputFile(backup.content, filename=backup.filename),
        caption=t("admin-backup-caption", size=size_text(backup.content)),
    )
    return True

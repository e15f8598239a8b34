"""/backup: the database, sent to the owner as a file (restore: `python -m bot restore FILE`)."""

from __future__ import annotations

from aiogram import Bot, Router, html
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.core.ops.audit_store import AuditLog
from bot.core.storage.backup import BackupSource, BackupUnavailableError
from bot.ui.backups import send_backup


async def backup_command(
    message: Message, bot: Bot, i18n: I18nContext, backups: BackupSource, audit: AuditLog
) -> None:
    await message.answer(i18n.get("admin-backup-making"))
    try:
        made = await backups.make()
    except BackupUnavailableError as exc:
        await message.answer(i18n.get("admin-backup-unavailable", why=html.quote(str(exc))))
        return
    if await send_backup(bot, message.chat.id, made, i18n.get):
        await audit.record(message.chat.id, "backup", made.filename, None, len(made.content))


def register(router: Router) -> None:
    router.message.register(backup_command, Command("backup"))

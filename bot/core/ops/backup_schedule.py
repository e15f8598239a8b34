"""When the next scheduled backup is due (BACKUP_HOURS): kept in the database, so a restart
neither sends one at once nor forgets one that was due."""

from __future__ import annotations

from bot.core.storage.kv import KeyValueStore

LAST_BACKUP_KEY = "backup:last_sent_at"


class BackupSchedule:
    def __init__(self, kv: KeyValueStore, hours: float) -> None:
        self._kv = kv
        self._seconds = hours * 3600

    async def due(self, now: float) -> bool:
        if self._seconds <= 0:
            return False
        last = await self._kv.get_kv(LAST_BACKUP_KEY)
        if last is None:  # the first run: the schedule starts now, the first one comes later
            await self._kv.set_kv(LAST_BACKUP_KEY, str(now))
            return False
        return now - float(last) >= self._seconds

    async def sent(self, now: float) -> None:
        await self._kv.set_kv(LAST_BACKUP_KEY, str(now))

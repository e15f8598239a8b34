"""The audit log: every admin action that changes money or the catalog — who, what, before →
after, when. Written by the core services the commands and the console share."""

from __future__ import annotations

import time
from dataclasses import dataclass

from bot.core.storage.base import StoreBase

MAX_TEXT = 300


@dataclass(frozen=True)
class AuditEntry:
    id: int
    actor: int
    action: str
    subject: str
    before: str | None
    after: str | None
    at: float


def _clip(value: object | None) -> str | None:
    return None if value is None else str(value)[:MAX_TEXT]


class AuditLog(StoreBase):
    async def record(
        self,
        actor: int,
        action: str,
        subject: object,
        before: object | None = None,
        after: object | None = None,
    ) -> None:
        async with self.db.write() as conn:
            await conn.execute(
                "INSERT INTO audit_log (actor, action, subject, before, after, at)"
                " VALUES (:actor, :action, :subject, :before, :after, :at)",
                {
                    "actor": actor,
                    "action": action[:48],
                    "subject": str(subject)[:200],
                    "before": _clip(before),
                    "after": _clip(after),
                    "at": time.time(),
                },
            )

    async def latest(self, limit: int = 20, offset: int = 0) -> list[AuditEntry]:
        query = "SELECT * FROM audit_log ORDER BY id DESC LIMIT :limit OFFSET :offset"
        async with self.db.read() as conn:
            found = await conn.execute(query, {"limit": limit, "offset": offset})
            return [
                AuditEntry(
                    r["id"], r["actor"], r["action"], r["subject"], r["before"], r["after"], r["at"]
                )
                for r in found.mappings().all()
            ]

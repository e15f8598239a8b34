"""API keys: one per customer, shown once and kept as its SHA-256 (a key is 32 random bytes:
a plain hash is as strong as the key). An admin may switch a customer's access off."""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass

from bot.core.storage.base import StoreBase

KEY_BYTES = 24  # 32 characters of URL-safe base64


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Access:
    has_key: bool
    created_at: float | None
    disabled: bool  # switched off by an admin
    notify: bool  # chat notices of API orders


NO_ACCESS = Access(False, None, False, False)


class ApiKeyStore(StoreBase):
    async def issue(self, user_id: int) -> str:
        """A new key for this customer (the old one stops working at once). The key itself is
        returned once and never kept."""
        key = secrets.token_urlsafe(KEY_BYTES)
        now = time.time()
        async with self.db.write() as conn:
            changed = await conn.execute(
                "UPDATE api_keys SET key_hash = :hash, created_at = :now WHERE user_id = :user",
                {"hash": key_hash(key), "now": now, "user": user_id},
            )
            if not changed.rowcount:
                await conn.execute(
                    "INSERT INTO api_keys (user_id, key_hash, created_at, disabled, notify)"
                    " VALUES (:user, :hash, :now, FALSE, FALSE)",
                    {"hash": key_hash(key), "now": now, "user": user_id},
                )
        return key

    async def revoke(self, user_id: int) -> bool:
        """False when there was no key."""
        async with self.db.write() as conn:
            changed = await conn.execute(
                "UPDATE api_keys SET key_hash = NULL, created_at = NULL"
                " WHERE user_id = :user AND key_hash IS NOT NULL",
                {"user": user_id},
            )
        return bool(changed.rowcount)

    async def owner(self, key: str) -> int | None:
        """The customer whose active key this is: not one an admin switched off, nor a banned
        customer's."""
        if not key:
            return None
        query = (
            "SELECT api_keys.user_id FROM api_keys JOIN users ON users.id = api_keys.user_id"
            " WHERE api_keys.key_hash = :hash AND NOT api_keys.disabled AND NOT users.is_banned"
        )
        async with self.db.read() as conn:
            row = (await conn.execute(query, {"hash": key_hash(key)})).first()
        return int(row[0]) if row else None

    async def access(self, user_id: int) -> Access:
        query = "SELECT key_hash, created_at, disabled, notify FROM api_keys WHERE user_id = :user"
        async with self.db.read() as conn:
            row = (await conn.execute(query, {"user": user_id})).first()
        if row is None:
            return NO_ACCESS
        return Access(row[0] is not None, row[1], bool(row[2]), bool(row[3]))

    async def set_disabled(self, user_id: int, disabled: bool) -> None:
        await self._upsert_flag(user_id, "disabled", disabled)

    async def set_notify(self, user_id: int, notify: bool) -> None:
        await self._upsert_flag(user_id, "notify", notify)

    async def _upsert_flag(self, user_id: int, column: str, value: bool) -> None:
        assert column in {"disabled", "notify"}
        async with self.db.write() as conn:
            changed = await conn.execute(
                f"UPDATE api_keys SET {column} = :value WHERE user_id = :user",
                {"value": value, "user": user_id},
            )
            if not changed.rowcount:
                flags = {"disabled": False, "notify": False, column: value}
                await conn.execute(
                    "INSERT INTO api_keys (user_id, disabled, notify)"
                    " VALUES (:user, :disabled, :notify)",
                    {"user": user_id, **flags},
                )

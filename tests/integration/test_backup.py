"""Backups (issue 37): a copy made while the shop runs restores into an empty database with
the same orders, wallets and settings; it never restores over a shop's data."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path

import pytest

from bot.core.domain import NewOrder
from bot.core.storage import Database
from bot.core.storage.backup import BackupUnavailableError, make_backup, restore_backup
from bot.core.stores import Stores
from tests.backends import BACKENDS, fresh_database_url


async def _shop_with_data(db: Database) -> int:
    stores = Stores.over(db)
    await stores.users.ensure_user(501, "owner_of_data", "Data")
    await stores.wallets.credit(501, Decimal("12.34"), "credit", note="backup test")
    order_id = await stores.orders.create_order(
        NewOrder(
            user_id=501,
            client_token=uuid.uuid4().hex,
            service_id=1,
            service_name="Followers",
            service_type="Default",
            category="C",
            link="https://instagram.com/p/backup",
            fields={},
            quantity=100,
            charge=Decimal(2),
            cost=Decimal(1),
            currency="USD",
        )
    )
    await stores.settings.set_kv("markup:default", "35")
    return order_id


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_backup_restores_into_an_empty_database_with_everything(
    backend: str, tmp_path: Path
) -> None:
    url = await fresh_database_url(backend)
    path = tmp_path / "shop.sqlite3"
    db = await Database.open(path, url)
    try:
        order_id = await _shop_with_data(db)
        backup = await make_backup(path, url)  # while the shop is open
    finally:
        await db.close()
    assert backup.content and backup.filename.startswith("smm-bot-")
    file = tmp_path / backup.filename
    file.write_bytes(backup.content)

    target_url = await fresh_database_url(backend)
    target_path = tmp_path / "restored" / "shop.sqlite3"
    await restore_backup(file, target_path, target_url)
    restored = await Database.open(target_path, target_url)
    try:
        stores = Stores.over(restored)
        assert await stores.wallets.balance(501) == Decimal("10.34")
        order = await stores.orders.get_order(order_id)
        assert order is not None and order.link == "https://instagram.com/p/backup"
        assert await stores.settings.get_kv("markup:default") == "35"
        user = await stores.users.get_user(501)
        assert user is not None and user.username == "owner_of_data"
    finally:
        await restored.close()
    # Never over a shop's data.
    with pytest.raises(BackupUnavailableError, match="restore into a new one"):
        await restore_backup(file, target_path, target_url)


async def test_a_file_that_is_no_backup_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.gz"
    junk.write_bytes(b"not a backup")
    with pytest.raises(BackupUnavailableError, match="not a backup"):
        await restore_backup(junk, tmp_path / "new.sqlite3", None)


async def test_the_schedule_survives_restarts_and_sends_once_per_period(tmp_path: Path) -> None:
    from bot.core.ops.backup_schedule import BackupSchedule
    from bot.core.storage.kv import KeyValueStore

    db = await Database.open(tmp_path / "s.sqlite3")
    try:
        kv = KeyValueStore(db)
        assert not await BackupSchedule(kv, 24).due(1000.0)  # the first start: not at once
        assert not await BackupSchedule(kv, 24).due(1000.0 + 23 * 3600)  # a restart later
        schedule = BackupSchedule(kv, 24)
        assert await schedule.due(1000.0 + 24 * 3600)
        await schedule.sent(1000.0 + 24 * 3600)
        assert not await BackupSchedule(kv, 24).due(1000.0 + 25 * 3600)
        assert not await BackupSchedule(kv, 0).due(10**9)  # off
    finally:
        await db.close()


def test_python_m_bot_restore_puts_a_backup_into_an_empty_database(tmp_path: Path) -> None:
    """The README's restore command, as an owner runs it."""
    import asyncio
    import os
    import subprocess
    import sys

    path = tmp_path / "live.sqlite3"

    async def backup() -> bytes:
        db = await Database.open(path)
        try:
            await _shop_with_data(db)
            return (await make_backup(path, None)).content
        finally:
            await db.close()

    file = tmp_path / "backup.sqlite3.gz"
    file.write_bytes(asyncio.run(backup()))
    target = tmp_path / "new" / "shop.sqlite3"
    env = {
        **os.environ,
        "BOT_TOKEN": "123456:TEST-restore",
        "DATABASE_PATH": str(target),
        "DATABASE_URL": "",
    }
    env.pop("DATABASE_URL")
    command = [sys.executable, "-m", "bot", "restore", str(file)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Restored" in done.stdout and target.exists()
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert again.returncode == 2 and "restore into a new one" in again.stderr

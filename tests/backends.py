"""Storage backends the tests run on: SQLite always, PostgreSQL (TEST_POSTGRES_URL) and Redis
(TEST_REDIS_URL) when the test command started them. In CI a missing one is a failure, not a
skip."""

from __future__ import annotations

import os
import uuid

import asyncpg
import pytest

BACKENDS = ["sqlite", "postgres"]


def started_service_url(variable: str, name: str) -> str:
    """The URL of a server the test command started; skips the test without it (fails in CI)."""
    url = os.environ.get(variable)
    if url is None:
        if os.environ.get("CI"):
            pytest.fail(f"{variable} is not set: run the tests with `bash scripts/test`")
        pytest.skip(f"{name} not available (`bash scripts/test` starts one)")
    return url


def postgres_admin_url() -> str | None:
    return started_service_url("TEST_POSTGRES_URL", "PostgreSQL")


def redis_url() -> str:
    return started_service_url("TEST_REDIS_URL", "Redis")


async def fresh_database_url(backend: str) -> str | None:
    """None for SQLite; for PostgreSQL, the URL of a new empty database."""
    if backend == "sqlite":
        return None
    admin = postgres_admin_url()
    assert admin is not None
    name = f"smm_test_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return admin.rsplit("/", 1)[0] + "/" + name

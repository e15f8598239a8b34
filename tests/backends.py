"""Storage backends the tests run on: SQLite always, PostgreSQL when the test command
started one (TEST_POSTGRES_URL). In CI a missing PostgreSQL is a failure, not a skip."""

from __future__ import annotations

import os
import uuid

import asyncpg
import pytest

BACKENDS = ["sqlite", "postgres"]


def postgres_admin_url() -> str | None:
    url = os.environ.get("TEST_POSTGRES_URL")
    if url is None:
        if os.environ.get("CI"):
            pytest.fail("TEST_POSTGRES_URL is not set: run the tests with `bash scripts/test`")
        pytest.skip("PostgreSQL not available (`bash scripts/test` starts one)")
    return url


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

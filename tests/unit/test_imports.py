"""A configuration imports only what it uses: every library imported is memory the process
holds for as long as it runs (bench/README.md)."""

from __future__ import annotations

import subprocess
import sys

ONLY_WHEN_CONFIGURED = (
    "asyncpg",  # DATABASE_URL
    "sqlalchemy",  # DATABASE_URL, or a database older than the code (Alembic)
    "redis",  # REDIS_URL
    "aiohttp.web",  # WEBHOOK_URL, WEBAPP_URL, METRICS_ENABLED, Crypto Pay
    "prometheus_client",  # METRICS_ENABLED
    "alembic",  # a database older than the code
    "bot.sandbox",  # PANEL_API_URL unset
)


def optional_libraries_imported() -> list[str]:
    """What of the above the bot imports with the defaults (in a fresh process; bench.startup
    prints it too)."""
    probe = (
        "import sys, bot.runners, handlers; "
        f"print(*[m for m in {ONLY_WHEN_CONFIGURED!r} if m in sys.modules])"
    )
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    if found.returncode != 0:
        raise RuntimeError(found.stderr)
    return found.stdout.split()


def test_the_bot_with_the_defaults_imports_no_optional_library() -> None:
    assert optional_libraries_imported() == []


def test_metrics_record_nothing_until_enabled_then_count() -> None:
    from bot.core.ops import metrics

    if not metrics.enabled():
        metrics.UPDATES.labels("message").inc()  # a stand-in: nothing to read, nothing fails
        metrics.enable()
    from prometheus_client import REGISTRY

    def counted() -> float:
        return REGISTRY.get_sample_value("smm_updates_total", {"type": "message"}) or 0.0

    before = counted()
    metrics.UPDATES.labels("message").inc()
    assert counted() == before + 1

"""Settings and the entry point: bad settings, masked secrets, .env.example
(bot/core/settings.py, bot/__main__.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_bot(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"BOT_TOKEN", "PANEL_API_URL", "PANEL_API_KEY"}
    }
    clean.update(env)
    # Run from an empty folder so no .env is read; the project is importable through PYTHONPATH.
    clean["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "BOT_TOKEN is required"),
        ({"BOT_TOKEN": "not-a-token"}, "BOT_TOKEN must look like"),
        ({"BOT_TOKEN": "1:x", "PANEL_API_URL": "ftp://panel"}, "PANEL_API_URL must start with"),
        (
            {"BOT_TOKEN": "1:x", "PANEL_API_URL": "https://p.example/api/v2"},
            "PANEL_API_KEY is required",
        ),
        ({"BOT_TOKEN": "1:x", "POLL_INTERVAL_SECONDS": "soon"}, "POLL_INTERVAL_SECONDS"),
        ({"BOT_TOKEN": "1:x", "DEFAULT_LOCALE": "de"}, "DEFAULT_LOCALE must be one of"),
        ({"BOT_TOKEN": "1:x", "WEBHOOK_URL": "https://bot.example/hook"}, "WEBHOOK_SECRET"),
        ({"BOT_TOKEN": "1:x", "PANELS": "alpha,beta"}, "PANELS must be a JSON list"),
        ({"BOT_TOKEN": "1:x", "PANELS": "[]"}, "PANELS must be a non-empty JSON list"),
        (
            {
                "BOT_TOKEN": "1:x",
                "PANELS": '[{"name":"a","url":"https://a/api/v2","key":"k1"},'
                '{"name":"b","url":"panel-b","key":"TOPSECRETKEY"}]',
            },
            "PANELS entry 2 url must start with http",
        ),
        (
            {"BOT_TOKEN": "1:x", "PANELS": '[{"name":"Main Panel","url":"https://a","key":"k"}]'},
            "PANELS entry 1 name must be",
        ),
        (
            {"BOT_TOKEN": "1:x", "PANELS": '[{"name":"a","url":"https://a"}]'},
            "PANELS entry 1 key is missing",
        ),
        ({"BOT_TOKEN": "1:x", "ROUTING": "random"}, "ROUTING must be one of cheapest, priority"),
    ],
)
def test_a_bad_setting_exits_2_with_one_line(
    tmp_path: Path, env: dict[str, str], named: str
) -> None:
    result = run_bot(tmp_path, **env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and named in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert "TOPSECRETKEY" not in result.stderr


def test_the_token_is_not_echoed_in_the_error(tmp_path: Path) -> None:
    result = run_bot(tmp_path, BOT_TOKEN="secret-token-without-colon")
    assert (
        result.returncode == 2 and "secret-token-without-colon" not in result.stderr + result.stdout
    )


def test_every_secret_is_masked_by_the_log_filter() -> None:
    import logging

    from bot.core.logs import RedactSecrets
    from bot.core.settings import Settings

    settings = Settings(
        bot_token="1:tok-secret",
        panel_api_url="https://p.example/api/v2",
        panel_api_key="key-secret",
        database_url="postgresql://smm:db-password-1@db:5432/smm",
        webhook_url="https://b.example/hook",
        webhook_secret="hook-secret-0123456789",
        _env_file=None,
    )
    record = logging.LogRecord(
        "x", logging.INFO, "x", 1, "all: %s", (" ".join(settings.secrets()),), None
    )
    RedactSecrets(settings.secrets()).filter(record)
    text = record.getMessage()
    for secret in ("tok-secret", "key-secret", "db-password-1", "hook-secret-0123456789"):
        assert secret not in text


def test_every_setting_is_documented_in_env_example() -> None:
    from bot.core.settings import Settings

    documented = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert {name.upper() for name in Settings.model_fields} <= documented


def test_the_grafana_dashboard_queries_only_metrics_the_bot_exports() -> None:
    import json

    from prometheus_client import REGISTRY

    from bot.core.ops import metrics

    metrics.enable()  # as METRICS_ENABLED does (once per process): alone, this test did not
    exported = {name for metric in REGISTRY.collect() for name in [metric.name]}
    dashboard = json.loads((ROOT / "deploy/grafana/dashboards/smm-bot.json").read_text())
    used = {
        name
        for panel in dashboard["panels"]
        for target in panel["targets"]
        for name in re.findall(r"\b(smm_[a-z0-9_]+)", target["expr"])
    }
    assert used, "the dashboard queries nothing"
    bare = {name.removesuffix("_bucket").removesuffix("_total") for name in used}
    assert bare <= exported, bare - exported

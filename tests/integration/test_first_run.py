"""A first run as a new user tries it (bot/__main__.py, bot/runners.py): `.env.example`
copied as it is, a token Telegram refuses, Telegram out of reach, and a second bot started
on the same SQLite file. Each ends (or goes on) without a traceback."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("PANEL", "BOT_", "TEL"))}
    keep.update(
        PYTHONPATH=str(ROOT),
        BOT_TOKEN=TOKEN,
        DATABASE_PATH=str(tmp_path / "shop.sqlite3"),
        SANDBOX_STEP_SECONDS="1",
        **extra,
    )
    return keep


def _default_sigint() -> None:
    # A test runner started in the background may ignore Ctrl+C, and children inherit that.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(tmp_path: Path, **extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,  # no .env there
        env=_env(tmp_path, **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_sigint,
    )


@pytest.fixture
def refusing_telegram() -> Iterator[str]:
    """Telegram as it answers a revoked token: 401 to every method."""

    class Refuse(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # aiogram posts every method
            body = json.dumps({"ok": False, "error_code": 401, "description": "Unauthorized"})
            self.send_response(401)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Refuse)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_the_example_env_copied_as_it_is_names_bot_token(tmp_path: Path) -> None:
    example = (ROOT / ".env.example").read_text()
    (tmp_path / ".env").write_text(example)
    env = {k: v for k, v in os.environ.items() if k.isupper() and k not in {"BOT_TOKEN"}}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "Configuration error: BOT_TOKEN is still the placeholder from .env.example: put the"
        " token @BotFather gave you"
    ]


def test_a_token_telegram_refuses_names_bot_token_and_exits_2(
    tmp_path: Path, refusing_telegram: str
) -> None:
    bot = _start(tmp_path, TELEGRAM_API_URL=refusing_telegram)
    _, stderr = bot.communicate(timeout=60)
    assert bot.returncode == 2, stderr
    assert "Traceback" not in stderr
    last = stderr.strip().splitlines()[-1]
    assert last.startswith("Configuration error: BOT_TOKEN was refused by Telegram (401")
    assert TOKEN.split(":")[1] not in stderr


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_telegram_out_of_reach_is_tried_again_and_a_second_bot_on_the_file_refuses(
    tmp_path: Path,
) -> None:
    unreachable = f"http://127.0.0.1:{_closed_port()}"
    first = _start(tmp_path, TELEGRAM_API_URL=unreachable)
    try:
        time.sleep(6)  # migrations, then tries at 0, 1 and 3 seconds
        assert first.poll() is None, "the bot ended instead of trying again"
        second = _start(tmp_path, TELEGRAM_API_URL=unreachable)
        _, second_err = second.communicate(timeout=60)
        assert second.returncode == 2
        assert "Traceback" not in second_err
        said = second_err.strip().splitlines()[-1]
        assert said.startswith(f"Configuration error: DATABASE_PATH {tmp_path / 'shop.sqlite3'}")
        assert "is in use by another running bot" in said
    finally:
        first.send_signal(signal.SIGTERM)
        try:
            _, first_err = first.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            first.kill()
            _, first_err = first.communicate()
    assert first_err.count("Telegram is out of reach; trying again") >= 2
    assert "Traceback" not in first_err


def test_ctrl_c_while_telegram_is_out_of_reach_ends_quietly(tmp_path: Path) -> None:
    bot = _start(tmp_path, TELEGRAM_API_URL=f"http://127.0.0.1:{_closed_port()}")
    wait_until_logged(bot, tmp_path)
    bot.send_signal(signal.SIGINT)
    _, stderr = bot.communicate(timeout=30)
    assert bot.returncode == 130
    assert "Traceback" not in stderr


def wait_until_logged(bot: subprocess.Popen[str], tmp_path: Path) -> None:
    """Until the bot is trying Telegram (its database made, its first try logged)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (tmp_path / "shop.sqlite3").exists():
        time.sleep(0.2)
    time.sleep(3)

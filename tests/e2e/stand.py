"""The whole bot as it runs in production, and a customer who talks to it.

`Stand` starts the sandbox panel, the Telegram stand-in (tests/e2e/node) and `python -m bot`
as processes on free ports; `Customer` plays a user through the stand-in's client endpoints.
Everything started is stopped by process id, also when a test fails.
"""

from __future__ import annotations

import html
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
NODE_DIR = ROOT / "tests" / "e2e" / "node"
TOKEN = "424242:E2E-SECRET-TOKEN"
ADMIN_ID = 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(check: Callable[[], Any], timeout: float, what: str, interval: float = 0.1) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


class Stand:
    def __init__(
        self,
        workdir: Path,
        sandbox_step: float = 2.0,
        poll_interval: float = 0.5,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        if not (NODE_DIR / "node_modules" / "telegram-test-api").is_dir():
            raise RuntimeError(
                "the Telegram stand-in is not installed: run `bash scripts/test` (npm ci)"
            )
        self.workdir = workdir
        self.telegram_port = free_port()
        self.sandbox_port = free_port()
        self.telegram_url = f"http://127.0.0.1:{self.telegram_port}"
        self.sandbox_url = f"http://127.0.0.1:{self.sandbox_port}"
        self.sandbox_step = sandbox_step
        self.poll_interval = poll_interval
        self.http = httpx.Client(timeout=10)
        self.extra_env = extra_env or {}
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.bot_log = workdir / "bot.log"
        self.sandbox_services = 300

    # -- processes ------------------------------------------------------------------------

    def _spawn(
        self, name: str, args: list[str], env: dict[str, str] | None = None, log: Path | None = None
    ) -> None:
        output = open(log or self.workdir / f"{name}.log", "ab")  # noqa: SIM115 - lives with the process
        env = dict(os.environ if env is None else env)
        # Run in the test's own folder: a developer's .env in the checkout must not leak in.
        env["PYTHONPATH"] = str(ROOT)
        self.processes[name] = subprocess.Popen(
            args, cwd=self.workdir, env=env, stdout=output, stderr=subprocess.STDOUT
        )

    def start(self, with_bot: bool = True) -> Stand:
        self._spawn("telegram", ["node", str(NODE_DIR / "launcher.js"), str(self.telegram_port)])
        self._spawn(
            "sandbox",
            [
                sys.executable,
                "-m",
                "bot.sandbox",
                "--port",
                str(self.sandbox_port),
                "--step",
                str(self.sandbox_step),
                "--services",
                str(self.sandbox_services),
            ],
        )
        wait_until(self._listening(self.telegram_port), 15, "the Telegram stand-in")
        wait_until(self._listening(self.sandbox_port), 15, "the sandbox panel")
        if with_bot:
            self.start_bot()
        return self

    def add_sandbox(self, name: str, price_factor: str = "1", key: str = "sandbox-key") -> str:
        """Another sandbox panel (a second provider of the same catalog); returns its URL."""
        port = free_port()
        self._spawn(
            name,
            [
                sys.executable,
                "-m",
                "bot.sandbox",
                "--port",
                str(port),
                "--step",
                str(self.sandbox_step),
                "--services",
                str(self.sandbox_services),
                "--price-factor",
                price_factor,
                "--key",
                key,
            ],
        )
        wait_until(self._listening(port), 15, f"the sandbox panel {name}")
        return f"http://127.0.0.1:{port}"

    @staticmethod
    def _listening(port: int) -> Callable[[], bool]:
        def check() -> bool:
            with socket.socket() as sock:
                return sock.connect_ex(("127.0.0.1", port)) == 0

        return check

    def bot_env(self) -> dict[str, str]:
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("PANEL_", "BOT_", "ADMIN_"))
        }
        env.update(
            {
                "BOT_TOKEN": TOKEN,
                "TELEGRAM_API_URL": self.telegram_url,
                "PANEL_API_URL": f"{self.sandbox_url}/api/v2",
                "PANEL_API_KEY": "sandbox-key",
                "ADMIN_IDS": str(ADMIN_ID),
                "DATABASE_PATH": str(self.workdir / "bot.sqlite3"),
                "POLL_INTERVAL_SECONDS": str(self.poll_interval),
                "PANEL_TIMEOUT_SECONDS": "3",
                "MARKUP_PERCENT": "50",
                "THROTTLE_RATE_PER_SECOND": "100",  # the test customer types faster than a person
                "DEFAULT_LOCALE": "en",
                "LOG_LEVEL": "DEBUG",  # the strictest setting for the secrets check
            }
        )
        env.update(self.extra_env)
        return env

    def bare_env(self) -> dict[str, str]:
        """A fresh owner's: only BOT_TOKEN — and, because this is a test, the stand-in's
        address and a test customer's typing speed."""
        env = {
            k: v
            for k, v in os.environ.items()
            if k in ("PATH", "HOME", "LANG", "SYSTEMROOT", "TMPDIR", "VIRTUAL_ENV")
        }
        env.update(
            {
                "BOT_TOKEN": TOKEN,
                "TELEGRAM_API_URL": self.telegram_url,
                "THROTTLE_RATE_PER_SECOND": "100",
                "POLL_INTERVAL_SECONDS": str(self.poll_interval),
            }
        )
        return env

    def start_bot(
        self,
        name: str = "bot",
        extra_env: dict[str, str] | None = None,
        ready: str = "Run polling",
        bare: bool = False,
    ) -> None:
        """Start `python -m bot` as process `name` (log: <name>.log) and wait until `ready`;
        `bare`: with `bare_env` only (no panel, no admins, the default database)."""
        log = self.workdir / f"{name}.log"
        before = log.read_text().count(ready) if log.exists() else 0
        env = self.bare_env() if bare else self.bot_env()
        env.update(extra_env or {})
        self._spawn(name, [sys.executable, "-m", "bot"], env=env, log=log)
        wait_until(lambda: log.read_text().count(ready) > before, 30, f"{name} to start")

    def kill_bot(self, sig: int = signal.SIGKILL, name: str = "bot") -> int:
        process = self.processes.pop(name)
        process.send_signal(sig)
        return process.wait(timeout=30)

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes.clear()
        self.http.close()

    # -- looking inside ------------------------------------------------------------------

    def panel_requests(
        self, action: str | None = None, sandbox: str | None = None
    ) -> list[dict[str, Any]]:
        found = self.http.get(f"{sandbox or self.sandbox_url}/_sandbox/requests").json()
        return [r for r in found if action is None or r.get("action") == action]

    def panel_mode(self, mode: str, sandbox: str | None = None) -> None:
        self.http.post(f"{sandbox or self.sandbox_url}/_sandbox/mode", json={"mode": mode})

    def client(self, path: str, **body: Any) -> Any:
        answer = self.http.post(f"{self.telegram_url}/{path}", json=body)
        answer.raise_for_status()
        return answer.json()["result"]

    def log(self) -> str:
        return self.bot_log.read_text()

    def create_child(self, reseller: Customer, name: str, username: str) -> dict[str, Any]:
        """`reseller` presses Telegram's create-a-bot button: the new bot (its id and token)."""
        return self.client(  # type: ignore[no-any-return]
            "createManagedBot",
            botToken=TOKEN,
            **{"from": reseller.user},
            name=name,
            username=username,
        )


class Customer:
    def __init__(
        self,
        stand: Stand,
        user_id: int,
        language: str = "en",
        first_name: str = "Ann",
        token: str = TOKEN,
    ) -> None:
        """`token`: the bot this person talks to (a second bot on the same stand-in has its
        own)."""
        self.stand = stand
        self.token = token
        self.id = user_id
        self.user = {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": language,
        }
        self.chat = {"id": user_id, "type": "private", "first_name": first_name}
        self.seen: list[dict[str, Any]] = []
        self.unread: list[dict[str, Any]] = []

    def send(self, text: str) -> None:
        path = "sendCommand" if text.startswith("/") else "sendMessage"
        self.stand.client(
            path, botToken=self.token, **{"from": self.user}, chat=self.chat, text=text
        )

    def _read(self) -> None:
        fresh = self.stand.client("botMessages", token=self.token, chatId=self.id, unreadOnly=True)
        for message in fresh:
            # What the user sees: Telegram renders the HTML; keep the markup in "html".
            message["html"] = message.get("text") or ""
            message["text"] = html.unescape(re.sub(r"<[^>]+>", "", message["html"]))
        self.seen.extend(fresh)
        self.unread.extend(fresh)

    def fetch(self) -> list[dict[str, Any]]:
        """Everything the bot said to this person so far (reading what is new)."""
        self._read()
        return self.seen

    def wait_for(self, fragment: str, timeout: float = 15.0) -> dict[str, Any]:
        """The next message (new or edited) whose text contains `fragment`; earlier ones are
        passed over, later ones stay unread for the next wait."""

        def check() -> dict[str, Any] | None:
            self._read()
            for index, message in enumerate(self.unread):
                if fragment in (message.get("text") or ""):
                    del self.unread[: index + 1]
                    return message
            return None

        try:
            found = wait_until(check, timeout, f"a message with {fragment!r} for user {self.id}")
        except AssertionError as exc:
            recent = [m["text"][:300] for m in self.seen[-4:]]
            raise AssertionError(f"{exc}; the last messages were: {recent}") from None
        return found  # type: ignore[no-any-return]

    def ask(self, text: str, expect: str, timeout: float = 15.0) -> dict[str, Any]:
        self.send(text)
        return self.wait_for(expect, timeout)

    def button(self, label: str) -> tuple[dict[str, Any], str]:
        self._read()
        for message in reversed(self.seen):
            for row in (message.get("reply_markup") or {}).get("inline_keyboard", []):
                for button in row:
                    if label in button["text"]:
                        return message, button["callback_data"]
        raise AssertionError(f"no button {label!r} in the chat of user {self.id}")

    def press(
        self, label: str, expect: str | None = None, timeout: float = 15.0
    ) -> dict[str, Any] | None:
        message, data = self.button(label)
        self.press_data(message, data)
        return self.wait_for(expect, timeout) if expect else None

    def press_data(self, message: dict[str, Any], data: str) -> None:
        self.stand.client(
            "sendCallback", botToken=self.token, **{"from": self.user}, message=message, data=data
        )

    def alerts(self) -> list[str]:
        answers = self.stand.client("callbackAnswers", token=self.token)
        return [a.get("text") or "" for a in answers]

    def inline(self, query: str, timeout: float = 10.0) -> dict[str, Any]:
        sent = self.stand.client(
            "sendInlineQuery", botToken=self.token, **{"from": self.user}, query=query
        )
        query_id = sent["inline_query"]["id"]

        def answered() -> dict[str, Any] | None:
            for answer in self.stand.client("inlineAnswers", token=self.token):
                if answer.get("inline_query_id") == query_id:
                    return answer  # type: ignore[no-any-return]
            return None

        return wait_until(answered, timeout, f"an answer to inline query {query!r}")  # type: ignore[no-any-return]

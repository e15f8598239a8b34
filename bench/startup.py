"""From process start to the first /start answered, next to a bare `import aiogram`.

The Telegram stand-in (tests/e2e/node) and the sandbox panel run as in the whole-bot tests;
a customer's /start is waiting before the bot starts, and the clock stops when its greeting
arrives at the stand-in. The first start creates the database; restarts find it.
Run: .venv/bin/python -m bench.startup [restarts]   (default 5)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.e2e.stand import Customer, Stand
from tests.unit.test_imports import optional_libraries_imported


def bare_import() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import aiogram"], check=True)
    return time.perf_counter() - started


def answered_start(stand: Stand, user_id: int) -> float:
    customer = Customer(stand, user_id)
    customer.send("/start")
    started = time.perf_counter()
    stand.start_bot(ready="")  # returns at once: the clock is the customer's
    customer.wait_for("Hello", timeout=60)
    elapsed = time.perf_counter() - started
    stand.kill_bot(15)
    return elapsed


def main(restarts: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        stand = Stand(Path(folder), poll_interval=60).start(with_bot=False)
        try:
            first = answered_start(stand, 5000)
            # Each restart next to a bare import: the machine's speed drifts between runs.
            pairs = [(answered_start(stand, 5001 + n), bare_import()) for n in range(restarts)]
        finally:
            stand.stop()
    bare = statistics.median(b for _, b in pairs)
    restart = statistics.median(r for r, _ in pairs)
    added = statistics.median(r - b for r, b in pairs)
    print(f"bare 'import aiogram': {bare:.2f} s (median of {restarts})")
    print(f"first start (creates the database) to /start answered: {first:.2f} s")
    print(f"restart to /start answered: {restart:.2f} s (median of {restarts})")
    unused = optional_libraries_imported() or "none"
    print(f"imported though this configuration does not use them: {unused}")
    print(f"startup: the bot adds {added:.2f} s to aiogram's import (target ≤ 0.5 s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)

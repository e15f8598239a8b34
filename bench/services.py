"""Throwaway PostgreSQL and Redis for a benchmark, started as the test command starts them
(scripts/_services.sh) when TEST_POSTGRES_URL / TEST_REDIS_URL are not set: one command
measures the PostgreSQL path. Stopped and deleted on the way out."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    return Path(found[-1]) if found else None


@contextlib.contextmanager
def throwaway_services(postgres: bool = True, redis: bool = True) -> Iterator[dict[str, str]]:
    """{"postgres": url, "redis": url} of what is running (what the environment names is
    used as it is)."""
    folder = Path(tempfile.mkdtemp(prefix="bench-services-"))
    found: dict[str, str] = {}
    started_pg = started_redis = False
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
    try:
        if postgres and os.environ.get("TEST_POSTGRES_URL"):
            found["postgres"] = os.environ["TEST_POSTGRES_URL"]
        elif postgres:
            bin_dir = _pg_bin()
            if bin_dir is None:
                raise SystemExit("PostgreSQL is not installed: run `bash scripts/test` once")
            if as_postgres:
                shutil.chown(folder, "postgres")
            port = free_port()
            subprocess.run(
                [*as_postgres, str(bin_dir / "initdb"), "-D", str(folder / "pg"), "-U",
                 "postgres", "--auth=trust"],
                check=True, capture_output=True,
            )  # fmt: skip
            options = (
                f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
                " -c max_connections=300"
            )
            subprocess.run(
                [*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(folder / "pg"), "-l",
                 str(folder / "pg.log"), "-w", "-o", options, "start"],
                check=True, capture_output=True,
            )  # fmt: skip
            started_pg = True
            found["postgres"] = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        if redis and os.environ.get("TEST_REDIS_URL"):
            found["redis"] = os.environ["TEST_REDIS_URL"]
        elif redis and shutil.which("redis-server"):
            port = free_port()
            subprocess.run(
                ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no", "--daemonize", "yes", "--pidfile",
                 str(folder / "redis.pid"), "--dir", str(folder)],
                check=True, capture_output=True,
            )  # fmt: skip
            started_redis = True
            found["redis"] = f"redis://127.0.0.1:{port}/0"
        yield found
    finally:
        bin_dir = _pg_bin()
        if started_pg and bin_dir is not None:
            subprocess.run(
                [*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(folder / "pg"), "-m",
                 "immediate", "stop"],
                check=False, capture_output=True,
            )  # fmt: skip
        if started_redis and (folder / "redis.pid").exists():
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int((folder / "redis.pid").read_text().strip()), 15)
        shutil.rmtree(folder, ignore_errors=True)

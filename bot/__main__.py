"""`python -m bot`: read the settings, then build and run the bot."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from pydantic import ValidationError

from bot.core.logs import configure_logging
from bot.core.settings import Settings

EXIT_CONFIG = 2
EXIT_INTERRUPTED = 130  # as a shell reports a Ctrl+C


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "missing":
        message = "is required but not set (see .env.example)"
    location = first["loc"]
    if not location:  # a rule across settings: the message names them
        return f"Configuration error: {message}"
    name = str(location[0]).upper()
    if len(location) > 1 and isinstance(location[1], int):  # one entry of a list (PANELS)
        if first["type"] == "missing":
            message = "is missing"
        where = ".".join(str(part) for part in location[2:])
        return f"Configuration error: {name} entry {location[1] + 1} {where} {message}".replace(
            "  ", " "
        )
    return f"Configuration error: {name} {message}"


def restore(settings: Settings, file: str) -> None:
    """`python -m bot restore FILE`: a backup from /backup into the configured, empty database."""
    from bot.core.storage.backup import BackupUnavailableError, restore_backup

    url = settings.database_url.get_secret_value() if settings.database_url else None
    try:
        asyncio.run(restore_backup(Path(file), settings.database_path, url))
    except (BackupUnavailableError, OSError) as exc:
        print(f"Not restored: {exc}", file=sys.stderr)
        sys.exit(EXIT_CONFIG)
    where = "the PostgreSQL database of DATABASE_URL" if url else str(settings.database_path)
    print(f"Restored {file} into {where}. Start the bot as usual.")


def main() -> None:
    try:
        settings = Settings()
    except ValidationError as exc:
        print(_describe(exc), file=sys.stderr)
        sys.exit(EXIT_CONFIG)
    if sys.argv[1:2] == ["restore"]:
        if len(sys.argv) != 3:
            print("Usage: python -m bot restore FILE", file=sys.stderr)
            sys.exit(EXIT_CONFIG)
        restore(settings, sys.argv[2])
        return
    configure_logging(settings.log_level, settings.secrets())
    from bot.process import collector_off_while_building

    with collector_off_while_building():  # aiogram's models: ~250,000 objects for good
        from bot.runners import StartupRefusedError, run  # a bad .env never imports aiogram

    try:
        asyncio.run(run(settings))
    except StartupRefusedError as exc:
        print(exc, file=sys.stderr)
        sys.exit(EXIT_CONFIG)
    except KeyboardInterrupt:  # Ctrl+C before polling took over its signals (still starting)
        sys.exit(EXIT_INTERRUPTED)


if __name__ == "__main__":
    main()

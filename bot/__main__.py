"""`python -m bot`: read the settings, then build and run the bot."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from pydantic import ValidationError

from bot.core.configuration.sources import describe_error
from bot.core.logs import configure_logging
from bot.core.settings import Settings

EXIT_CONFIG = 2
EXIT_INTERRUPTED = 130  # as a shell reports a Ctrl+C


def _describe(error: ValidationError) -> str:
    return f"Configuration error: {describe_error(error)}"


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
        from bot.runners import (  # a bad .env never imports aiogram
            InterruptedWhileStartingError,
            StartupRefusedError,
            run,
        )

    try:
        asyncio.run(run(settings))
    except StartupRefusedError as exc:
        print(exc, file=sys.stderr)
        sys.exit(EXIT_CONFIG)
    except (KeyboardInterrupt, InterruptedWhileStartingError):  # Ctrl+C while still starting
        sys.exit(EXIT_INTERRUPTED)


if __name__ == "__main__":
    main()

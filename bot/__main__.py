"""`python -m bot`: read the settings, then build and run the bot."""

from __future__ import annotations

import asyncio
import sys

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


def main() -> None:
    try:
        settings = Settings()
    except ValidationError as exc:
        print(_describe(exc), file=sys.stderr)
        sys.exit(EXIT_CONFIG)
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

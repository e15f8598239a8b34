"""`python -m bot`: read the settings, then build and run the bot."""

from __future__ import annotations

import asyncio
import gc
import sys

from pydantic import ValidationError

from bot.core.logs import configure_logging
from bot.core.settings import Settings

# httpx imports its command-line client (rich, pygments, click: ~4 MB, ~60 ms) whenever they
# are installed — they are, beside the test tools. The bot never runs it: httpx then defines
# a stub `httpx.main` instead. Set before anything imports httpx (bot.app does).
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

EXIT_CONFIG = 2


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
    # Start-up creates ~250,000 objects that live as long as the process (aiogram's models,
    # the modules): collector passes over them while starting free nothing and cost ~0.15 s
    # each. Collection resumes, with them frozen, once the bot is built (bot/runners.py).
    gc.disable()
    from bot.runners import run  # imported after settings: a bad .env never imports aiogram

    asyncio.run(run(settings))


if __name__ == "__main__":
    main()

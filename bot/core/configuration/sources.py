"""Which value of each setting the shop runs with, and where it comes from. A name set in the
environment (or `.env`) wins; one the owner set inside Telegram (stored in the database)
fills a name the environment leaves unset; otherwise the default. Plain functions: the
wizard, `/settings`, the console and the start-up all decide here."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import SecretStr, ValidationError
from pydantic_core import PydanticUndefined

from bot.core.settings import ChildSettings, Settings

logger = logging.getLogger(__name__)

# Read before the database can be (or naming who may change settings at all): the
# environment's alone. Everything else the owner may set inside Telegram.
BOOT_ONLY = frozenset(
    {
        "bot_token",
        "database_path",
        "database_url",
        "redis_url",
        "telegram_api_url",
        "webhook_url",
        "webhook_secret",
        "web_server_host",
        "web_server_port",
        "log_level",
        "admin_ids",
        "panels",
    }
)
MAX_VALUE_LENGTH = 2000


class Source(StrEnum):
    ENVIRONMENT = "environment"
    SETUP = "setup"  # stored in the database by the wizard, /settings or the console
    DEFAULT = "default"
    PARENT = "parent"  # a child shop's: what its parent shop gives it


@dataclass(frozen=True, slots=True)
class Line:
    """One setting as `/settings` and the console show it."""

    env_name: str
    value: str
    source: Source
    editable: bool
    secret: bool


def env_name(name: str) -> str:
    return name.upper()


def field_name(env: str) -> str | None:
    """The setting an environment name (any case) stands for; None when there is none."""
    name = env.strip().lower()
    return name if name in Settings.model_fields else None


def is_editable(name: str) -> bool:
    return name in Settings.model_fields and name not in BOOT_ONLY


def is_secret(name: str) -> bool:
    annotation = str(Settings.model_fields[name].annotation)
    return "SecretStr" in annotation


def describe_error(error: ValidationError) -> str:
    """The first problem as one line naming the environment name (never the value)."""
    first = error.errors()[0]
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "missing":
        message = "is required but not set (see .env.example)"
    location = first["loc"]
    if not location:  # a rule across settings: the message names them
        return message
    name = env_name(str(location[0]))
    if len(location) > 1 and isinstance(location[1], int):  # one entry of a list (PANELS)
        if first["type"] == "missing":
            message = "is missing"
        where = ".".join(str(part) for part in location[2:])
        return f"{name} entry {location[1] + 1} {where} {message}".replace("  ", " ")
    return f"{name} {message}"


def parent_only(env: Settings, name: str) -> bool:
    """A name only the parent's deployment acts on, in a child shop (ChildSettings)."""
    return isinstance(env, ChildSettings) and name in env.PARENT_ONLY


def given_by_parent(env: Settings, name: str) -> bool:
    """In a child shop, a name its parent decides: given to it, or the parent's alone."""
    return isinstance(env, ChildSettings) and (
        name in env.PARENT_ONLY or name in env.model_fields_set
    )


def from_environment(env: Settings, name: str) -> bool:
    """Whether the environment sets `name`: to something other than its default — a copied
    `.env.example` (every name at its default, blanks for the unset) locks nothing. A child
    shop's environment is what its parent gives it, at whatever value."""
    if name not in env.model_fields_set:
        return False
    if isinstance(env, ChildSettings):
        return True
    default = Settings.model_fields[name].default
    return default is PydanticUndefined or getattr(env, name) != default


def _explicit(env: Settings) -> dict[str, Any]:
    return {name: getattr(env, name) for name in env.model_fields_set}


def effective(
    env: Settings, stored: Mapping[str, str], owners: frozenset[int] = frozenset()
) -> Settings:
    """The settings to run with: `env` (what the environment set) over the stored values of
    the names it leaves unset, and the owners who claimed the shop with its setup code added
    to ADMIN_IDS. A stored value the settings now refuse (a rule changed) is left out and
    logged: one bad value never stops the shop."""
    usable = {
        name: raw
        for name, raw in stored.items()
        if is_editable(name) and not from_environment(env, name) and not parent_only(env, name)
    }
    while True:
        values = {**_explicit(env), **usable, "admin_ids": env.admin_ids | owners}
        try:
            return type(env).model_validate(values)  # a child shop's reads no environment
        except ValidationError as exc:
            named = {str(e["loc"][0]) for e in exc.errors() if e["loc"]} & usable.keys()
            dropped = named or set(usable)  # a rule across settings: drop what was stored
            if not dropped:
                raise
            logger.error(
                "stored settings refused; running without them",
                extra={"settings": sorted(env_name(n) for n in dropped)},
            )
            usable = {k: v for k, v in usable.items() if k not in dropped}


def source_of(env: Settings, stored: Mapping[str, str], name: str) -> Source:
    if from_environment(env, name):
        return Source.PARENT if isinstance(env, ChildSettings) else Source.ENVIRONMENT
    if name in stored and is_editable(name):
        return Source.SETUP
    return Source.DEFAULT


def refusal(env: Settings, name: str) -> str | None:
    """Why `name` cannot be set inside Telegram at all, or None."""
    if parent_only(env, name):
        return f"{env_name(name)} is not a child shop's to set"
    if isinstance(env, ChildSettings) and from_environment(env, name):
        return f"{env_name(name)} is given by the parent shop"
    if not is_editable(name):
        return f"{env_name(name)} is read from the environment only"
    if from_environment(env, name):
        return f"{env_name(name)} is set in the environment, which wins"
    return None


def check(env: Settings, stored: Mapping[str, str], changes: Mapping[str, str]) -> str | None:
    """Why `changes` cannot be stored, or None when they can (the whole settings are
    validated with them, so rules across settings apply too: a panel's address needs its
    key)."""
    for name, raw in changes.items():
        refused = refusal(env, name)
        if refused is not None:
            return refused
        if len(raw) > MAX_VALUE_LENGTH:
            return f"{env_name(name)} is too long"
    values = {**_explicit(env), **_valid_stored(env, stored), **changes}
    try:
        type(env).model_validate(values)
    except ValidationError as exc:
        return describe_error(exc)
    return None


def _valid_stored(env: Settings, stored: Mapping[str, str]) -> dict[str, str]:
    running = effective(env, stored)
    return {
        name: raw
        for name, raw in stored.items()
        if source_of(env, stored, name) is Source.SETUP and name in running.model_fields_set
    }


def shown(settings: Settings, name: str) -> str:
    """A setting's value for the owner's eyes: secrets only say whether they are set."""
    value = getattr(settings, name)
    if isinstance(value, SecretStr):
        return "••••••" if value.get_secret_value() else "—"
    if value is None or value in ((), frozenset()):
        return "—"
    if isinstance(value, frozenset):
        return ",".join(str(v) for v in sorted(value))
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) if name != "panels" else f"{len(value)} panels"
    return str(value)


def lines(env: Settings, stored: Mapping[str, str], running: Settings) -> list[Line]:
    return [
        Line(
            env_name=env_name(name),
            value=shown(running, name),
            source=source_of(env, stored, name),
            editable=is_editable(name) and not from_environment(env, name),
            secret=is_secret(name),
        )
        for name in Settings.model_fields
        if not parent_only(env, name)
    ]

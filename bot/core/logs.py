"""Logging with key=value fields, and a filter that keeps secrets out of every record."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

_STANDARD = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime"}


class FieldsFormatter(logging.Formatter):
    """Appends the `extra={...}` fields of a record as key=value pairs."""

    def format(self, record: logging.LogRecord) -> str:
        base = super().format(record)
        fields = {k: v for k, v in record.__dict__.items() if k not in _STANDARD}
        if not fields:
            return base
        return base + " " + " ".join(f"{key}={value!r}" for key, value in fields.items())


class RedactSecrets(logging.Filter):
    """Replaces every known secret in the final text of a record with ***."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets: list[str] = []
        self.add(secrets)

    def add(self, secrets: Iterable[str]) -> None:
        self._secrets += [s for s in secrets if s and len(s) >= 4 and s not in self._secrets]

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        fields = {k: v for k, v in record.__dict__.items() if k not in _STANDARD}
        extra_text = " ".join(map(str, fields.values()))
        exc_text = logging.Formatter().formatException(record.exc_info) if record.exc_info else ""
        if any(s in text or s in extra_text or s in exc_text for s in self._secrets):
            for secret in self._secrets:
                text = text.replace(secret, "***")
                exc_text = exc_text.replace(secret, "***")
            record.msg, record.args = text, None
            for key, value in fields.items():
                cleaned = str(value)
                for secret in self._secrets:
                    cleaned = cleaned.replace(secret, "***")
                setattr(record, key, cleaned)
            if record.exc_info:
                record.exc_info = None
                record.exc_text = exc_text
        return True


_REDACT = RedactSecrets(())


def redact_also(secrets: Iterable[str]) -> None:
    """Secrets learned after start (a panel key or a token the owner set inside Telegram)."""
    _REDACT.add(secrets)


def configure_logging(level: str, secrets: Iterable[str]) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(FieldsFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _REDACT.add(secrets)
    handler.addFilter(_REDACT)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # httpx logs every request line at INFO; the panel's traffic is summarised by our own logs.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)

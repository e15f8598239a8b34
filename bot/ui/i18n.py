"""Fluent translations (locales/<lang>/*.ftl) and the per-user locale choice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiogram.types import User as TelegramUser
from aiogram_i18n import I18nMiddleware
from aiogram_i18n.cores import FluentRuntimeCore
from aiogram_i18n.managers import BaseManager

from bot.core.customers import Customers
from bot.core.domain import User
from bot.core.settings import SUPPORTED_LOCALES

LOCALES_PATH = Path(__file__).resolve().parents[2] / "locales"


def pick_locale(stored: str | None, language_code: str | None, default: str) -> str:
    if stored in SUPPORTED_LOCALES:
        return stored
    code = (language_code or "").split("-")[0].lower()
    return code if code in SUPPORTED_LOCALES else default


class CustomerLocaleManager(BaseManager):
    """The locale a customer chose with /language, else their Telegram language."""

    def __init__(self, customers: Customers, default_locale: str) -> None:
        super().__init__(default_locale=default_locale)
        self._customers = customers

    async def get_locale(
        self, event_from_user: TelegramUser | None = None, customer: User | None = None
    ) -> str:
        stored = customer.locale if customer is not None else None
        language = event_from_user.language_code if event_from_user is not None else None
        return pick_locale(stored, language, self.default_locale or "en")

    async def set_locale(self, locale: str, event_from_user: TelegramUser | None = None) -> None:
        if event_from_user is not None:
            await self._customers.set_locale(event_from_user.id, locale)


class LoadedCore(FluentRuntimeCore):
    """Texts stay loaded until the process ends: during shutdown, a handler finishing an
    order placement and the sender flushing its last messages still need them."""

    async def shutdown(self) -> None:
        return None


def create_core(default_locale: str) -> FluentRuntimeCore:
    """Loaded at once: background senders translate before and after the dispatcher runs."""
    core = LoadedCore(path=LOCALES_PATH / "{locale}", default_locale=default_locale)
    core.locales.update(core.find_locales())
    return core


def create_i18n(
    core: FluentRuntimeCore, customers: Customers, default_locale: str
) -> I18nMiddleware:
    return I18nMiddleware(
        core=core,
        manager=CustomerLocaleManager(customers, default_locale),
        default_locale=default_locale,
    )


class Translator:
    """Translations outside a handler (background messages), with the same core."""

    def __init__(self, core: FluentRuntimeCore) -> None:
        self.core = core

    def __call__(self, key: str, locale: str, **kwargs: Any) -> str:
        return self.core.get(key, locale, **kwargs)

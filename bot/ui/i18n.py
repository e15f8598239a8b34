"""Fluent translations (locales/<lang>/*.ftl) and the per-user locale choice."""

from __future__ import annotations

from collections.abc import Callable, Iterable, KeysView
from pathlib import Path
from typing import Any

from aiogram.types import User as TelegramUser
from aiogram_i18n import I18nMiddleware
from aiogram_i18n.cores import FluentRuntimeCore
from aiogram_i18n.managers import BaseManager
from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser

from bot.core.customers.directory import Customers
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


class LazyBundles(dict[str, FluentBundle]):
    """Every locale is known at once, each is parsed when first used: parsing all four
    .ftl files costs ~0.25 s of every start, and most chats use one or two languages."""

    def __init__(self, names: Iterable[str], load: Callable[[str], FluentBundle]) -> None:
        super().__init__()
        self._names = tuple(names)
        self._load = load

    def __missing__(self, locale: str) -> FluentBundle:
        if locale not in self._names:
            raise KeyError(locale)
        bundle = self[locale] = self._load(locale)
        return bundle

    def __contains__(self, locale: object) -> bool:
        return locale in self._names

    def keys(self) -> KeysView[str]:  # type: ignore[override]
        return dict.fromkeys(self._names).keys()


FORMATTED_KEPT = 4096


# Fluent refuses an argument longer than this (python-fluent's placeable limit): whatever a
# customer typed is cut to fit rather than turning a reply into an error.
PLACEABLE_LIMIT = 1000


def _clipped(value: Any) -> Any:
    if isinstance(value, str) and len(value) > PLACEABLE_LIMIT:
        return value[: PLACEABLE_LIMIT - 1] + "…"
    return value


class LoadedCore(FluentRuntimeCore):
    """Texts stay loaded until the process ends: during shutdown, a handler finishing an
    order placement and the sender flushing its last messages still need them."""

    def __init__(self, default_locale: str) -> None:
        super().__init__(path=LOCALES_PATH / "{locale}", default_locale=default_locale)
        names = sorted(p.name for p in LOCALES_PATH.iterdir() if (p / "bot.ftl").is_file())
        self.locales = LazyBundles(names, self._bundle)
        self._formatted: dict[tuple[Any, ...], str] = {}

    def get(self, message_id: str, locale: str | None = None, /, **kwargs: Any) -> str:
        """Formatting is a pure function of the text, the language and the arguments, and the
        texts never change while the bot runs: the latest few thousand are kept (labels and
        buttons are most of what an answer translates; page headers, prompts and prices
        repeat; Fluent formats a number through babel, ~20 µs)."""
        resolved = self.get_locale(locale=locale)
        if any(isinstance(v, str) and len(v) > PLACEABLE_LIMIT for v in kwargs.values()):
            kwargs = {k: _clipped(v) for k, v in kwargs.items()}
        key = (message_id, resolved, *kwargs.items())
        try:
            text = self._formatted.get(key)
        except TypeError:  # an unhashable argument: formatted every time
            return super().get(message_id, resolved, **kwargs)
        if text is None:
            if len(self._formatted) >= FORMATTED_KEPT:
                self._formatted.clear()
            text = self._formatted[key] = super().get(message_id, resolved, **kwargs)
        return text

    def _bundle(self, locale: str) -> FluentBundle:
        bundle = FluentBundle([locale], use_isolating=self.use_isolating, functions=self.functions)
        # Without source positions: the bundle keeps the parsed texts while the bot runs, and
        # positions (only for error reports on the .ftl files) were a third of them in memory.
        parser = FluentParser(with_spans=False)
        for path in sorted((LOCALES_PATH / locale).glob("*.ftl")):
            bundle.add_resource(parser.parse(path.read_text(encoding="utf-8")))
        return bundle

    async def startup(self) -> None:
        return None  # loaded on first use (LazyBundles)

    async def shutdown(self) -> None:
        return None


def create_core(default_locale: str) -> FluentRuntimeCore:
    core = LoadedCore(default_locale)
    core.get_translator(default_locale)  # the default language is ready before any update
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

"""The owner's setup wizard as the chat shows it: the steps in order, what each asks and sets,
its prompt with Back and Skip, and the answers of the live checks."""

from __future__ import annotations

from collections.abc import Callable

from aiogram import html
from aiogram.types import InlineKeyboardMarkup
from aiogram_i18n import I18nContext

from bot.core.configuration.checks import CryptoCheck, PanelCheck
from bot.core.configuration.sources import env_name, from_environment, given_by_parent, shown
from bot.core.settings import SUPPORTED_LOCALES, Settings
from bot.ui.callbacks import SetupDo, SetupNav
from bot.ui.keyboards import button, markup
from bot.ui.render import money

# Each step, in order, and the settings it sets (the first two set the panel together).
STEPS: dict[str, tuple[str, ...]] = {
    "panel_url": ("panel_api_url",),
    "panel_key": ("panel_api_key",),
    "markup": ("markup_percent",),
    "currency": ("wallet_currency",),
    "language": ("default_locale",),
    "support": ("support_chat_id",),
    "stars": ("stars_per_usd",),
    "crypto": ("crypto_pay_token",),
    "webapp": ("webapp_url",),
}
ORDER = tuple(STEPS)
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "ru": "Русский", "ar": "العربية"}


def steps_for(env: Settings) -> tuple[str, ...]:
    """The steps this shop's wizard asks: a child shop's parent gives it its panel and its
    page, so those steps are not its owner's."""
    return tuple(s for s in ORDER if not all(given_by_parent(env, n) for n in STEPS[s]))


def step_after(step: str, env: Settings) -> str | None:
    steps = steps_for(env)
    at = steps.index(step) if step in steps else -1
    return steps[at + 1] if at + 1 < len(steps) else None


def step_before(step: str, env: Settings) -> str | None:
    steps = steps_for(env)
    at = steps.index(step) if step in steps else 0
    return steps[at - 1] if at else None


def set_by_environment(step: str, env: Settings) -> list[str]:
    """The names of this step the environment sets (and so wins over the wizard)."""
    if step == "markup":  # /markup's, which wins over MARKUP_PERCENT anyway
        return []
    names = list(STEPS[step])
    if step.startswith("panel"):
        names += ["panels"]
    return [env_name(n) for n in names if from_environment(env, n)]


def prompt(
    i18n: I18nContext, step: str, running: Settings, env: Settings, current: str
) -> tuple[str, InlineKeyboardMarkup]:
    """The step's text and buttons; `current` is its value now, as the owner should read it."""
    steps = steps_for(env)
    number = steps.index(step) + 1 if step in steps else 1
    head = i18n.get("setup-step", number=number, total=len(steps))
    from_env = set_by_environment(step, env)
    if from_env:
        body = i18n.get("setup-from-env", names=", ".join(from_env), value=html.quote(current))
    else:
        body = i18n.get(f"setup-ask-{step.replace('_', '-')}", current=html.quote(current))
    rows = []
    if not from_env and step == "currency":
        rows.append([button(i18n.get("setup-currency-panel"), SetupNav(action=SetupDo.PICK))])
    if not from_env and step == "language":
        rows.append(
            [
                button(LANGUAGE_NAMES[code], SetupNav(action=SetupDo.PICK, value=code))
                for code in SUPPORTED_LOCALES
            ]
        )
    nav = [button(i18n.get("setup-skip" if not from_env else "setup-next"), _nav(SetupDo.SKIP))]
    if step_before(step, env) is not None:
        nav.insert(0, button(i18n.get("setup-back"), _nav(SetupDo.BACK)))
    rows.append(nav)
    return head + "\n\n" + body, markup(*rows)


def _nav(action: SetupDo) -> SetupNav:
    return SetupNav(action=action)


def current_value(step: str, running: Settings, markup_percent: str) -> str:
    if step == "markup":
        return markup_percent
    return shown(running, STEPS[step][0])


def panel_answer(translate: Callable[..., str], check: PanelCheck) -> str:
    """What the panel's check found; `translate(key, **args)`: the chat's or the page's."""
    if check.ok:
        return translate(
            "setup-panel-ok",
            services=check.services,
            balance=money(check.balance, html.quote(check.currency[:8] or "USD")),
        )
    return translate(f"setup-panel-{check.problem}", detail=html.quote(check.detail))


def crypto_answer(translate: Callable[..., str], check: CryptoCheck) -> str:
    if check.ok:
        return translate("setup-crypto-ok", app=html.quote(check.app_name))
    return translate("setup-crypto-refused", detail=html.quote(check.problem))


def group_found(
    i18n: I18nContext, title: str, chat_id: int, forum: bool
) -> tuple[str, InlineKeyboardMarkup]:
    text = i18n.get("setup-group-found", title=html.quote(title[:128]))
    if not forum:
        text += "\n" + i18n.get("setup-group-no-topics")
    keyboard = markup(
        [button(i18n.get("setup-group-use"), SetupNav(action=SetupDo.GROUP, value=str(chat_id)))]
    )
    return text, keyboard

"""Every locale has every key; counts choose a plural form; the code uses only existing keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, FluentSerializer, ast

from bot.ui.i18n import Translator, create_core
from tests.telegram_html import html_error

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
# Variables that count something a word names ("3 services"): the text must select on them.
COUNT_VARIABLES = {"count", "days", "categories"}
# The plural categories whole numbers fall into, per language (CLDR).
PLURAL_CATEGORIES = {
    "en": {"one", "other"},
    "fr": {"one", "other"},
    "ru": {"one", "few", "many", "other"},
    "ar": {"zero", "one", "two", "few", "many", "other"},
}


def _keys(path: Path) -> dict[str, set[str]]:
    text = path.read_text(encoding="utf-8")
    messages = re.findall(r"^([a-zA-Z][\w-]*)\s*=(.*(?:\n[ \t]+.*)*)", text, re.M)
    return {key: set(re.findall(r"\{\s*\$(\w+)", body)) for key, body in messages}


def _messages(locale: str) -> dict[str, ast.Message]:
    resource = FluentParser().parse((LOCALES / locale / "bot.ftl").read_text(encoding="utf-8"))
    junk = [entry for entry in resource.body if isinstance(entry, ast.Junk)]
    assert not junk, [(j.content or "")[:80] for j in junk]
    return {e.id.name: e for e in resource.body if isinstance(e, ast.Message)}


def _variant_key(variant: ast.Variant) -> str:
    key = variant.key
    return key.name if isinstance(key, ast.Identifier) else str(key.value)


def _selections(node: object) -> dict[str, set[str]]:
    """{variable: the variant keys of every select expression on it} anywhere in `node`."""
    found: dict[str, set[str]] = {}
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, list):
            stack.extend(current)
            continue
        if not isinstance(current, ast.SyntaxNode):
            continue
        if isinstance(current, ast.SelectExpression) and isinstance(
            current.selector, ast.VariableReference
        ):
            keys = {_variant_key(v) for v in current.variants}
            found.setdefault(current.selector.id.name, set()).update(keys)
        stack.extend(vars(current).values())
    return found


def _bare_total(message_text: str, variable: str) -> bool:
    """ "Your orders (5)": a total in parentheses with no counted word needs no plural."""
    return f"({{ ${variable} }})" in message_text


def test_every_locale_has_every_key_with_the_same_variables() -> None:
    english = _keys(LOCALES / "en" / "bot.ftl")
    assert len(english) > 200
    for folder in LOCALES.iterdir():
        other = _keys(folder / "bot.ftl")
        assert other.keys() == english.keys(), folder.name
        for key, variables in english.items():
            assert other[key] == variables, (folder.name, key)


@pytest.mark.parametrize("locale", sorted(PLURAL_CATEGORIES))
def test_every_message_taking_a_count_selects_a_plural_form_on_it(locale: str) -> None:
    text = (LOCALES / locale / "bot.ftl").read_text(encoding="utf-8")
    bodies = dict(re.findall(r"^([a-zA-Z][\w-]*)\s*=(.*(?:\n[ \t]+.*)*)", text, re.M))
    checked = 0
    for key, message in _messages(locale).items():
        variables = _keys(LOCALES / locale / "bot.ftl")[key] & COUNT_VARIABLES
        selections = _selections(message)
        for variable in variables:
            if _bare_total(bodies[key], variable) and variable not in selections:
                continue
            assert variable in selections, f"{locale}: {key} shows ${variable} without a plural"
            assert PLURAL_CATEGORIES[locale] <= selections[variable], (locale, key)
            checked += 1
    assert checked >= 7


@pytest.mark.parametrize(
    ("locale", "count", "expected"),
    [
        ("en", 1, "Found 1 service for"),
        ("en", 3, "Found 3 services for"),
        ("fr", 1, "1 service trouvé"),
        ("fr", 3, "3 services trouvés"),
        ("ru", 1, "найдена 1 услуга"),
        ("ru", 3, "найдено 3 услуги"),
        ("ru", 5, "найдено 5 услуг"),
        ("ru", 21, "найдена 21 услуга"),
        ("ar", 0, "لم توجد خدمات"),
        ("ar", 1, "وُجدت خدمة واحدة"),
        ("ar", 2, "وُجدت خدمتان"),
        ("ar", 3, "وُجدت 3 خدمات"),
        ("ar", 11, "وُجدت 11 خدمة"),
    ],
)
def test_search_results_read_right_for_each_count(locale: str, count: int, expected: str) -> None:
    translate = Translator(create_core("en"))
    text = translate("search-results", locale, count=count, query="x")
    assert expected in text.replace("\u2068", "").replace("\u2069", "")


def test_every_key_the_code_uses_exists() -> None:
    english = _keys(LOCALES / "en" / "bot.ftl")
    used: set[str] = set()
    for source in [*ROOT.glob("bot/**/*.py"), *ROOT.glob("handlers/**/*.py")]:
        used |= set(
            re.findall(
                r"""(?:i18n\.get|\bt|translate|_translate)\(\s*"([a-z][\w-]+)\"""",
                source.read_text(),
            )
        )
    assert any("admin" in key for key in used), "handlers/admin was not scanned"
    assert used, "no keys found"
    assert used <= english.keys(), used - english.keys()


def test_a_text_is_formatted_anew_for_other_arguments_and_languages() -> None:
    """Formatted texts are kept: a kept one must never answer for other arguments."""
    from bot.ui.i18n import create_core

    core = create_core("en")
    first = core.get("balance-text", "en", balance="1.00 USD")
    second = core.get("balance-text", "en", balance="2.00 USD")
    assert "1.00 USD" in first
    assert "2.00 USD" in second
    assert core.get("balance-text", "en", balance="1.00 USD") == first
    assert core.get("balance-text", "fr", balance="1.00 USD") != first
    many = core.get("search-results", "en", count=5, query="likes")
    assert "5 services" in many
    assert "1 service " in core.get("search-results", "en", count=1, query="likes")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "Found 12,345 services"),
        ("fr", "12\u202f345 services trouvés"),
        ("ru", "найдено 12\u00a0345 услуг"),
        ("ar", "12,345 خدمة"),
    ],
)
def test_numbers_in_texts_are_grouped_as_each_language_writes_them(
    locale: str, expected: str
) -> None:
    translate = Translator(create_core("en"))
    text = translate("search-results", locale, count=12345, query="x")
    assert expected in text.replace("\u2068", "").replace("\u2069", "")


@pytest.mark.parametrize("locale", ["en", "fr", "ru", "ar"])
def test_every_text_parses_as_telegram_html(locale: str) -> None:
    """Texts are sent with HTML parse mode: a literal `<amount>` in a usage line makes
    Telegram refuse the whole message."""
    translate = Translator(create_core("en"))
    for key, message in _messages(locale).items():
        source = FluentSerializer().serialize_entry(message)
        variables = set(re.findall(r"\$([a-zA-Z][\w-]*)", source))
        text = translate(key, locale, **dict.fromkeys(variables, 1))
        assert html_error(text) is None, (locale, key, text)

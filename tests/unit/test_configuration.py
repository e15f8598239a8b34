"""Which value of a setting the shop runs with: the environment's, the owner's (stored), the
default — and the one-time setup code."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from bot.core.configuration import sources
from bot.core.configuration.setup_code import WRONG_PER_HOUR, Guesses, matches, new_code
from bot.core.configuration.sources import Source
from bot.core.settings import ChildSettings, Settings
from bot.ui.setup_wizard import ORDER, step_after, step_before, steps_for

TOKEN = "123:abc"


def env(**values: Any) -> Settings:
    return Settings(_env_file=None, bot_token=TOKEN, **values)


def test_stored_values_fill_what_the_environment_leaves_unset() -> None:
    running = sources.effective(env(), {"stars_per_usd": "70", "webapp_url": "https://s.example"})
    assert running.stars_per_usd == Decimal(70)
    assert running.webapp_url == "https://s.example"


def test_a_name_set_in_the_environment_wins() -> None:
    base = env(stars_per_usd=Decimal(90))
    running = sources.effective(base, {"stars_per_usd": "70"})
    assert running.stars_per_usd == Decimal(90)
    assert sources.source_of(base, {"stars_per_usd": "70"}, "stars_per_usd") is Source.ENVIRONMENT
    refused = sources.check(base, {}, {"stars_per_usd": "10"})
    assert refused == "STARS_PER_USD is set in the environment, which wins"


def test_a_copied_env_example_at_its_defaults_locks_nothing() -> None:
    # `.env.example` sets MARKUP_PERCENT=30 (the default) and PANEL_API_URL= (blank).
    base = env(markup_percent=Decimal(30), panel_api_url="")
    stored = {"panel_api_url": "https://panel.example/api/v2", "panel_api_key": "k"}
    running = sources.effective(base, stored)
    assert running.panel_api_url == "https://panel.example/api/v2"
    assert not running.uses_sandbox
    assert sources.source_of(base, stored, "panel_api_url") is Source.SETUP


def test_names_read_before_the_database_are_never_taken_from_it() -> None:
    stored = {"bot_token": "9:zzz", "database_path": "elsewhere.sqlite3", "admin_ids": "1"}
    running = sources.effective(env(), stored)
    assert running.bot_token.get_secret_value() == TOKEN
    assert running.admin_ids == frozenset()
    assert sources.check(env(), {}, {"database_url": "postgresql://x"}) == (
        "DATABASE_URL is read from the environment only"
    )


def test_owners_who_claimed_the_shop_join_admin_ids() -> None:
    running = sources.effective(env(admin_ids=frozenset({1})), {}, owners=frozenset({2}))
    assert running.admin_ids == frozenset({1, 2})


def test_a_stored_value_refused_later_is_left_out_not_fatal(
    caplog: pytest.LogCaptureFixture,
) -> None:
    running = sources.effective(env(), {"stars_per_usd": "-5", "webapp_url": "https://ok.example"})
    assert running.stars_per_usd == Decimal(50)  # the default
    assert running.webapp_url == "https://ok.example"
    [refused] = [r for r in caplog.records if "refused" in r.getMessage()]
    assert refused.settings == ["STARS_PER_USD"]  # type: ignore[attr-defined]


def test_check_names_the_problem_without_the_value() -> None:
    assert sources.check(env(), {}, {"stars_per_usd": "abc"}) == (
        "STARS_PER_USD Input should be a valid decimal"
    )
    # Rules across settings: an address without its key.
    assert sources.check(env(), {}, {"panel_api_url": "https://p.example"}) == (
        "PANEL_API_KEY is required when PANEL_API_URL is set"
    )
    assert sources.check(env(), {}, {"wallet_currency": "euro"}) == (
        "WALLET_CURRENCY must be a 3-letter currency code such as USD or EUR"
    )
    assert sources.check(env(), {}, {"stars_per_usd": "70"}) is None


def test_secrets_are_shown_only_as_set() -> None:
    running = sources.effective(env(), {"crypto_pay_token": "1234:SECRETTOKEN"})
    [line] = [
        line
        for line in sources.lines(env(), {"crypto_pay_token": "x"}, running)
        if line.env_name == "CRYPTO_PAY_TOKEN"
    ]
    assert "SECRETTOKEN" not in line.value
    assert line.secret and line.source is Source.SETUP and line.editable
    [token] = [line for line in sources.lines(env(), {}, running) if line.env_name == "BOT_TOKEN"]
    assert not token.editable and TOKEN not in token.value


def test_setup_code_is_compared_without_dashes_or_case() -> None:
    code = new_code()
    assert len(code) == 9 and code[4] == "-"
    assert matches(code.lower().replace("-", " "), code)
    assert not matches("AAAA-AAAA", code) or code == "AAAA-AAAA"


def test_wrong_codes_are_limited_per_person_per_hour() -> None:
    guesses = Guesses()
    for _ in range(WRONG_PER_HOUR):
        assert guesses.allowed(7, now=100.0)
        guesses.wrong(7, now=100.0)
    assert not guesses.allowed(7, now=200.0)
    assert guesses.allowed(8, now=200.0)  # someone else
    assert guesses.allowed(7, now=100.0 + 3601)


def child(**values: Any) -> ChildSettings:
    """What a child shop is given (bot/children_host.py): its token, the parent as its panel."""
    return ChildSettings.model_validate(
        {"bot_token": TOKEN, "panel_api_url": "http://parent.shop/api/v2", "panel_api_key": "k"}
        | values
    )


def test_a_child_shop_offers_its_owner_only_what_acts_on_it() -> None:
    """Settings that only the parent's deployment acts on (its own API v2, metrics, child shops
    of its own, routing among panels) are neither listed in a child nor taken: a child's
    customers would otherwise be handed API keys for an address that serves nothing."""
    base = child()
    names = {line.env_name for line in sources.lines(base, {}, base)}
    assert "STARS_PER_USD" in names and "CRYPTO_PAY_TOKEN" in names
    for name in ("RESELLER_API", "PUBLIC_URL", "METRICS_ENABLED", "CHILD_SHOPS", "ROUTING"):
        assert name not in names
        assert sources.check(base, {}, {name.lower(): "true"}) == (
            f"{name} is not a child shop's to set"
        )
    running = sources.effective(base, {"reseller_api": "true", "stars_per_usd": "70"})
    assert running.reseller_api is False  # stored before, or by hand: still not taken
    assert running.stars_per_usd == Decimal(70)


def test_what_the_parent_gives_a_child_shows_as_the_parents() -> None:
    base = child()
    given = {line.env_name: line for line in sources.lines(base, {}, base)}
    assert given["PANEL_API_URL"].source is Source.PARENT
    assert not given["PANEL_API_URL"].editable
    assert sources.check(base, {}, {"panel_api_url": "https://other.example/api/v2"}) == (
        "PANEL_API_URL is given by the parent shop"
    )
    assert given["STARS_PER_USD"].source is Source.DEFAULT


def test_a_child_shops_setup_asks_only_what_its_owner_sets() -> None:
    """The parent gives a child its panel and its page: the child's /setup starts at the
    markup and counts only the steps it asks."""
    assert steps_for(env()) == ORDER
    asked = steps_for(child())
    assert asked[0] == "markup"
    assert {"panel_url", "panel_key", "webapp"}.isdisjoint(asked)
    assert step_after("crypto", child()) is None
    assert step_before("markup", child()) is None
    assert step_before("markup", env()) == "panel_key"

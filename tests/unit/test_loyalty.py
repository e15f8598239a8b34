"""The loyalty rules as plain functions: thresholds, bonuses, tiers, sales and the rule that
discounts never stack."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from bot.core.growth.loyalty import (
    Discount,
    DiscountSource,
    Sale,
    best_discount,
    parse_sale,
    tier_status,
)
from bot.core.settings import Settings
from bot.core.steps import Step, bonus, parse_steps
from tests.fakes import TOKEN

D = Decimal


def test_steps_read_as_written_in_any_order_and_bonuses_round_down_to_the_cent() -> None:
    steps = parse_steps("100:10, 50:5")
    assert steps == (Step(D(50), D(5)), Step(D(100), D(10)))
    assert bonus(D("49.99"), steps) == 0
    assert bonus(D(50), steps) == D("2.50")
    assert bonus(D("99.99"), steps) == D("4.99")  # 4.9995 is not paid as 5.00
    assert bonus(D(100), steps) == D(10)
    assert parse_steps("") == ()


@pytest.mark.parametrize("text", ["50", "50:0", "50:100", "0:5", "x:5", "50:5,50:6", "nan:5"])
def test_a_mistyped_step_list_is_refused_at_start_up_with_the_part_named(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Settings(bot_token=TOKEN, topup_bonuses=text, _env_file=None)
    assert "topup_bonuses" in str(refused.value)


def test_a_tier_says_what_is_left_to_the_next() -> None:
    tiers = parse_steps("100:2,500:5,2000:8")
    start = tier_status(D(0), tiers)
    assert start.tier is None and start.next == Step(D(100), D(2)) and start.left == D(100)
    middle = tier_status(D("650.40"), tiers)
    assert middle.tier == Step(D(500), D(5)) and middle.left == D("1349.60")
    top = tier_status(D(5000), tiers)
    assert top.tier == Step(D(2000), D(8)) and top.next is None and top.left == 0


def test_the_largest_discount_applies_and_a_tie_keeps_the_promo_code() -> None:
    promo = Discount(DiscountSource.PROMO, D(10), "CODE")
    tier = Discount(DiscountSource.TIER, D(5))
    sale = Discount(DiscountSource.SALE, D(10))
    assert best_discount([promo, tier]) == promo
    assert best_discount([tier, None]) == tier
    assert best_discount([promo, sale, tier]) == sale  # as large as the code: the code waits
    assert best_discount([None, None]) is None


def test_a_sale_reads_percent_hours_and_an_optional_category_and_ends() -> None:
    sale = parse_sale(["20%", "24h", "Instagram", "Followers"], now=1000.0)
    assert sale == Sale(D(20), 1000.0 + 86400, "Instagram Followers")
    assert sale.discount_for("instagram followers", 2000.0) == Discount(DiscountSource.SALE, D(20))
    assert sale.discount_for("TikTok", 2000.0) is None
    assert sale.discount_for("Instagram Followers", 1000.0 + 86400) is None  # over
    everything = parse_sale(["5.5%", "1.5h"], now=0.0)
    assert everything is not None and everything.discount_for("Any", 0.0) is not None
    for bad in (["20", "24h"], ["20%", "24"], ["0%", "1h"], ["95%", "1h"], ["20%", "0h"], ["5%"]):
        assert parse_sale(bad, now=0.0) is None

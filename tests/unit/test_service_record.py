"""A service's measured record (bot/core/reliability/record.py): medians and percentiles from
its buckets, recent orders weighing more, no figure before enough orders, the verdicts and
the quarantine rule."""

from __future__ import annotations

import pytest

from bot.core.reliability.record import (
    ENOUGH_ORDERS,
    HALF_LIFE_SECONDS,
    Outcome,
    Record,
    Verdict,
    bucket_of,
    figures,
    outcome_of,
    quantile,
    quarantine_due,
)

DAY = 86400.0


def test_a_median_read_from_the_buckets_is_within_a_fifth_of_the_exact_one() -> None:
    for minutes in (1.5, 7, 20, 95, 180, 1440, 10_000):
        histogram = [0.0] * 48
        histogram[bucket_of(minutes)] = 3
        estimate = quantile(histogram, 0.5)
        assert estimate is not None and abs(estimate - minutes) / minutes < 0.21, minutes
    assert quantile([0.0] * 48, 0.5) is None


def test_the_90th_percentile_lies_above_the_median() -> None:
    record = Record()
    for n in range(20):
        record.finished(Outcome.COMPLETED, 1000.0, minutes_per_thousand=60 if n < 17 else 600)
    shown = figures(record, 1000.0)
    assert shown.minutes_per_thousand is not None and shown.p90_minutes_per_thousand is not None
    assert 50 < shown.minutes_per_thousand < 72
    assert 500 < shown.p90_minutes_per_thousand < 720


def test_before_enough_orders_there_is_no_figure_only_the_count() -> None:
    record = Record()
    for _ in range(ENOUGH_ORDERS - 1):
        record.finished(Outcome.COMPLETED, 1000.0, 60)
    shown = figures(record, 1000.0)
    assert shown.verdict is Verdict.TOO_FEW and shown.orders == ENOUGH_ORDERS - 1
    assert shown.completed_share is None and shown.minutes_per_thousand is None
    assert figures(None, 0).orders == 0


def test_recent_orders_weigh_more_than_old_ones() -> None:
    record = Record()
    for _ in range(10):
        record.finished(Outcome.COMPLETED, 0.0 + 1, 60)
    later = 1 + 4 * HALF_LIFE_SECONDS  # the ten good orders now weigh 10/16
    for _ in range(5):
        record.finished(Outcome.CANCELED, later)
    shown = figures(record, later)
    assert shown.orders == 15
    assert shown.canceled_share is not None and shown.canceled_share > 0.85
    assert shown.verdict is Verdict.BAD


def test_verdicts_reliable_fair_and_bad() -> None:
    good = Record()
    for _ in range(20):
        good.finished(Outcome.COMPLETED, 100.0, 30)
    assert figures(good, 100.0).verdict is Verdict.RELIABLE
    fair = good.copy()
    for _ in range(3):
        fair.finished(Outcome.PARTIAL, 100.0)
    assert figures(fair, 100.0).verdict is Verdict.FAIR
    few_but_good = Record()
    for _ in range(6):
        few_but_good.finished(Outcome.COMPLETED, 100.0, 30)
    assert figures(few_but_good, 100.0).verdict is Verdict.FAIR  # reliable needs 10


def test_quarantine_needs_enough_failures_among_the_last_orders() -> None:
    record = Record()
    for outcome in (Outcome.CANCELED, Outcome.COMPLETED, Outcome.NEVER_STARTED):
        record.finished(outcome, 10.0)
    assert not quarantine_due(record, failures=3, window=5)
    record.finished(Outcome.CANCELED, 10.0)
    assert quarantine_due(record, failures=3, window=5)
    record.forget_recent()
    assert not quarantine_due(record, failures=3, window=5)
    for _ in range(5):
        record.finished(Outcome.PARTIAL, 10.0)  # partials are not failures
    assert not quarantine_due(record, failures=3, window=5)


@pytest.mark.parametrize(
    ("stage", "started", "expected"),
    [
        ("completed", True, Outcome.COMPLETED),
        ("partial", True, Outcome.PARTIAL),
        ("canceled", True, Outcome.CANCELED),
        ("canceled", False, Outcome.NEVER_STARTED),
        ("rejected", False, None),
    ],
)
def test_how_an_order_ended(stage: str, started: bool, expected: Outcome | None) -> None:
    assert outcome_of(stage, started) == expected


def test_a_record_survives_its_json_and_two_panels_make_one_product() -> None:
    alpha, beta = Record(), Record()
    for _ in range(4):
        alpha.finished(Outcome.COMPLETED, 50.0, 30)
        alpha.started(10, 50.0)
    for _ in range(4):
        beta.finished(Outcome.CANCELED, 50.0)
    assert Record.load(alpha.dump()) == alpha
    product = alpha.merged(beta, 50.0)
    shown = figures(product, 50.0)
    assert shown.orders == 8
    assert shown.completed_share == pytest.approx(0.5)


def test_orders_that_start_after_a_day_count_as_not_started_within_24_hours() -> None:
    record = Record()
    for n in range(10):
        record.started(25 * 60 if n < 3 else 20, 100.0)  # three started after 25 h
        record.finished(Outcome.COMPLETED, 100.0, 60)
    record.finished(Outcome.NEVER_STARTED, 100.0)
    shown = figures(record, 100.0)
    assert shown.not_started_in_a_day_share is not None
    assert abs(shown.not_started_in_a_day_share - 4 / 11) < 1e-9
    assert Record.load(record.dump()) == record


@pytest.mark.parametrize(
    "stored",
    [
        {"at": float("nan")},
        {"at": float("inf")},
        {"outcomes": {"completed": float("inf")}},
        {"late_starts": float("nan")},
        {"starts": {"3": float("nan")}},
    ],
)
def test_a_stored_record_with_a_non_finite_number_is_refused(stored: dict[str, object]) -> None:
    """A row edited by hand into NaN would make every figure NaN and the card fail."""
    with pytest.raises(ValueError, match="not a finite number"):
        Record.load(stored)

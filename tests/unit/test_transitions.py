"""What a status change means for the customer's money and who is told
(bot/core/tracking/status_rules.py) — plain rules, no database."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.core.domain import Stage
from bot.core.outbox import OutboxKind
from bot.core.tracking.status_rules import OrderFacts, plan_poll_error, plan_transition


def facts(stage: Stage = Stage.IN_PROGRESS, remains: int | None = None) -> OrderFacts:
    return OrderFacts(stage=stage, charge=Decimal("3.00"), quantity=1000, remains=remains)


def test_partial_refunds_the_undelivered_share_and_tells_the_customer() -> None:
    plan = plan_transition(facts(), Stage.PARTIAL, remains=250)
    assert plan is not None
    assert plan.refund == Decimal("0.75")
    assert plan.notify_customer and plan.admin_alert is None


def test_partial_without_remains_uses_the_last_known_else_asks_an_admin() -> None:
    known = plan_transition(facts(remains=100), Stage.PARTIAL, remains=None)
    assert known is not None and known.refund == Decimal("0.30")
    unknown = plan_transition(facts(remains=None), Stage.PARTIAL, remains=None)
    assert unknown is not None and unknown.refund == 0
    assert unknown.admin_alert is OutboxKind.ADMIN_PARTIAL_UNKNOWN


def test_canceled_refunds_everything_and_completed_nothing() -> None:
    canceled = plan_transition(facts(), Stage.CANCELED, remains=None)
    assert canceled is not None and canceled.refund == Decimal("3.00")
    completed = plan_transition(facts(), Stage.COMPLETED, remains=0)
    assert completed is not None and completed.refund == 0 and completed.notify_customer


def test_an_unknown_status_is_recorded_without_bothering_the_customer() -> None:
    plan = plan_transition(facts(), Stage.UNKNOWN, remains=None)
    assert plan is not None and not plan.notify_customer and plan.refund == 0


@pytest.mark.parametrize(
    "stage", [Stage.COMPLETED, Stage.PARTIAL, Stage.CANCELED, Stage.STUCK, Stage.UNCERTAIN]
)
def test_the_panel_has_no_say_over_final_or_held_orders(stage: Stage) -> None:
    assert plan_transition(facts(stage), Stage.CANCELED, remains=None) is None


def test_the_same_stage_is_progress_not_a_transition() -> None:
    assert plan_transition(facts(Stage.IN_PROGRESS), Stage.IN_PROGRESS, remains=10) is None


def test_poll_errors_are_counted_and_flag_the_order_at_the_limit() -> None:
    counted = plan_poll_error(Stage.PENDING, 3, limit=10)
    assert counted is not None and counted.errors == 4 and not counted.flag_stuck
    flagged = plan_poll_error(Stage.PENDING, 9, limit=10)
    assert flagged is not None and flagged.flag_stuck
    assert plan_poll_error(Stage.COMPLETED, 0, limit=10) is None

"""Plain row types the repository returns, and how database rows become domain objects."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.core.domain import (
    Order,
    Refill,
    RefillStage,
    Stage,
    User,
)
from bot.core.money import from_micros

Row = Mapping[str, Any]  # a database row by column name

StatusChange = tuple[int, Stage, int | None, int | None]  # order id, stage, start count, remains


@dataclass(frozen=True)
class Unmoved:
    """An open order that has not moved for a while: what deciding whether it stalled needs."""

    id: int
    service_id: int
    service_type: str
    quantity: int
    moved_at: float
    started: bool = True  # False: still Pending at the panel (never started)


@dataclass(frozen=True)
class OpenOrder:
    id: int
    panel_order_id: int
    stage: Stage
    start_count: int | None
    remains: int | None
    panel: str = "main"


def order_from_row(row: Row) -> Order:
    return Order(
        id=row["id"],
        user_id=row["user_id"],
        service_id=row["service_id"],
        service_name=row["service_name"],
        service_type=row["service_type"],
        category=row["category"],
        link=row["link"],
        fields=json.loads(row["fields"]),
        quantity=row["quantity"],
        charge=from_micros(row["charge_micros"]),
        cost=from_micros(row["cost_micros"]),
        currency=row["currency"],
        stage=Stage(row["status"]),
        panel_order_id=row["panel_order_id"],
        panel=row["panel"],
        via_api=bool(row["via_api"]),
        start_count=row["start_count"],
        remains=row["remains"],
        error=row["error"],
        created_at=row["created_at"],
        status_changed_at=row["status_changed_at"],
        card_message_id=row.get("card_message_id"),
    )


def refill_from_row(row: Row) -> Refill:
    return Refill(
        id=row["id"],
        order_id=row["order_id"],
        user_id=row["user_id"],
        panel_refill_id=row["panel_refill_id"],
        stage=RefillStage(row["status"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def user_from_row(row: Row) -> User:
    return User(
        id=row["id"],
        username=row["username"],
        first_name=row["first_name"],
        locale=row["locale"],
        is_banned=bool(row["is_banned"]),
        is_active=bool(row["is_active"]),
    )

"""Pydantic models of the panel's answers, tolerant of every quirk real panels show."""

from __future__ import annotations

import html
import logging
import sys
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, cast

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic.dataclasses import dataclass

from bot.core.statuses import OrderStatus as OrderStatus
from bot.core.statuses import RefillStatus as RefillStatus

logger = logging.getLogger(__name__)


def _to_decimal(value: Any) -> Decimal:
    if isinstance(value, float):
        # Panels that send JSON numbers: go through str so 0.1 stays 0.1.
        value = repr(value)
    try:
        return Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"not a number: {value!r}") from exc


def _to_int(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError("not an integer")
    if isinstance(value, int):
        return value
    return int(_to_decimal(value))


def _to_optional_int(value: Any) -> int | None:
    """`remains`/`start_count` may be "Unknown", empty, null or negative: unknown is None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = _to_int(value)
    except ValueError:
        return None
    return number if number >= 0 else None


def _to_optional_decimal(value: Any) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return _to_decimal(value)
    except ValueError:
        return None


def _to_flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes"}
    return bool(value)


def _to_text(value: Any) -> str:
    return html.unescape(str(value)).strip() if value is not None else ""


Money = Annotated[Decimal, BeforeValidator(_to_decimal)]
OptionalMoney = Annotated[Decimal | None, BeforeValidator(_to_optional_decimal)]
PanelInt = Annotated[int, BeforeValidator(_to_int)]
OptionalCount = Annotated[int | None, BeforeValidator(_to_optional_int)]
Flag = Annotated[bool, BeforeValidator(_to_flag)]
Text = Annotated[str, BeforeValidator(_to_text)]
# Categories and types repeat across thousands of services: one string object each.
Label = Annotated[str, BeforeValidator(_to_text), AfterValidator(sys.intern)]


OrderStatusField = Annotated[OrderStatus, BeforeValidator(OrderStatus.parse)]
RefillStatusField = Annotated[RefillStatus, BeforeValidator(RefillStatus.parse)]


@dataclass(frozen=True, slots=True, config=ConfigDict(extra="ignore", populate_by_name=True))
class Service:
    """A panel's service. A slotted record, not a model: a catalog holds thousands for as
    long as the bot runs, and a model instance carries a dict and a fields-set besides its
    values (~1.3 KB against ~0.1 KB; bench/README.md)."""

    id: Annotated[PanelInt, Field(alias="service")]
    name: Text
    rate: Money
    min: PanelInt
    max: PanelInt
    type: Label = "Default"
    category: Label = ""
    refill: Flag = False
    cancel: Flag = False
    dripfeed: Flag = False
    description: Text = ""

    @model_validator(mode="before")
    @classmethod
    def _description_aliases(cls, data: Any) -> Any:
        if isinstance(data, dict) and "description" not in data and "desc" in data:
            data = {**data, "description": data["desc"]}
        return data

    @classmethod
    def from_panel(cls, item: Any) -> Service:
        """One entry of the panel's `services` answer (ValidationError if it is not one)."""
        return cast(Service, cls.__pydantic_validator__.validate_python(item))  # type: ignore[attr-defined]


class OrderState(BaseModel):
    model_config = ConfigDict(extra="ignore")

    status: OrderStatusField
    charge: OptionalMoney = None
    start_count: OptionalCount = None
    remains: OptionalCount = None
    currency: str | None = None


class RefillState(BaseModel):
    model_config = ConfigDict(extra="ignore")

    status: RefillStatusField


class Balance(BaseModel):
    model_config = ConfigDict(extra="ignore")

    balance: Money
    currency: str = "USD"

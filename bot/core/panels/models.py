"""Pydantic models of the panel's answers, tolerant of every quirk real panels show."""

from __future__ import annotations

import html
import logging
import re
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, cast

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic.dataclasses import dataclass

from bot.core.domain import MAX_BIG_ID, MAX_ID
from bot.core.statuses import OrderStatus as OrderStatus
from bot.core.statuses import RefillStatus as RefillStatus

logger = logging.getLogger(__name__)


# What a number from a panel may be. Anything else (Infinity, NaN, exponents, objects, a
# count past what a 64-bit column holds) is a stranger's data: unknown, never an exception.
MAX_NUMBER_TEXT = 40  # characters: no real count or price is longer
MAX_RATE = Decimal(10**9)  # per 1000: past this a rate is garbage, not a price
MAX_COUNT = MAX_BIG_ID
# A service's quantities: the shop stores a quantity in 32 bits, and a panel's "max" of
# 10^12 means "no limit" — offered as the largest quantity the shop can hold.
MAX_QUANTITY = MAX_ID
MAX_TEXT = 4000  # a description; longer is a panel's garbage, not something to show
_INTEGER = re.compile(r"\s*(\d{1,19})(?:\.0*)?\s*")


def _to_decimal(value: Any) -> Decimal:
    """A finite decimal: a JSON number or a numeric string, nothing else."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise ValueError(f"not a number: {type(value).__name__}")
    if isinstance(value, float):
        # Panels that send JSON numbers: go through str so 0.1 stays 0.1.
        value = repr(value)
    text = str(value).strip()
    if len(text) > MAX_NUMBER_TEXT:
        raise ValueError("not a number: too long")
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"not a number: {text[:MAX_NUMBER_TEXT]!r}") from exc
    if not number.is_finite():
        raise ValueError("not a finite number")
    return number


def to_count(value: Any, largest: int = MAX_COUNT) -> int | None:
    """A whole number 0..largest written plainly (digits, or a JSON integer); else None.
    Exponents ("1e30"), fractions, signs and words are not counts."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            return None
        number = int(value)
    elif isinstance(value, str) and len(value) <= MAX_NUMBER_TEXT:
        match = _INTEGER.fullmatch(value)
        if match is None:
            return None
        number = int(match.group(1))
    else:
        return None
    return number if 0 <= number <= largest else None


def _to_int(value: Any) -> int:
    number = to_count(value)
    if number is None:
        raise ValueError("not a whole number in range")
    return number


def _to_id(value: Any) -> int:
    number = to_count(value, MAX_ID)
    if not number:
        raise ValueError("not an id in range")
    return number


def _to_quantity(value: Any) -> int:
    return min(_to_int(value), MAX_QUANTITY)


def _to_rate(value: Any) -> Decimal:
    rate = _to_decimal(value)
    if not 0 <= rate <= MAX_RATE:
        raise ValueError("rate out of range")
    return rate


def _to_optional_int(value: Any) -> int | None:
    """`remains`/`start_count` may be "Unknown", empty, null, negative or absurd: unknown is
    None."""
    return to_count(value)


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
    if value is None or isinstance(value, dict | list):
        return ""
    return html.unescape(str(value)[:MAX_TEXT]).strip()[:MAX_TEXT]


def _cut(limit: int) -> Callable[[str], str]:
    return lambda text: text[:limit]


Money = Annotated[Decimal, BeforeValidator(_to_decimal)]
Rate = Annotated[Decimal, BeforeValidator(_to_rate)]
OptionalMoney = Annotated[Decimal | None, BeforeValidator(_to_optional_decimal)]
PanelInt = Annotated[int, BeforeValidator(_to_int)]
PanelId = Annotated[int, BeforeValidator(_to_id)]
Quantity = Annotated[int, BeforeValidator(_to_quantity)]
OptionalCount = Annotated[int | None, BeforeValidator(_to_optional_int)]
Flag = Annotated[bool, BeforeValidator(_to_flag)]
Text = Annotated[str, BeforeValidator(_to_text)]
# What an order row keeps of a service: its name and category (300), its type (64).
Name = Annotated[str, BeforeValidator(_to_text), AfterValidator(_cut(300))]
# Categories and types repeat across thousands of services: one string object each.
Label = Annotated[
    str, BeforeValidator(_to_text), AfterValidator(_cut(300)), AfterValidator(sys.intern)
]
TypeLabel = Annotated[
    str, BeforeValidator(_to_text), AfterValidator(_cut(64)), AfterValidator(sys.intern)
]


OrderStatusField = Annotated[OrderStatus, BeforeValidator(OrderStatus.parse)]
RefillStatusField = Annotated[RefillStatus, BeforeValidator(RefillStatus.parse)]


@dataclass(frozen=True, slots=True, config=ConfigDict(extra="ignore", populate_by_name=True))
class Service:
    """A panel's service. A slotted record, not a model: a catalog holds thousands for as
    long as the bot runs, and a model instance carries a dict and a fields-set besides its
    values (~1.3 KB against ~0.1 KB; bench/README.md)."""

    id: Annotated[PanelId, Field(alias="service")]
    name: Name
    rate: Rate
    min: Quantity
    max: Quantity
    type: TypeLabel = "Default"
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
    currency: Annotated[str | None, BeforeValidator(lambda v: _to_text(v)[:8] or None)] = None


class RefillState(BaseModel):
    model_config = ConfigDict(extra="ignore")

    status: RefillStatusField


class Balance(BaseModel):
    model_config = ConfigDict(extra="ignore")

    balance: Money
    currency: str = "USD"

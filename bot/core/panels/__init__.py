"""The panels the shop buys from: the API v2 adapter (`PanelClient`, its models and typed
errors, what a failed `add` means), each panel's health, and the low-balance watch."""

from bot.core.panels.client import BATCH_SIZE, PanelClient, chunked
from bot.core.panels.errors import (
    BadLinkError,
    DuplicateOrderError,
    MalformedResponseError,
    NotAllowedError,
    NotFoundError,
    PanelAuthError,
    PanelError,
    PanelFundsError,
    PanelUnavailableError,
    PlacementUncertainError,
    QuantityError,
    RateLimitedError,
    RejectedError,
    UnknownServiceError,
)
from bot.core.panels.models import (
    Balance,
    OrderState,
    OrderStatus,
    RefillState,
    RefillStatus,
    Service,
)

__all__ = [
    "BATCH_SIZE",
    "BadLinkError",
    "Balance",
    "DuplicateOrderError",
    "MalformedResponseError",
    "NotAllowedError",
    "NotFoundError",
    "OrderState",
    "OrderStatus",
    "PanelAuthError",
    "PanelClient",
    "PanelError",
    "PanelFundsError",
    "PanelUnavailableError",
    "PlacementUncertainError",
    "QuantityError",
    "RateLimitedError",
    "RefillState",
    "RefillStatus",
    "RejectedError",
    "Service",
    "UnknownServiceError",
    "chunked",
]

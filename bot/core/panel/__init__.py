"""The panel adapter: `PanelClient`, its models and its typed errors."""

from bot.core.panel.client import BATCH_SIZE, PanelClient, chunked
from bot.core.panel.errors import (
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
from bot.core.panel.models import (
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

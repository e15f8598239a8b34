"""Typed panel errors: each kind is something a caller can act on differently."""

from __future__ import annotations


class PanelError(Exception):
    """Base of every panel failure. `detail` is the panel's own text, never the API key."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail)
        self.detail = detail


class PanelAuthError(PanelError):
    """The API key was refused: the operator's problem."""


class PanelFundsError(PanelError):
    """The reseller's panel account cannot pay for the order: the operator's problem."""


class BadLinkError(PanelError):
    pass


class QuantityError(PanelError):
    pass


class DuplicateOrderError(PanelError):
    """The panel already runs an active order for this link."""


class UnknownServiceError(PanelError):
    pass


class NotFoundError(PanelError):
    """Unknown order or refill id."""


class NotAllowedError(PanelError):
    """Refill or cancel is not available for this order or service."""


class RejectedError(PanelError):
    """A clear refusal the bot has no specific kind for."""


class RateLimitedError(PanelError):
    def __init__(self, detail: str = "", retry_after: float | None = None) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class PanelUnavailableError(PanelError):
    """Timeout, connection failure, 5xx or an HTML page: nothing usable came back."""


class MalformedResponseError(PanelError):
    """JSON came back, but not in a shape this action answers with."""


class PlacementUncertainError(PanelError):
    """An `add` may have reached the panel but no clear answer came back.

    The order may exist on the panel: it must never be sent again automatically.
    """


# Checked in order: the first marker found in the lower-cased text wins, so the more
# specific markers (duplicate link) come before the general ones (link).
_MARKERS: tuple[tuple[tuple[str, ...], type[PanelError]], ...] = (
    (("api key", "api_key", "invalid key", "incorrect key", "key is invalid"), PanelAuthError),
    (("not enough funds", "not_enough_funds", "insufficient", "low balance"), PanelFundsError),
    (("active order", "link_duplicate", "duplicate"), DuplicateOrderError),
    (("quantity",), QuantityError),
    (("link",), BadLinkError),
    (("service id", "service_id", "incorrect service", "invalid service"), UnknownServiceError),
    (("not eligible", "disabled", "not allowed", "not available"), NotAllowedError),
    (("order id", "not found", "incorrect order", "incorrect refill"), NotFoundError),
    (("too many requests", "rate limit"), RateLimitedError),
)


def classify_error(text: str) -> PanelError:
    lowered = text.lower()
    for markers, kind in _MARKERS:
        if any(marker in lowered for marker in markers):
            return kind(text)
    return RejectedError(text)

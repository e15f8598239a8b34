"""Checkout: what one Confirm decides, the same for every face (the chat, the Mini App and,
next, the shop's own API). The faces collect the form and render the result; the decisions
— the price moved since the summary, the wallet is short, placed — are made here once."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

from bot.core.ordering.hold_store import HoldStore
from bot.core.ordering.placing import OrderService, Outcome, Placement
from bot.core.ordering.quoting import Quote, Quoter
from bot.core.panels import Service


class Next(StrEnum):
    """What the face shows after a Confirm."""

    REVIEW = "review"  # the price is not the one confirmed: show this quote's summary again
    TOP_UP = "top_up"  # the wallet is short: nothing charged; top up `shortfall`
    RETRY = "retry"  # refused before anything was charged: the same summary may be confirmed
    DONE = "done"  # the form is over: placed, already placed, in doubt, or refused and refunded


@dataclass(frozen=True)
class CheckoutResult:
    next: Next
    quote: Quote  # with REVIEW, the new price to show
    placement: Placement | None = None  # None with REVIEW before anything was tried

    @property
    def shortfall(self) -> Decimal:
        missing = self.placement.missing if self.placement else None
        return missing or self.quote.shortfall


class Checkout:
    def __init__(self, quoter: Quoter, ordering: OrderService, holds: HoldStore) -> None:
        self.quoter = quoter
        self._ordering = ordering
        self._holds = holds

    async def remember_card(self, order_id: int, message_id: int) -> None:
        """The message that confirmed the order: its live card from now on."""
        await self._ordering.remember_card(order_id, message_id)

    @asynccontextmanager
    async def in_flight(self) -> AsyncIterator[None]:
        """A Confirm and the reply that tells its outcome: a shutdown waits for both."""
        async with self._ordering.in_flight():
            yield

    async def summary(
        self,
        user_id: int,
        service: Service,
        answers: Mapping[str, Any],
        token: str | None = None,
    ) -> Quote:
        """The priced form. With the form's `token`, a summary the wallet cannot pay yet
        waits at its price for a top-up (the chat offers "Place order now" once paid)."""
        quote = await self.quoter.quote(user_id, service, answers)
        if token is not None and quote.shortfall:
            await self._hold(user_id, token, quote)
        return quote

    async def confirm(
        self,
        user_id: int,
        service: Service,
        answers: Mapping[str, Any],
        token: str,
        confirmed_price: Decimal | None,
        *,
        wait_for_top_up: bool = True,
        before_placing: Callable[[], Awaitable[None]] | None = None,
    ) -> CheckoutResult:
        """Place the form the customer confirmed at `confirmed_price`, charged once (the
        token makes a second Confirm find the first order). `before_placing` lets the face
        say "placing…" once the price is known to stand, before the panel is asked."""
        quote = await self.quoter.quote(user_id, service, answers)
        if confirmed_price is None or quote.price != confirmed_price:
            # The catalog, the markup or a discount changed since the summary.
            return CheckoutResult(Next.REVIEW, quote)
        if before_placing is not None:
            await before_placing()
        placement = await self._ordering.place(quote.new_order(user_id, token))
        if placement.outcome is Outcome.PRICE_CHANGED:  # its discount went to another order
            fresh = await self.quoter.quote(user_id, service, answers)
            return CheckoutResult(Next.REVIEW, fresh, placement)
        if placement.outcome is Outcome.LINK_BUSY:  # nothing charged; this form cannot go
            await self._holds.release_hold(user_id, token)
            return CheckoutResult(Next.DONE, quote, placement)
        if placement.outcome is Outcome.NO_FUNDS:
            # The wallet was spent meanwhile: the order waits for a top-up like a short summary.
            if wait_for_top_up:
                await self._hold(user_id, token, quote)
            return CheckoutResult(Next.TOP_UP, quote, placement)
        if placement.order_id is None:
            return CheckoutResult(Next.RETRY, quote, placement)
        await self._holds.release_hold(user_id, token)
        return CheckoutResult(Next.DONE, quote, placement)

    async def place_for_api(
        self, user_id: int, service: Service, answers: Mapping[str, Any], token: str
    ) -> CheckoutResult:
        """An order through the shop's own API v2: no summary to confirm, so at the list
        price its `services` answer shows (no discount), charged once through the same path;
        a short wallet is refused, nothing held."""
        quote = await self.quoter.quote(user_id, service, answers, discount=False)
        # `place` itself keeps the shutdown waiting while `add` is out.
        placement = await self._ordering.place(
            replace(quote.new_order(user_id, token), via_api=True)
        )
        return CheckoutResult(Next.DONE, quote, placement)

    async def drop(self, user_id: int) -> None:
        """The customer cancelled the form: an order waiting for a top-up goes too."""
        await self._holds.release_hold(user_id)

    async def _hold(self, user_id: int, token: str, quote: Quote) -> None:
        await self._holds.hold_order(
            user_id,
            token,
            quote.service.id,
            quote.service.name,
            dict(quote.answers),
            quote.price,
            quote.currency,
        )

"""Recurring plans at work: the owner's plans, a customer's subscription, each paid period
credited once and its order placed once (by the charge's token, whoever places it), and
subscriptions ended when their period runs out unrenewed."""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from decimal import Decimal

from bot.core.catalog.cache import CatalogCache
from bot.core.ops.apart import ItemFailures
from bot.core.ordering.forms import check_form, fields_for, is_orderable
from bot.core.ordering.placing import OrderService, Outcome
from bot.core.ordering.quoting import Quoter
from bot.core.panels import Service
from bot.core.plans.rules import (
    Plan,
    PlanDraft,
    Subscription,
    ending,
    period_end,
    period_token,
    stars_value,
)
from bot.core.plans.store import PlanStore

logger = logging.getLogger(__name__)
_PLAN_FIELDS = {"link", "quantity", "dripfeed"}  # a plan orders a link and a quantity only
_NO_DRIPFEED = {"dripfeed": "no"}  # each period is one order: never a drip-feed
# A placement that did not happen for these reasons will not happen later either: the value
# stays in the wallet. (A busy link is tried again: the last period's order is finishing.)
_NOT_PLACED = {Outcome.NO_FUNDS, Outcome.UNAVAILABLE, Outcome.PRICE_CHANGED}


class PlanProblem(Exception):
    """Why a plan cannot be made as asked: its message key and arguments."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.fluent_args = args


class Plans:
    def __init__(
        self,
        store: PlanStore,
        catalog: CatalogCache,
        quoter: Quoter,
        ordering: OrderService,
        stars_per_unit: Decimal,
    ) -> None:
        self.store = store
        self._catalog = catalog
        self._quoter = quoter
        self._ordering = ordering
        self._stars_per_unit = stars_per_unit
        self._placements = ItemFailures("plan period")
        self._endings = ItemFailures("plan ending")

    # -- the owner ---------------------------------------------------------------------------

    async def add(self, draft: PlanDraft) -> tuple[int, Service]:
        service = await self._catalog.service(draft.service_id)
        if service is None or not is_orderable(service):
            raise PlanProblem("plan-error-service", id=str(draft.service_id))
        asked = {spec.name for spec in fields_for(service) if spec.applies(_NO_DRIPFEED)}
        if asked - _PLAN_FIELDS:
            raise PlanProblem("plan-error-form", id=str(service.id))
        if "quantity" in asked and not service.min <= draft.quantity <= service.max:
            raise PlanProblem("plan-error-quantity", min=service.min, max=service.max)
        plan_id = await self.store.add_plan(draft.name, service.id, draft.quantity, draft.stars)
        return plan_id, service

    def period_price(self, service: Service, quantity: int) -> Decimal:
        """A period's order at today's list price (what each payment credits)."""
        answers = {"quantity": quantity}
        return self._quoter.list_price(service, answers)

    # -- a customer --------------------------------------------------------------------------

    async def service_of(self, plan: Plan) -> Service | None:
        service = await self._catalog.service(plan.service_id)
        return service if service is not None and is_orderable(service) else None

    async def check_link(self, plan: Plan, link: str) -> str | None:
        """The link as the plan's orders will use it; None when the plan cannot take it."""
        service = await self.service_of(plan)
        if service is None:
            return None
        answers, problems = check_form(service, self._answers(plan, link))
        if problems:
            return None
        return str(answers.get("link", ""))

    async def subscribe(self, user_id: int, plan: Plan, link: str) -> int:
        """The subscription its invoice pays for (state `new` until paid)."""
        return await self.store.open_subscription(user_id, plan, link)

    async def paid(
        self,
        subscription: Subscription,
        charge_id: str,
        expiration_date: int | None,
        now: float | None = None,
    ) -> bool:
        """A period paid (first or renewal): its value credited and its order placed, each
        once. False: this charge was handled before."""
        now = time.time() if now is None else now
        plan = await self.store.plan(subscription.plan_id)
        amount = await self._period_value(subscription, plan)
        until = period_end(expiration_date, now)
        if not await self.store.record_period(subscription, charge_id, amount, until, now):
            return False
        await self._place(subscription, charge_id, amount)
        return True

    async def _period_value(self, subscription: Subscription, plan: Plan | None) -> Decimal:
        """What a period credits: its order's list price; the Stars' worth at the shop's
        rate when the service is no longer sold."""
        service = await self.service_of(plan) if plan is not None else None
        if plan is None or service is None:
            return stars_value(subscription.stars, self._stars_per_unit)
        return self.period_price(service, plan.quantity)

    async def _place(self, subscription: Subscription, charge_id: str, amount: Decimal) -> None:
        plan = await self.store.plan(subscription.plan_id)
        service = await self.service_of(plan) if plan is not None else None
        payload: dict[str, object] = {
            "plan": subscription.plan_name,
            "amount": str(amount),
            "currency": self._quoter.shop.currency,
            "until": (await self._expiry(subscription.id)),
        }
        if plan is None or service is None:
            await self._close(subscription, charge_id, None, payload, Outcome.UNAVAILABLE)
            return
        answers, problems = check_form(service, self._answers(plan, subscription.link))
        if problems:  # the service now asks what the plan cannot give
            await self._close(subscription, charge_id, None, payload, Outcome.UNAVAILABLE)
            return
        quote = await self._quoter.quote(subscription.user_id, service, answers, discount=False)
        new = replace(quote.new_order(subscription.user_id, period_token(charge_id)), charge=amount)
        placement = await self._ordering.place(new)
        if placement.outcome is Outcome.LINK_BUSY:
            return  # the last period's order is still running: the sweep tries again
        if placement.outcome in _NOT_PLACED:
            await self._close(subscription, charge_id, None, payload, placement.outcome)
            return
        await self._close(subscription, charge_id, placement.order_id, payload, placement.outcome)

    async def _close(
        self,
        subscription: Subscription,
        charge_id: str,
        order_id: int | None,
        payload: dict[str, object],
        outcome: Outcome,
    ) -> None:
        payload = {**payload, "order": order_id, "outcome": outcome.value}
        await self.store.close_period(charge_id, subscription.user_id, order_id, payload)

    async def _expiry(self, subscription_id: int) -> float | None:
        fresh = await self.store.subscription(subscription_id)
        return fresh.expires_at if fresh is not None else None

    @staticmethod
    def _answers(plan: Plan, link: str) -> dict[str, str]:
        return {"link": link, "quantity": str(plan.quantity), "dripfeed": "no"}

    # -- the leader's rounds -------------------------------------------------------------------

    async def place_unplaced(self, older_than: float, now: float | None = None) -> int:
        """Periods paid at least `older_than` seconds ago whose order was not placed (the
        process stopped in between, or the link was busy): placed now, by the same token."""
        now = time.time() if now is None else now
        placed = 0
        for charge_id, subscription_id, amount in await self.store.unplaced_periods(
            now - older_than
        ):
            if await self._placements.each(
                charge_id, self._place_again(charge_id, subscription_id, amount)
            ):
                placed += 1
        return placed

    async def _place_again(self, charge_id: str, subscription_id: int, amount: Decimal) -> bool:
        subscription = await self.store.subscription(subscription_id)
        if subscription is None:
            return False
        async with self._ordering.in_flight():
            await self._place(subscription, charge_id, amount)
        return True

    async def end_due(self, now: float | None = None) -> list[int]:
        """Subscriptions whose period ran out unrenewed (or cancelled): ended, customer told."""
        now = time.time() if now is None else now
        ended = []
        for subscription in await self.store.all_live():
            why = ending(subscription, now)
            if why is not None and await self._endings.each(
                str(subscription.id), self.store.end(subscription, why)
            ):
                ended.append(subscription.id)
        return ended

"""A priced form: what the customer will pay and what becomes of it once confirmed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bot.core.catalog.guarantees import Guarantee, GuaranteeBook
from bot.core.catalog.pricing import Pricing
from bot.core.delivery.estimates import DeliveryTime
from bot.core.delivery.times import DeliveryTimes
from bot.core.domain import NewOrder
from bot.core.growth.loyalty import Discount, DiscountSource, Sales, best_discount, tier_discount
from bot.core.growth.promo_store import PromoStore
from bot.core.growth.promos import discounted
from bot.core.money import panel_cost
from bot.core.ordering.forms import ordered_quantity, panel_fields, units
from bot.core.panels import Service
from bot.core.payments.wallet_store import WalletStore
from bot.core.reliability.book import ReliabilityBook
from bot.core.reliability.record import Figures
from bot.core.shop import Shop
from bot.core.steps import Step


@dataclass(frozen=True)
class Quote:
    service: Service
    answers: Mapping[str, Any]
    price: Decimal  # what the customer pays, markup included
    cost: Decimal  # what the panel charges
    currency: str
    balance: Decimal  # the customer's wallet when quoted
    usual: DeliveryTime | None = None  # how long the service usually takes, once known
    discount: Discount | None = None  # the one discount applied to `price` (they never stack)
    full_price: Decimal | None = None  # before the discount
    offers: int = 0  # how many discounts were on offer (the largest applies)
    guarantee: Guarantee | None = None  # the refill guarantee, when the service states one
    record: Figures | None = None  # the service's measured record

    @property
    def quantity(self) -> int:
        return ordered_quantity(self.service, dict(self.answers))

    @property
    def balance_after(self) -> Decimal:
        return self.balance - self.price

    @property
    def shortfall(self) -> Decimal:
        """What the wallet lacks to pay this; zero when it holds enough."""
        return max(Decimal(0), self.price - self.balance)

    def new_order(self, user_id: int, client_token: str) -> NewOrder:
        """The order this quote becomes when its summary is confirmed."""
        answers = dict(self.answers)
        service = self.service
        return NewOrder(
            user_id=user_id,
            client_token=client_token,
            service_id=service.id,
            service_name=service.name,
            service_type=service.type,
            category=service.category,
            link=str(answers.get("link") or answers.get("username") or ""),
            fields=panel_fields(service, answers),
            quantity=ordered_quantity(service, answers),
            charge=self.price,
            cost=self.cost,
            currency=self.currency,
            discount_code=self.discount.code if self.discount else None,
            units=units(service, answers),
        )


class Quoter:
    def __init__(
        self,
        pricing: Pricing,
        shop: Shop,
        wallets: WalletStore,
        delivery: DeliveryTimes | None = None,
        promos: PromoStore | None = None,
        guarantees: GuaranteeBook | None = None,
        sales: Sales | None = None,
        spend_tiers: Sequence[Step] = (),
        records: ReliabilityBook | None = None,
    ) -> None:
        self._records = records
        self._sales = sales
        self._tiers = tuple(spend_tiers)
        self._guarantees = guarantees
        self._pricing = pricing
        self.shop = shop
        self._wallets = wallets
        self._delivery = delivery
        self._promos = promos

    async def quote(
        self,
        user_id: int,
        service: Service,
        answers: Mapping[str, Any],
        *,
        discount: bool = True,
    ) -> Quote:
        """`discount=False`: at the list price, without any discount (mass orders)."""
        quantity_units = units(service, dict(answers))
        full = self._pricing.price(service, quantity_units)
        cost = panel_cost(service.rate, quantity_units)
        offers = await self.discounts(user_id, service) if discount else []
        best = best_discount(offers)
        price = discounted(full, best.percent, cost) if best else full
        return Quote(
            service=service,
            answers=dict(answers),
            price=price,
            cost=cost,
            discount=best if price < full else None,
            offers=len(offers),
            full_price=full,
            currency=self.shop.currency,
            balance=await self._wallets.balance(user_id),
            usual=await self._delivery.of(service.id, service.type) if self._delivery else None,
            guarantee=await self._guarantees.of(service) if self._guarantees else None,
            record=await self._records.of(service.id) if self._records else None,
        )

    async def discounts(self, user_id: int, service: Service) -> list[Discount]:
        """What is on offer to this customer for this service: their pending promo discount,
        their spend tier and a sale on its category. The largest applies, never the sum."""
        promo = None
        if self._promos is not None:
            pending = await self._promos.pending_discount(user_id)
            if pending is not None:
                promo = Discount(DiscountSource.PROMO, pending[1], code=pending[0])
        tier = None
        if self._tiers:
            tier = tier_discount(await self._wallets.delivered_spend(user_id), self._tiers)
        sale = await self._sales.discount_for(service.category) if self._sales else None
        return [offer for offer in (promo, tier, sale) if offer is not None]

    def list_price(self, service: Service, answers: Mapping[str, Any]) -> Decimal:
        """What the form costs before any discount: no database read (a mass order's
        preview prices a hundred lines, then reads the wallet once)."""
        return self._pricing.price(service, units(service, dict(answers)))

    async def balance(self, user_id: int) -> Decimal:
        return await self._wallets.balance(user_id)

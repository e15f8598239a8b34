"""Every store over one database, opened together by the composition root (and by tests).
No service takes this: each is handed only the stores it works with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from bot.core.catalog.item_store import CatalogItems
from bot.core.catalog.watch import PriceWatch
from bot.core.children.store import ChildStore
from bot.core.customers.user_store import UserStore
from bot.core.delivery.sample_store import SampleStore
from bot.core.growth.commissions import Commissions
from bot.core.growth.promo_store import PromoStore
from bot.core.growth.referral_store import ReferralStore
from bot.core.growth.referrals import DEFAULT_PERCENT
from bot.core.notifications.outbox_store import OutboxStore
from bot.core.ops.audit_store import AuditLog
from bot.core.ops.figure_store import FigureStore
from bot.core.ordering.hold_store import HoldStore
from bot.core.ordering.order_store import OrderStore
from bot.core.payments.crypto_store import CryptoStore
from bot.core.payments.wallet_store import WalletStore
from bot.core.plans.store import PlanStore
from bot.core.reliability.store import RecordStore
from bot.core.reselling.key_store import ApiKeyStore
from bot.core.steps import Step
from bot.core.storage.db import Database
from bot.core.storage.kv import KeyValueStore
from bot.core.support.ticket_store import TicketStore
from bot.core.tracking.refill_store import RefillStore
from bot.core.tracking.status_store import TransitionStore


@dataclass(frozen=True)
class Stores:
    db: Database
    users: UserStore
    wallets: WalletStore
    crypto: CryptoStore
    orders: OrderStore
    holds: HoldStore
    statuses: TransitionStore
    refills: RefillStore
    outbox: OutboxStore
    figures: FigureStore
    samples: SampleStore
    settings: KeyValueStore
    tickets: TicketStore
    promos: PromoStore
    referrals: ReferralStore
    commissions: Commissions
    api_keys: ApiKeyStore
    audit: AuditLog
    price_watch: PriceWatch
    catalog_items: CatalogItems
    plans: PlanStore
    records: RecordStore
    children: ChildStore

    @classmethod
    def over(
        cls,
        db: Database,
        referral_percent: Decimal = DEFAULT_PERCENT,
        topup_bonuses: Sequence[Step] = (),
    ) -> Stores:
        commissions = Commissions(db, referral_percent)
        wallets = WalletStore(db, topup_bonuses)
        return cls(
            db=db,
            users=UserStore(db),
            wallets=wallets,
            crypto=CryptoStore(db, wallets),
            orders=OrderStore(db, commissions),
            holds=HoldStore(db),
            statuses=TransitionStore(db, commissions),
            refills=RefillStore(db),
            outbox=OutboxStore(db),
            figures=FigureStore(db),
            samples=SampleStore(db),
            settings=KeyValueStore(db),
            tickets=TicketStore(db),
            promos=PromoStore(db),
            referrals=ReferralStore(db, commissions),
            commissions=commissions,
            api_keys=ApiKeyStore(db),
            audit=AuditLog(db),
            price_watch=PriceWatch(db),
            catalog_items=CatalogItems(db),
            plans=PlanStore(db, wallets),
            records=RecordStore(db),
            children=ChildStore(db),
        )

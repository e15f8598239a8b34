"""The composition root: every long-lived object is built here, once, and handed to the
handlers as one typed mapping. Startup only starts tasks; shutdown only stops and closes.
Running (polling or webhook) is `bot/runners.py`."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import ssl
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

import httpx
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.telegram import PRODUCTION, TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError
from aiogram.fsm.storage.base import BaseStorage
from aiogram.fsm.storage.memory import DisabledEventIsolation
from aiogram.utils.callback_answer import CallbackAnswerMiddleware

from bot.core.catalog.autopilot import CATALOG_TOPIC, Autopilot
from bot.core.catalog.cache import CatalogCache
from bot.core.catalog.curation import Curation
from bot.core.catalog.guarantees import GuaranteeBook
from bot.core.catalog.pricing import Pricing
from bot.core.catalog.routing import Routing
from bot.core.catalog.storefront import Storefront
from bot.core.catalog.watch import PriceWatch
from bot.core.children.service import ChildShops
from bot.core.configuration.restart import Restart
from bot.core.configuration.service import Configuration
from bot.core.configuration.sources import effective
from bot.core.configuration.store import ConfigStore
from bot.core.customers.directory import Customers
from bot.core.customers.user_store import UserStore
from bot.core.delivery.times import DeliveryTimes
from bot.core.domain import RefillStage
from bot.core.growth.loyalty import Sales
from bot.core.growth.promo_store import PromoStore
from bot.core.growth.referral_store import ReferralStore
from bot.core.logs import redact_also
from bot.core.notifications.outbox_store import OutboxStore
from bot.core.notifications.sender import Notifier
from bot.core.ops import metrics
from bot.core.ops.audit_store import AuditLog
from bot.core.ops.backup_schedule import BackupSchedule
from bot.core.ops.figure_store import FigureStore
from bot.core.ops.leader import Leadership
from bot.core.ops.periodic import repeat
from bot.core.ordering.checkout import Checkout
from bot.core.ordering.hold_store import HoldStore
from bot.core.ordering.mass import MassOrders
from bot.core.ordering.order_store import OrderStore
from bot.core.ordering.placing import OrderService
from bot.core.ordering.quoting import Quoter
from bot.core.panels import PanelClient, Service
from bot.core.panels.balance_watch import BalanceWatch
from bot.core.panels.health import Panels
from bot.core.payments.crypto import CryptoPayments
from bot.core.payments.cryptopay import CryptoPayClient
from bot.core.payments.wallet_store import WalletStore
from bot.core.plans.service import Plans
from bot.core.reliability.book import ReliabilityBook
from bot.core.reselling.key_store import ApiKeyStore
from bot.core.settings import SANDBOX_API_KEY, TELEGRAM_API_URL, Settings
from bot.core.shop import Shop
from bot.core.staff.store import Staff
from bot.core.storage import Database
from bot.core.storage.backup import BackupSource
from bot.core.storage.kv import KeyValueStore
from bot.core.stores import Stores
from bot.core.support.ticket_store import TicketStore
from bot.core.tracking.aftersale import AfterSale
from bot.core.tracking.poller import Move, Poller
from bot.core.tracking.replacements import Replacements
from bot.core.tracking.resolution import Resolutions
from bot.core.tracking.stalls import StallWatch
from bot.process import release_free_memory
from bot.ui.backups import send_backup
from bot.ui.callback_answers import WebhookCallbackAnswers
from bot.ui.commands import set_bot_commands, set_shop_button
from bot.ui.fsm_storage import ConversationScope, DatabaseStorage
from bot.ui.i18n import Translator, create_core, create_i18n
from bot.ui.middlewares import (
    CustomerMiddleware,
    MetricsMiddleware,
    PausedShop,
    ReleaseUpdateMiddleware,
    ThrottleMiddleware,
)
from bot.ui.notices import MessageRenderer, NoticeReads, TelegramMessenger
from bot.ui.session import SteadySession
from handlers import get_routers, register_errors

if TYPE_CHECKING:  # the web server is imported only by the configurations that run one
    from aiohttp import web

    from bot.core.reselling.api import ResellerApi
    from bot.panel_api import PanelApi
    from bot.webapp.api import MiniApp

logger = logging.getLogger(__name__)
# The leader looks for orders whose placement was lost (an exception after `add`) this often.
PLACEMENT_SWEEP_SECONDS = 180.0
PLAN_ROUND_SECONDS = 60.0
SHUTDOWN_GRACE_SECONDS = 15.0
# With replicas sharing a database, what one process caches (customers, markups) is
# re-read after this long so changes made through another replica are seen.
SHARED_CACHE_SECONDS = 10.0


class HandlerData(TypedDict):
    """What a handler may ask for by name (aiogram injects it as workflow data)."""

    settings: Settings
    panel: PanelClient
    panels: Panels
    storefront: Storefront
    catalog: CatalogCache
    pricing: Pricing
    shop: Shop
    customers: Customers
    checkout: Checkout
    aftersale: AfterSale
    mass: MassOrders
    plans: Plans
    reliability: ReliabilityBook
    replacements: Replacements
    staff: Staff
    translator: Translator
    delivery: DeliveryTimes
    users: UserStore
    wallets: WalletStore
    orders: OrderStore
    outbox: OutboxStore
    figures: FigureStore
    tickets: TicketStore
    promos: PromoStore
    referrals: ReferralStore
    holds: HoldStore
    settings_store: KeyValueStore
    guarantees: GuaranteeBook
    sales: Sales
    api_keys: ApiKeyStore
    curation: Curation
    audit: AuditLog
    price_watch: PriceWatch
    resolutions: Resolutions
    crypto: CryptoPayments | None
    configuration: Configuration
    children: ChildShops
    backups: BackupSource


@dataclass
class Services:
    """Long-lived objects, created once in `build_services` and closed in `close`."""

    settings: Settings
    db: Database
    stores: Stores
    http: httpx.AsyncClient
    panel: PanelClient
    panels: Panels
    storefront: Storefront
    catalog: CatalogCache
    pricing: Pricing
    shop: Shop
    quoter: Quoter
    customers: Customers
    ordering: OrderService
    checkout: Checkout
    aftersale: AfterSale
    mass: MassOrders
    plans: Plans
    reliability: ReliabilityBook
    replacements: Replacements
    staff: Staff
    translator: Translator
    renderer: MessageRenderer
    poller: Poller
    balance_watch: BalanceWatch
    delivery: DeliveryTimes
    stall_watch: StallWatch
    leadership: Leadership
    sales: Sales
    curation: Curation
    autopilot: Autopilot
    resolutions: Resolutions
    configuration: Configuration
    children: ChildShops
    backups: BackupSource
    crypto: CryptoPayments | None = None
    sandbox: SandboxHost | None = None
    panel_http: httpx.AsyncClient | None = None  # a child's in-process link to its parent
    parent: ParentLink | None = None
    suspended: bool = False  # a child its parent's owner paused: customers get one line
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    closed: bool = False

    def handler_data(self) -> HandlerData:
        stores = self.stores
        return HandlerData(
            settings=self.settings,
            panel=self.panel,
            panels=self.panels,
            storefront=self.storefront,
            catalog=self.catalog,
            pricing=self.pricing,
            shop=self.shop,
            customers=self.customers,
            checkout=self.checkout,
            aftersale=self.aftersale,
            mass=self.mass,
            plans=self.plans,
            reliability=self.reliability,
            replacements=self.replacements,
            staff=self.staff,
            translator=self.translator,
            delivery=self.delivery,
            users=stores.users,
            wallets=stores.wallets,
            orders=stores.orders,
            outbox=stores.outbox,
            figures=stores.figures,
            tickets=stores.tickets,
            promos=stores.promos,
            referrals=stores.referrals,
            holds=stores.holds,
            settings_store=stores.settings,
            guarantees=self.aftersale.guarantees,
            sales=self.sales,
            api_keys=stores.api_keys,
            curation=self.curation,
            audit=stores.audit,
            price_watch=stores.price_watch,
            resolutions=self.resolutions,
            crypto=self.crypto,
            configuration=self.configuration,
            children=self.children,
            backups=self.backups,
        )

    async def close(self) -> None:
        """Idempotent: the dispatcher's shutdown closes, and so does a start that failed."""
        if self.closed:
            return
        self.closed = True
        await self.catalog.close()
        await self.http.aclose()
        if self.panel_http is not None:
            await self.panel_http.aclose()
        await self.db.close()
        if self.sandbox is not None:
            await self.sandbox.close()


class SandboxHost:
    """The built-in sandbox, started the first time a build needs it and kept across the
    in-process rebuilds a settings change makes (its simulated orders live in memory)."""

    def __init__(self) -> None:
        self.url: str | None = None
        self._runner: web.AppRunner | None = None

    async def address(self, settings: Settings) -> str:
        if self.url is None:
            self.url, self._runner = await _start_sandbox(settings)
        _warn_sandbox(self.url)
        return self.url

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner, self.url = None, None


async def _start_sandbox(settings: Settings) -> tuple[str, web.AppRunner]:
    from bot.sandbox import SandboxPanel, start_sandbox  # only when no panel is configured

    runner, url = await start_sandbox(SandboxPanel(step_seconds=settings.sandbox_step_seconds))
    return url, runner


def _warn_sandbox(url: str) -> None:
    logger.warning(
        "!!! PANEL_API_URL is not set: using the built-in SANDBOX panel. Orders are SIMULATED, "
        "nothing is delivered and no real money moves. Set PANEL_API_URL and PANEL_API_KEY "
        "to sell for real. !!!",
        extra={"sandbox_url": url, "sandbox_key": SANDBOX_API_KEY},
    )


@dataclass(frozen=True)
class ParentLink:
    """What a child shop takes from the shop that runs it: the parent's API v2 answered in
    this process for the child's owner, the texts, and whether the parent is a demo."""

    transport: httpx.AsyncBaseTransport
    translator: Translator
    demo: bool
    username: str  # the parent's bot, where the child's owner tops up their wallet
    leadership: Leadership  # on a shared database, the child's work runs where the parent's does
    database: Database | None = None  # on PostgreSQL, the child's schema (else its own file)


async def build_services(
    env: Settings,
    restart: Restart | None = None,
    sandbox_host: SandboxHost | None = None,
    parent: ParentLink | None = None,
) -> Services:
    """Every service over `env` and what the owner set inside Telegram for the names `env`
    leaves unset. `restart` is what a settings change asks of the runner; `sandbox_host`
    keeps one sandbox across rebuilds (without one, the build owns its sandbox)."""
    url = env.database_url.get_secret_value() if env.database_url else None
    if parent is not None and parent.database is not None:
        db = parent.database
    else:
        db = await Database.open(env.database_path, url)
    config = ConfigStore(KeyValueStore(db))
    revision = await config.revision()
    settings = effective(env, await config.stored(), await config.owners())
    redact_also(settings.secrets())  # keys and tokens the owner set inside Telegram
    if settings.metrics_enabled:
        metrics.enable()
    owned_sandbox, sandbox_url = None, None
    if settings.uses_sandbox:
        if sandbox_host is None:
            sandbox_host = owned_sandbox = SandboxHost()
        sandbox_url = await sandbox_host.address(settings)
    stores = Stores.over(db, settings.referral_percent, settings.topup_bonuses)
    http = httpx.AsyncClient(
        timeout=settings.panel_timeout_seconds,
        headers={"User-Agent": "smm-bot/0.1"},
        verify=tls_context(),
    )
    # A child shop's panel is its parent, answered in this process (bot/core/children).
    panel_http = (
        httpx.AsyncClient(transport=parent.transport, timeout=settings.panel_timeout_seconds)
        if parent is not None
        else http
    )
    panels = Panels(
        {c.name: PanelClient(panel_http, c.url, c.key) for c in settings.panel_configs(sandbox_url)}
    )
    panel = panels.client(panels.primary)
    storefront = Storefront(panels, stores.settings, Routing(settings.routing))
    pricing = Pricing(stores.settings, settings.markup_percent)
    await pricing.load()
    shop = Shop(
        settings.wallet_currency,
        accepts_crypto=settings.crypto_pay_token is not None,
        demo=parent.demo if parent else settings.uses_sandbox,
    )
    # Children share their parent's texts: one set of Fluent bundles per process.
    translator = parent.translator if parent else Translator(create_core(settings.default_locale))
    curation = Curation(stores.settings, stores.catalog_items, pricing, stores.audit)
    autopilot = Autopilot(
        stores.price_watch,
        stores.catalog_items,
        curation,
        pricing,
        stores.settings,
        stores.outbox,
        settings.admin_ids,
        support_chat_id=settings.support_chat_id,
        margin_alert_percent=settings.margin_alert_percent,
    )

    async def fetch() -> list[Service]:
        """The panels' services, recorded by the autopilot, curated for customers."""
        views = await storefront.fetch()
        try:
            await autopilot.observe(storefront.lists(), views)
        except Exception:  # the record waits for the next refresh; selling does not
            logger.exception("catalog autopilot failed")
        return await curation.apply(views)

    catalog = CatalogCache(
        fetch,
        ttl_seconds=settings.catalog_ttl_seconds,
        after_load=release_free_memory,
        featured=lambda: curation.current.featured,
        standing=lambda: curation.current.ranks,
    )

    async def reroute() -> None:  # a panel went down or came back: products move routes
        catalog.rebuild(await curation.apply(storefront.views()))

    async def recurate() -> None:  # admins curated or priced: a price may now be under cost
        await reroute()
        await autopilot.check_margins(storefront.views())

    panels.on_change(reroute)
    curation.on_change(recurate)
    # Replicas that do not poll hear of no completion: "too few orders yet" is re-read often.
    delivery = DeliveryTimes(stores.samples, keep_unknown_seconds=60.0 if db.shared else None)
    guarantees = GuaranteeBook(stores.settings, originals=curation.original)
    sales = Sales(stores.settings)
    reliability = ReliabilityBook(
        stores.records,
        curation.quarantine,
        stores.outbox,
        settings.admin_ids,
        quarantine_failures=settings.quarantine_failures,
        quarantine_window=settings.quarantine_window,
        quarantine_hours=settings.quarantine_hours,
        topic=(settings.support_chat_id, CATALOG_TOPIC) if settings.support_chat_id else None,
    )
    curation.rank_with(reliability.ranks)
    storefront.rank_with(reliability.standing)
    reliability.sold_by(lambda product: [r.panel for r in storefront.ranked_routes(product)])
    quoter = Quoter(
        pricing,
        shop,
        stores.wallets,
        delivery,
        stores.promos,
        guarantees,
        sales,
        settings.spend_tiers,
        records=reliability,
    )
    ordering = OrderService(
        stores.orders,
        stores.outbox,
        panels,
        settings.admin_ids,
        storefront,
        paused=curation.paused,
        # One `add` per route at most, each bounded by the timeout; then some slack.
        placement_seconds=(len(panels.names) + 3) * settings.panel_timeout_seconds,
    )
    admins = settings.admin_ids
    aftersale = AfterSale(
        panels,
        stores.orders,
        stores.statuses,
        stores.refills,
        admins,
        catalog,
        guarantees,
        stores.settings,
        settings.refill_cooldown_hours,
        on_refill_asked=reliability.refill_asked,
    )
    replacements = Replacements(
        aftersale,
        ordering,
        stores.orders,
        storefront,
        stores.settings,
        stores.outbox,
        stores.audit,
        admins,
    )

    children = ChildShops(
        stores.children,
        settings.child_shops and parent is None,
        settings.child_shop_fee_stars,
        stores.outbox,
        stores.orders,
        stores.refills,
    )

    async def refill_ended(refill_id: int, stage: RefillStage) -> None:
        try:
            await reliability.refill_ended(refill_id, stage)
        finally:
            await children.refill_ended(refill_id)  # a reseller's child hears at once

    async def moved(moves: list[Move]) -> None:  # what the poller stored: records, re-placing
        try:
            await replacements.after_moves(moves)  # a miss here is the sweep's to catch
        finally:
            try:
                await reliability.observe(moves)
            finally:
                await children.orders_moved(moves)  # their customers hear at once

    return Services(
        settings=settings,
        db=db,
        stores=stores,
        http=http,
        panel=panel,
        panels=panels,
        storefront=storefront,
        catalog=catalog,
        pricing=pricing,
        shop=shop,
        quoter=quoter,
        customers=Customers(stores.users, ttl_seconds=SHARED_CACHE_SECONDS if db.shared else None),
        ordering=ordering,
        checkout=Checkout(quoter, ordering, stores.holds),
        mass=MassOrders(catalog, quoter, ordering, stores.orders, stores.settings, stores.outbox),
        plans=Plans(stores.plans, catalog, quoter, ordering, settings.stars_per_usd),
        reliability=reliability,
        aftersale=aftersale,
        replacements=replacements,
        staff=Staff(stores.settings, admins, keep_seconds=SHARED_CACHE_SECONDS),
        translator=translator,
        renderer=MessageRenderer(
            NoticeReads.of(stores),
            translator,
            settings.default_locale,
            catalog,
            delivery,
            parent_bot=parent.username if parent else None,
        ),
        poller=Poller(
            stores.statuses,
            stores.refills,
            panels,
            settings.poll_interval_seconds,
            admins,
            on_completed=delivery.forget_unknown,
            on_moves=moved,
            on_refill_ended=refill_ended,
        ),
        balance_watch=BalanceWatch(
            stores.settings,
            stores.outbox,
            stores.wallets,
            panels,
            admins,
            threshold=settings.low_balance_threshold,
        ),
        delivery=delivery,
        stall_watch=StallWatch(
            stores.statuses,
            delivery,
            admins,
            factor=settings.stuck_factor,
            min_hours=settings.stuck_min_hours,
            every_seconds=max(settings.poll_interval_seconds, 60.0),
            usual_start=reliability.usual_start,
        ),
        leadership=Leadership(
            db,
            retry_seconds=min(settings.poll_interval_seconds, 5.0),
            follows=parent.leadership if parent is not None and db.shared else None,
        ),
        crypto=_crypto_payments(settings, http, stores),
        sales=sales,
        curation=curation,
        autopilot=autopilot,
        resolutions=Resolutions(stores.orders, stores.audit),
        sandbox=owned_sandbox,
        panel_http=panel_http if parent is not None else None,
        parent=parent,
        children=children,
        configuration=Configuration(
            env, settings, config, stores.audit, restart or Restart(), revision
        ),
        backups=BackupSource.of(db, settings.database_path),
    )


def _crypto_payments(
    settings: Settings, http: httpx.AsyncClient, stores: Stores
) -> CryptoPayments | None:
    if settings.crypto_pay_token is None:
        return None
    token = settings.crypto_pay_token
    client = CryptoPayClient(http, settings.crypto_pay_api_url, token)
    return CryptoPayments(
        client,
        stores.crypto,
        token.get_secret_value(),
        settings.crypto_pay_assets,
        settings.crypto_pay_poll_seconds,
    )


@functools.cache
def tls_context() -> ssl.SSLContext:
    """One set of trusted certificates per process: loading them takes ~25 ms, and every HTTP
    client (a child shop has its own) would load them again."""
    return httpx.create_ssl_context()


def telegram_session(settings: Settings, limit: int = 100) -> SteadySession:
    """A session to Telegram; child shops share one (aiogram's sessions serve any token)."""
    base = settings.telegram_api_url.rstrip("/")
    api = PRODUCTION if base == TELEGRAM_API_URL else TelegramAPIServer.from_base(base)
    return SteadySession(api=api, limit=limit)


def create_bot(settings: Settings, session: SteadySession | None = None) -> Bot:
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session or telegram_session(settings),
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )


def create_storage(settings: Settings, db: Database) -> BaseStorage:
    if settings.redis_url:
        from bot.ui.fsm_redis import RedisConversations

        return RedisConversations.from_url(settings.redis_url)
    return DatabaseStorage(db)


def background_work(services: Services, bot: Bot) -> list[Coroutine[Any, Any, None]]:
    """What the leader runs: the poller, the outbox sender, the balance and stall watches, and
    the check of open Crypto Pay invoices."""
    notifier = Notifier(
        TelegramMessenger(bot, services.renderer, services.stores.settings),
        services.stores.outbox,
        services.customers,
        rate_per_second=services.settings.send_rate_per_second,
    )
    return [
        services.poller.run(),
        notifier.run(),
        services.balance_watch.run(),
        services.stall_watch.run(),
        services.panels.run(services.settings.poll_interval_seconds),
        *([services.crypto.run()] if services.crypto is not None else []),
        repeat(services.ordering.sweep_lost_placements, PLACEMENT_SWEEP_SECONDS, "placement sweep"),
        repeat(_finish_mass_orders(services), PLACEMENT_SWEEP_SECONDS, "mass order resume"),
        repeat(_plan_rounds(services), PLAN_ROUND_SECONDS, "plan periods"),
        repeat(services.replacements.sweep, PLACEMENT_SWEEP_SECONDS, "re-placements"),
        *(
            [repeat(_child_fees(services), PLAN_ROUND_SECONDS, "child fees")]
            if _fees(services)
            else []
        ),
        *([repeat(_scheduled_backup(services, bot), 600, "backup")] if _backs_up(services) else []),
    ]


def _fees(services: Services) -> bool:
    return services.children.enabled and services.children.fee_stars > 0


def _child_fees(services: Services) -> Callable[[], Awaitable[object]]:
    """Children whose monthly fee lapsed are paused and their owners told (once each)."""

    async def sweep() -> object:
        return len(await services.children.lapse_due(time.time()))

    return sweep


def _backs_up(services: Services) -> bool:
    return services.settings.backup_hours > 0 and bool(services.settings.admin_ids)


def _scheduled_backup(services: Services, bot: Bot) -> Callable[[], Awaitable[object]]:
    """Every BACKUP_HOURS the owners get the database in their chat (checked every 10 min;
    when it was last sent is kept in the database, so restarts change nothing)."""
    settings = services.settings
    schedule = BackupSchedule(services.stores.settings, settings.backup_hours)

    def t(key: str, **args: Any) -> str:
        return services.translator(key, settings.default_locale, **args)

    async def back_up() -> object:
        now = time.time()
        if not await schedule.due(now):
            return None
        made = await services.backups.make()
        for owner in settings.admin_ids:
            with contextlib.suppress(TelegramAPIError):  # an owner who blocked the bot
                await send_backup(bot, owner, made, t)
        await schedule.sent(now)
        return made.filename

    return back_up


def _plan_rounds(services: Services) -> Callable[[], Awaitable[object]]:
    """Paid periods whose order was not placed (a crash between the credit and `add`, a link
    still busy with the last period's order) are placed by their charge's token; plans whose
    period ran out unrenewed end and their customers are told."""
    older_than = 2 * services.ordering.placement_seconds

    async def rounds() -> object:
        placed = await services.plans.place_unplaced(older_than)
        return placed, await services.plans.end_due()

    return rounds


def _finish_mass_orders(services: Services) -> Callable[[], Awaitable[object]]:
    """Mass orders a crash cut short: a batch is renewed after each line it places, so one
    untouched for longer than a placement can take has nobody working on it."""
    older_than = 2 * services.ordering.placement_seconds

    async def finish() -> object:
        return await services.mass.resume_unfinished(older_than)

    return finish


async def start(services: Services, bot: Bot, background: bool) -> None:
    settings = services.settings
    # With replicas, another process may be placing right now: only placements older
    # than any panel answer could take were interrupted.
    older_than = 4 * settings.panel_timeout_seconds if services.db.shared else 0.0
    recovered = await services.stores.orders.recover_interrupted_placements(
        settings.admin_ids, older_than
    )
    if recovered:
        logger.error(
            "orders interrupted while placing are now uncertain", extra={"orders": recovered}
        )
    code = await services.configuration.setup_code()
    if code is not None:
        logger.warning(
            "SETUP CODE %s — nobody owns this shop yet: send /setup %s to the bot in Telegram"
            " to become its owner (or set ADMIN_IDS)",
            code,
            code,
        )
    # The panel is asked for its currency and catalog meanwhile: /start needs neither.
    services.tasks.append(asyncio.create_task(_warm_up(services)))
    # Command menus take a call per language: set meanwhile, the first update need not wait.
    services.tasks.append(asyncio.create_task(_set_menus(bot, services)))
    if background:
        leading = services.leadership.run(lambda: background_work(services, bot))
        services.tasks.append(asyncio.create_task(leading, name="background"))
    if services.db.shared:
        services.tasks.append(asyncio.create_task(_follow_other_replicas(services)))


async def stop(services: Services) -> None:
    # Let a placement that already reached `add` record its answer before closing.
    if not await services.ordering.wait_idle(SHUTDOWN_GRACE_SECONDS):
        logger.error("shutdown with an order placement still in flight")
    for task in services.tasks:
        task.cancel()
    await asyncio.gather(*services.tasks, return_exceptions=True)
    services.tasks.clear()
    await services.close()


def create_dispatcher(services: Services, *, background: bool = True) -> Dispatcher:
    """The dispatcher with every router; `background=False` (tests) starts no poller/sender."""
    settings = services.settings
    # On a shared database a conversation is read once per update (one process keeps them).
    isolation = ConversationScope() if services.db.shared else DisabledEventIsolation()
    dp = Dispatcher(
        storage=create_storage(settings, services.db),
        events_isolation=isolation,
        **services.handler_data(),
    )
    if settings.metrics_enabled:  # nobody reads the counters otherwise: no update pays for them
        dp.update.outer_middleware(MetricsMiddleware())
    handling = ReleaseUpdateMiddleware()
    dp.update.outer_middleware(handling)
    if services.parent is not None:  # a child shop: its parent's owner may suspend it
        dp.update.outer_middleware(
            PausedShop(
                lambda: services.suspended,
                settings.admin_ids,
                services.translator,
                settings.default_locale,
            )
        )
    dp.update.outer_middleware(
        CustomerMiddleware(services.customers, settings, services.translator)
    )
    # Every button press is answered (a text or alert the handler set, else an empty answer)
    # when its handler is done, so no button is left spinning.
    answers = WebhookCallbackAnswers if settings.webhook_url else CallbackAnswerMiddleware
    dp.callback_query.middleware(answers())
    dp.update.outer_middleware(
        ThrottleMiddleware(
            settings.throttle_rate_per_second, services.translator, settings.default_locale
        )
    )

    async def on_startup(bot: Bot) -> None:
        await start(services, bot, background)

    async def on_shutdown() -> None:
        # Updates still being handled finish before anything closes (polling stopped first).
        if not await handling.wait_idle(SHUTDOWN_GRACE_SECONDS):
            logger.warning("shutdown with updates still being handled")
        await stop(services)

    # Our hooks first: on shutdown, background senders stop before i18n unloads its texts.
    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)
    i18n_core = services.translator.core
    create_i18n(i18n_core, services.customers, settings.default_locale).setup(dispatcher=dp)
    register_errors(dp)
    dp.include_routers(*get_routers(settings.support_chat_id, services.children.enabled))
    return dp


async def _follow_other_replicas(services: Services) -> None:
    """Replicas: pick up markups, hand-set prices and curation an admin changed through
    another replica (the catalog is rebuilt only when something changed)."""
    while True:
        await asyncio.sleep(SHARED_CACHE_SECONDS)
        with contextlib.suppress(Exception):
            if await services.configuration.follow():
                return  # the runner rebuilds this replica with the new settings
            if await services.pricing.load():
                await services.curation.refresh()  # a new price may pause or resume
            else:
                await services.curation.follow()


async def _set_menus(bot: Bot, services: Services) -> None:
    try:
        await set_bot_commands(bot, services.translator, services.settings)
        if services.settings.webapp_url:
            await set_shop_button(bot, services.translator, services.settings)
    except Exception as exc:  # menus are a convenience: the bot works without them
        logger.warning("could not set the command menus", extra={"error": type(exc).__name__})


async def _warm_up(services: Services) -> None:
    """Learn the wallet currency, then load the catalog, so the first customer to browse
    does not wait for either."""
    await services.shop.learn_currency(services.panel)
    with contextlib.suppress(Exception):
        await services.catalog.get()


def create_mini_app(services: Services, bot: Bot) -> MiniApp | None:
    """The Mini App's API over the same services as the chat, when WEBAPP_URL is set."""
    return mini_app_over(services, bot) if services.settings.webapp_url else None


def reseller_api_of(services: Services) -> ResellerApi:
    """The shop's API v2 rules over the same services as the chat: for its HTTP face and for
    child shops, which buy through them in this process."""
    from bot.core.reselling.api import ResellerApi

    stores = services.stores
    return ResellerApi(
        services.catalog,
        services.pricing,
        services.checkout,
        stores.orders,
        stores.refills,
        services.aftersale,
        stores.wallets,
        services.shop,
        paused=services.curation.paused,  # a paused (or quarantined) service is not listed
        records=services.reliability,
    )


def create_panel_api(services: Services) -> PanelApi | None:
    """The shop's own API v2 over the same services as the chat, when RESELLER_API is on."""
    settings = services.settings
    if not settings.reseller_api:
        return None
    from bot.panel_api import API_PATH, PanelApi

    origin = (
        settings.public_origin or f"http://{settings.web_server_host}:{settings.web_server_port}"
    )
    return PanelApi(
        api=reseller_api_of(services),
        keys=services.stores.api_keys,
        translator=services.translator,
        default_locale=settings.default_locale,
        address=origin + API_PATH,
        currency=lambda: services.shop.currency,
    )


def mini_app_over(services: Services, bot: Bot, settings: Settings | None = None) -> MiniApp:
    from bot.webapp.api import MiniApp  # only the configurations that serve the page
    from bot.webapp.console import Console

    stores = services.stores

    return MiniApp(
        settings=settings or services.settings,
        bot=bot,
        orders_store=services.stores.orders,
        wallets=services.stores.wallets,
        catalog=services.catalog,
        pricing=services.pricing,
        checkout=services.checkout,
        aftersale=services.aftersale,
        customers=services.customers,
        translator=services.translator,
        delivery=services.delivery,
        currency=lambda: services.shop.currency,
        demo=services.shop.demo,
        referrals=stores.referrals,
        plans=services.plans,
        records=services.reliability,
        console=Console(
            curation=services.curation,
            pricing=services.pricing,
            storefront=services.storefront,
            price_watch=stores.price_watch,
            orders=stores.orders,
            resolutions=services.resolutions,
            figures=stores.figures,
            panels=services.panels,
            audit=stores.audit,
            margin_alert_percent=(settings or services.settings).margin_alert_percent,
            records=services.reliability,
            staff=services.staff,
            configuration=services.configuration,
            children=services.children,
        ),
        paused=services.curation.paused,
    )

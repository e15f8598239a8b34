"""Factories: everything the bot needs is built here and handed to handlers by injection."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field

import httpx
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseStorage
from aiohttp import web
from pydantic import SecretStr

from bot.catalog import CatalogCache
from bot.commands import set_bot_commands
from bot.customers import Customers
from bot.i18n import Translator, create_core, create_i18n
from bot.leader import Leadership
from bot.messages import MessageRenderer
from bot.middlewares import CustomerMiddleware, FlushStateMiddleware, ThrottleMiddleware
from bot.notifier import Notifier
from bot.ordering import OrderService
from bot.panel import PanelClient
from bot.poller import Poller
from bot.pricing import Pricing
from bot.quote import Quote
from bot.sandbox import SandboxPanel, start_sandbox
from bot.settings import SANDBOX_API_KEY, TELEGRAM_API_URL, Settings
from bot.shop import Shop
from bot.storage import Database, DatabaseStorage, Repository
from bot.webhook import run_webhook
from handlers import get_routers

logger = logging.getLogger(__name__)
SHUTDOWN_GRACE_SECONDS = 15.0
# With replicas sharing a database, what one process caches (customers, markups) is
# re-read after this long so changes made through another replica are seen.
SHARED_CACHE_SECONDS = 10.0


@dataclass
class Services:
    """Long-lived objects, created once and closed in the shutdown hook."""

    settings: Settings
    db: Database
    repo: Repository
    http: httpx.AsyncClient
    panel: PanelClient
    catalog: CatalogCache
    pricing: Pricing
    shop: Shop
    customers: Customers
    orders: OrderService
    leadership: Leadership
    sandbox: web.AppRunner | None = None
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    async def close(self) -> None:
        await self.catalog.close()
        await self.http.aclose()
        await self.db.close()
        if self.sandbox is not None:
            await self.sandbox.cleanup()


async def build_services(settings: Settings) -> Services:
    sandbox: web.AppRunner | None = None
    panel_url, key = settings.panel_api_url, settings.panel_api_key
    if settings.uses_sandbox:
        sandbox, panel_url = await start_sandbox(
            SandboxPanel(step_seconds=settings.sandbox_step_seconds)
        )
        key = SecretStr(SANDBOX_API_KEY)
        logger.warning(
            "!!! PANEL_API_URL is not set: using the built-in SANDBOX panel. Orders are SIMULATED, "
            "nothing is delivered and no real money moves. Set PANEL_API_URL and PANEL_API_KEY "
            "to sell for real. !!!",
            extra={"sandbox_url": panel_url},
        )
    assert panel_url is not None
    url = settings.database_url.get_secret_value() if settings.database_url else None
    db = await Database.open(settings.database_path, url)
    repo = Repository(db)
    http = httpx.AsyncClient(
        timeout=settings.panel_timeout_seconds, headers={"User-Agent": "smm-bot/0.1"}
    )
    panel = PanelClient(http, panel_url, key)
    pricing = Pricing(repo, settings.markup_percent)
    await pricing.load()
    return Services(
        settings=settings,
        db=db,
        repo=repo,
        http=http,
        panel=panel,
        catalog=CatalogCache(panel.services, ttl_seconds=settings.catalog_ttl_seconds),
        pricing=pricing,
        shop=Shop(),
        customers=Customers(repo, ttl_seconds=SHARED_CACHE_SECONDS if db.shared else None),
        orders=OrderService(repo, panel, settings.admin_ids),
        leadership=Leadership(db, retry_seconds=min(settings.poll_interval_seconds, 5.0)),
        sandbox=sandbox,
    )


def create_bot(settings: Settings) -> Bot:
    session = None
    if settings.telegram_api_url.rstrip("/") != TELEGRAM_API_URL:
        session = AiohttpSession(
            api=TelegramAPIServer.from_base(settings.telegram_api_url.rstrip("/"))
        )
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )


def create_storage(settings: Settings, db: Database) -> BaseStorage:
    if settings.redis_url:
        from aiogram.fsm.storage.redis import RedisStorage

        return RedisStorage.from_url(settings.redis_url)
    return DatabaseStorage(db)


def create_dispatcher(services: Services, *, background: bool = True) -> Dispatcher:
    """The dispatcher with every router; `background=False` (tests) starts no poller/sender."""
    settings = services.settings
    dp = Dispatcher(
        storage=create_storage(settings, services.db),
        settings=settings,
        repo=services.repo,
        panel=services.panel,
        catalog=services.catalog,
        pricing=services.pricing,
        shop=services.shop,
        customers=services.customers,
        orders=services.orders,
    )
    core = create_core(settings.default_locale)
    translator = Translator(core)
    dp["translator"] = translator
    dp["quote"] = Quote(services.pricing, services.repo, services.shop)
    if isinstance(dp.storage, DatabaseStorage):  # Redis writes at once, nothing to flush
        dp.update.outer_middleware(FlushStateMiddleware(dp.storage))
    dp.update.outer_middleware(CustomerMiddleware(services.customers, settings, translator))
    dp.update.outer_middleware(
        ThrottleMiddleware(settings.throttle_rate_per_second, translator, settings.default_locale)
    )

    async def on_startup(bot: Bot) -> None:
        # With replicas, another process may be placing right now: only placements older
        # than any panel answer could take were interrupted.
        older_than = 4 * settings.panel_timeout_seconds if services.db.shared else 0.0
        recovered = await services.repo.recover_interrupted_placements(
            settings.admin_ids, older_than
        )
        if recovered:
            logger.error(
                "orders interrupted while placing are now uncertain", extra={"orders": recovered}
            )
        await services.shop.learn_currency(services.panel)
        services.tasks.append(asyncio.create_task(_warm_catalog(services.catalog)))
        with contextlib.suppress(Exception):
            await set_bot_commands(bot, translator, settings)
        if background:
            poller = Poller(
                services.repo,
                services.panel,
                settings.poll_interval_seconds,
                settings.admin_ids,
                low_balance_threshold=settings.low_balance_threshold,
            )
            renderer = MessageRenderer(services.repo, translator, settings.default_locale)
            notifier = Notifier(
                bot,
                services.repo,
                services.customers,
                renderer,
                rate_per_second=settings.send_rate_per_second,
            )
            leading = services.leadership.run(lambda: [poller.run(), notifier.run()])
            services.tasks.append(asyncio.create_task(leading, name="poller+sender"))
        if services.db.shared:
            services.tasks.append(asyncio.create_task(_reload_markups(services.pricing)))

    async def on_shutdown() -> None:
        # Let a placement that already reached `add` record its answer before closing.
        if not await services.orders.wait_idle(SHUTDOWN_GRACE_SECONDS):
            logger.error("shutdown with an order placement still in flight")
        for task in services.tasks:
            task.cancel()
        await asyncio.gather(*services.tasks, return_exceptions=True)
        services.tasks.clear()
        await services.close()

    # Our hooks first: on shutdown, background senders stop before i18n unloads its texts.
    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)
    create_i18n(core, services.customers, settings.default_locale).setup(dispatcher=dp)
    dp.include_routers(*get_routers())
    return dp


async def _reload_markups(pricing: Pricing) -> None:
    """Replicas: pick up markup changes an admin made through another replica."""
    while True:
        await asyncio.sleep(SHARED_CACHE_SECONDS)
        with contextlib.suppress(Exception):
            await pricing.load()


async def _warm_catalog(catalog: CatalogCache) -> None:
    """Load the catalog at start so the first customer does not wait for it."""
    with contextlib.suppress(Exception):
        await catalog.get()


async def run(settings: Settings) -> None:
    services = await build_services(settings)
    bot = create_bot(settings)
    dp = create_dispatcher(services)
    try:
        if settings.webhook_url:
            await run_webhook(settings, services, bot, dp)
        else:
            await dp.start_polling(bot, handle_signals=True, close_bot_session=True)
    finally:
        if services.tasks:  # startup failed half-way: still close what was opened
            await services.close()

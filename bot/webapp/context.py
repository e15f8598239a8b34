"""What every Mini App route shares: the services it works over, the request's user and
language, the body it sent and how it is refused."""

from __future__ import annotations

import html
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from aiogram import Bot
from aiohttp import web

from bot.core import untrusted_json
from bot.core.catalog.cache import Catalog, CatalogCache
from bot.core.catalog.pricing import Pricing
from bot.core.customers.directory import Customers
from bot.core.delivery.times import DeliveryTimes
from bot.core.domain import parse_id
from bot.core.growth.referral_store import ReferralStore
from bot.core.ordering.checkout import Checkout
from bot.core.ordering.order_store import OrderStore
from bot.core.payments.wallet_store import WalletStore
from bot.core.plans.service import Plans
from bot.core.reliability.book import ReliabilityBook
from bot.core.settings import Settings
from bot.core.tracking.aftersale import AfterSale
from bot.ui.i18n import Translator
from bot.ui.rate_limit import TokenBuckets
from bot.webapp.auth import AppUser
from bot.webapp.console import Console
from bot.webapp.platforms import platform_of

logger = logging.getLogger(__name__)


@dataclass
class MiniApp:
    settings: Settings
    bot: Bot
    orders_store: OrderStore
    wallets: WalletStore
    catalog: CatalogCache
    pricing: Pricing
    checkout: Checkout
    aftersale: AfterSale
    customers: Customers
    translator: Translator
    delivery: DeliveryTimes
    currency: Callable[[], str]
    demo: bool = False  # the built-in sandbox: no real payment, every price says so
    console: Console | None = None  # the operator's console (for ADMIN_IDS only)
    paused: Callable[[int], object | None] = lambda _: None  # why a service is not sold now
    referrals: ReferralStore | None = None  # the invite card's referral link
    plans: Plans | None = None  # recurring plans in Stars
    records: ReliabilityBook | None = None  # services' measured records
    _platforms: tuple[Catalog | None, dict[int, str | None]] = (None, {})
    _buckets: TokenBuckets = field(init=False)

    def __post_init__(self) -> None:
        # As the chat's flood control, twice as loose: a page fires a few calls at once.
        per_second = self.settings.throttle_rate_per_second * 2
        self._buckets = TokenBuckets(per_second, burst=max(10.0, per_second * 3))

    def platforms(self, catalog: Catalog) -> dict[int, str | None]:
        """Each service's platform, worked out once per catalog (filters ask on every key)."""
        known, found = self._platforms
        if known is not catalog:
            found = {s.id: platform_of(s) for s in catalog.services}
            self._platforms = (catalog, found)
        return found

    # -- who, and how often ----------------------------------------------------------

    def allow(self, user_id: int, now: float | None = None) -> bool:
        """Typing fast is fine; a flood is slowed down."""
        allowed, _ = self._buckets.take(user_id, time.monotonic() if now is None else now)
        return allowed


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
MINI_APP = web.AppKey("mini_app", MiniApp)
# Child shops' pages: a child's bot id → its Mini App (None: no such child running here).
ChildMiniApps = Callable[[int], Awaitable["MiniApp | None"]]
CHILD_MINI_APPS: web.AppKey[ChildMiniApps] = web.AppKey("child_mini_apps")
SHOP_HEADER = "X-Shop"  # a child shop's page says which child it is (its `?shop=`)
USER = web.RequestKey("user", AppUser)
LOCALE = web.RequestKey("locale", str)
SHOP = web.RequestKey("shop", MiniApp)  # whose page made the request: this shop's or a child's


def fail(status: int, error: str, message: str = "") -> web.Response:
    return web.json_response({"error": error, "message": message}, status=status)


def refusal(kind: type[web.HTTPException], error: str, message: str = "") -> web.HTTPException:
    body = json.dumps({"error": error, "message": message})
    return kind(text=body, content_type="application/json")


_TAG = re.compile(r"<[^>]+>")


def texts(request: web.Request) -> Callable[..., str]:
    """The chat's texts for the page: its HTML markup dropped (the page renders plain text;
    what was escaped for Telegram is unescaped, then escaped again by the page)."""
    app = app_of(request)
    translate = partial(app.translator, locale=request[LOCALE])

    def plain(key: str, **kwargs: Any) -> str:
        return html.unescape(_TAG.sub("", translate(key, **kwargs)))

    return plain


def app_of(request: web.Request) -> MiniApp:
    """The shop the request is for (set once it was authenticated)."""
    return request.get(SHOP) or request.app[MINI_APP]


async def shop_of(request: web.Request) -> MiniApp | None:
    """This shop's Mini App, or the child's its page names (None: no such child here)."""
    wanted = request.headers.get(SHOP_HEADER)
    if not wanted:
        return request.app[MINI_APP]
    children = request.app.get(CHILD_MINI_APPS)
    bot_id = parse_id(wanted)
    if children is None or bot_id is None:
        return None
    return await children(bot_id)


def user_of(request: web.Request) -> AppUser:
    return request[USER]


async def read_body(request: web.Request) -> dict[str, Any]:
    try:
        body = untrusted_json.loads(await request.read())
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise refusal(web.HTTPBadRequest, "bad_json")
    return body

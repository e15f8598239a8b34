"""The core services the operator's console works through (the same the admin commands use)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from bot.core.catalog.curation import Curation
from bot.core.catalog.pricing import Pricing
from bot.core.catalog.storefront import Storefront
from bot.core.catalog.watch import PriceWatch
from bot.core.children.service import ChildShops
from bot.core.configuration.service import Configuration
from bot.core.ops.audit_store import AuditLog
from bot.core.ops.figure_store import FigureStore
from bot.core.ordering.order_store import OrderStore
from bot.core.panels.health import Panels
from bot.core.reliability.book import ReliabilityBook
from bot.core.staff.store import Staff
from bot.core.tracking.resolution import Resolutions


@dataclass
class Console:
    curation: Curation
    pricing: Pricing
    storefront: Storefront
    price_watch: PriceWatch
    orders: OrderStore
    resolutions: Resolutions
    figures: FigureStore
    panels: Panels
    audit: AuditLog
    margin_alert_percent: Decimal
    records: ReliabilityBook | None = None  # services' measured records
    staff: Staff | None = None  # the owner's team: who may use which part
    configuration: Configuration | None = None  # the settings section (the owner's)
    children: ChildShops | None = None  # the Shops section (the owner's child shops)
    # The catalog's rows, built once per curated catalog and pricing (a filter only filters).
    rows: tuple[object, list[dict[str, Any]]] | None = field(default=None, repr=False)

"""The schema as SQLAlchemy Core tables, for Alembic (migrations/env.py); a test keeps it the
schema the migrations make. The stores write their SQL by hand and never import this module.

Money is stored as integer micro-units of the panel currency (never floats); times as
epoch seconds.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    column,
    false,
    func,
)

metadata = MetaData()

users = Table(
    "users",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("username", String(64)),
    Column("first_name", String(128)),
    Column("locale", String(8)),
    Column("is_banned", Boolean, nullable=False, default=False),
    Column("is_active", Boolean, nullable=False, default=True),
    Column("created_at", Float, nullable=False),
    # Who brought this customer (set once, on their first /start) and the code they share.
    Column("referrer_id", BigInteger),
    Column("ref_code", String(16)),
    Index("ix_users_ref_code", "ref_code", unique=True),
    Index("ix_users_username_lower", func.lower(column("username"))),
    Index("ix_users_referrer", "referrer_id"),
)

ledger = Table(
    "ledger",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", BigInteger, ForeignKey("users.id"), nullable=False, index=True),
    Column("amount_micros", BigInteger, nullable=False),
    Column("kind", String(16), nullable=False),
    # What caused the row ("order:12:refund", "stars:<charge id>"): unique, so that a
    # cause can move money at most once however often it is processed.
    Column("ref", String(128), unique=True),
    Column("order_id", Integer),
    Column("note", String(200)),
    Column("created_at", Float, nullable=False),
)

# The shop's own API v2: one key per customer, kept as its SHA-256 (shown once, never stored).
api_keys = Table(
    "api_keys",
    metadata,
    Column("user_id", BigInteger, ForeignKey("users.id"), primary_key=True, autoincrement=False),
    Column("key_hash", String(64)),
    Column("created_at", Float),
    Column("disabled", Boolean, nullable=False, server_default=false()),  # by an admin
    Column("notify", Boolean, nullable=False, server_default=false()),  # chat notices of API orders
    Index("ix_api_keys_hash", "key_hash", unique=True),
)

orders = Table(
    "orders",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", BigInteger, ForeignKey("users.id"), nullable=False),
    # One per order form: a second Confirm of the same form finds it and places nothing.
    Column("client_token", String(40), nullable=False, unique=True),
    Column("service_id", Integer, nullable=False),
    Column("service_name", String(300), nullable=False),
    Column("service_type", String(64), nullable=False),
    Column("category", String(300), nullable=False),
    Column("link", String(600), nullable=False),
    Column("fields", Text, nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("charge_micros", BigInteger, nullable=False),
    Column("cost_micros", BigInteger, nullable=False),
    Column("currency", String(8), nullable=False),
    Column("status", String(16), nullable=False),
    # The panel it went to (PANELS' name; "main" with one panel) and its id there.
    Column("panel", String(32), nullable=False, server_default="main"),
    Column("panel_order_id", BigInteger),
    Column("start_count", BigInteger),  # a panel's counts pass 32 bits (8.3 billion views)
    Column("remains", BigInteger),
    Column("card_message_id", BigInteger),  # the confirmation, edited as the order moves
    Column("error", String(300)),
    Column("poll_errors", Integer, nullable=False, default=0),
    Column("created_at", Float, nullable=False),
    Column("status_changed_at", Float, nullable=False),
    # Last change of status, start count or remains; and when the bot flagged it as stalled.
    Column("moved_at", Float),
    Column("stalled_at", Float),
    # Placed through the shop's own API v2 (its chat notices follow the customer's choice).
    Column("via_api", Boolean, nullable=False, server_default=false()),
    UniqueConstraint("panel", "panel_order_id", name="uq_orders_panel_order"),
    Index("ix_orders_user", "user_id", "id"),
    Index("ix_orders_status", "status"),
    sqlite_autoincrement=True,
)

order_events = Table(
    "order_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", Integer, ForeignKey("orders.id"), nullable=False, index=True),
    Column("status", String(16), nullable=False),
    Column("at", Float, nullable=False),
)

refills = Table(
    "refills",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", Integer, ForeignKey("orders.id"), nullable=False, index=True),
    Column("user_id", BigInteger, nullable=False),
    Column("panel_refill_id", BigInteger),
    Column("status", String(16), nullable=False),
    Column("poll_errors", Integer, nullable=False, default=0),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("chat_id", BigInteger, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("payload", Text, nullable=False),
    # Rows with the same key collapse while unsent: the customer gets the latest state once.
    Column("coalesce_key", String(64)),
    Column("created_at", Float, nullable=False),
    Column("next_attempt_at", Float, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("sent_at", Float),
    # Bumped when a newer state is folded into the waiting row: a sender that rendered the
    # older one leaves the row waiting, and the newer state is sent too.
    Column("revision", Integer, nullable=False, server_default="0"),
    Index("ix_outbox_due", "sent_at", "next_attempt_at"),
    Index("ix_outbox_coalesce", "coalesce_key"),
)

fsm = Table(
    "fsm",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("state", String(200)),
    Column("data", Text, nullable=False, default="{}"),
)

kv = Table(
    "kv",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("value", Text, nullable=False),
)

tickets = Table(
    "tickets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", BigInteger, ForeignKey("users.id"), nullable=False),
    Column("order_id", Integer),  # what the customer asks about, if an order
    Column("status", String(16), nullable=False),  # open | closed
    Column("thread_id", BigInteger),  # the support group's topic, when there is one
    Column("created_at", Float, nullable=False),
    Column("closed_at", Float),
    Index("ix_tickets_user_status", "user_id", "status"),
    Index("ix_tickets_thread", "thread_id"),
)

promo_codes = Table(
    "promo_codes",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),  # credit | discount
    Column("amount", String(32), nullable=False),  # Decimal as text: money or a percent
    Column("max_uses", Integer),
    Column("uses", Integer, nullable=False, default=0),
    Column("expires_at", Float),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", Float, nullable=False),
)

promo_redemptions = Table(
    "promo_redemptions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(32), ForeignKey("promo_codes.code"), nullable=False),
    Column("user_id", BigInteger, nullable=False, index=True),
    # A discount waits for the customer's next order; set when an order uses it.
    Column("order_id", Integer),
    Column("created_at", Float, nullable=False),
    UniqueConstraint("code", "user_id", name="uq_promo_once_per_customer"),
)

crypto_invoices = Table(
    "crypto_invoices",
    metadata,
    Column("invoice_id", BigInteger, primary_key=True, autoincrement=False),
    Column("user_id", BigInteger, nullable=False),
    Column("amount", String(32), nullable=False),  # Decimal as text, in `currency`
    Column("currency", String(8), nullable=False),
    Column("status", String(16), nullable=False),  # active | paid | expired
    Column("pay_url", String(300), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("closed_at", Float),
    Index("ix_crypto_invoices_status", "status"),
)

# The summary a customer could not pay: it waits for their top-up, priced as confirmed.
held_orders = Table(
    "held_orders",
    metadata,
    Column("user_id", BigInteger, primary_key=True, autoincrement=False),
    Column("token", String(40), nullable=False),
    Column("service_id", Integer, nullable=False),
    Column("service_name", String(300), nullable=False),
    Column("answers", Text, nullable=False),
    Column("price", String(32), nullable=False),
    Column("currency", String(8), nullable=False),
    Column("expires_at", Float, nullable=False),
)

# The catalog autopilot: what each panel listed last, and how its prices moved.
panel_services = Table(
    "panel_services",
    metadata,
    Column("panel", String(32), primary_key=True),
    Column("service_id", BigInteger, primary_key=True, autoincrement=False),
    Column("name", String(300), nullable=False),
    Column("rate", String(32), nullable=False),  # Decimal as text: rates have 5+ places
    Column("seen_at", Float, nullable=False),
    Column("vanished_at", Float),
)

price_history = Table(
    "price_history",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("panel", String(32), nullable=False),
    Column("service_id", BigInteger, nullable=False),
    Column("name", String(300), nullable=False),
    Column("old_rate", String(32)),  # NULL: it appeared
    Column("new_rate", String(32)),  # NULL: it vanished
    Column("at", Float, nullable=False),
    Index("ix_price_history_service", "service_id", "id"),
)

# The last view of every product: one that vanished from every panel stays listed, paused.
catalog_items = Table(
    "catalog_items",
    metadata,
    Column("product_id", BigInteger, primary_key=True, autoincrement=False),
    Column("data", Text, nullable=False),
    Column("vanished_at", Float),
)

# Who changed money or the catalog, what, from what to what, when.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("actor", BigInteger, nullable=False),
    Column("action", String(48), nullable=False),
    Column("subject", String(200), nullable=False),
    Column("before", String(300)),
    Column("after", String(300)),
    Column("at", Float, nullable=False),
)

# Recurring plans sold as Telegram Stars subscriptions (issue 38).
plans = Table(
    "plans",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False),
    Column("service_id", BigInteger, nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("stars", Integer, nullable=False),  # per 30 days
    Column("on_sale", Boolean, nullable=False, default=True),
    Column("created_at", Float, nullable=False),
)

# One customer's plan: `new` until its first payment, then active, cancelled (ends at
# `expires_at`) or ended.
plan_subscriptions = Table(
    "plan_subscriptions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", BigInteger, nullable=False),
    Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
    Column("link", String(500), nullable=False),
    Column("stars", Integer, nullable=False),  # the price the invoice asked
    Column("state", String(16), nullable=False),
    Column("first_charge", String(128)),  # what editUserStarSubscription names it by
    Column("expires_at", Float),
    Column("created_at", Float, nullable=False),
    Index("ix_plan_subscriptions_user", "user_id"),
    Index("ix_plan_subscriptions_state", "state"),
)

# Each paid period, once per Telegram charge: its value credited and its order placed.
plan_periods = Table(
    "plan_periods",
    metadata,
    Column("charge_id", String(128), primary_key=True),
    Column("subscription_id", Integer, ForeignKey("plan_subscriptions.id"), nullable=False),
    Column("user_id", BigInteger, nullable=False),
    Column("amount", String(32), nullable=False),  # Decimal as text: what was credited
    Column("state", String(16), nullable=False),  # paid | placed | credited
    Column("order_id", BigInteger),
    Column("paid_at", Float, nullable=False),
    Index("ix_plan_periods_state", "state"),
)

# Each service's measured record per panel (bot/core/reliability/record.py), as JSON.
service_records = Table(
    "service_records",
    metadata,
    Column("service_id", BigInteger, primary_key=True, autoincrement=False),
    Column("panel", String(32), primary_key=True),
    Column("data", Text, nullable=False),
    Column("updated_at", Float, nullable=False),
)


# Child shops (bot/core/children): a reseller's managed bot run on this shop's catalog.
child_shops = Table(
    "child_shops",
    metadata,
    Column("bot_id", BigInteger, primary_key=True, autoincrement=False),
    Column("owner_id", BigInteger, nullable=False, index=True),
    Column("username", String(64), nullable=False),
    Column("token", Text, nullable=False),
    Column("state", String(16), nullable=False),
    Column("paid_until", Float, nullable=True),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
)

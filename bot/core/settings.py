"""Configuration read from the environment and `.env` (see `.env.example`)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, ClassVar
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from bot.core.steps import Step, parse_steps

TELEGRAM_API_URL = "https://api.telegram.org"
SUPPORTED_LOCALES = ("en", "fr", "ru", "ar")
# The sandbox panel accepts this key; it is only ever used when PANEL_API_URL is unset.
SANDBOX_API_KEY = "sandbox-key"


ROUTING_MODES = ("cheapest", "priority")
DEFAULT_PANEL = "main"


class PanelConfig(BaseModel):
    """One panel of `PANELS`: a short name (shown to admins, stored on orders), its API v2
    URL and key."""

    model_config = {"extra": "forbid", "hide_input_in_errors": True}

    name: str
    url: str
    key: SecretStr

    @field_validator("name")
    @classmethod
    def _name_shape(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z0-9_-]{1,32}", value):
            raise ValueError("must be 1-32 lowercase letters, digits, _ or -")
        return value

    @field_validator("url")
    @classmethod
    def _url_shape(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("key")
    @classmethod
    def _key_set(cls, value: SecretStr) -> SecretStr:
        if not value.get_secret_value().strip():
            raise ValueError("must not be empty")
        return value


# What .env.example says instead of a token: a copied example must not get as far as Telegram.
PLACEHOLDER_TOKEN = "replace-with-your-token"  # noqa: S105 - the example, not a secret


class Settings(BaseSettings):
    """The shop's settings: the environment and `.env`, then what the owner set inside
    Telegram (bot/core/configuration)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", hide_input_in_errors=True)

    bot_token: SecretStr
    panel_api_url: str | None = None
    panel_api_key: SecretStr = SecretStr("")
    # Several panels behind one catalog (replaces the two settings above when set).
    panels: Annotated[list[PanelConfig] | None, NoDecode] = None
    routing: str = "cheapest"  # cheapest healthy route, or the admins' priority order
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    database_path: Path = Path("data/smm-bot.sqlite3")
    database_url: SecretStr | None = None
    telegram_api_url: str = TELEGRAM_API_URL
    poll_interval_seconds: float = Field(default=60.0, gt=0)
    default_locale: str = "en"

    # The wallet currency customers see (3 letters); unset: the panel's. Prices are not
    # converted: it names the currency the panel charges in.
    wallet_currency: str | None = None
    markup_percent: Decimal = Field(default=Decimal(30), ge=0, le=1000)
    catalog_ttl_seconds: float = Field(default=600.0, gt=0)
    panel_timeout_seconds: float = Field(default=30.0, gt=0)
    sandbox_step_seconds: float = Field(default=20.0, gt=0)
    send_rate_per_second: float = Field(default=25.0, gt=0)
    throttle_rate_per_second: float = Field(default=3.0, gt=0)
    stars_per_usd: Decimal = Field(default=Decimal(50), gt=0)
    low_balance_threshold: Decimal = Field(default=Decimal(10), ge=0)
    stuck_factor: float = Field(default=3.0, gt=0)
    stuck_min_hours: float = Field(default=6.0, ge=0)
    # A service with QUARANTINE_FAILURES of its last QUARANTINE_WINDOW orders canceled or never
    # started is paused for QUARANTINE_HOURS (or until an admin resumes it).
    quarantine_failures: int = Field(default=3, ge=1, le=100)
    quarantine_window: int = Field(default=5, ge=1, le=10)
    quarantine_hours: float = Field(default=24.0, gt=0, le=24 * 365)
    # Between two refill requests of one order (a refill still pending blocks another anyway).
    refill_cooldown_hours: float = Field(default=24.0, ge=0, le=24 * 365)
    # Hours between two backups sent to the owners (ADMIN_IDS); 0: only on /backup.
    backup_hours: float = Field(default=0.0, ge=0, le=24 * 365)
    redis_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    web_server_host: str = "0.0.0.0"  # noqa: S104 - a webhook server listens for Telegram
    web_server_port: int = Field(default=8080, gt=0, lt=65536)
    # The public https address of the Mini App (this web server's /app/): enables the shop
    # page, the menu button and the greeting's "Open shop" button.
    webapp_url: str | None = None
    log_level: str = "INFO"
    support_chat_id: int | None = None  # a supergroup with topics where admins work tickets
    metrics_enabled: bool = False
    metrics_token: SecretStr | None = None
    # What a referrer earns of what the customers they brought spend (admins change it live).
    referral_percent: Decimal = Field(default=Decimal(5), ge=0, le=50)
    # Crypto Pay (@CryptoBot): invoices in the wallet currency, paid in any accepted asset.
    crypto_pay_token: SecretStr | None = None
    crypto_pay_api_url: str = "https://pay.crypt.bot"
    crypto_pay_poll_seconds: float = Field(default=20.0, gt=0)
    crypto_pay_assets: str = "USDT,TON,BTC,ETH,LTC,BNB,TRX,USDC"
    # Admins are told once when a service's margin (of its sale price) falls below this.
    margin_alert_percent: Decimal = Field(default=Decimal(10), ge=0, le=100)
    # The shop's own SMM panel API v2 at /api/v2 (customers' keys under Balance → API access).
    reseller_api: bool = False
    # The public address customers are shown for it; unset: WEBAPP_URL's or WEBHOOK_URL's origin.
    public_url: str | None = None
    # Child shops: resellers create their own shop bot (a Telegram managed bot) on this catalog.
    child_shops: bool = False
    # A child's monthly fee in Stars (0: none); see README "Child shops".
    child_shop_fee_stars: int = Field(default=0, ge=0, le=100_000)
    # Loyalty: "50:5,100:10" — a top-up of at least 50 earns 5 % more, of at least 100, 10 %.
    topup_bonuses: Annotated[tuple[Step, ...], NoDecode] = ()
    # "100:2,500:5": after 100 delivered (charges less refunds), 2 % off every order…
    spend_tiers: Annotated[tuple[Step, ...], NoDecode] = ()

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(" ", "").split(",") if part)
        if isinstance(value, int):
            return frozenset({value})
        return value

    @field_validator("topup_bonuses", "spend_tiers", mode="before")
    @classmethod
    def _steps(cls, value: Any) -> Any:
        return parse_steps(value) if isinstance(value, str) else value

    @field_validator("panels", mode="before")
    @classmethod
    def _panels_json(cls, value: Any) -> Any:
        if isinstance(value, str):
            if not value.strip():
                return None
            try:
                value = json.loads(value)
            except ValueError:
                raise ValueError(
                    'must be a JSON list like [{"name":"a","url":"https://…","key":"…"}]'
                ) from None
        if value is not None and (not isinstance(value, list) or not value):
            raise ValueError("must be a non-empty JSON list of {name, url, key}")
        return value

    @field_validator("panels")
    @classmethod
    def _unique_names(cls, value: list[PanelConfig] | None) -> list[PanelConfig] | None:
        names = [panel.name for panel in value or []]
        for name in names:
            if names.count(name) > 1:
                raise ValueError(f"the name {name!r} is used twice")
        return value

    @field_validator("routing")
    @classmethod
    def _routing_mode(cls, value: str) -> str:
        value = value.strip().lower() or "cheapest"
        if value not in ROUTING_MODES:
            raise ValueError(f"must be one of {', '.join(ROUTING_MODES)}")
        return value

    @field_validator("support_chat_id", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("wallet_currency", mode="before")
    @classmethod
    def _currency_code(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip().upper() or None
            if value is not None and not re.fullmatch(r"[A-Z]{3}", value):
                raise ValueError("must be a 3-letter currency code such as USD or EUR")
        return value

    @field_validator("default_locale")
    @classmethod
    def _known_locale(cls, value: str) -> str:
        if value not in SUPPORTED_LOCALES:
            raise ValueError(f"must be one of {', '.join(SUPPORTED_LOCALES)}")
        return value

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        token = value.get_secret_value()
        bot_id, _, secret = token.partition(":")
        if not bot_id.isdigit() or not secret:
            # Never echo the token: the message only describes the expected shape.
            raise ValueError("must look like 123456:ABC... (the token @BotFather gave you)")
        if secret == PLACEHOLDER_TOKEN:
            raise ValueError(
                "is still the placeholder from .env.example: put the token @BotFather gave you"
            )
        return value

    @field_validator(
        "panel_api_url",
        "redis_url",
        "webhook_url",
        "database_url",
        "webhook_secret",
        "crypto_pay_token",
        "webapp_url",
        "public_url",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        return None if value == "" else value

    @field_validator("panel_api_url")
    @classmethod
    def _url_shape(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("public_url")
    @classmethod
    def _public_origin(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://")):
            raise ValueError("must be the shop's public address, e.g. https://shop.example")
        return value.rstrip("/") if value else value

    @field_validator("webapp_url")
    @classmethod
    def _webapp_https(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://")):
            raise ValueError("must be the public https:// address of the bot's /app/ page")
        return value

    @field_validator("crypto_pay_api_url")
    @classmethod
    def _crypto_base(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be the base address, e.g. https://pay.crypt.bot")
        return value.rstrip("/").removesuffix("/api")

    @field_validator("database_url")
    @classmethod
    def _postgres_only(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith(
            ("postgresql://", "postgres://")
        ):
            raise ValueError("must be a postgresql://user:password@host:port/database URL")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _https_webhook(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://")):
            raise ValueError("must be the public https:// URL Telegram sends updates to")
        return value

    @model_validator(mode="after")
    def _key_needed_for_real_panel(self) -> Settings:
        if self.panel_api_url and not self.panel_api_key.get_secret_value():
            raise ValueError("PANEL_API_KEY is required when PANEL_API_URL is set")
        if self.webhook_url:
            secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
            if len(secret) < 16 or not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
                raise ValueError(
                    "WEBHOOK_SECRET (16-256 letters, digits, _ or -) is required with WEBHOOK_URL"
                )
        return self

    def secrets(self) -> list[str]:
        """Every secret value, for the log filter that masks them."""
        values = [
            self.bot_token,
            self.panel_api_key,
            self.webhook_secret,
            self.metrics_token,
            self.crypto_pay_token,
            *(panel.key for panel in self.panels or []),
        ]
        found = [value.get_secret_value() for value in values if value is not None]
        if self.database_url is not None:
            url = urlsplit(self.database_url.get_secret_value())
            found += [url.password or "", self.database_url.get_secret_value()]
        return [secret for secret in found if secret]

    @property
    def serves_web(self) -> bool:
        """Whether polling mode runs the web server too (for /metrics, Crypto Pay, the Mini
        App or the shop's API)."""
        return (
            self.metrics_enabled
            or self.crypto_pay_token is not None
            or bool(self.webapp_url)
            or self.reseller_api
        )

    @property
    def public_origin(self) -> str | None:
        """Where customers reach this web server: PUBLIC_URL, or the origin of the Mini App's
        or the webhook's address."""
        if self.public_url:
            return self.public_url
        for url in (self.webapp_url, self.webhook_url):
            if url:
                parts = urlsplit(url)
                return f"{parts.scheme}://{parts.netloc}"
        return None

    @property
    def uses_sandbox(self) -> bool:
        return self.panel_api_url is None and not self.panels

    def panel_configs(self, sandbox_url: str | None = None) -> list[PanelConfig]:
        """The panels to sell from: `PANELS`, or the single panel named "main" (the sandbox's
        address when no panel is configured)."""
        if self.panels:
            return list(self.panels)
        url = self.panel_api_url or sandbox_url
        assert url is not None
        key = self.panel_api_key if self.panel_api_url else SecretStr(SANDBOX_API_KEY)
        return [PanelConfig(name=DEFAULT_PANEL, url=url, key=key)]

    def is_admin(self, user_id: int) -> bool:
        return user_id in self.admin_ids


class ChildSettings(Settings):
    """A child shop's settings: only what it is given (its token, its database, the parent as
    its panel) and what its owner sets inside it — never the parent's environment."""

    # What only the parent's deployment acts on: a child serves no web routes of its own (its
    # page is the parent's, told which shop), sells from no panel but the parent and has no
    # children. Its owner is neither shown these nor may set them.
    PARENT_ONLY: ClassVar[frozenset[str]] = frozenset(
        {
            "routing",
            "catalog_ttl_seconds",
            "panel_timeout_seconds",
            "sandbox_step_seconds",
            "webapp_url",
            "metrics_enabled",
            "metrics_token",
            "reseller_api",
            "public_url",
            "child_shops",
            "child_shop_fee_stars",
        }
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)

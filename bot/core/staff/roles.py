"""Who may do what among the shop's staff. ADMIN_IDS are the owners; the owner gives others a
role: viewer (stats), support (tickets and order lookups, no money), manager (catalog, prices,
orders, refunds up to a limit the owner sets). Each role may do what the roles under it may.
Plain data and functions: every check the commands and the console make is decided here."""

from __future__ import annotations

from decimal import Decimal
from enum import IntEnum


class Role(IntEnum):
    VIEWER = 1
    SUPPORT = 2
    MANAGER = 3
    OWNER = 4

    @classmethod
    def named(cls, name: str) -> Role | None:
        found = cls.__members__.get(name.strip().upper())
        return found if found is not None and found is not cls.OWNER else None


# The least role each admin command needs (a command not named here is the owner's).
COMMAND_ROLE: dict[str, Role] = {
    "stats": Role.VIEWER,
    "user": Role.SUPPORT,
    "pending": Role.SUPPORT,
    "close": Role.SUPPORT,
    "ticket": Role.SUPPORT,  # answering a ticket privately
    "service": Role.MANAGER,
    "category": Role.MANAGER,
    "price": Role.MANAGER,
    "prices": Role.MANAGER,
    "markup": Role.MANAGER,
    "sale": Role.MANAGER,
    "plan": Role.MANAGER,
    "promo": Role.MANAGER,
    "routes": Role.MANAGER,
    "route": Role.MANAGER,
    "panels": Role.MANAGER,
    "services_refresh": Role.MANAGER,
    "audit": Role.MANAGER,
    "attach": Role.MANAGER,
    "resolve": Role.MANAGER,  # Refund / Attach on an order in doubt
    "replace": Role.MANAGER,  # Cancel and re-place on another panel
    "refund_order": Role.MANAGER,  # up to the owner's limit
}
# The owner's alone: money in and out of wallets, everyone's messages, people, the shop.
OWNER_COMMANDS = (
    "credit", "debit", "balance", "refund_stars", "broadcast", "ban", "unban", "api_off",
    "api_on", "referral", "backup", "staff", "settings", "setup", "shops",
)  # fmt: skip


def needs(command: str) -> Role:
    return COMMAND_ROLE.get(command, Role.OWNER)


def may(role: Role | None, command: str) -> bool:
    return role is not None and role >= needs(command)


def may_refund(role: Role, amount: Decimal, limit: Decimal) -> bool:
    """A refund a manager makes stays within the owner's limit; the owner's has none."""
    if role is Role.OWNER:
        return True
    return role >= Role.MANAGER and amount <= limit

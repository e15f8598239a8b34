"""The repository: every query the bot makes. Handlers and services never write SQL.

Each method that moves money or changes an order's stage does it in one transaction
together with the notification it causes (the outbox row), so a crash can never leave a
refund without its message or a message without its refund. The methods are grouped by
concern in the modules this class is composed of.
"""

from __future__ import annotations

from bot.core.outbox import OutboxRow
from bot.core.storage.crypto import CryptoStore
from bot.core.storage.figures import FigureStore
from bot.core.storage.holds import HoldStore
from bot.core.storage.orders import OrderStore
from bot.core.storage.outbox import OutboxStore
from bot.core.storage.promos import PromoStore
from bot.core.storage.referrals import ReferralStore
from bot.core.storage.refills import RefillStore
from bot.core.storage.rows import OpenOrder, StatusChange
from bot.core.storage.tickets import TicketStore
from bot.core.storage.transitions import TransitionStore
from bot.core.storage.users import UserStore
from bot.core.storage.wallets import WalletStore

__all__ = ["OpenOrder", "OutboxRow", "Repository", "StatusChange"]


class Repository(
    UserStore,
    CryptoStore,
    WalletStore,
    OrderStore,
    TransitionStore,
    RefillStore,
    OutboxStore,
    FigureStore,
    TicketStore,
    PromoStore,
    ReferralStore,
    HoldStore,
):
    """One object for all storage; see the base classes for each concern."""

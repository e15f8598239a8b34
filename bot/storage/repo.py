"""The repository: every query the bot makes. Handlers and services never write SQL.

Each method that moves money or changes an order's stage does it in one transaction
together with the notification it causes (the outbox row), so a crash can never leave a
refund without its message or a message without its refund. The methods are grouped by
concern in the modules this class is composed of.
"""

from __future__ import annotations

from bot.storage.figures import FigureStore
from bot.storage.orders import OrderStore
from bot.storage.outbox import OutboxStore
from bot.storage.refills import RefillStore
from bot.storage.rows import OpenOrder, OutboxRow, StatusChange
from bot.storage.transitions import TransitionStore
from bot.storage.users import UserStore
from bot.storage.wallets import WalletStore

__all__ = ["OpenOrder", "OutboxRow", "Repository", "StatusChange"]


class Repository(
    UserStore, WalletStore, OrderStore, TransitionStore, RefillStore, OutboxStore, FigureStore
):
    """One object for all storage; see the base classes for each concern."""

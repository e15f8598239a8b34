"""Persistence: the database, its migrations and the stores the repository is made of."""

from bot.core.storage.db import Database
from bot.core.storage.repo import OpenOrder, OutboxRow, Repository

__all__ = ["Database", "OpenOrder", "OutboxRow", "Repository"]

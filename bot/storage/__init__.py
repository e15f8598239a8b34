"""Persistence: the database, its migrations, the repository and the FSM storage."""

from bot.storage.db import Database
from bot.storage.fsm import DatabaseStorage
from bot.storage.repo import OpenOrder, OutboxRow, Repository

__all__ = ["Database", "DatabaseStorage", "OpenOrder", "OutboxRow", "Repository"]

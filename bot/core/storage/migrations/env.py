"""Alembic's environment: migrations run on the connection the bot opened (see db.py), inside
its transaction, on SQLite and PostgreSQL alike (batch mode makes ALTERs work on SQLite)."""

from __future__ import annotations

from alembic import context

from bot.core.storage.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

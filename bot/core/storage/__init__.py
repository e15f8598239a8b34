"""The database both backends share: connections, the schema and its migrations, and what
every feature's store builds on (`base.StoreBase`). The stores themselves live beside their
features (`bot/core/ordering/order_store.py`, `bot/core/payments/wallet_store.py`…)."""

from bot.core.storage.db import Database

__all__ = ["Database"]

"""Telling people later: the outbox and the sender that drains it within Telegram's limits."""

"""Recurring plans sold as Telegram Stars subscriptions (issue 38)."""

"""The core: domain rules, money, panels, storage and background work. It knows nothing of
Telegram: what it must say to users goes through the outbox and the views in `views.py`."""

"""The core: one package per feature (catalog, ordering, tracking, payments…) over a small
shared kernel (money, domain, settings, statuses, outbox). It knows nothing of Telegram:
what it must say to users it writes to the outbox, which the Telegram layer renders."""

"""Settings made inside Telegram: the owner's setup code and wizard, `/settings`, and the rule
that decides which value wins — the environment's, the one stored in the database, or the
default."""

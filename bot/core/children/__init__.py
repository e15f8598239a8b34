"""Child shops: a reseller's own shop bot (a Telegram managed bot) that this deployment runs
on this shop's catalog, buying from this shop through its API v2 rules, in-process."""

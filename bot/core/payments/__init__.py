"""Money in and out of wallets: the ledger-backed wallet, Telegram Stars top-ups and refunds,
and Crypto Pay invoices."""

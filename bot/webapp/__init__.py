"""The Mini App: a storefront page at /app/ and its JSON API at /app/api/, a second face over
the same core as the chat (catalog, forms, quoting, ordering, wallets)."""

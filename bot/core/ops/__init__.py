"""Running the shop: one leader among replicas, metrics, periodic work, memory, and the
figures behind /stats."""

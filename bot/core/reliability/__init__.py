"""Each service's measured record from the shop's own orders, and what acts on it (issue 36)."""

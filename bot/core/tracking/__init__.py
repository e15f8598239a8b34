"""After the order is placed: the poller that follows it, what each status change means for
the money, stuck orders, and refills, cancels and refreshes asked by the customer."""

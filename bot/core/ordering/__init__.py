"""From a form to a placed order: the fields each service type needs, the quote, the checkout
that every face shares, and placing on the panels (charged once, never re-sent in doubt)."""

"""How long delivery usually takes, learnt from the shop's own completed orders."""

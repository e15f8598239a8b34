"""Reselling downstream: the shop's own SMM panel API v2, so other panels and shops buy from
it with a customer's key — keys (key_store), and the actions as panels answer them (api)."""

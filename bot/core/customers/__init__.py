"""Customers: who they are (language, ban, still reachable), cached in front of the database."""

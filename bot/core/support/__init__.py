"""Support tickets: opened by customers, answered by admins (the chat side is
handlers/support.py)."""

"""The `env` fixture: a sandbox panel over real HTTP and a database on each backend."""

from tests.integration.support import env

__all__ = ["env"]

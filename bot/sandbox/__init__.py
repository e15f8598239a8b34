"""The built-in sandbox panel: `python -m bot.sandbox --port 8070`."""

from bot.sandbox.server import SandboxPanel, start_sandbox

__all__ = ["SandboxPanel", "start_sandbox"]

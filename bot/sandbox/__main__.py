"""Run the sandbox panel on its own: `python -m bot.sandbox --port 8070`."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from decimal import Decimal

from bot.core.settings import SANDBOX_API_KEY
from bot.sandbox.server import SandboxPanel, start_sandbox


async def serve(args: argparse.Namespace) -> None:
    panel = SandboxPanel(
        api_key=args.key,
        step_seconds=args.step,
        balance=Decimal(args.balance),
        services=args.services,
        price_factor=Decimal(args.price_factor),
    )
    runner, url = await start_sandbox(panel, args.host, args.port)
    print(f"sandbox panel (simulated orders) at {url}  key={args.key}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description="SMM panel API v2 sandbox")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8070)
    parser.add_argument("--key", default=SANDBOX_API_KEY)
    parser.add_argument("--step", type=float, default=20.0, help="seconds per order stage")
    parser.add_argument("--balance", default="1000")
    parser.add_argument("--services", type=int, default=1500, help="catalog size")
    parser.add_argument(
        "--price-factor",
        default="1",
        help="multiply every rate (run several sandboxes as providers of one catalog)",
    )
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()

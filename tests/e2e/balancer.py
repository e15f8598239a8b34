"""A tiny round-robin load balancer for the replica scenario: `python -m tests.e2e.balancer
PORT BACKEND_PORT...`. A backend that refuses the connection is skipped, like a load
balancer's health check would; `/_stats` tells how many requests each backend served."""

from __future__ import annotations

import itertools
import sys
from collections.abc import AsyncIterator

from aiohttp import ClientError, ClientSession, ClientTimeout, web

SESSION = web.AppKey("session", ClientSession)


def main() -> None:
    port, backends = int(sys.argv[1]), [int(p) for p in sys.argv[2:]]
    turn = itertools.cycle(range(len(backends)))
    served = dict.fromkeys(backends, 0)

    async def forward(request: web.Request) -> web.StreamResponse:
        body = await request.read()
        headers = {
            k: v for k, v in request.headers.items() if k.lower() not in {"host", "content-length"}
        }
        session = request.app[SESSION]  # pooled: a connection per request costs its time
        for _ in backends:
            backend = backends[next(turn)]
            try:
                async with session.request(
                    request.method,
                    f"http://127.0.0.1:{backend}{request.path}",
                    data=body,
                    headers=headers,
                ) as answer:
                    served[backend] += 1
                    return web.Response(
                        status=answer.status,
                        body=await answer.read(),
                        # Whole, parameters included: a webhook's reply carrying a method is
                        # multipart, and its boundary is a parameter of the content type.
                        headers={"Content-Type": answer.headers.get("Content-Type", "")},
                    )
            except ClientError:
                continue
        return web.Response(status=502, text="no backend")

    async def stats(request: web.Request) -> web.Response:
        return web.json_response({str(k): v for k, v in served.items()})

    async def pooled(app: web.Application) -> AsyncIterator[None]:
        app[SESSION] = ClientSession(timeout=ClientTimeout(total=120))
        yield
        await app[SESSION].close()

    app = web.Application()
    app.cleanup_ctx.append(pooled)
    app.router.add_get("/_stats", stats)
    app.router.add_route("*", "/{tail:.*}", forward)
    web.run_app(app, host="127.0.0.1", port=port, print=None)


if __name__ == "__main__":
    main()

"""The page itself: /app/ and its assets, built by `npm run build` in bot/webapp/front into
bot/webapp/static (gzip copies beside each file are served to browsers that accept them)."""

from __future__ import annotations

import logging
from pathlib import Path

from aiohttp import web

logger = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"


def is_built() -> bool:
    return (STATIC / "index.html").is_file() and (STATIC / "app.js").is_file()


async def index(request: web.Request) -> web.StreamResponse:
    if not is_built():
        return web.json_response(
            {"error": "not_built", "message": "run `npm run build` in bot/webapp/front"},
            status=503,
        )
    # The page is tiny and names its assets: always revalidated, so an update shows at once.
    return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})


async def to_index(request: web.Request) -> web.StreamResponse:
    raise web.HTTPPermanentRedirect("/app/")


def add_pages(app: web.Application) -> None:
    if not is_built():
        logger.warning("the Mini App is not built: run `npm run build` in bot/webapp/front")
    STATIC.mkdir(exist_ok=True)
    app.router.add_get("/app", to_index)
    app.router.add_get("/app/", index)
    app.router.add_static("/app/assets/", STATIC, append_version=False)

"""The API's documentation page at /api, in the shop's languages (`?lang=fr`, else the
browser's): every action with its parameters, an example request and its answer. The
examples are the protocol itself and stay as they are in every language."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from aiohttp import web

from bot.panel_api.routes import PANEL_API, PanelApi
from bot.ui.i18n import pick_locale

# (action, its parameters, an example request's fields, the example answer)
ACTIONS: tuple[tuple[str, str, str, Any], ...] = (
    (
        "services",
        "key, action",
        "action=services",
        [
            {
                "service": 1,
                "name": "Followers",
                "type": "Default",
                "category": "Instagram",
                "rate": "0.90",
                "min": "50",
                "max": "10000",
                "refill": True,
                "cancel": True,
                "dripfeed": False,
            }
        ],
    ),
    (
        "add",
        "key, action, service, link, quantity, [runs, interval], [comments, usernames, "
        "hashtags, keywords, …: as the service's type needs]",
        "action=add&service=1&link=https://instagram.com/p/abc&quantity=100",
        {"order": 23501},
    ),
    (
        "status",
        "key, action, order | orders (up to 100, comma-separated)",
        "action=status&order=23501",
        {
            "charge": "0.27819",
            "start_count": "3572",
            "status": "Partial",
            "remains": "157",
            "currency": "USD",
        },
    ),
    (
        "refill",
        "key, action, order | orders (up to 100)",
        "action=refill&order=23501",
        {"refill": "1"},
    ),
    (
        "refill_status",
        "key, action, refill | refills (up to 100)",
        "action=refill_status&refill=1",
        {"status": "Completed"},
    ),
    (
        "cancel",
        "key, action, orders (up to 100)",
        "action=cancel&orders=23501,23502",
        [
            {"order": 23501, "cancel": 1},
            {"order": 23502, "cancel": {"error": "Incorrect order ID"}},
        ],
    ),
    ("balance", "key, action", "action=balance", {"balance": "100.84292", "currency": "USD"}),
)
ERROR_SHAPE = '{"error": "…"}'
ERRORS = (
    "Invalid API key",
    "Incorrect request",
    "Incorrect service ID",
    "Incorrect order ID",
    "Not enough funds on balance",
    "Quantity less than minimal 50",
    "Quantity more than maximal 10000",
    "Bad link",
    "Too many requests",
)
STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem}"
    "pre,code{background:#f4f4f5;border-radius:6px}pre{padding:.75rem;overflow-x:auto}"
    "code{padding:0 .25rem}section{border-top:1px solid #ddd;margin-top:1.5rem}"
)


async def docs_page(request: web.Request) -> web.Response:
    face: PanelApi = request.app[PANEL_API]
    wanted = request.query.get("lang") or request.headers.get("Accept-Language") or ""
    locale = pick_locale(None, wanted.split(",")[0], face.default_locale)

    def t(key: str, **args: Any) -> str:
        return escape(face.translator(key, locale, **args))

    address = escape(face.address)
    parts = [
        f'<!doctype html><html lang="{locale}" dir="{"rtl" if locale == "ar" else "ltr"}">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
        f"<title>{t('api-doc-title')}</title><style>{STYLE}</style></head><body>",
        f"<h1>{t('api-doc-title')}</h1>",
        f"<p>{t('api-doc-intro', currency=face.currency())}</p>",
        f"<p>{t('api-doc-address')} <code>{address}</code></p>",
        f"<p>{t('api-doc-format', shape=ERROR_SHAPE)}</p>",
    ]
    for action, params, example, answer in ACTIONS:
        shown = json.dumps(answer, indent=2, ensure_ascii=False)
        parts += [
            f'<section id="{action}"><h2><code>{action}</code></h2>',
            f"<p>{t('api-doc-' + action.replace('_', '-'))}</p>",
            f"<p><b>{t('api-doc-parameters')}</b> <code>{escape(params)}</code></p>",
            f"<p><b>{t('api-doc-example-request')}</b></p>",
            f"<pre>curl -X POST {address} -d 'key=YOUR_KEY&amp;{escape(example)}'</pre>",
            f"<p><b>{t('api-doc-example-answer')}</b></p><pre>{escape(shown)}</pre></section>",
        ]
    errors = "".join(f'<li><code>{{"error": "{escape(e)}"}}</code></li>' for e in ERRORS)
    parts += [f"<section><h2>{t('api-doc-errors')}</h2><ul>{errors}</ul></section></body></html>"]
    return web.Response(text="".join(parts), content_type="text/html")

"""A local stand-in of the Crypto Pay API (https://help.crypt.bot/crypto-pay-api), written
from its documentation: createInvoice, getInvoices, deleteInvoice and getMe under /api/, the
`Crypto-Pay-API-Token` header, `{"ok": …}` answers, and `invoice_paid` webhooks signed with
HMAC-SHA-256 keyed by SHA-256 of the token. Tests pay or expire invoices through its methods."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
from aiohttp import web

TOKEN = "12345:AAcryptopayTESTtoken"


def sign(token: str, body: bytes) -> str:
    return hmac.new(hashlib.sha256(token.encode()).digest(), body, hashlib.sha256).hexdigest()


@dataclass
class CryptoPayStand:
    token: str = TOKEN
    webhook_url: str | None = None
    invoices: dict[int, dict[str, Any]] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)
    down: bool = False  # every call answers 502, as a gateway in front of it would
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(9001))
    _updates: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._handle)
        return app

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        self.calls.append(method)
        if self.down:
            return web.Response(status=502, text="<html>Bad Gateway</html>")
        if request.headers.get("Crypto-Pay-API-Token") != self.token:
            return self._error(401, "UNAUTHORIZED")
        params: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            params.update(await request.json())
        handler = {
            "getMe": self._get_me,
            "createInvoice": self._create,
            "getInvoices": self._get,
            "deleteInvoice": self._delete,
        }.get(method)
        if handler is None:
            return self._error(405, "METHOD_NOT_FOUND")
        return handler(params)

    @staticmethod
    def _ok(result: Any) -> web.Response:
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    def _error(code: int, name: str) -> web.Response:
        return web.json_response({"ok": False, "error": {"code": code, "name": name}}, status=code)

    def _get_me(self, _: dict[str, Any]) -> web.Response:
        return self._ok(
            {
                "app_id": 1,
                "name": "smm-bot test",
                "payment_processing_bot_username": "CryptoTestnetBot",
            }
        )

    def _create(self, params: dict[str, Any]) -> web.Response:
        if params.get("currency_type") != "fiat" or not params.get("fiat"):
            return self._error(400, "CURRENCY_TYPE_INVALID")
        try:
            amount = float(params["amount"])
        except (KeyError, ValueError):
            return self._error(400, "AMOUNT_INVALID")
        if amount <= 0:
            return self._error(400, "AMOUNT_TOO_SMALL")
        invoice_id = next(self._ids)
        invoice = {
            "invoice_id": invoice_id,
            "hash": f"IV{invoice_id}",
            "currency_type": "fiat",
            "fiat": params["fiat"],
            "amount": str(params["amount"]),
            "accepted_assets": str(params.get("accepted_assets", "")).split(","),
            "bot_invoice_url": f"https://t.me/CryptoTestnetBot?start=IV{invoice_id}",
            "description": params.get("description", ""),
            "status": "active",
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
            "allow_comments": True,
            "allow_anonymous": bool(params.get("allow_anonymous", True)),
            "payload": params.get("payload", ""),
        }
        self.invoices[invoice_id] = invoice
        return self._ok(invoice)

    def _get(self, params: dict[str, Any]) -> web.Response:
        wanted = str(params.get("invoice_ids", ""))
        ids = [int(i) for i in wanted.split(",") if i.strip()] if wanted else list(self.invoices)
        items = [self.invoices[i] for i in ids if i in self.invoices]
        if params.get("status"):
            items = [i for i in items if i["status"] == params["status"]]
        return self._ok({"items": items})

    def _delete(self, params: dict[str, Any]) -> web.Response:
        invoice = self.invoices.get(int(params.get("invoice_id", 0)))
        if invoice is None or invoice["status"] == "paid":
            return self._error(400, "INVOICE_NOT_FOUND")
        del self.invoices[invoice["invoice_id"]]
        return self._ok(True)

    # -- what the customer and time do ---------------------------------------------------

    def pay(self, invoice_id: int, asset: str = "USDT") -> dict[str, Any]:
        invoice = self.invoices[invoice_id]
        invoice.update(
            status="paid",
            paid_asset=asset,
            paid_amount=invoice["amount"],
            paid_at=time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
        )
        return invoice

    def expire(self, invoice_id: int) -> None:
        self.invoices[invoice_id]["status"] = "expired"

    def paid_update(self, invoice_id: int) -> bytes:
        update = {
            "update_id": next(self._updates),
            "update_type": "invoice_paid",
            "request_date": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
            "payload": self.invoices[invoice_id],
        }
        return json.dumps(update).encode()

    async def send_webhook(self, invoice_id: int, token: str | None = None) -> int:
        """POST the signed `invoice_paid` update to the shop, as Crypto Pay does; with
        another `token`, a forgery. Returns the shop's HTTP status."""
        assert self.webhook_url is not None
        body = self.paid_update(invoice_id)
        headers = {
            "Content-Type": "application/json",
            "crypto-pay-api-signature": sign(token or self.token, body),
        }
        async with httpx.AsyncClient() as client:
            answer = await client.post(self.webhook_url, content=body, headers=headers)
        return answer.status_code

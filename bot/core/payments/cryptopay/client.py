"""The Crypto Pay API over httpx: the three methods the shop needs.

Every call is `{base}/api/<method>` with the app's token in the `Crypto-Pay-API-Token`
header; answers are `{"ok": true, "result": …}` or `{"ok": false, "error": …}`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

import httpx
from pydantic import SecretStr

# One invoice lives this long; the customer can always ask for a new one.
INVOICE_SECONDS = 3600


class InvoiceStatus(StrEnum):
    ACTIVE = "active"
    PAID = "paid"
    EXPIRED = "expired"


@dataclass(frozen=True)
class Invoice:
    invoice_id: int
    status: InvoiceStatus
    amount: Decimal
    fiat: str | None
    pay_url: str
    payload: str


class CryptoPayError(Exception):
    """The API could not be reached or refused the call; never carries the token."""


def invoice_from(data: Any) -> Invoice:
    try:
        return Invoice(
            invoice_id=int(data["invoice_id"]),
            status=InvoiceStatus(data["status"]),
            amount=Decimal(str(data["amount"])),
            fiat=data.get("fiat"),
            pay_url=str(data.get("bot_invoice_url") or data.get("pay_url") or ""),
            payload=str(data.get("payload") or ""),
        )
    except (KeyError, TypeError, ValueError, InvalidOperation) as exc:
        raise CryptoPayError(f"unreadable invoice: {type(exc).__name__}") from None


class CryptoPayClient:
    def __init__(self, http: httpx.AsyncClient, base_url: str, token: SecretStr) -> None:
        self._http = http
        self._base = base_url.rstrip("/") + "/api/"
        self._token = token

    async def _call(self, method: str, params: dict[str, Any]) -> Any:
        headers = {"Crypto-Pay-API-Token": self._token.get_secret_value()}
        try:
            response = await self._http.post(self._base + method, json=params, headers=headers)
            body = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise CryptoPayError(f"{method}: {type(exc).__name__}") from None
        if not isinstance(body, dict) or not body.get("ok"):
            error = body.get("error") if isinstance(body, dict) else None
            name = error.get("name") if isinstance(error, dict) else error
            raise CryptoPayError(f"{method}: {name or response.status_code}")
        return body.get("result")

    async def me(self) -> Any:
        """The app the token belongs to: how a token is checked before it is kept."""
        return await self._call("getMe", {})

    async def create_invoice(
        self,
        amount: Decimal,
        currency: str,
        accepted_assets: str,
        description: str,
        payload: str,
        expires_in: int = INVOICE_SECONDS,
    ) -> Invoice:
        """An invoice priced in the wallet currency, payable in any accepted asset."""
        result = await self._call(
            "createInvoice",
            {
                "currency_type": "fiat",
                "fiat": currency,
                "accepted_assets": accepted_assets,
                "amount": str(amount),
                "description": description[:1024],
                "payload": payload,
                "expires_in": expires_in,
                "allow_anonymous": True,
            },
        )
        return invoice_from(result)

    async def invoices(self, invoice_ids: Sequence[int]) -> list[Invoice]:
        if not invoice_ids:
            return []
        result = await self._call(
            "getInvoices",
            {"invoice_ids": ",".join(str(i) for i in invoice_ids), "count": len(invoice_ids)},
        )
        items = result.get("items", []) if isinstance(result, dict) else []
        invoices = []
        for item in items if isinstance(items, list) else []:
            try:
                invoices.append(invoice_from(item))
            except CryptoPayError:
                continue  # one unreadable item: the others are still settled
        return invoices

    async def delete_invoice(self, invoice_id: int) -> None:
        await self._call("deleteInvoice", {"invoice_id": invoice_id})

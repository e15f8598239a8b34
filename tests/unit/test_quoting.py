"""A priced form and the order it becomes (bot/core/ordering/quoting.py)."""

from __future__ import annotations

from decimal import Decimal

from bot.core.ordering.quoting import Quote
from tests.factories import service


def test_a_quote_becomes_the_order_the_customer_confirmed() -> None:
    drip = service("Default", rate="0.90")
    answers = {"link": "https://instagram.com/x", "quantity": 1000, "dripfeed": "no"}
    quote = Quote(
        drip,
        answers,
        price=Decimal("1.17"),
        cost=Decimal("0.90"),
        currency="USD",
        balance=Decimal("1.00"),
    )
    assert quote.shortfall == Decimal("0.17")
    assert quote.balance_after == Decimal("-0.17")
    order = quote.new_order(user_id=5, client_token="t0k")
    assert (order.user_id, order.client_token, order.link) == (5, "t0k", "https://instagram.com/x")
    assert order.quantity == 1000 and order.charge == Decimal("1.17")
    assert order.fields["link"] == "https://instagram.com/x"

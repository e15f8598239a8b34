"""What showing a price needs: the markups, the customer's wallet and the currency."""

from __future__ import annotations

from dataclasses import dataclass

from bot.pricing import Pricing
from bot.shop import Shop
from bot.storage import Repository


@dataclass(frozen=True)
class Quote:
    pricing: Pricing
    repo: Repository
    shop: Shop

"""Bringing and keeping customers: promo codes, referral links and their commissions."""

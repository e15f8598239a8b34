"""A mass order's preview and report as the customer reads them."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from aiogram import html

from bot.core.ordering.mass import LineResult, MassLine, MassPreview
from bot.core.ordering.placing import Outcome
from bot.ui.render import fit, money, shorten

Translate = Callable[..., str]


def _link(line: MassLine) -> str:
    return html.quote(shorten(str(line.answers.get("link") or ""), 60))


def preview_text(t: Translate, preview: MassPreview) -> str:
    lines = [t("mass-preview-title", count=len(preview.valid), lines=len(preview.lines))]
    for line in preview.lines:
        if line.valid and line.price is not None:
            lines.append(
                t(
                    "mass-line-ok",
                    n=str(line.number),
                    id=str(line.service_id),
                    link=_link(line),
                    quantity=str(line.answers.get("quantity", "")),
                    price=money(line.price, preview.currency),
                )
            )
        elif line.problem is not None:
            # What the customer typed (an id that is no service) is escaped like any input.
            args = {
                k: html.quote(v) if isinstance(v, str) else v
                for k, v in line.problem.fluent_args().items()
            }
            why = t(line.problem.key, **args)
            lines.append(t("mass-line-bad", n=str(line.number), why=why))
    lines += [
        "",
        t("mass-total", total=money(preview.total, preview.currency)),
        t(
            "summary-balance",
            balance=money(preview.balance, preview.currency),
            after=money(preview.balance_after, preview.currency),
        ),
    ]
    return fit("\n".join(lines))


def report_text(t: Translate, results: list[LineResult], currency: str) -> str:
    placed = sum(
        1
        for r in results
        if r.placement and r.placement.outcome in {Outcome.PLACED, Outcome.ALREADY_PLACED}
    )
    lines = [t("mass-report-title", placed=placed, lines=len(results))]
    for result in results:
        n, placement = str(result.line.number), result.placement
        if placement is None:
            lines.append(t("mass-report-price-changed", n=n))
        elif placement.outcome in {Outcome.PLACED, Outcome.ALREADY_PLACED}:
            lines.append(t("mass-report-placed", n=n, id=str(placement.order_id)))
        elif placement.outcome is Outcome.UNCERTAIN:
            lines.append(t("mass-report-uncertain", n=n, id=str(placement.order_id)))
        elif placement.outcome is Outcome.NO_FUNDS:
            missing = money(placement.missing or Decimal(0), currency)
            lines.append(t("mass-report-no-funds", n=n, missing=missing))
        elif placement.outcome is Outcome.LINK_BUSY:
            lines.append(t("mass-report-link-busy", n=n))
        elif placement.order_id is not None:  # charged, refused, refunded
            lines.append(t("mass-report-refunded", n=n, id=str(placement.order_id)))
        else:
            lines.append(t("mass-report-unavailable", n=n))
    return fit("\n".join(lines))

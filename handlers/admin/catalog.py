"""Curating the catalog: /service <id> hide|show|pause|resume|feature|unfeature|rename|refill,
/category <name> hide|show|rename <new name>, /price <service> <amount>|off, /prices
<service>, and /audit. The console in the Mini App calls the same core services."""

from __future__ import annotations

from decimal import Decimal

from aiogram import Router, html
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.core.catalog.curation import FLAG_WORDS, Curation, Flag
from bot.core.catalog.guarantees import GuaranteeBook
from bot.core.catalog.pricing import Pricing
from bot.core.catalog.storefront import Storefront
from bot.core.catalog.watch import PriceWatch
from bot.core.domain import parse_id
from bot.core.money import fmt_rate, parse_decimal
from bot.core.ops.audit_store import AuditLog
from bot.core.shop import Shop
from bot.ui.refill_texts import guarantee_line
from bot.ui.render import fit, minute, rate, shorten

MAX_PRICE = Decimal(1_000_000)
AUDIT_SHOWN = 20


async def service_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    curation: Curation,
    guarantees: GuaranteeBook,
    audit: AuditLog,
) -> None:
    words = (command.args or "").split(maxsplit=2)
    service_id = parse_id(words[0]) if words else None
    action = words[1].lower() if len(words) > 1 else ""
    original = curation.original(service_id) if service_id is not None else None
    if service_id is None or (action not in FLAG_WORDS and action not in {"rename", "refill"}):
        await message.answer(i18n.get("admin-service-usage"))
        return
    if original is None:
        await message.answer(i18n.get("service-gone"))
        return
    if action in FLAG_WORDS:
        flag, on = FLAG_WORDS[action]
        await curation.set_flag(message.chat.id, service_id, flag, on)
    elif action == "rename":
        await curation.rename(message.chat.id, service_id, words[2] if len(words) > 2 else None)
    else:
        word = words[2] if len(words) > 2 else ""
        before = guarantee_line(i18n.get, await guarantees.of(original))
        if await guarantees.set_override(service_id, word) is None:
            await message.answer(i18n.get("admin-service-usage"))
            return
        await audit.record(message.chat.id, "service.refill", service_id, before, word)
    promised = guarantee_line(i18n.get, await guarantees.of(original))
    await message.answer(admin_card(i18n, curation, service_id) + "\n" + promised)


def admin_card(i18n: I18nContext, curation: Curation, service_id: int) -> str:
    """What an admin sees of a service: both names, whether customers see it, and why not."""
    original = curation.original(service_id)
    assert original is not None
    shown = curation.rules.names.get(service_id)
    lines = [i18n.get("admin-service-done", id=str(service_id))]
    lines.append(i18n.get("admin-service-panel-name", name=html.quote(shorten(original.name, 150))))
    if shown:
        lines.append(i18n.get("admin-service-shown-name", name=html.quote(shorten(shown, 150))))
    paused = curation.paused(service_id)
    state = (
        "hidden"
        if curation.is_hidden(service_id)
        else (f"paused-{paused.value}" if paused is not None else "on-sale")
    )
    lines.append(i18n.get("admin-service-state", state=state))
    if curation.rules.has(Flag.FEATURED, service_id):
        lines.append(i18n.get("admin-service-featured"))
    return "\n".join(lines)


async def category_command(
    message: Message, command: CommandObject, i18n: I18nContext, curation: Curation
) -> None:
    """/category <name> hide|show, /category <name> rename <new name>."""
    text = (command.args or "").strip()
    name, _, new_name = text.partition(" rename ")
    done: str | None = None
    if new_name.strip():
        done = await curation.rename_category(message.chat.id, name, new_name)
    elif text.lower().endswith((" hide", " show")):
        name, word = text.rsplit(" ", 1)
        done = await curation.hide_category(message.chat.id, name, word.lower() == "hide")
    else:
        await message.answer(i18n.get("admin-category-usage"))
        return
    if done is None:
        await message.answer(i18n.get("admin-markup-no-category", name=html.quote(name[:100])))
        return
    await message.answer(i18n.get("admin-category-done", name=html.quote(done)))


async def price_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    curation: Curation,
    pricing: Pricing,
    audit: AuditLog,
    shop: Shop,
) -> None:
    """/price <service> <amount per 1000> or /price <service> off (back to the markup)."""
    words = (command.args or "").split()
    service_id = parse_id(words[0]) if words else None
    original = curation.original(service_id) if service_id is not None else None
    amount: Decimal | None = None
    if len(words) == 2 and words[1].lower() != "off":
        amount = parse_decimal(words[1])
        if amount is None or not Decimal(0) < amount <= MAX_PRICE:
            service_id = None
    if service_id is None or len(words) != 2:
        await message.answer(i18n.get("admin-price-usage"))
        return
    if original is None:
        await message.answer(i18n.get("service-gone"))
        return
    before = pricing.hand_price(service_id)
    await pricing.set_hand_price(service_id, amount)
    await audit.record(message.chat.id, "service.price", service_id, before, amount)
    await curation.refresh()  # a price under the cost pauses the service at once
    lines = [
        i18n.get(
            "admin-price-set", id=str(service_id), price=rate(pricing.rate(original), shop.currency)
        )
    ]
    if curation.paused(service_id) is not None and curation.below_cost(original):
        lines.append(i18n.get("admin-price-below-cost", cost=rate(original.rate, shop.currency)))
    await message.answer("\n".join(lines))


async def prices_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    curation: Curation,
    pricing: Pricing,
    storefront: Storefront,
    price_watch: PriceWatch,
    shop: Shop,
) -> None:
    """/prices <service>: its latest cost changes on each panel and today's sale price."""
    service_id = parse_id((command.args or "").strip())
    original = curation.original(service_id) if service_id is not None else None
    if service_id is None or original is None:
        await message.answer(i18n.get("admin-prices-usage"))
        return
    lines = [
        i18n.get(
            "admin-prices-title", id=str(service_id), name=html.quote(shorten(original.name, 120))
        ),
        i18n.get(
            "admin-prices-now",
            price=rate(pricing.rate(original), shop.currency),
            cost=rate(original.rate, shop.currency),
        ),
    ]
    product = storefront.product(service_id)
    routes = (
        [(r.panel, r.service.id) for r in product.routes] if product else [("main", service_id)]
    )
    moves = []
    for panel, panel_service in routes:
        moves += [(panel, m) for m in await price_watch.history(panel, panel_service)]
    if not moves:
        lines.append(i18n.get("admin-prices-none"))
    for panel, move in moves[:15]:
        lines.append(
            i18n.get(
                "admin-prices-move",
                at=minute(move.at or 0),
                panel=panel,
                old="—" if move.old is None else fmt_rate(move.old),
                new="—" if move.new is None else fmt_rate(move.new),
            )
        )
    await message.answer(fit("\n".join(lines)))


async def audit_command(
    message: Message, command: CommandObject, i18n: I18nContext, audit: AuditLog
) -> None:
    """/audit [n]: the latest admin actions on money and the catalog."""
    count = min(parse_id((command.args or "").strip()) or AUDIT_SHOWN, 100)
    entries = await audit.latest(count)
    if not entries:
        await message.answer(i18n.get("admin-audit-empty"))
        return
    lines = [i18n.get("admin-audit-title", count=len(entries))]
    for entry in entries:
        when = minute(entry.at)
        lines.append(
            i18n.get(
                "admin-audit-line",
                at=when,
                actor=str(entry.actor),
                action=html.quote(entry.action),
                subject=html.quote(shorten(entry.subject, 60)),
                before=html.quote(shorten(entry.before or "—", 60)),
                after=html.quote(shorten(entry.after or "—", 60)),
            )
        )
    await message.answer(fit("\n".join(lines)))


def register(router: Router) -> None:
    router.message.register(service_command, Command("service"))
    router.message.register(category_command, Command("category"))
    router.message.register(price_command, Command("price"))
    router.message.register(prices_command, Command("prices"))
    router.message.register(audit_command, Command("audit"))

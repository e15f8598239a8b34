"""/shops: the parent owner's child shops — owner, customers, orders and volume in 30 days,
the reseller's wallet here — and `/shops suspend|resume <bot id>`. A suspended child answers
its customers one line; its owner still reaches it."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.core.children.service import ChildShops
from bot.core.children.shop import ChildState
from bot.core.customers.user_store import UserStore
from bot.core.domain import parse_id
from bot.core.ops.audit_store import AuditLog
from bot.core.payments.wallet_store import WalletStore
from bot.core.shop import Shop
from bot.ui.child_shops import shop_line
from bot.ui.render import split_message

VERBS = {"suspend": ChildState.SUSPENDED, "resume": ChildState.RUNNING}


async def shops_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    children: ChildShops,
    wallets: WalletStore,
    shop: Shop,
    audit: AuditLog,
    users: UserStore,
) -> None:
    words = (command.args or "").split()
    if words and words[0].lower() in VERBS:
        bot_id = parse_id(words[1]) if len(words) == 2 else None
        state = VERBS[words[0].lower()]
        changed = await children.set_state(bot_id, state) if bot_id is not None else None
        if changed is None:
            await message.answer(i18n.get("child-shops-usage"))
            return
        await audit.record(message.chat.id, "child.state", bot_id, None, state.value)
        await message.answer(i18n.get(f"child-now-{state.value}", bot_id=str(bot_id)))
        return
    found = await children.store.all()
    if not found:
        await message.answer(i18n.get("child-shops-none") + "\n\n" + i18n.get("child-shops-usage"))
        return
    lines = [i18n.get("child-shops-title", count=len(found))]
    for child in found[:50]:
        figures = await children.figures(child.bot_id)
        lines.append(
            shop_line(
                i18n,
                child,
                figures.customers if figures else None,
                figures.orders if figures else None,
                figures.volume if figures else None,
                await wallets.balance(child.owner_id),
                shop.currency,
                await users.is_banned(child.owner_id),
            )
        )
    for part in split_message("\n\n".join(lines) + "\n\n" + i18n.get("child-shops-usage")):
        await message.answer(part)


def register(router: Router) -> None:
    router.message.register(shops_command, Command("shops"))

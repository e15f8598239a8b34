"""Keyboards of money and the rest of the menu: languages, top-ups (Stars and crypto), the
shortfall under a summary, the held order, sharing a referral link, opening the shop."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_CEILING, Decimal
from urllib.parse import quote, urlencode

from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    WebAppInfo,
)
from aiogram_i18n import I18nContext

from bot.core.settings import SUPPORTED_LOCALES
from bot.ui.callbacks import (
    ApiAccess,
    ApiStep,
    ChildShopMenu,
    ConfirmOrder,
    CryptoMenu,
    CryptoTopUp,
    EnterPromo,
    FormNav,
    FormStep,
    LanguagePick,
    PlaceHeld,
    PlansMenu,
    TopUp,
)
from bot.ui.keyboards.kit import (
    INVITE_QUERY,
    MIN_CRYPTO_CENTS,
    SHARE_URL,
    TOPUP_AMOUNTS,
    Tone,
    button,
    in_rows,
    kept,
    markup,
)
from bot.ui.render import money


def languages(i18n: I18nContext) -> InlineKeyboardMarkup:
    return kept(("languages", i18n.locale), lambda: _languages(i18n))


def _languages(i18n: I18nContext) -> InlineKeyboardMarkup:
    options = [
        button(i18n.get("language-name", code), LanguagePick(code=code))
        for code in SUPPORTED_LOCALES
    ]
    return markup(*in_rows(options, 2))


def topup_keyboard(
    i18n: I18nContext,
    currency: str,
    crypto: bool = False,
    api: bool = False,
    plans: bool = False,
    own_shop: bool = False,
) -> InlineKeyboardMarkup:
    key = ("topup", i18n.locale, currency, crypto, api, plans, own_shop)
    return kept(key, lambda: _topup_keyboard(i18n, currency, crypto, api, plans, own_shop))


def _topup_keyboard(
    i18n: I18nContext, currency: str, crypto: bool, api: bool, plans: bool, own_shop: bool
) -> InlineKeyboardMarkup:
    options = [
        button(
            i18n.get("button-topup", amount=money(Decimal(n), currency)), TopUp(amount=n), Tone.GO
        )
        for n in TOPUP_AMOUNTS
    ]
    crypto_row = [button(i18n.get("button-crypto"), CryptoMenu())] if crypto else []
    promo = [button(i18n.get("button-promo"), EnterPromo())]
    api_row = [button(i18n.get("button-api-access"), ApiAccess(step=ApiStep.VIEW))] if api else []
    plans_row = [button(i18n.get("button-plans"), PlansMenu())] if plans else []
    shop_row = [button(i18n.get("button-own-shop"), ChildShopMenu())] if own_shop else []
    return markup(*in_rows(options, 2), crypto_row, plans_row, promo, api_row, shop_row)


def api_access_keyboard(i18n: I18nContext, has_key: bool, notify: bool) -> InlineKeyboardMarkup:
    create = button(
        i18n.get("button-api-rotate" if has_key else "button-api-create"),
        ApiAccess(step=ApiStep.CREATE),
        Tone.GO,
    )
    revoke = [button(i18n.get("button-api-revoke"), ApiAccess(step=ApiStep.REVOKE), Tone.STOP)]
    notices = button(
        i18n.get("button-api-notices-off" if notify else "button-api-notices-on"),
        ApiAccess(step=ApiStep.NOTIFY_OFF if notify else ApiStep.NOTIFY_ON),
    )
    return markup([create], revoke if has_key else [], [notices])


def crypto_amounts(i18n: I18nContext, currency: str) -> InlineKeyboardMarkup:
    return kept(("crypto", i18n.locale, currency), lambda: _crypto_amounts(i18n, currency))


def _crypto_amounts(i18n: I18nContext, currency: str) -> InlineKeyboardMarkup:
    options = [
        button(
            i18n.get("button-crypto-amount", amount=money(Decimal(n), currency)),
            CryptoTopUp(cents=n * 100),
            Tone.GO,
        )
        for n in TOPUP_AMOUNTS
    ]
    return markup(*in_rows(options, 2))


def pay_link(i18n: I18nContext, url: str, amount: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=i18n.get("button-crypto-pay", amount=amount), url=url)]
        ]
    )


def shortfall_keyboard(
    i18n: I18nContext, token: str, currency: str, shortfall: Decimal, crypto: bool
) -> InlineKeyboardMarkup:
    """The summary's buttons when the wallet is short: top up exactly what is missing (Stars
    buy whole units), or confirm once the money is there."""
    whole = max(1, int(shortfall.to_integral_value(rounding=ROUND_CEILING)))
    stars = button(
        i18n.get("button-topup", amount=money(Decimal(whole), currency)),
        TopUp(amount=whole),
        Tone.GO,
    )
    pay = [stars]
    if crypto:
        cents = int((shortfall * 100).to_integral_value(rounding=ROUND_CEILING))
        label = i18n.get("button-crypto-amount", amount=money(shortfall, currency))
        pay.append(button(label, CryptoTopUp(cents=max(cents, MIN_CRYPTO_CENTS))))
    return markup(
        pay,
        [button(i18n.get("button-confirm"), ConfirmOrder(token=token), Tone.GO)],
        [
            button(i18n.get("button-edit"), FormNav(action=FormStep.EDIT)),
            button(i18n.get("button-cancel"), FormNav(action=FormStep.CANCEL), Tone.STOP),
        ],
    )


def place_held_keyboard(t: Callable[..., str], token: str) -> InlineKeyboardMarkup:
    return markup(
        [button(t("button-place-now"), PlaceHeld(token=token), Tone.GO)],
        [button(t("button-cancel"), FormNav(action=FormStep.CANCEL), Tone.STOP)],
    )


def share_keyboard(i18n: I18nContext, link: str) -> InlineKeyboardMarkup:
    """Telegram's own share sheet with the link and an invitation in the sharer's language."""
    query = urlencode({"url": link, "text": i18n.get("referral-share-text")}, quote_via=quote)
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=i18n.get("button-share"), url=f"{SHARE_URL}?{query}")],
            # A card with a button into the shop, sent to a chat the customer picks (inline).
            [
                InlineKeyboardButton(
                    text=i18n.get("button-share-card"), switch_inline_query=INVITE_QUERY
                )
            ],
        ]
    )


def open_shop(i18n: I18nContext, url: str) -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(text=i18n.get("button-open-shop"), web_app=WebAppInfo(url=url))
    return InlineKeyboardMarkup(inline_keyboard=[[button]])

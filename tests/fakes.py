"""A Bot whose session records every API call and answers like Telegram would."""

from __future__ import annotations

import itertools
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.base import BaseSession
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter
from aiogram.methods import (
    AnswerCallbackQuery,
    CreateForumTopic,
    CreateInvoiceLink,
    EditMessageReplyMarkup,
    EditMessageText,
    GetMe,
    RefundStarPayment,
    SavePreparedInlineMessage,
    SendMessage,
    SendPhoto,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType
from aiogram.types import (
    CallbackQuery,
    Chat,
    ForumTopic,
    InlineKeyboardMarkup,
    Message,
    PreparedInlineMessage,
    Update,
    User,
)

from tests.telegram_html import html_error


def _refuse_bad_html(method: TelegramMethod[Any]) -> None:
    """The bot's default parse mode is HTML: a text it sends must parse as Telegram's HTML,
    or Telegram refuses the whole message."""
    if isinstance(method, SendMessage | EditMessageText):
        text, mode = method.text, method.parse_mode
    elif isinstance(method, SendPhoto):
        text, mode = method.caption or "", method.parse_mode
    else:
        return
    if mode is None:  # sent as plain text
        return
    error = html_error(text or "")
    if error is not None:
        raise TelegramBadRequest(method=method, message=f"Bad Request: {error}")  # type: ignore[misc]


BOT_ID = 123456
TOKEN = f"{BOT_ID}:TEST-TOKEN-SECRET"


class RecordingSession(BaseSession):
    def __init__(self, like_telegram: bool = True) -> None:
        super().__init__()
        self._like_telegram = like_telegram
        self.calls: list[TelegramMethod[Any]] = []
        self._ids = itertools.count(1000)
        self.fail_next: list[Exception] = []
        self.blocked: set[int] = set()
        # Like Telegram: a callback query is answered once; an edit must change something.
        self.answered: set[str] = set()
        self.markups: dict[tuple[int, int], Any] = {}
        self.refunded: set[str] = set()  # Stars charges refunded: a second refund is refused

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        if self.fail_next:
            raise self.fail_next.pop(0)
        if isinstance(method, SendMessage) and int(method.chat_id) in self.blocked:
            raise TelegramForbiddenError(
                method=method, message="Forbidden: bot was blocked by the user"
            )
        self._refuse_like_telegram(method)
        self.calls.append(method)
        if isinstance(method, SendMessage | EditMessageText):
            chat_id = int(method.chat_id or 0)
            return Message(  # type: ignore[return-value]
                message_id=getattr(method, "message_id", None) or next(self._ids),
                date=datetime.now(tz=UTC),
                chat=Chat(id=chat_id, type="private"),
                text=method.text,
                reply_markup=method.reply_markup
                if isinstance(method.reply_markup, InlineKeyboardMarkup)
                else None,
            ).as_(bot)  # like aiogram's own answers: the message can be edited
        if isinstance(method, CreateInvoiceLink):
            return f"https://t.me/$invoice{len(self.calls)}"  # type: ignore[return-value]
        if isinstance(method, CreateForumTopic):
            return ForumTopic(  # type: ignore[return-value]
                message_thread_id=next(self._ids), name=method.name, icon_color=7322096
            )
        if isinstance(method, SavePreparedInlineMessage):
            return PreparedInlineMessage(  # type: ignore[return-value]
                id=f"prepared-{len(self.calls)}", expiration_date=datetime.now(tz=UTC)
            )
        if isinstance(method, GetMe):
            return User(id=BOT_ID, is_bot=True, first_name="Bot", username="smm_test_bot")  # type: ignore[return-value]
        return True  # type: ignore[return-value]

    def _refuse_like_telegram(self, method: TelegramMethod[Any]) -> None:
        if not self._like_telegram:  # benchmarks replay the same updates on purpose
            return
        _refuse_bad_html(method)
        if isinstance(method, AnswerCallbackQuery):
            if method.callback_query_id in self.answered:
                raise TelegramBadRequest(
                    method=method,
                    message="Bad Request: query is too old and response timeout expired "
                    "or query ID is invalid",
                )
            self.answered.add(method.callback_query_id)
        if isinstance(method, RefundStarPayment):
            charge = method.telegram_payment_charge_id
            if charge in self.refunded:
                raise TelegramBadRequest(
                    method=method, message="Bad Request: CHARGE_ALREADY_REFUNDED"
                )
            self.refunded.add(charge)
        if isinstance(method, EditMessageReplyMarkup) and method.message_id is not None:
            key = (int(method.chat_id or 0), method.message_id)
            if key in self.markups and self.markups[key] == method.reply_markup:
                raise TelegramBadRequest(
                    method=method,
                    message="Bad Request: message is not modified: specified new message "
                    "content and reply markup are exactly the same",
                )
            self.markups[key] = method.reply_markup

    async def close(self) -> None:
        pass

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        yield b""

    # -- reading what the bot did -------------------------------------------------------

    def sent(self, chat_id: int | None = None) -> list[SendMessage | EditMessageText]:
        return [
            c
            for c in self.calls
            if isinstance(c, SendMessage | EditMessageText)
            and (chat_id is None or int(c.chat_id or 0) == chat_id)
        ]

    def texts(self, chat_id: int | None = None) -> list[str]:
        """What the user reads, in order: messages' texts and photos' captions."""
        return [
            (c.caption if isinstance(c, SendPhoto) else c.text) or ""
            for c in self.calls
            if isinstance(c, SendMessage | EditMessageText | SendPhoto)
            and (chat_id is None or int(c.chat_id or 0) == chat_id)
        ]

    def last(self, chat_id: int) -> SendMessage | EditMessageText:
        return self.sent(chat_id)[-1]

    def alerts(self) -> list[str]:
        return [c.text or "" for c in self.calls if isinstance(c, AnswerCallbackQuery)]

    def clear(self) -> None:
        self.calls.clear()


def make_bot(like_telegram: bool = True) -> tuple[Bot, RecordingSession]:
    session = RecordingSession(like_telegram)
    bot = Bot(TOKEN, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    return bot, session


_update_ids = itertools.count(1)


def user(user_id: int, language: str = "en") -> User:
    return User(
        id=user_id,
        is_bot=False,
        first_name=f"User{user_id}",
        username=f"user{user_id}",
        language_code=language,
    )


def text_update(user_id: int, text: str, language: str = "en") -> Update:
    entities = None
    if text.startswith("/"):
        from aiogram.types import MessageEntity

        entities = [MessageEntity(type="bot_command", offset=0, length=len(text.split()[0]))]
    return Update(
        update_id=next(_update_ids),
        message=Message(
            message_id=next(_update_ids),
            date=datetime.now(tz=UTC),
            chat=Chat(id=user_id, type="private"),
            from_user=user(user_id, language),
            text=text,
            entities=entities,
        ),
    )


def callback_update(
    user_id: int, data: str, message: Message | None = None, language: str = "en"
) -> Update:
    message = message or Message(
        message_id=1, date=datetime.now(tz=UTC), chat=Chat(id=user_id, type="private"), text="…"
    )
    return Update(
        update_id=next(_update_ids),
        callback_query=CallbackQuery(
            id=str(next(_update_ids)),
            from_user=user(user_id, language),
            chat_instance="ci",
            data=data,
            message=message,
        ),
    )


def buttons(markup: Any) -> list[tuple[str, str]]:
    if not isinstance(markup, InlineKeyboardMarkup):
        return []
    return [(b.text, b.callback_data or "") for row in markup.inline_keyboard for b in row]


def links(markup: Any) -> list[tuple[str, str]]:
    """(text, url) of a keyboard's link buttons."""
    if not isinstance(markup, InlineKeyboardMarkup):
        return []
    return [(b.text, b.url) for row in markup.inline_keyboard for b in row if b.url]


def retry_after(seconds: int) -> TelegramRetryAfter:
    return TelegramRetryAfter(
        method=SendMessage(chat_id=1, text="x"), message="Too Many Requests", retry_after=seconds
    )


__all__ = ["EditMessageReplyMarkup"]

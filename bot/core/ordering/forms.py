"""What each service type needs from the customer, and validation of every answer.

Pure functions: the order conversation asks `fields_for(service)` in order, validates each
answer with `validate`, and turns the answers into the panel's `add` fields and the number
of units the price is computed on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from bot.core.domain import PACKAGE_TYPES, normalize_type
from bot.core.ordering.links import (
    ANY_LINK_EXAMPLE,
    clean_link,
    link_example,
    link_platform,
    service_platform,
    split_link,
)
from bot.core.panels import Service

Answers = dict[str, Any]

MAX_LINK_LENGTH = 500
MAX_LINE_LENGTH = 500
MAX_LINES = 10_000
MAX_TEXT_LENGTH = 100
MAX_RUNS = 1_000
MAX_INTERVAL_MINUTES = 1_440
SUBSCRIPTION_DELAYS = (
    0,
    5,
    10,
    15,
    20,
    30,
    40,
    50,
    60,
    90,
    120,
    150,
    180,
    210,
    240,
    270,
    300,
    360,
    420,
    480,
    540,
    600,
)
PACKAGE_UNITS = 1000  # a package is charged its rate once: rate is "per 1000", so 1000 units

_USERNAME = re.compile(r"^[A-Za-z0-9._]{1,64}$")
_HASHTAG = re.compile(r"^\w{1,100}$")
_DOMAIN = re.compile(r"^[^\s/]+\.[^\s/]{2,}$")


class Kind(StrEnum):
    LINK = "link"
    QUANTITY = "quantity"
    NUMBER = "number"
    LINES = "lines"
    USERNAME = "username"
    HASHTAG = "hashtag"
    TEXT = "text"
    CHOICE = "choice"
    DATE = "date"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: Kind
    optional: bool = False
    choices: tuple[str, ...] = ()
    min_value: int = 1
    max_value: int = 2_147_483_647
    # Lines whose count is the order's quantity (custom comments, custom mention lists).
    counts_as_quantity: bool = False
    # Sent to the panel? Drip-feed's yes/no question only decides what else is asked.
    sent: bool = True
    when: Callable[[Answers], bool] | None = field(default=None, compare=False)

    def applies(self, answers: Answers) -> bool:
        return self.when is None or self.when(answers)


@dataclass(frozen=True)
class Invalid:
    """A rejected answer: a locale key for the hint and its arguments."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)

    # Counts stay numbers so the locale can choose a plural form; limits are shown as typed.
    COUNTS = frozenset({"count"})

    def fluent_args(self) -> dict[str, Any]:
        return {k: v if k in self.COUNTS else str(v) for k, v in self.args.items()}


def _dripfeed_on(answers: Answers) -> bool:
    return answers.get("dripfeed") == "yes"


LINK = FieldSpec("link", Kind.LINK)
QUANTITY = FieldSpec("quantity", Kind.QUANTITY)
DRIPFEED = FieldSpec("dripfeed", Kind.CHOICE, choices=("no", "yes"), sent=False)
RUNS = FieldSpec("runs", Kind.NUMBER, min_value=2, max_value=MAX_RUNS, when=_dripfeed_on)
INTERVAL = FieldSpec(
    "interval", Kind.NUMBER, min_value=1, max_value=MAX_INTERVAL_MINUTES, when=_dripfeed_on
)
COMMENTS_AS_QUANTITY = FieldSpec("comments", Kind.LINES, counts_as_quantity=True)
COMMENTS = FieldSpec("comments", Kind.LINES)
USERNAMES = FieldSpec("usernames", Kind.LINES)
USERNAMES_AS_QUANTITY = FieldSpec("usernames", Kind.LINES, counts_as_quantity=True)
HASHTAGS = FieldSpec("hashtags", Kind.LINES)
KEYWORDS = FieldSpec("keywords", Kind.LINES)
GROUPS = FieldSpec("groups", Kind.LINES)
HASHTAG = FieldSpec("hashtag", Kind.HASHTAG)
USERNAME = FieldSpec("username", Kind.USERNAME)
MEDIA = FieldSpec("media", Kind.LINK)
ANSWER_NUMBER = FieldSpec("answer_number", Kind.NUMBER, min_value=1, max_value=100)
SUB_MIN = FieldSpec("min", Kind.QUANTITY)
SUB_MAX = FieldSpec("max", Kind.QUANTITY)
# Posts is optional on the panel (unlimited); the bot needs it to know the price up front.
POSTS = FieldSpec("posts", Kind.NUMBER, min_value=1, max_value=10_000)
OLD_POSTS = FieldSpec("old_posts", Kind.NUMBER, optional=True, min_value=0, max_value=1_000)
DELAY = FieldSpec("delay", Kind.CHOICE, choices=tuple(str(d) for d in SUBSCRIPTION_DELAYS))
EXPIRY = FieldSpec("expiry", Kind.DATE, optional=True)
COUNTRY = FieldSpec("country", Kind.TEXT)
DEVICE = FieldSpec("device", Kind.CHOICE, choices=("1", "2", "3", "4", "5"))
TRAFFIC_TYPE = FieldSpec("type_of_traffic", Kind.CHOICE, choices=("1", "2", "3"))
GOOGLE_KEYWORD = FieldSpec(
    "google_keyword", Kind.TEXT, when=lambda answers: answers.get("type_of_traffic") == "1"
)
REFERRING_URL = FieldSpec(
    "referring_url", Kind.LINK, when=lambda answers: answers.get("type_of_traffic") == "2"
)

FORMS: dict[str, tuple[FieldSpec, ...]] = {
    "default": (LINK, QUANTITY, DRIPFEED, RUNS, INTERVAL),
    "package": (LINK,),
    "seo": (LINK, QUANTITY, KEYWORDS),
    "custom comments": (LINK, COMMENTS_AS_QUANTITY),
    "custom comments package": (LINK, COMMENTS),
    "mentions": (LINK, QUANTITY, USERNAMES),
    "mentions with hashtags": (LINK, QUANTITY, USERNAMES, HASHTAGS),
    "mentions custom list": (LINK, USERNAMES_AS_QUANTITY),
    "mentions hashtag": (LINK, QUANTITY, HASHTAG),
    "mentions user followers": (LINK, QUANTITY, USERNAME),
    "mentions media likers": (LINK, QUANTITY, MEDIA),
    "comment likes": (LINK, QUANTITY, USERNAME),
    "comment replies": (LINK, USERNAME, COMMENTS_AS_QUANTITY),
    "poll": (LINK, QUANTITY, ANSWER_NUMBER),
    "invites from groups": (LINK, QUANTITY, GROUPS),
    "subscriptions": (USERNAME, SUB_MIN, SUB_MAX, POSTS, OLD_POSTS, DELAY, EXPIRY),
    "web traffic": (
        LINK,
        QUANTITY,
        DRIPFEED,
        RUNS,
        INTERVAL,
        COUNTRY,
        DEVICE,
        TRAFFIC_TYPE,
        GOOGLE_KEYWORD,
        REFERRING_URL,
    ),
}


def type_key(service: Service) -> str:
    return normalize_type(service.type)


def is_orderable(service: Service) -> bool:
    return type_key(service) in FORMS


DRIP_FEED_FIELDS = frozenset({DRIPFEED, RUNS, INTERVAL})


def fields_for(service: Service) -> tuple[FieldSpec, ...]:
    """The service type's fields; drip-feed only where the service offers it."""
    fields = FORMS[type_key(service)]
    if service.dripfeed:
        return fields
    return tuple(spec for spec in fields if spec not in DRIP_FEED_FIELDS)


def _runs(service: Service, answers: Answers) -> int:
    return int(answers["runs"]) if service.dripfeed and _dripfeed_on(answers) else 1


def next_field(service: Service, answers: Answers) -> FieldSpec | None:
    """The first field that applies and has no answer yet; None when the form is complete."""
    for spec in fields_for(service):
        if spec.name not in answers and spec.applies(answers):
            return spec
    return None


def previous_field(service: Service, answers: Answers) -> FieldSpec | None:
    """The last answered field, for the Back button."""
    answered = [spec for spec in fields_for(service) if spec.name in answers]
    return answered[-1] if answered else None


def _bounded_int(text: str, low: int, high: int) -> int | Invalid:
    cleaned = text.strip().replace(" ", "").replace("_", "").replace(",", "")
    # isdecimal, not isdigit: "²" is a digit that int() refuses; "١٢" is twelve.
    if not cleaned.isdecimal() or len(cleaned) > 12:
        return Invalid("invalid-number", {"min": low, "max": high})
    value = int(cleaned)
    if not low <= value <= high:
        return Invalid("invalid-range", {"min": low, "max": high})
    return value


def normalize_link(text: str) -> str | Invalid:
    link = text.strip()
    if len(link) > MAX_LINK_LENGTH:
        return Invalid("invalid-too-long", {"max": MAX_LINK_LENGTH})
    host = link.split("/")[0].split("?")[0]
    if "://" not in link and _DOMAIN.match(host):
        link = "https://" + link  # customers often paste "instagram.com/name"
    if any(_unsafe_in_link(char) for char in link):
        return Invalid("invalid-link", {"example": ANY_LINK_EXAMPLE})
    parts = split_link(link)
    if parts is None or parts.scheme not in {"http", "https"} or not _DOMAIN.match(parts.netloc):
        return Invalid("invalid-link", {"example": ANY_LINK_EXAMPLE})
    return link


def _link_for(spec: FieldSpec, text: str, service: Service) -> str | Invalid:
    """The link as the panel gets it: checked, then cleaned; the order's own link must be
    of the service's platform where both are known."""
    link = normalize_link(text)
    if isinstance(link, Invalid):
        if link.key == "invalid-link":  # the hint shows a link of the service's own platform
            return Invalid(link.key, {"example": link_example(service.name, service.category)})
        return link
    link = clean_link(link)
    if spec.name == "link":
        wanted = service_platform(service.name, service.category)
        given = link_platform(link)
        if wanted and given and wanted != given:
            return Invalid("invalid-link-platform", {"service": wanted, "link": given})
    return link


def _unsafe_in_link(char: str) -> bool:
    """What no link a panel accepts contains unencoded: spaces of any kind, the characters
    URLs reserve against (`<>"` …), control characters, and invisible formatting (an RTL
    override or a zero-width space would make the link read as something else)."""
    return char.isspace() or char in '<>"{}|\\^`' or unicodedata.category(char) in {"Cc", "Cf"}


def _lines(text: str, spec: FieldSpec, service: Service) -> list[str] | Invalid:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return Invalid("invalid-lines-empty")
    if any(len(line) > MAX_LINE_LENGTH for line in lines):
        return Invalid("invalid-line-too-long", {"max": MAX_LINE_LENGTH})
    if len(lines) > MAX_LINES:
        return Invalid("invalid-lines-count", {"count": len(lines), "min": 1, "max": MAX_LINES})
    if spec.counts_as_quantity and not service.min <= len(lines) <= service.max:
        return Invalid(
            "invalid-lines-count", {"count": len(lines), "min": service.min, "max": service.max}
        )
    return lines


def _expiry(text: str) -> str | Invalid:
    try:
        day = datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        return Invalid("invalid-date")
    if day <= date.today():
        return Invalid("invalid-date-past")
    return day.strftime("%d/%m/%Y")


def validate(spec: FieldSpec, text: str, service: Service, answers: Answers) -> Any | Invalid:
    """The stored (JSON-safe) value of a typed answer, or why it was refused."""
    if spec.kind is Kind.LINK:
        return _link_for(spec, text, service)
    if spec.kind is Kind.QUANTITY:
        low = service.min
        if spec.name == "max":  # subscriptions: max is at least the chosen min
            low = max(service.min, int(answers.get("min", service.min)))
        return _bounded_int(text, low, service.max)
    if spec.kind is Kind.NUMBER:
        return _bounded_int(text, spec.min_value, spec.max_value)
    if spec.kind is Kind.LINES:
        return _lines(text, spec, service)
    if spec.kind is Kind.USERNAME:
        name = text.strip().removeprefix("@")
        return name if _USERNAME.match(name) else Invalid("invalid-username")
    if spec.kind is Kind.HASHTAG:
        tag = text.strip().removeprefix("#")
        return tag if _HASHTAG.match(tag) else Invalid("invalid-hashtag")
    if spec.kind is Kind.TEXT:
        value = text.strip()
        if not value:
            return Invalid("invalid-empty")
        if len(value) > MAX_TEXT_LENGTH:
            return Invalid("invalid-too-long", {"max": MAX_TEXT_LENGTH})
        return value
    if spec.kind is Kind.DATE:
        return _expiry(text)
    if spec.kind is Kind.CHOICE:
        value = text.strip()
        return value if value in spec.choices else Invalid("invalid-choice")
    raise AssertionError(f"unhandled kind {spec.kind}")


def units(service: Service, answers: Answers) -> int:
    """How many units the price is computed on (rate is per 1000 units)."""
    key = type_key(service)
    if key in PACKAGE_TYPES:
        return PACKAGE_UNITS
    if key == "subscriptions":
        # The most the subscription can deliver: max per post × posts.
        return int(answers["max"]) * int(answers["posts"])
    if "quantity" in answers:
        return int(answers["quantity"]) * _runs(service, answers)
    for spec in fields_for(service):
        if spec.counts_as_quantity:
            return len(answers[spec.name])
    return PACKAGE_UNITS


def ordered_quantity(service: Service, answers: Answers) -> int:
    """The quantity the panel's `remains` is measured against."""
    if "quantity" in answers:
        return int(answers["quantity"]) * _runs(service, answers)
    return units(service, answers)


def panel_fields(service: Service, answers: Answers) -> dict[str, str]:
    """The `add` fields, exactly as the panel expects them."""
    result: dict[str, str] = {}
    for spec in fields_for(service):
        if not spec.sent or spec.name not in answers or not spec.applies(answers):
            continue
        value = answers[spec.name]
        if value is None:
            continue
        result[spec.name] = "\n".join(value) if isinstance(value, list) else str(value)
    return result


def choice_label(translate: Callable[..., str], field_name: str, value: str) -> str:
    """Button label of a choice: delays are numbers, other choices have their own text."""
    if field_name == "delay":
        return translate("choice-delay", value=value)
    return translate(f"choice-{field_name}-{value}")


def check_form(
    service: Service, submitted: Mapping[str, str]
) -> tuple[Answers, dict[str, Invalid]]:
    """A whole form at once (the Mini App sends every field together) under the same rules as
    the chat's one-by-one questions: each field that applies, in order, checked by
    `validate`. Returns the answers and, per field, what is wrong with it."""
    answers: Answers = {}
    errors: dict[str, Invalid] = {}
    for spec in fields_for(service):
        if not spec.applies(answers):
            continue
        text = str(submitted.get(spec.name) or "").strip()
        if not text and spec.optional:
            answers[spec.name] = None
            continue
        value = validate(spec, text, service, answers) if text else Invalid("field-missing")
        if isinstance(value, Invalid):
            errors[spec.name] = value
            continue
        answers[spec.name] = value
    return answers, errors

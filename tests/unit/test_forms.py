"""What each service type asks and how answers are checked (bot/core/ordering/forms.py)."""

from __future__ import annotations

import pytest

from bot.core.ordering.forms import (
    FORMS,
    Invalid,
    fields_for,
    is_orderable,
    normalize_link,
    panel_fields,
    units,
    validate,
)
from tests.factories import (
    service,
)


def test_drip_feed_counts_runs_and_comments_count_lines() -> None:
    assert units(service(), {"quantity": 100, "dripfeed": "yes", "runs": 4, "interval": 5}) == 400
    assert units(service(), {"quantity": 100, "dripfeed": "no"}) == 100
    assert units(service("Custom Comments", low=1), {"comments": ["a", "b", "c"]}) == 3
    assert units(service("Package"), {"link": "https://a.b"}) == 1000
    assert units(service("Subscriptions"), {"max": 200, "posts": 5}) == 1000


def test_every_api_type_has_a_form_and_unknown_types_are_not_orderable() -> None:
    for kind in (
        "Default",
        "Package",
        "SEO",
        "Custom Comments",
        "Custom Comments Package",
        "Mentions",
        "Mentions with Hashtags",
        "Mentions Custom List",
        "Mentions Hashtag",
        "Mentions User Followers",
        "Mentions Media Likers",
        "Comment Likes",
        "Comment Replies",
        "Poll",
        "Invites from Groups",
        "Subscriptions",
        "Web Traffic",
    ):
        assert is_orderable(service(kind)), kind
    assert not is_orderable(service("Hologram Likes"))
    assert len(FORMS) == 17


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://instagram.com/p/abc", "https://instagram.com/p/abc"),
        ("instagram.com/name", "https://instagram.com/name"),
        ("t.me/channel", "https://t.me/channel"),
    ],
)
def test_links_are_normalised(text: str, expected: str) -> None:
    assert normalize_link(text) == expected


@pytest.mark.parametrize(
    "text", ["hello", "ftp://x.y", "https://nodot", "https://a.b/" + "x" * 600, "http://a b.com"]
)
def test_bad_links_are_refused(text: str) -> None:
    assert isinstance(normalize_link(text), Invalid)


def test_quantity_is_an_integer_within_the_service_bounds() -> None:
    spec = fields_for(service())[1]
    assert validate(spec, "1 000", service(), {}) == 1000
    assert isinstance(validate(spec, "49", service(), {}), Invalid)
    assert isinstance(validate(spec, "10001", service(), {}), Invalid)
    assert isinstance(validate(spec, "-5", service(), {}), Invalid)
    assert isinstance(validate(spec, "1e9", service(), {}), Invalid)


def test_panel_fields_join_lines_and_skip_what_is_not_sent() -> None:
    answers = {"link": "https://a.b/c", "quantity": 100, "dripfeed": "no"}
    assert panel_fields(service(), answers) == {"link": "https://a.b/c", "quantity": "100"}
    comments = {"link": "https://a.b/c", "comments": ["one", "two"]}
    assert panel_fields(service("Custom Comments", low=1), comments) == {
        "link": "https://a.b/c",
        "comments": "one\ntwo",
    }


def test_drip_feed_is_neither_offered_nor_counted_where_the_service_says_no() -> None:
    """Issue 34: the form offered runs for `"dripfeed": false` services and charged them."""
    plain = service(dripfeed=False)
    assert [spec.name for spec in fields_for(plain)] == ["link", "quantity"]
    answers = {"quantity": 100, "dripfeed": "yes", "runs": 1000, "interval": 5}
    assert units(plain, answers) == 100
    assert panel_fields(plain, {"link": "https://a.b/c", **answers}) == {
        "link": "https://a.b/c",
        "quantity": "100",
    }
    assert "runs" in [spec.name for spec in fields_for(service(dripfeed=True))]


@pytest.mark.parametrize(
    ("name", "example"),
    [
        ("Telegram Channel Members", "https://t.me/"),
        ("YouTube Views", "https://youtube.com/"),
        ("TikTok Likes", "https://tiktok.com/"),
        ("Instagram Followers", "https://instagram.com/"),
    ],
)
def test_the_link_step_names_the_services_own_platform(name: str, example: str) -> None:
    """Issue 34: the example was always Instagram's, even for services that then refused an
    Instagram link."""
    from bot.core.ordering.forms import LINK
    from bot.core.panels import Service
    from bot.ui.i18n import Translator, create_core
    from bot.ui.order_texts import field_prompt

    found = Service.from_panel(
        {"service": 9, "name": name, "category": name, "rate": "1", "min": 10, "max": 100}
    )
    translate = Translator(create_core("en"))

    def t(key: str, **args: object) -> str:
        return translate(key, "en", **args)

    assert example in field_prompt(t, LINK, found, {})
    refused = validate(LINK, "not a link", found, {})
    assert isinstance(refused, Invalid)
    assert example in t(refused.key, **refused.fluent_args())

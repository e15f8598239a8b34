"""The catalog autopilot's plain rules: what moved between two listings (watch.diff) and the
customers' catalog from the panels' views and the admins' rules (curation.curate)."""

from __future__ import annotations

from decimal import Decimal

from bot.core.catalog.curation import Flag, PauseReason, Rules, curate, margin_percent, parse_rules
from bot.core.catalog.watch import Listed, diff
from bot.core.panels import Service

D = Decimal


def service(sid: int, category: str = "Likes", rate: str = "1.00", name: str = "") -> Service:
    return Service.from_panel(
        {"service": sid, "name": name or f"Service {sid}", "rate": rate, "min": 10, "max": 100,
         "category": category}
    )  # fmt: skip


def test_diff_names_every_cost_move_and_what_appeared_or_vanished() -> None:
    before = {("a", 1): Listed("One", D("1.00")), ("a", 2): Listed("Two", D("2.00")),
              ("b", 1): Listed("Other", D("5"))}  # fmt: skip
    now = {("a", 1): Listed("One", D("1.50")), ("a", 3): Listed("Three", D("3")),
           ("b", 1): Listed("Other", D("4"))}  # fmt: skip
    changes = diff(before, now)
    assert [(m.panel, m.service_id) for m in changes.dearer] == [("a", 1)]
    assert [(m.panel, m.service_id) for m in changes.cheaper] == [("b", 1)]
    assert [m.service_id for m in changes.appeared] == [3]
    assert [m.service_id for m in changes.vanished] == [2]
    assert [m.service_id for m in changes.largest()] == [1, 1]  # +50 % before −20 %
    assert changes.largest()[0].percent == D(50)
    digest = changes.digest()
    assert (digest["dearer"], digest["cheaper"], digest["vanished"], digest["appeared"]) == (
        1,
        1,
        1,
        1,
    )
    assert not diff(now, now).moves


def test_curate_hides_renames_features_and_pauses_for_the_right_reason() -> None:
    views = [service(1), service(2), service(3, "Views"), service(4, "Secret"), service(5)]
    rules = parse_rules(
        {
            "curate:hidden:2": "1",
            "curate:featured:5": "1",
            "curate:paused:3": "1",
            "curate:name:1": "Best likes",
            "curate:cat-hidden:secret": "1",
            "curate:cat-name:views": "Video views",
            "curate:unknown:9": "1",  # a hand-edited row: ignored
        }
    )
    gone = service(6, "Views")
    cheap = {5}
    curated = curate(views, [gone, service(1)], rules, lambda s: s.id in cheap)
    shown = {s.id: s for s in curated.services}
    assert set(shown) == {1, 3, 5, 6} and curated.hidden == {2, 4}
    assert shown[1].name == "Best likes" and curated.originals[1].name == "Service 1"
    assert shown[3].category == "Video views" == shown[6].category
    assert [s.id for s in curated.services][:2] == [5, 1]  # featured leads its category
    assert curated.featured == (5,)
    assert curated.paused == {
        3: PauseReason.ADMIN,
        6: PauseReason.VANISHED,  # listed by no panel: kept from its last view
        5: PauseReason.BELOW_COST,
    }
    assert 1 not in curated.paused  # a vanished copy of a listed service changes nothing


def test_an_admin_pause_outlasts_a_comeback_and_rules_read_only_what_they_know() -> None:
    rules = Rules(flags={Flag.PAUSED: frozenset({7})})
    assert curate([service(7)], [], rules, lambda s: True).paused == {7: PauseReason.ADMIN}
    assert margin_percent(D("1.25"), D("1.00")) == D(20)
    assert margin_percent(D(0), D(1)) == 0

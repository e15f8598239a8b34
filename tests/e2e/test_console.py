"""The operator's console in headless Chromium, in the whole bot as a process: an admin hides a
service and renames another in the console, then a customer's search in the chat no longer
finds the first and shows the new name of the second; a non-admin opening the console sees a
refusal and every admin endpoint answers 403. A screenshot of every console screen at a
phone's width and a desktop's (under the test's temporary folder)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.stand import ADMIN_ID, TOKEN, Customer, Stand
from tests.e2e.test_mini_app import browser, stand  # noqa: F401 - the module's fixtures
from tests.webapp_support import launch_fragment, signed_init_data

pytestmark = pytest.mark.e2e

SEO, COMMENTS = 3, 4
SECTIONS = ("catalog", "attention", "panels", "stats", "audit", "settings", "shops")
WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}


def console_page(browser: Browser, stand: Stand, user_id: int, size: tuple[int, int]) -> Page:  # noqa: F811
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    fragment = launch_fragment(signed_init_data(TOKEN, user_id))
    page.goto(f"{stand.web_url}/app/#{fragment}&console=1")  # type: ignore[attr-defined]
    return page


def admin_call(stand: Stand, path: str, body: dict[str, object]) -> httpx.Response:  # noqa: F811
    headers = {"X-Telegram-Init-Data": signed_init_data(TOKEN, ADMIN_ID)}
    return httpx.post(f"{stand.web_url}/app/api/admin/{path}", json=body, headers=headers)  # type: ignore[attr-defined]


@pytest.fixture
def curated(stand: Stand) -> Iterator[None]:  # noqa: F811
    """Whatever the console changes is put back for the module's other tests."""
    yield
    admin_call(stand, "catalog", {"ids": [SEO], "action": "show"})
    admin_call(stand, "catalog", {"ids": [COMMENTS], "action": "rename", "value": ""})


def test_an_admin_curates_in_the_console_and_customers_see_it(
    stand: Stand,  # noqa: F811
    browser: Browser,  # noqa: F811
    tmp_path: Path,
    curated: None,
) -> None:
    Customer(stand, ADMIN_ID, first_name="Admin").ask("/start", "Hello")
    page = console_page(browser, stand, ADMIN_ID, WIDTHS["phone"])
    page.wait_for_selector("#tab-console.on")
    page.wait_for_selector("#console-table tbody tr")
    page.fill("#console-search", "Keyword Traffic")
    page.wait_for_selector(f"#console-table tr[data-id='{SEO}']")
    page.check(f"#console-table tr[data-id='{SEO}'] .pick")
    page.select_option("#console-action", "hide")
    page.click("#console-apply")
    page.wait_for_selector(f"#console-table tr[data-id='{SEO}'][data-status='hidden']")
    page.fill("#console-search", "Custom Comments")
    page.wait_for_selector(f"#console-table tr[data-id='{COMMENTS}']")
    page.check(f"#console-table tr[data-id='{COMMENTS}'] .pick")
    page.select_option("#console-action", "rename")
    page.fill("#console-value", "Handmade Comments")
    page.click("#console-apply")
    # Admins see both names.
    row = page.wait_for_selector(
        f"#console-table tr[data-id='{COMMENTS}'] td.name:has-text('Handmade')"
    )
    assert row is not None and "Instagram Custom Comments" in row.inner_text()
    page.click(f"#console-table tr[data-id='{COMMENTS}'] button.history")
    page.wait_for_selector("#console-history")
    page.wait_for_selector("#console-records .panel-record[data-panel='main']")
    page.screenshot(path=str(tmp_path / "phone-catalog-history.png"), full_page=True)
    # Sortable columns (issue 36): the cost, cheapest first, then dearest first.
    page.fill("#console-search", "Followers")
    page.click("#sort-cost")
    page.wait_for_selector("#console-table th[data-column='cost'][aria-sort='ascending']")
    page.wait_for_timeout(300)
    costs = [
        float(c) for c in page.locator("#console-table tbody td.num:nth-child(6)").all_inner_texts()
    ]
    assert costs == sorted(costs) and len(costs) > 5
    page.click("#sort-cost")
    page.wait_for_selector("#console-table th[data-column='cost'][aria-sort='descending']")
    page.wait_for_timeout(300)
    costs = [
        float(c) for c in page.locator("#console-table tbody td.num:nth-child(6)").all_inner_texts()
    ]
    assert costs == sorted(costs, reverse=True)
    page.fill("#console-search", "")

    customer = Customer(stand, 9601)
    customer.ask("/start", "Hello")
    customer.ask("New order", "Choose a category")
    assert "Nothing found" in customer.ask("Keyword Traffic", "Keyword Traffic")["text"]
    found = customer.ask("Handmade Comments", "Found")
    labels = [b["text"] for r in found["reply_markup"]["inline_keyboard"] for b in r]
    assert any(label.startswith("Handmade Comments") for label in labels)
    assert not any("Instagram Custom Comments" in label for label in labels)

    # Every console screen at a phone's width and a desktop's.
    for width, size in WIDTHS.items():
        shown = console_page(browser, stand, ADMIN_ID, size)
        shown.wait_for_selector("#console-table tbody tr")
        for section in SECTIONS:
            shown.click(f"#console-{section}-tab")
            shown.wait_for_selector(f"#console-{section}")
            if section == "stats":
                shown.wait_for_selector("#stats-chart")
            shown.screenshot(path=str(tmp_path / f"{width}-{section}.png"), full_page=True)
    assert len(list(tmp_path.glob("*.png"))) == 2 * len(SECTIONS) + 1


def test_a_customer_opening_the_console_is_refused_and_every_endpoint_says_403(
    stand: Stand,  # noqa: F811
    browser: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    customer = Customer(stand, 9602)
    customer.ask("/start", "Hello")
    page = console_page(browser, stand, customer.id, WIDTHS["phone"])
    refusal = page.wait_for_selector("#console-forbidden")
    assert refusal is not None and "admins only" in refusal.inner_text()
    assert page.query_selector("#tab-console") is None  # no Admin tab for a customer
    page.screenshot(path=str(tmp_path / "phone-refused.png"))
    headers = {"X-Telegram-Init-Data": signed_init_data(TOKEN, customer.id)}
    base = f"{stand.web_url}/app/api/admin"  # type: ignore[attr-defined]
    for path in (
        "catalog",
        "catalog/1/history",
        "attention",
        "panels",
        "stats",
        "stats/chart",
        "audit",
    ):
        assert httpx.get(f"{base}/{path}", headers=headers).status_code == 403, path
    for path, body in (
        ("catalog", {"ids": [SEO], "action": "hide"}),
        ("attention/1/refund", {}),
        ("attention/1/attach", {"panel_order_id": 1}),
    ):
        assert httpx.post(f"{base}/{path}", json=body, headers=headers).status_code == 403, path


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_console_section_fits_a_phone_without_sideways_scroll(
    browser: Browser,  # noqa: F811
    stand: Stand,  # noqa: F811
    tmp_path: Path,
    language: str,
    width: int,
) -> None:
    """Issue 37: every section usable at 360×740 (and at a desktop's 1280), in English and
    Arabic — the page is never wider than the screen. Screenshots: <tmp>/<lang>-<width>-*.png."""
    context = browser.new_context(viewport={"width": width, "height": 740}, locale=language)
    page = context.new_page()
    init = signed_init_data(TOKEN, ADMIN_ID, language=language)
    page.goto(f"{stand.web_url}/app/#{launch_fragment(init)}&console=1")  # type: ignore[attr-defined]
    try:
        page.wait_for_selector("#tab-console.on")
        for section in SECTIONS:
            page.click(f"#console-{section}-tab")
            page.wait_for_selector(f"#console-{section}-tab.on")
            page.wait_for_timeout(400)  # the section's data arrives
            page.screenshot(path=str(tmp_path / f"{language}-{width}-{section}.png"))
            widths = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert widths[0] <= widths[1], (section, widths)
    finally:
        context.close()


def test_the_owner_changes_a_setting_in_the_console_and_the_shop_runs_with_it(
    browser: Browser,  # noqa: F811
    stand: Stand,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Issue 37: Settings in the console — each setting's source; a change is checked, kept in
    the database and the running shop rebuilt with it (last in this module: it restarts the
    shop in-process). The environment's names cannot be changed here."""
    page = console_page(browser, stand, ADMIN_ID, (360, 740))
    page.wait_for_selector("#tab-console.on")
    page.click("#console-settings-tab")
    card = page.wait_for_selector(".setting[data-name='PANEL_API_URL'][data-source='environment']")
    assert card is not None and card.query_selector("input") is None  # the environment wins
    assert page.query_selector("#settings-panel") is None
    stars = ".setting[data-name='STARS_PER_USD']"
    page.wait_for_selector(f"{stars}[data-source='default']")
    page.fill(f"{stars} input", "-3")
    page.click(f"{stars} .setting-save")
    refused = page.wait_for_selector("#settings-said[data-ok='0']")
    assert refused is not None and "STARS_PER_USD" in refused.inner_text()
    page.fill(f"{stars} input", "70")
    page.click(f"{stars} .setting-save")
    page.wait_for_selector("#settings-said[data-ok='1']")
    shown = page.wait_for_selector(f"{stars}[data-source='setup'] .value", timeout=15000)
    assert shown is not None and shown.inner_text() == "70"
    page.screenshot(path=str(tmp_path / "phone-settings-saved.png"), full_page=True)
    headers = {"X-Telegram-Init-Data": signed_init_data(TOKEN, ADMIN_ID)}
    base = f"{stand.web_url}/app/api/admin/settings"  # type: ignore[attr-defined]
    bodies: list[dict[str, object]] = [
        {},
        {"changes": {"BOT_TOKEN": "1:x"}},
        {"changes": {"NOPE": "1"}},
        {"changes": []},
    ]
    for body in bodies:
        answer = httpx.post(base, json=body, headers=headers)
        assert answer.status_code == 400, (body, answer.text)
    stranger = {"X-Telegram-Init-Data": signed_init_data(TOKEN, 4444)}
    assert httpx.get(base, headers=stranger).status_code == 403
    # The chat's /settings says the same, and the audit log names who changed it.
    admin = Customer(stand, ADMIN_ID, first_name="Admin")
    listing = admin.ask("/settings", "Settings")["text"]
    assert "STARS_PER_USD = 70 · set here" in listing
    assert "PANEL_API_URL = " in listing and "· environment 🔒" in listing

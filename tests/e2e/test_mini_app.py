"""The Mini App in a real browser (headless Chromium from Debian, driven by Playwright): the
whole bot as a process serves /app/ in polling mode; the page is opened with launch
parameters signed with the test bot's token, as Telegram opens it. A screenshot of every
screen is saved under the test's temporary folder (and on failure)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.e2e.stand import ADMIN_ID, TOKEN, Customer, Stand, free_port, wait_until
from tests.webapp_support import forged, launch_fragment, signed_init_data

pytestmark = pytest.mark.e2e

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def stand(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stand]:
    port = free_port()
    running = Stand(
        Path(tmp_path_factory.mktemp("miniapp")),
        extra_env={
            "WEBAPP_URL": f"http://127.0.0.1:{port}/app/",
            "WEB_SERVER_HOST": "127.0.0.1",
            "WEB_SERVER_PORT": str(port),
        },
    )
    running.web_url = f"http://127.0.0.1:{port}"  # type: ignore[attr-defined]
    try:
        yield running.start()
    finally:
        running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if CHROMIUM is None:
        pytest.fail("chromium is not installed: run the tests with `bash scripts/test`")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


class Screens:
    def __init__(self, page: Page, folder: Path) -> None:
        self.page = page
        self.folder = folder
        self.count = 0

    def shot(self, name: str) -> None:
        self.count += 1
        self.page.screenshot(path=str(self.folder / f"{self.count:02d}-{name}.png"))


def open_app(browser: Browser, stand: Stand, init_data: str, folder: Path) -> Screens:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    page.goto(f"{stand.web_url}/app/#{launch_fragment(init_data)}")  # type: ignore[attr-defined]
    return Screens(page, folder)


def test_browse_search_order_three_forms_and_follow_them(
    stand: Stand, browser: Browser, tmp_path: Path
) -> None:
    buyer = Customer(stand, 9301)
    offer = buyer.ask("/start", "Browse every service")  # the greeting offers the Mini App
    [[button]] = offer["reply_markup"]["inline_keyboard"]
    assert button["text"] == "🛍 Open shop" and button["web_app"]["url"].endswith("/app/")
    Customer(stand, ADMIN_ID, first_name="Admin").ask(f"/credit {buyer.id} 100 e2e", "Wallet of")
    screens = open_app(browser, stand, signed_init_data(TOKEN, buyer.id), tmp_path)
    page = screens.page
    try:
        page.wait_for_selector("#balance:has-text('100.00 USD')")
        page.wait_for_selector("#services .service")
        screens.shot("catalog")

        # Custom Comments: too few comments first.
        page.fill("#search", "Custom Comments")
        page.wait_for_selector("#found:has-text('Found')")
        screens.shot("search")
        page.click("#services .service:has-text('Instagram Custom Comments')")
        page.fill("#field-link", "https://instagram.com/p/miniapp_comments")
        page.fill("#field-comments", "only one")
        page.click("#review")
        page.wait_for_selector(".error[data-for='comments']")
        screens.shot("comments-error")
        page.fill("#field-comments", "\n".join(f"Great post #{n}" for n in range(10)))
        page.click("#review")
        page.wait_for_selector("#summary")
        # What is confirmed is what is shown: every answer, before Confirm.
        shown = page.inner_text("#summary")
        assert "https://instagram.com/p/miniapp_comments" in shown
        assert "Great post #0" in shown and "10:" in shown
        screens.shot("comments-summary")
        page.click("#confirm")
        page.wait_for_selector("#notice:has-text('placed')")
        assert "<b>" not in page.inner_text("#notice")  # the chat's markup is not shown raw
        screens.shot("comments-placed")

        # A Default service: a quantity below the minimum first, then drip-feed.
        for link, dripfeed in (("miniapp_default", "no"), ("miniapp_drip", "yes")):
            page.click("#tab-shop")
            page.fill("#search", "Instagram Followers ⭐")
            page.click("#services .service:has-text('Refill 30D')")
            page.fill("#field-link", f"https://instagram.com/{link}")
            page.fill("#field-quantity", "5")
            page.select_option("#field-dripfeed", dripfeed)
            if dripfeed == "yes":
                page.fill("#field-runs", "3")
                page.fill("#field-interval", "15")
            page.click("#review")
            page.wait_for_selector(".error[data-for='quantity']")
            screens.shot(f"{link}-error")
            page.fill("#field-quantity", "100")
            page.click("#review")
            page.wait_for_selector("#summary")
            shown = page.inner_text("#summary")
            assert f"https://instagram.com/{link}" in shown and "100" in shown
            if dripfeed == "yes":
                assert "3" in shown and "15" in shown
            screens.shot(f"{link}-summary")
            page.click("#confirm")
            page.wait_for_selector("#notice:has-text('placed')")

        adds = [r for r in stand.panel_requests("add") if "miniapp" in r.get("link", "")]
        assert len(adds) == 3
        drip = next(r for r in adds if "miniapp_drip" in r["link"])
        assert (drip["runs"], drip["interval"]) == ("3", "15")
        page.wait_for_selector("#orders .order")
        screens.shot("orders")
        # Statuses move while the screen is open: the sandbox completes them.
        page.wait_for_selector("#orders .order[data-stage='completed']", timeout=40_000)
        screens.shot("orders-completed")
        buyer.wait_for("Completed", timeout=20)  # and the chat was told too
        page.click("#tab-balance")
        page.wait_for_selector("#wallet")
        screens.shot("balance")
        page.click("button.item:has-text('Top up 10.00 USD')")
        invoice = wait_until(
            lambda: [c for c in stand.client("calls") if c["method"] == "createInvoiceLink"],
            10,
            "an invoice link for the top-up",
        )
        assert invoice[-1]["params"]["payload"].startswith(f"topup:{buyer.id}:10:")
        menu = [c for c in stand.client("calls") if c["method"] == "setChatMenuButton"]
        button = menu[-1]["params"]["menu_button"] if menu else "{}"
        button = json.loads(button) if isinstance(button, str) else button  # sent as JSON
        assert button["type"] == "web_app" and button["web_app"]["url"].endswith("/app/")
    except Exception:
        screens.shot("failure")
        raise


def test_forged_and_expired_launches_see_the_401_screen(
    stand: Stand, browser: Browser, tmp_path: Path
) -> None:
    good = signed_init_data(TOKEN, 9302)
    expired = signed_init_data(TOKEN, 9302, auth_date=1_700_000_000)
    for name, data in (("forged", forged(good)), ("expired", expired)):
        screens = open_app(browser, stand, data, tmp_path)
        screens.page.wait_for_selector("#error[data-status='401']")
        assert "only opens from the bot" in screens.page.inner_text("#error")
        screens.shot(name)


def test_arabic_renders_right_to_left(stand: Stand, browser: Browser, tmp_path: Path) -> None:
    screens = open_app(browser, stand, signed_init_data(TOKEN, 9303, language="ar"), tmp_path)
    page = screens.page
    page.wait_for_selector("#services .service")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.inner_text("#tab-orders") == "طلباتي"
    box = page.locator("#balance").bounding_box()
    assert (
        box is not None and box["x"] < 195
    )  # the balance chip sits on the left in a right-to-left page
    screens.shot("arabic")


def test_the_same_form_confirmed_in_two_tabs_places_one_order(
    stand: Stand, browser: Browser, tmp_path: Path
) -> None:
    buyer = Customer(stand, 9304)
    buyer.ask("/start", "Hello")
    Customer(stand, ADMIN_ID, first_name="Admin").ask(f"/credit {buyer.id} 50 e2e", "Wallet of")
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    url = f"{stand.web_url}/app/#{launch_fragment(signed_init_data(TOKEN, buyer.id))}"  # type: ignore[attr-defined]
    tabs = [context.new_page(), context.new_page()]
    for tab in tabs:  # the same form, up to its summary, in each tab
        tab.goto(url)
        tab.fill("#search", "Instagram Starter Package")
        tab.click("#services .service:has-text('Starter Package')")
        tab.fill("#field-link", "https://instagram.com/miniapp_two_tabs")
        tab.click("#review")
        tab.wait_for_selector("#summary")
    tabs[0].click("#confirm")
    tabs[0].wait_for_selector("#notice:has-text('placed')")
    tabs[1].click("#confirm")
    tabs[1].wait_for_selector("#notice:has-text('already placed')")
    for number, tab in enumerate(tabs, start=1):
        tab.screenshot(path=str(tmp_path / f"tab-{number}.png"))
    adds = [r for r in stand.panel_requests("add") if "miniapp_two_tabs" in r.get("link", "")]
    assert len(adds) == 1
    context.close()


# Telegram's app as the page meets it: events the page posts are recorded, and the home
# screen check is answered with `window.__homeStatus` ("missed" unless a test says).
TELEGRAM_PROXY = """
window.TelegramWebviewProxy = {postEvent: (name, data) => {
  (window.__sent = window.__sent || []).push([name, data]);
  if (name === 'web_app_check_home_screen') {
    setTimeout(() => window.Telegram.WebView.receiveEvent(
      'home_screen_checked', {status: window.__homeStatus || 'missed'}), 50);
  }
}};
"""


def _sent(page: Page, event: str) -> list[str]:
    return [data for name, data in page.evaluate("window.__sent || []") if name == event]


def test_share_hands_telegram_a_prepared_card_of_the_referral_link(
    stand: Stand, browser: Browser, tmp_path: Path
) -> None:
    """Issue 38: Balance → Share asks the bot for a prepared message and hands its id to
    Telegram's share sheet (`shareMessage`: the web_app_send_prepared_message event)."""
    sharer = Customer(stand, 9311)
    sharer.ask("/start", "Hello")
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    # What Telegram's app provides to the page: a proxy that receives the page's events.
    context.add_init_script(TELEGRAM_PROXY)
    page = context.new_page()
    fragment = launch_fragment(signed_init_data(TOKEN, sharer.id))
    page.goto(f"{stand.web_url}/app/#{fragment}")  # type: ignore[attr-defined]
    try:
        page.click("#tab-balance")
        page.click("#share")
        sent = wait_until(
            lambda: [json.loads(data) for data in _sent(page, "web_app_send_prepared_message")],
            10,
            "the share sheet to be asked",
        )
        prepared = stand.client("calls")
        saved = [c for c in prepared if c["method"] == "savePreparedInlineMessage"]
        assert saved and str(saved[-1]["params"]["user_id"]) == str(sharer.id)
        assert sent[-1]["id"].startswith("prepared")
        page.screenshot(path=str(tmp_path / "share.png"))
    finally:
        context.close()


def test_add_to_home_screen_is_offered_once(stand: Stand, browser: Browser, tmp_path: Path) -> None:
    """Issue 38: where Telegram says the shortcut is missing, the shop offers it once."""
    visitor = Customer(stand, 9312)
    visitor.ask("/start", "Hello")
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    context.add_init_script(TELEGRAM_PROXY)
    page = context.new_page()
    url = f"{stand.web_url}/app/#{launch_fragment(signed_init_data(TOKEN, visitor.id))}"  # type: ignore[attr-defined]
    try:
        page.goto(url)
        page.wait_for_selector("#home-offer")
        page.screenshot(path=str(tmp_path / "home-offer.png"))
        page.click("#home-add")
        wait_until(lambda: _sent(page, "web_app_add_to_home_screen"), 5, "the shortcut asked")
        page.wait_for_selector("#home-offer", state="detached")
        page.reload()  # the next visit: not offered again
        page.wait_for_selector("#services .service")
        page.wait_for_timeout(300)
        assert page.query_selector("#home-offer") is None
        # Opened from the home screen on a phone: fullscreen, and nothing offered.
        page.add_init_script("window.__homeStatus = 'added';")
        page.evaluate("localStorage.clear()")
        page.reload()
        wait_until(lambda: _sent(page, "web_app_request_fullscreen"), 5, "fullscreen asked")
        assert page.query_selector("#home-offer") is None
    finally:
        context.close()


def test_a_plan_is_subscribed_paid_and_cancelled_in_the_mini_app(
    stand: Stand, browser: Browser, tmp_path: Path
) -> None:
    """Issue 38: Balance → Plans: the link, the Stars subscription invoice opened with
    `openInvoice`, the first period's order placed once it is paid, then Cancel (Telegram's
    editUserStarSubscription) — at a phone's width."""
    Customer(stand, ADMIN_ID, first_name="Admin").ask(
        "/plan add 1 500 200 App <i>plan</i>", "is on sale"
    )
    buyer = Customer(stand, 9321)
    buyer.ask("/start", "Hello")
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    context.add_init_script(TELEGRAM_PROXY)
    page = context.new_page()
    page.goto(f"{stand.web_url}/app/#{launch_fragment(signed_init_data(TOKEN, buyer.id))}")  # type: ignore[attr-defined]
    try:
        page.click("#tab-balance")
        plan = page.locator("#plans .plan", has_text="App <i>plan</i>")  # shown as typed
        plan.locator("button:has-text('Subscribe: App <i>plan</i>')").click()
        plan.locator("input").fill("not a link")
        plan.locator("button.primary").click()
        page.wait_for_selector("#plans-message:has-text('cannot be used')")
        plan.locator("input").fill("https://instagram.com/miniapp_plan")
        page.screenshot(path=str(tmp_path / "plan-link.png"))
        plan.locator("button.primary").click()
        [opened] = wait_until(
            lambda: [json.loads(data) for data in _sent(page, "web_app_open_invoice")],
            10,
            "the subscription invoice opened",
        )
        link = f"https://t.me/${opened['slug']}"
        [made] = [
            c
            for c in stand.client("calls")
            if c["method"] == "createInvoiceLink"
            and "miniapp_plan" in c["params"].get("description", "")
        ]
        assert int(made["params"]["subscription_period"]) == 30 * 24 * 3600

        stand.client("payInvoiceLink", link=link, **{"from": buyer.user})
        buyer.wait_for("is placed", timeout=20)
        page.evaluate(
            "slug => window.Telegram.WebView.receiveEvent('invoice_closed',"
            " {slug, status: 'paid'})",
            opened["slug"],
        )
        mine = page.locator("#plans .plan.mine")
        mine.wait_for()
        assert "renews on" in mine.inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.screenshot(path=str(tmp_path / "plan-running.png"), full_page=True)
        mine.locator("button").click()
        page.wait_for_selector("#plans-message:has-text('App <i>plan</i> is cancelled')")
        page.wait_for_selector("#plans .plan.mine[data-cancelled='true']")
        [sub] = [s for s in stand.client("subscriptions") if s["user_id"] == buyer.id]
        assert sub["canceled"] is True
        adds = [r for r in stand.panel_requests("add") if "miniapp_plan" in r.get("link", "")]
        assert len(adds) == 1
        page.screenshot(path=str(tmp_path / "plan-cancelled.png"), full_page=True)
    finally:
        context.close()


def test_reliable_only_keeps_the_services_with_a_good_record(
    stand: Stand, browser: Browser, tmp_path: Path
) -> None:
    """Issue 36: ten orders of one service complete on the sandbox; in the Mini App "Reliable
    only" keeps it (✅ in the list) and its card says its record."""
    reliable = 195  # Instagram Followers #177: no other test orders it
    buyer = Customer(stand, 9331)
    buyer.ask("/start", "Hello")
    Customer(stand, ADMIN_ID, first_name="Admin").ask(f"/credit {buyer.id} 50 e2e", "Wallet of")
    lines = [f"{reliable} | https://instagram.com/e2e_reliable{n} | 100" for n in range(10)]
    buyer.ask("/mass", "Mass order")
    buyer.ask("\n".join(lines), "10 lines can be placed of 10")
    buyer.press("Confirm", "10 orders placed of 10 lines", timeout=60)
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    page.goto(f"{stand.web_url}/app/#{launch_fragment(signed_init_data(TOKEN, buyer.id))}")  # type: ignore[attr-defined]
    try:
        page.fill("#search", "Followers #177")
        page.wait_for_selector(f"#services .service[data-id='{reliable}']")

        def badge_shown() -> bool:  # the record fills as the orders complete
            page.uncheck("#reliable")
            page.check("#reliable")
            page.wait_for_timeout(400)
            return (
                page.query_selector(f"#services .service[data-id='{reliable}'] .badge") is not None
            )

        wait_until(badge_shown, 60, "the service listed as reliable", interval=1.0)
        ids = page.eval_on_selector_all("#services .service", "els => els.map(e => e.dataset.id)")
        assert ids == [str(reliable)]  # the others have no record yet
        page.screenshot(path=str(tmp_path / "reliable-only.png"))
        page.click(f"#services .service[data-id='{reliable}']")
        record = page.wait_for_selector("#record")
        assert record is not None
        text = record.inner_text()
        assert "✅ Reliable" in text and "100 % completed (10 orders)" in text
        page.screenshot(path=str(tmp_path / "reliable-card.png"))
    finally:
        context.close()

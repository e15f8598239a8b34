"""Recurring plans in the Mini App: the plans on sale and the customer's own
(GET /app/api/plans), subscribing (POST /app/api/plans/{id}/subscribe: the invoice link the
page opens with `openInvoice`) and cancelling or resuming a renewal
(POST /app/api/plans/mine/{id}/cancel|resume). The same rules and Telegram calls as the
chat's. Names go into the chat's texts escaped: `texts` drops tags, then unescapes."""

from __future__ import annotations

from aiogram import html
from aiohttp import web

from bot.core.plans.rules import State
from bot.core.plans.service import Plans
from bot.ui.plan_texts import plan_line, subscription_line
from bot.ui.render import shorten, when
from bot.ui.star_plans import Renewal, change_renewal, subscription_link
from bot.webapp.context import app_of, fail, read_body, refusal, texts, user_of

MAX_LINK = 500


def _plans(request: web.Request) -> Plans:
    plans = app_of(request).plans
    if plans is None:
        raise refusal(web.HTTPNotFound, "not_found")
    return plans


async def plans_view(request: web.Request) -> web.Response:
    plans, t, user = _plans(request), texts(request), user_of(request)
    offered = []
    for plan in await plans.store.plans():
        service = await plans.service_of(plan)
        offered.append(
            {
                "id": plan.id,
                "line": plan_line(t, plan, service),
                "subscribe": t("button-plan-subscribe", plan=html.quote(shorten(plan.name, 40))),
                "orderable": service is not None,
            }
        )
    mine = []
    for subscription in await plans.store.live_subscriptions(user.id):
        cancelled = subscription.state is State.CANCELLED
        name = html.quote(shorten(subscription.plan_name, 40))
        mine.append(
            {
                "id": subscription.id,
                "line": subscription_line(t, subscription),
                "cancelled": cancelled,
                "action": t("button-plan-resume" if cancelled else "button-plan-cancel", plan=name),
            }
        )
    return web.json_response(
        {"title": t("plans-title"), "mine_title": t("plans-mine"), "plans": offered, "mine": mine}
    )


async def subscribe(request: web.Request) -> web.Response:
    app, plans, t, user = app_of(request), _plans(request), texts(request), user_of(request)
    body = await read_body(request)
    if app.demo:  # shown, never sold: a demo shop takes no real money
        return fail(403, "demo", t("demo-no-payments"))
    plan = await plans.store.plan(int(request.match_info["id"]))
    if plan is None or not plan.on_sale or await plans.service_of(plan) is None:
        return fail(404, "not_found", t("plan-gone"))
    typed = body.get("link")
    if not isinstance(typed, str) or not typed.strip() or len(typed) > MAX_LINK:
        return fail(422, "bad_link", t("plan-bad-link"))
    link = await plans.check_link(plan, typed.strip())
    if link is None:
        return fail(422, "bad_link", t("plan-bad-link"))
    url = await subscription_link(app.bot, t, plans, user.id, plan, link)
    if url is None:
        return fail(503, "unavailable", t("plan-unavailable"))
    return web.json_response({"link": url})


async def renewal(request: web.Request) -> web.Response:
    app, plans, t, user = app_of(request), _plans(request), texts(request), user_of(request)
    cancel = request.match_info["action"] == "cancel"
    subscription_id = int(request.match_info["id"])
    done, subscription = await change_renewal(app.bot, plans, user.id, subscription_id, cancel)
    if subscription is None:
        return fail(404, "not_found", t("plan-gone"))
    if done is Renewal.UNAVAILABLE:
        return fail(503, "unavailable", t("plan-unavailable"))
    until = when(subscription.expires_at) if subscription.expires_at else "—"
    key = "plan-cancelled" if cancel else "plan-resumed"
    return web.json_response(
        {"message": t(key, plan=html.quote(shorten(subscription.plan_name, 64)), date=until)}
    )


def add_plan_routes(routes: web.UrlDispatcher) -> None:
    routes.add_get("/app/api/plans", plans_view)
    routes.add_post(r"/app/api/plans/{id:\d{1,9}}/subscribe", subscribe)
    routes.add_post(r"/app/api/plans/mine/{id:\d{1,9}}/{action:cancel|resume}", renewal)

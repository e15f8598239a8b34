"""Mass orders (handlers/mass.py, bot/core/ordering/mass.py): a pasted list priced line by
line, bad lines named, every valid line placed exactly once — across a restart too."""

from __future__ import annotations

from decimal import Decimal

from bot.core.ordering.mass import MassLine
from bot.ui.callbacks import MassConfirm
from tests.conftest import Harness
from tests.handlers.flows import deliver_outbox, key


def adds(h: Harness) -> list[dict[str, str]]:
    return [r for r in h.sandbox.state.requests if r.get("action") == "add"]


async def test_ten_lines_with_two_bad_place_eight_once_across_a_restart(harness: Harness) -> None:
    h, user_id = harness, Harness.new_user()
    await h.fund(user_id, "100")
    lines = [f"1 | https://instagram.com/p/mass{user_id}x{n} | 100" for n in range(8)]
    lines.insert(3, "99999 | https://instagram.com/p/nope | 100")  # no such service
    lines.insert(6, f"1; https://instagram.com/p/few{user_id}; 5")  # under the minimum of 50
    assert "Mass order" in await h.say(user_id, "/mass")
    preview = await h.say(user_id, "\n".join(lines))
    assert "8 lines can be placed of 10" in preview
    assert "4. ❌" in preview and "7. ❌" in preview and "50" in preview
    data = await h.dp.storage.get_data(key(user_id))
    batch = data["batch"]
    sent = len(adds(h))

    # The process dies after placing four lines; the conversation survived (it is stored).
    first_four = [
        MassLine(**{**line, "price": Decimal(line["price"])}) for line in data["lines"][:4]
    ]
    await h.services.mass.place(user_id, batch, first_four)
    assert len(adds(h)) == sent + 4

    report = await h.press_data(user_id, MassConfirm(batch=batch, place=True).pack())
    assert "8 orders placed of 8 lines" in report
    assert len(adds(h)) == sent + 8  # the four placed before were found, not sent again
    assert len(await h.services.stores.orders.list_orders(user_id, limit=50)) == 8

    # The old preview's Confirm again: nothing more.
    await h.press_data(user_id, MassConfirm(batch=batch, place=True).pack())
    assert "placed already" in h.session.alerts()[-1]
    assert len(adds(h)) == sent + 8
    charged = sum(o.charge for o in await h.services.stores.orders.list_orders(user_id, limit=50))
    assert await h.services.stores.wallets.balance(user_id) == Decimal(100) - charged


async def test_a_service_that_needs_more_than_a_link_is_refused_in_a_mass_order(
    harness: Harness,
) -> None:
    h, user_id = harness, Harness.new_user()
    await h.say(user_id, "/mass")
    preview = await h.say(user_id, "4 | https://instagram.com/p/comments | 10")  # Custom Comments
    assert "order it on its own" in preview and "No line can be placed" in preview


async def test_an_old_preview_whose_first_line_was_bad_still_says_placed(
    harness: Harness,
) -> None:
    h, user_id = harness, Harness.new_user()
    await h.fund(user_id, "50")
    await h.say(user_id, "/mass")
    lines = ["99999 | https://instagram.com/p/nope | 100"]
    lines.append(f"1 | https://instagram.com/p/second{user_id} | 100")
    await h.say(user_id, "\n".join(lines))
    batch = (await h.dp.storage.get_data(key(user_id)))["batch"]
    assert (
        "1 orders placed"
        in await h.press_data(user_id, MassConfirm(batch=batch, place=True).pack())
        or "1 order placed" in h.session.texts(user_id)[-1]
    )
    await h.press_data(user_id, MassConfirm(batch=batch, place=True).pack())
    assert "placed already" in h.session.alerts()[-1]


async def test_a_line_with_a_broken_port_is_refused_and_the_others_priced(harness: Harness) -> None:
    """Issue 34: one such line raised and aborted the whole preview."""
    h, user_id = harness, Harness.new_user()
    await h.say(user_id, "/mass")
    lines = [
        f"1 | https://instagram.com/p/port{user_id} | 100",
        "1 | https://instagram.com:abc/x | 100",
        "1 | https://[::1/x | 100",
    ]
    preview = await h.say(user_id, "\n".join(lines))
    assert "1 line can be placed of 3" in preview or "1 lines can be placed of 3" in preview
    assert "2. ❌" in preview and "3. ❌" in preview


async def test_a_mass_order_cut_by_a_crash_finishes_what_was_confirmed_and_reports(
    harness: Harness,
) -> None:
    """Issue 34: 8 confirmed lines, the process killed after 2 were sent: after the restart
    the other 6 were never placed nor charged, the customer was not told, and the old
    Confirm answered nothing useful."""
    h, user_id = harness, Harness.new_user()
    await h.fund(user_id, "100")
    lines = [f"1 | https://instagram.com/p/cut{user_id}x{n} | 100" for n in range(8)]
    await h.say(user_id, "/mass")
    await h.say(user_id, "\n".join(lines))
    data = await h.dp.storage.get_data(key(user_id))
    batch = data["batch"]
    confirmed = [MassLine.from_stored(stored) for stored in data["lines"]]
    sent = len(adds(h))
    # What Confirm does before the first line, then the process dies after two lines.
    await h.services.mass.record_confirmed(user_id, batch, confirmed)
    await h.services.mass.place(user_id, batch, confirmed[:2])
    assert len(adds(h)) == sent + 2

    # The restart: the leader finishes the batch, each line once, and tells the customer.
    assert await h.services.mass.resume_unfinished(older_than=0) == [batch]
    assert len(adds(h)) == sent + 8
    orders = await h.services.stores.orders.list_orders(user_id, limit=50)
    assert len(orders) == 8
    h.session.clear()
    await deliver_outbox(h)
    report = "\n".join(h.session.texts(user_id))
    assert "8 orders placed of 8 lines" in report
    assert await h.services.mass.resume_unfinished(older_than=0) == []  # done: not again

    # The old preview's Confirm says what became of its lines.
    await h.dp.storage.set_data(key(user_id), {})
    await h.press_data(user_id, MassConfirm(batch=batch, place=True).pack())
    assert "8 placed" in h.session.alerts()[-1]
    assert len(adds(h)) == sent + 8
    charged = sum(o.charge for o in orders)
    assert await h.services.stores.wallets.balance(user_id) == Decimal(100) - charged

"""Conversation states."""

from aiogram.fsm.state import State, StatesGroup


class OrderForm(StatesGroup):
    browsing = State()  # in the catalog: typed text searches services
    filling = State()  # answering the service's fields one by one
    confirming = State()  # the summary with the price is shown


class AdminInput(StatesGroup):
    broadcast_text = State()
    ticket_reply = State()  # an admin answers a ticket from their private chat


class SupportForm(StatesGroup):
    writing = State()  # what the customer sends goes to their ticket


class PromoInput(StatesGroup):
    code = State()  # the customer types a promo code


class MassForm(StatesGroup):
    pasting = State()  # the customer pastes lines `service id | link | quantity`
    confirming = State()  # the preview with the total is shown


class PlanForm(StatesGroup):
    link = State()  # the link each period's order of the chosen plan goes to


class SetupForm(StatesGroup):
    """The owner's setup wizard: one state per step (`bot/ui/setup_wizard.ORDER`)."""

    panel_url = State()
    panel_key = State()
    markup = State()
    currency = State()
    language = State()
    support = State()
    stars = State()
    crypto = State()
    webapp = State()

language-name = 🇬🇧 English

## Main menu (the labels are matched when typed, in every language)
menu-new-order = New order
menu-my-orders = My orders
menu-balance = Balance
menu-help = Help
menu-language = Language

start-greeting = 👋 Hello, { $name }!
    I sell social media services: followers, likes, views, comments and more.
    Tap <b>New order</b> to pick a service, <b>Balance</b> to top up your wallet.
help-text = <b>How it works</b>
    1. <b>New order</b> → choose a category and a service (or type words to search).
    2. Answer what the service needs: link, quantity…
    3. Check the price and press <b>Confirm</b>: it is paid from your wallet.
    4. I message you when the order starts, finishes or is refunded.
    <b>My orders</b> shows your orders with Refresh, Refill and Cancel.
    /cancel stops the current step at any time.
    Inline: type @this bot's name and an order number in any chat.
language-choose = Choose your language:
language-set = ✅ Language changed.
cancelled = Cancelled. Nothing was charged.
nothing-to-cancel = There is nothing to cancel.
unknown-command = I don't know that command. Use the menu below or /help.
use-menu = Use the menu below: <b>New order</b>, <b>My orders</b>, <b>Balance</b>.
stale-button = This button is out of date. Open the menu again.
banned = Your access to this bot has been suspended. Contact support if you think this is a mistake.
throttled = ⏳ Too many messages at once. Please slow down.
error-generic = 😕 Something went wrong on our side (code { $code }). Nothing was charged twice; please try again.
panel-unavailable = The service provider is temporarily unavailable. Please try again in a few minutes.
yes = yes
no = no

## Catalog
catalog-categories = 📂 <b>Choose a category</b> (page { $page }/{ $pages })
    Or type a few words to search all services.
catalog-services = 📂 <b>{ $category }</b> — { $count ->
        [one] { $count } service
       *[other] { $count } services
    } (page { $page }/{ $pages })
    Prices are per 1000.
catalog-unavailable = The service list is temporarily unavailable. Please try again in a minute.
search-nothing = Nothing found for “{ $query }”. Try other words, or pick a category.
search-results = Found { $count ->
        [one] { $count } service
       *[other] { $count } services
    } for “{ $query }”:
service-id = Service ID: { $id }
service-price = Price: <b>{ $price } { $currency }</b> per 1000
service-limits = Order from { $min } to { $max }
service-refill-yes = ♻️ Refill: available
service-refill-no = ♻️ Refill: not available
service-cancel-yes = ✖️ Cancel: available
service-cancel-no = ✖️ Cancel: not available
service-not-orderable = ⚠️ This service type ({ $type }) cannot be ordered in this bot yet.
service-gone = This service is no longer available. Please choose another one.

## Buttons
button-order = 🛒 Order
button-back = ⬅️ Back
button-cancel = Cancel
button-skip = Skip
button-confirm = ✅ Confirm
button-edit = ✏️ Edit
button-refresh = 🔄 Refresh
button-refill = ♻️ Refill
button-order-again = 🔁 Order again
button-open-order = Open order
button-topup = ⭐ Top up { $amount }
button-resolve-refund = ↩️ Refund customer
button-resolve-attach = 🔗 Attach panel order
button-send = 📣 Send

## Order form
form-start = 📝 Ordering: <b>{ $service }</b>
    Send /cancel or press Cancel to stop.
form-text-only = Please answer with text.
field-link = 🔗 Send the link (for example { $example }).
field-quantity = 🔢 How many? Send a number from { $min } to { $max }.
field-dripfeed = 💧 Deliver all at once, or in several runs (drip-feed)?
field-runs = 💧 How many runs? ({ $low }–{ $high }). Each run delivers the quantity you chose.
field-interval = ⏱ Minutes between runs? ({ $low }–{ $high })
field-comments = 💬 Send the comments, one per line ({ $min }–{ $max } lines for counted comments).
field-usernames = 👥 Send the usernames, one per line.
field-hashtags = #️⃣ Send the hashtags, one per line.
field-keywords = 🔑 Send the keywords, one per line.
field-groups = 👥 Send the groups, one per line.
field-hashtag = #️⃣ Send the hashtag.
field-username = 👤 Send the username (without @ is fine).
field-media = 🖼 Send the link to the media.
field-answer-number = 🗳 Which answer number should get the votes? ({ $low }–{ $high })
field-min = 🔢 Minimum per post? ({ $min }–{ $max })
field-max = 🔢 Maximum per post? ({ $min }–{ $max })
field-posts = 📮 How many new posts? ({ $low }–{ $high })
field-old-posts = 📮 How many existing posts too? ({ $low }–{ $high }) — or Skip.
field-delay = ⏱ Delay before each delivery (minutes):
field-expiry = 📅 End date as dd/mm/yyyy — or Skip.
field-country = 🌍 Country of the visitors (for example US or United States).
field-device = 💻 Which devices?
field-type-of-traffic = 🚦 Type of traffic?
field-google-keyword = 🔑 Google keyword to search.
field-referring-url = 🔗 Referring URL.

label-link = Link
label-quantity = Quantity
label-dripfeed = Drip-feed
label-runs = Runs
label-interval = Interval (min)
label-comments = Comments
label-usernames = Usernames
label-hashtags = Hashtags
label-keywords = Keywords
label-groups = Groups
label-hashtag = Hashtag
label-username = Username
label-media = Media
label-answer-number = Answer number
label-min = Min
label-max = Max
label-posts = Posts
label-old-posts = Old posts
label-delay = Delay (min)
label-expiry = Expiry
label-country = Country
label-device = Device
label-type-of-traffic = Traffic type
label-google-keyword = Google keyword
label-referring-url = Referring URL

choice-dripfeed-no = All at once
choice-dripfeed-yes = Drip-feed
choice-delay = { $value } min
choice-device-1 = Desktop
choice-device-2 = Mobile (Android)
choice-device-3 = Mobile (iOS)
choice-device-4 = Mixed mobile
choice-device-5 = Mixed (all)
choice-type_of_traffic-1 = Google keyword
choice-type_of_traffic-2 = Custom referrer
choice-type_of_traffic-3 = Blank referrer

invalid-number = That is not a whole number. Send a number from { $min } to { $max }.
invalid-range = The number must be from { $min } to { $max }.
invalid-too-long = Too long: at most { $max } characters.
invalid-link = That does not look like a link. Send a full link such as { $example }.
invalid-lines-empty = Send at least one line.
invalid-line-too-long = A line is too long: at most { $max } characters per line.
invalid-lines-count = You sent { $count ->
        [one] { $count } line
       *[other] { $count } lines
    }; this service needs { $min }–{ $max }.
invalid-date = Send the date as dd/mm/yyyy, for example 31/12/2027.
invalid-date-past = The date must be in the future.
invalid-username = That is not a valid username (letters, digits, dots and underscores).
invalid-hashtag = That is not a valid hashtag (letters, digits and underscores).
invalid-empty = Please send a value.
invalid-choice = Please choose one of the buttons.

## Summary and placement
summary-title = 🧾 <b>Please check your order</b>
summary-price = 💵 Price: <b>{ $price }</b>
summary-balance = 👛 Wallet: { $balance } → after: { $after }
summary-not-enough = ⚠️ Not enough funds: { $missing } missing. Top up with a button below: this order waits 30 minutes at this price, and once the payment lands you place it with one tap.
summary-use-buttons = Please press Confirm, Edit or Cancel under the summary.
summary-outdated = This summary is out of date. Start a new order from the menu.
price-changed = The price has changed. Please check the new summary.
placing = ⏳ Placing your order…
order-placed = ✅ Order #{ $id } placed! I will message you as it progresses. See it in <b>My orders</b>.
order-already-placed = This order was already placed (order #{ $id }). Nothing was charged twice.
order-no-funds = 👛 Not enough funds: { $missing } missing. Top up with a button below: this order waits 30 minutes at this price, and once the payment lands you place it with one tap.
order-uncertain = ⏳ Order #{ $id }: the provider did not answer clearly. We are checking it; your payment is held and you will be refunded if it was not placed.
nothing-charged = Nothing was charged.
order-refunded = Your payment was refunded to your wallet.
order-error-link = ❌ The provider refused this link. Check that it is correct and public.
order-error-quantity = ❌ The provider refused this quantity. Check the service's minimum and maximum.
order-error-duplicate = ❌ There is already an active order for this link. Please wait until it is completed.
order-error-service = ❌ This service is no longer available.
order-error-unavailable = 😕 Ordering is temporarily unavailable. Please try again later.

## My orders
orders-empty = You have no orders yet. Tap <b>New order</b> to start.
orders-title = 📦 <b>Your orders</b> ({ $count }) — page { $page }/{ $pages }
order-not-found = Order not found.
order-card-title = <b>Order #{ $id }</b>
order-card-service = Service: { $service }
order-card-link = Link: { $link }
order-card-quantity = Quantity: { $quantity }
order-card-charge = Charge: { $charge }
order-card-status = Status: { $status }
order-card-start-count = Start count: { $start }
order-card-progress = Delivered: { $delivered } · Remaining: { $remains }
order-card-refund = Refunded: { $amount }
order-card-changed = Updated: { $at }
order-card-refill = Refill: { $status }
refill-requested = ♻️ Refill requested. I will tell you the result.
refill-not-eligible = Refill is not available for this order.
cancel-requested = ✖️ Cancellation requested. If the provider cancels it, you are refunded automatically.
cancel-not-eligible = This order can no longer be canceled.

stage-placing = Placing
stage-uncertain = Being checked
stage-rejected = Refunded
stage-pending = Pending
stage-in-progress = In progress
stage-processing = Processing
stage-completed = Completed
stage-partial = Partial
stage-canceled = Canceled
stage-unknown = Unknown
stage-stuck = Under review
refill-stage-pending = pending
refill-stage-in-progress = in progress
refill-stage-completed = completed
refill-stage-rejected = rejected
refill-stage-unknown = unknown
refill-stage-failed = could not be followed

## Notifications
notify-order-status = 🔔 Order #{ $id }: { $status }
notify-refill-done = ♻️ The refill of order #{ $id } is done.
notify-refill-rejected = ♻️ The refill of order #{ $id } was rejected by the provider.
notify-refill-failed = ♻️ The provider stopped answering about the refill of order #{ $id }. You can ask for a refill again from the order.
notify-wallet-credit = 👛 { $amount } was added to your wallet.
notify-generic = 🔔 Update

## Balance and top-ups
balance-text = 👛 Your wallet: <b>{ $balance }</b>
    Top up with Telegram Stars below.
topup-title = Wallet top-up
topup-description = { $amount } added to your wallet.
topup-done = ✅ { $amount } added. Wallet: { $balance }.
topup-refused = This payment cannot be accepted. Please start a new top-up.
topup-usage = Choose an amount:

## Inline
inline-start-bot = Open the bot to see your orders
inline-no-orders = No orders found
inline-order-title = #{ $id } · { $status }
inline-order-description = { $service } · { $delivered }/{ $quantity }

## Admin
admin-credit-usage = Usage: /credit &lt;user id or @username&gt; &lt;amount&gt; [reason]
admin-debit-usage = Usage: /debit &lt;user id or @username&gt; &lt;amount&gt; [reason]
admin-user-not-found = User { $user } not found (they must have started the bot).
admin-bad-amount = The amount must be a positive number, e.g. 10 or 2.50.
admin-debit-too-much = The wallet does not hold that much.
admin-wallet-changed = ✅ Wallet of { $user } is now { $balance }.
admin-balance = 🏦 Panel balance: <b>{ $panel }</b>
    👛 Customers' wallets: { $wallets }
    📦 Open orders' value: { $open }
admin-balance-warning = ⚠️ The panel holds { $gap } less than customers could spend. Top up the panel.
admin-panel-unreachable = The panel did not answer ({ $error }).
admin-user = 👤 <b>{ $id }</b> @{ $username }
    Wallet: { $balance } · banned: { $banned }
admin-banned = ⛔ { $user } is banned.
admin-unbanned = ✅ { $user } is unbanned.
admin-banned-shops = { $count ->
    [one] Their shop { $shops } takes no new orders while they are banned.
   *[other] Their shops { $shops } take no new orders while they are banned.
}
admin-stats = 📊 <b>Last { $days ->
        [one] day
       *[other] { $days } days
    }</b>
    Orders: { $orders } · New users: { $users }
    Revenue: { $revenue } · Panel cost: { $cost }
    Profit: <b>{ $profit }</b>
    Top services:
admin-markup-default = Default markup: { $percent }%
admin-markup-usage = /markup 30 — default · /markup service &lt;id&gt; 40 · /markup category &lt;name&gt; 35 · use “off” to remove an override
admin-markup-no-category = No category named “{ $name }”.
admin-markup-set = ✅ Markup { $scope }: { $percent }%
admin-pending-none = No orders wait for a decision.
admin-order-user = Customer: { $user }
admin-already-resolved = This order was already resolved.
admin-resolved-refund = Order #{ $id } refunded ({ $amount }). The customer is told.
admin-attach-usage = Send /attach { $id } &lt;panel order id&gt; once you found the order on the panel.
admin-attached = ✅ Order #{ $id } is now followed as panel order { $panel }.
admin-refreshing = ⏳ Reloading the service list…
admin-refreshed = ✅ { $count ->
        [one] { $count } service
       *[other] { $count } services
    } in { $categories ->
        [one] { $categories } category
       *[other] { $categories } categories
    }.
admin-broadcast-ask = Send the message to broadcast (or /cancel).
admin-broadcast-confirm = Send this to { $count ->
        [one] { $count } user
       *[other] { $count } users
    }?
admin-broadcast-queued = 📣 Queued for { $count ->
        [one] { $count } user
       *[other] { $count } users
    }. Progress reports follow.
admin-broadcast-progress = 📣 Broadcast: { $sent }/{ $total } sent, { $pending } pending.
admin-alert-uncertain = ⚠️ Order #{ $id } of { $user }: placement uncertain ({ $error }). It may exist on the panel. Check and resolve:
admin-alert-stuck = ⚠️ Order #{ $id } of { $user }: the panel keeps failing on it; no longer polled. Check and resolve:
admin-alert-partial-unknown = ⚠️ Order #{ $id } of { $user } ended Partial but the panel did not say how much is missing, so nothing was refunded automatically. Check the panel and use /credit { $user } &lt;amount&gt; for the undelivered part.
admin-alert-panel = 🚨 Panel { $panel } refused an order: { $error }. Its orders go to another panel where one sells the service, otherwise customers see “temporarily unavailable” until you fix it.
admin-alert-error = 🐞 Unexpected error { $code }: { $error }. See the logs.
admin-alert-low-balance = 🪫 The balance of panel { $panel } is low: { $balance }.
admin-refund-stars-usage = Usage: /refund_stars &lt;telegram payment charge id&gt;
admin-refund-stars-done = ✅ Stars refunded and { $amount } debited from { $user }.
admin-refund-stars-failed = Telegram refused the refund; the wallet was credited back. Nothing was refunded.
admin-refund-stars-uncertain = ⚠️ Stars refund of { $amount } to { $user } (charge <code>{ $charge }</code>): Telegram did not answer clearly. The wallet stays debited. Run /refund_stars { $charge } again to finish it — it is safe: Telegram says so if it was already refunded.
admin-refund-stars-unknown = No top-up with that charge id.

## Command menu
cmd-start = Main menu
cmd-order = New order
cmd-orders = My orders
cmd-wallet = Balance
cmd-topup = Top up the wallet
cmd-language = Language
cmd-help = Help
cmd-cancel = Cancel the current step
cmd-balance = Panel balance vs wallets
cmd-credit = Credit a wallet
cmd-debit = Debit a wallet
cmd-user = Customer details
cmd-markup = Markup
cmd-stats = Statistics
cmd-ban = Ban a user
cmd-unban = Unban a user
cmd-broadcast = Message all users
cmd-pending = Orders awaiting a decision
cmd-attach = Attach a panel order id
cmd-refund-stars = Refund a Stars payment
cmd-services-refresh = Reload the service list

## Delivery times and stalled orders
duration-under-minute = under a minute
duration-minutes = about { $count ->
        [one] { $count } min
       *[other] { $count } min
    }
duration-hours = about { $count ->
        [one] { $count } h
       *[other] { $count } h
    }
duration-days = about { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
usual-time = ⏱ Usually done in { $duration }.
usual-time-per-thousand = ⏱ Usually done in { $duration } per 1,000.
order-card-expected = ⏱ Expected by { $at } (usually { $duration })
order-card-late = ⏱ Taking longer than usual ({ $duration })
notify-order-stalled = ⏳ Order #{ $id } has not moved for much longer than usual. We are looking into it and will tell you what we find.
admin-alert-stalled = ⏳ Order #{ $id } of { $user } has not moved for much longer than its service usually takes. It is listed in /pending.
admin-pending-stalled = ⏳ Not moving for much longer than usual:

## The /stats chart
chart-money-title = Money per day
chart-revenue = Revenue
chart-cost = Panel cost
chart-profit = Profit
chart-orders-title = Orders per day
chart-completed = Completed
chart-partial = Partial
chart-canceled = Canceled
chart-open = In progress

## Support tickets
menu-support = Support
button-support = 💬 Support
button-reply = ↩️ Reply
cmd-support = Write to support
cmd-close = Close a support ticket
support-ask = 💬 Write your message to support: text, a photo or a document. /cancel to stop.
support-ask-order = 💬 Write your message to support about order #{ $id }: text, a photo or a document. /cancel to stop.
support-sent = ✅ Sent to support (ticket #{ $id }). The answer will come here; anything more you send now is added to the ticket.
support-too-many = You already have { $count ->
        [one] { $count } open ticket
       *[other] { $count } open tickets
    }. Please wait for an answer there.
support-unavailable = Support cannot be reached right now. Please try again in a few minutes.
support-media-only = Send text, a photo or a document.
support-ticket-closed = This ticket is closed. Tap Support to write again.
support-topic-head = 🎫 Ticket #{ $id } from { $user }
support-private-head = 🎫 Ticket #{ $id } from { $user }. Tap Reply under the message to answer; /close { $id } when it is done.
support-answer-head = 💬 Support answered (ticket #{ $id }):
support-closed = ✅ Ticket #{ $id } is closed. Tap Support whenever you need us again.
support-closed-staff = Ticket #{ $id } closed; the customer was told.
support-already-closed = Ticket #{ $id } is already closed or does not exist.
support-staff-ask = Write the answer to ticket #{ $id } (text, a photo or a document).
support-staff-sent = Sent to the customer of ticket #{ $id }.
support-close-usage = /close &lt;ticket number&gt;

## Promo codes
button-promo = 🎟 Enter promo code
cmd-promo = Redeem a promo code
promo-ask = 🎟 Send your promo code.
promo-credited = 🎉 { $amount } added to your wallet. Balance: { $balance }.
promo-discount-ready = 🎉 Your next order is { $percent }% off: the summary shows the discounted price.
promo-unknown = There is no promo code “{ $code }”.
promo-expired = The promo code “{ $code }” has expired.
promo-used-up = The promo code “{ $code }” has been used up.
promo-already-used = You have already used the promo code “{ $code }”.
summary-discount = { $source ->
        [tier] 🏅 Your tier: −{ $percent }% (was { $full })
        [sale] 🔥 Sale: −{ $percent }% (was { $full })
       *[promo] 🎟 Promo { $code }: −{ $percent }% (was { $full })
    }
admin-promo-usage = /promo create CODE 5 [uses] [days] — a wallet credit · /promo create CODE 10% [uses] [days] — a discount on the next order · /promo list · /promo off CODE
admin-promo-exists = The code { $code } exists already.
admin-promo-created = ✅ Promo code { $code } created.
admin-promo-off = Promo code { $code } switched off.
admin-promo-none = No promo codes yet.

## Referrals
menu-referrals = Referrals
cmd-referrals = Your referral link
referral-text = 🤝 <b>Referrals</b>
    Share your link: you earn { $percent }% of what the people you bring spend on delivered orders.
    { $link }

    Joined through your link: { $joined ->
        [one] { $joined } person
       *[other] { $joined } people
    }
    Earned: { $earned }
referral-text-off = 🤝 <b>Referrals</b>
    Your link: { $link }
    The referral programme is paused right now.

    Joined through your link: { $joined ->
        [one] { $joined } person
       *[other] { $joined } people
    }
    Earned: { $earned }
referral-share-text = Boost your socials with this shop:
button-share = 📤 Share
notify-referral-earned = 🤝 { $amount } referral commission was added to your wallet.
cmd-referral = Referral percent
cmd-refund-order = Refund a delivered order
admin-referral-percent = Referrers earn { $percent }% of delivered orders.
admin-referral-off = The referral programme is off.
admin-referral-usage = /referral 5 — set the percent (0–50) · /referral off
admin-stats-referrals = Referral sign-ups: { $joined } · commissions paid: { $paid }
admin-refund-order-usage = /refund_order ORDER_ID — refund a completed or partial order
admin-refund-order-refused = Order #{ $id } cannot be refunded: only a completed or partial order, once.
admin-refund-order-done = ✅ Order #{ $id }: { $amount } refunded to the customer; { $commission } of referral commission taken back.

## Crypto payments and orders waiting for a top-up
button-crypto = 💎 Pay with crypto
button-crypto-amount = 💎 Pay { $amount } in crypto
button-crypto-pay = 💎 Pay { $amount } in Crypto Bot
cmd-crypto = Top up with crypto
crypto-choose = 💎 How much would you like to add? Or send /crypto AMOUNT.
crypto-usage = 💎 Send /crypto AMOUNT, from { $low } to { $high } (for example /crypto 12.50), or choose:
crypto-creating = ⏳ Creating your invoice…
crypto-invoice = 💎 Invoice for { $amount }: pay it in Crypto Bot with any accepted coin. Your wallet is credited as soon as the payment is confirmed; the invoice expires in an hour.
crypto-unavailable = Crypto payments are temporarily unavailable. Please try again in a few minutes or top up with Stars.
crypto-off = Crypto payments are not available in this shop.
held-ready-title = 💳 Payment received: your order is ready to place.
button-place-now = ✅ Place order now
held-order-gone = This order is no longer waiting (it expired after 30 minutes or was replaced). Please start a new order.

## Several panels
cmd-panels = Panels: health, balance, open orders
cmd-routes = Which panels sell a service
cmd-route = Link, unlink or rank a route
admin-panel-up = ✅ up
admin-panel-down = ⛔ down for { $down } s
admin-panel-line = <b>{ $panel }</b> · { $state }
    Balance: { $balance } · open orders: { $orders } (owed { $owed })
    Errors: { $errors } · latency: { $latency } · outages: { $outages }
    Last error: { $error }
admin-routes-usage = /routes SERVICE_ID — the panels that sell it, the one in use first
admin-routes-title = 🔀 Routes of service { $id } (▶️ in use, ⛔ panel down):
admin-route-line = { $mark } <b>{ $panel }</b>:{ $service } { $name } · { $rate } · { $min }–{ $max } · refill { $refill } · cancel { $cancel } · priority { $priority }
admin-route-usage = /route link SERVICE_ID PANEL:PANEL_SERVICE_ID · /route unlink SERVICE_ID PANEL · /route priority SERVICE_ID PANEL N (lower first)
admin-route-done = ✅ Routes changed.
admin-balance-panel = 🏦 <b>{ $panel }</b>: { $balance } · owed on it { $owed } ({ $orders ->
        [one] { $orders } open order
       *[other] { $orders } open orders
    })
admin-balance-panel-down = 🏦 <b>{ $panel }</b> did not answer ({ $error }).
admin-stats-panel = 🔀 { $panel }: { $orders ->
        [one] { $orders } order
       *[other] { $orders } orders
    } · cost { $cost } · profit { $profit }

## The Mini App
button-open-shop = 🛍 Open shop
open-shop-hint = 🛍 Browse every service, search and order in the shop:
field-missing = This field is required.
app-title = Shop
app-search = Search services…
app-all-categories = All categories
app-all-types = All types
app-all-platforms = All platforms
app-max-price = Max price per 1000
app-categories = Shop
app-orders = My orders
app-balance = Balance
app-back = Back
app-order = Order
app-confirm = Confirm
app-summary = Please check your order
app-price = Price
app-wallet-after = Wallet
app-refill = Refill
app-cancel = Cancel
app-order-again = Order again
app-refresh = Refresh
app-top-up = Top up
app-no-orders = You have no orders yet.
app-unauthorized = This page only opens from the bot in Telegram. Please open it again from the bot's menu.
app-unknown-shop = This shop is not open here. Please open it again from its bot in Telegram.
app-banned = Your access to this shop has been suspended.
app-loading = Loading…
app-per-thousand = per 1000
app-limits = Order from–to
app-not-enough = Not enough funds in your wallet: missing
app-placing = Placing…
app-skip = Skip
app-retry = Try again
app-description = Description
app-nothing-found = Nothing found. Try other words or filters.
app-topup-unavailable = Top-ups are temporarily unavailable. Please try again in a minute.

demo-shop-note = 🧪 <i>Demo shop: orders are simulated and no real money is taken.</i>
demo-no-payments = 🧪 This is a demo shop: payments are off and nothing real is sold. Orders here are simulated.
crypto-too-many = You already have { $count ->
    [one] an unpaid invoice
   *[other] { $count } unpaid invoices
} open. Pay one of them or wait until it expires (an hour), then make a new one.
alert-repeated = { $count ->
    [one] (once in the last few minutes)
   *[other] (× { $count } in the last few minutes; the latest shown)
}
invalid-link-platform = This service is for { $service }, but that link is for { $link }. Send a link to { $service }.
order-link-busy = #{ $id } is still in progress for this link. A second order there can start once it is done.
order-link-busy-other = An order for this link is still in progress. A second one can start once it is done.
guarantee-days = ♻️ Refill guarantee: { $days ->
    [one] { $days } day
   *[other] { $days } days
}
guarantee-until = { $guarantee }, until { $until }
guarantee-lifetime = ♻️ Refill guarantee: lifetime
guarantee-none = 🚫 No refill guarantee
refill-no-guarantee = This service has no refill guarantee, so a refill cannot be requested.
refill-guarantee-ended = The refill guarantee of this order ended on { $until }.
refill-pending = A refill of this order is already in progress. You will get a message when it is done.
refill-cooldown = A refill was requested recently. The next one can be requested after { $at }.
admin-service-usage = Usage: /service ID hide|show|pause|resume|feature|unfeature · /service ID rename NEW NAME (no name: the panel's again) · /service ID refill DAYS|lifetime|none
admin-service-done = ✅ Service { $id } updated.
cmd-service = Set a service's refill guarantee
mass-hint = 📦 Many orders at once? /mass
cmd-mass = Place many orders at once
mass-ask = 📦 Mass order: paste up to 100 lines, one order each:
    <code>service id | link | quantity</code>
    (“|”, “;” or spaces between). You will see each line priced before anything is placed.
mass-empty = Nothing to read: paste lines like <code>1 | https://instagram.com/p/abc | 500</code>.
mass-too-many = At most { $max } lines at once: split the list.
mass-line-shape = write it as service id | link | quantity
mass-line-service = no orderable service { $id }
mass-line-form = this service needs more than a link and a quantity: order it on its own
mass-preview-title = 📦 <b>Mass order</b>: { $count ->
    [one] { $count } line can be placed
   *[other] { $count } lines can be placed
} of { $lines }
mass-line-ok = { $n }. ✅ service { $id } · { $link } · { $quantity } — { $price }
mass-line-bad = { $n }. ❌ { $why }
mass-total = 💵 Total: <b>{ $total }</b>
mass-nothing-valid = No line can be placed: fix them and paste again.
mass-already = This mass order was placed already: { $placed } placed, { $held } being checked, { $refused } refused and refunded.
mass-report-title = 📦 <b>Mass order</b>: { $placed ->
    [one] { $placed } order placed
   *[other] { $placed } orders placed
} of { $lines } lines
mass-report-placed = { $n }. ✅ order #{ $id }
mass-report-uncertain = { $n }. ⏳ order #{ $id } is being checked
mass-report-no-funds = { $n }. ❌ not placed: the wallet lacked { $missing }
mass-report-link-busy = { $n }. ❌ not placed: an order for this link is still in progress
mass-report-refunded = { $n }. ↩️ order #{ $id } refused by the provider: refunded
mass-report-unavailable = { $n }. ❌ not placed: temporarily unavailable, nothing charged
mass-report-price-changed = { $n }. ❌ not placed: the price changed since the preview
summary-discount-largest = Discounts don't add up: the largest one applies.
balance-tier = 🏅 Your tier: −{ $percent }% on every order (delivered so far: { $spent }).
balance-tier-next = Spend { $left } more to reach −{ $percent }%.
balance-bonuses = 🎁 Top-up bonus:
balance-bonus-step = · top up { $amount } or more: +{ $percent }%
notify-wallet-bonus = 🎁 Top-up bonus: +{ $bonus }.
catalog-sale = 🔥 Sale: −{ $percent }% { $category ->
        [all] on everything
       *[other] on { $category }
    } until { $until } UTC.
admin-sale-usage = /sale 20% 24h [category] — a flash sale (1-90 %, up to 744 h) · /sale off · /sale — the running one
admin-sale-started = 🔥 Sale on: −{ $percent }% on { $category } until { $until } UTC. Prices never go below the panel's cost.
admin-sale-everything = everything
admin-sale-off = Sale ended.
admin-sale-none = No sale is running.
admin-sale-unknown-category = No category is called { $category }.
button-send-fast = ⚡ Fast (paid): ~{ $stars } ⭐
admin-broadcast-fast-offer = At the normal pace this takes about { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. ⚡ Fast (paid) sends up to 1,000 messages a second and costs about { $stars } Telegram Stars from the bot's balance.
button-api-access = 🔌 API access
button-api-create = 🔑 Create a key
button-api-rotate = 🔄 Rotate the key
button-api-revoke = 🗑 Revoke the key
button-api-notices-on = 🔔 Notify me of API orders
button-api-notices-off = 🔕 No chat notices of API orders
api-access-title = 🔌 <b>API access</b>
api-access-about = Your panel or shop can buy from this shop through its SMM panel API v2 with your key: the same services, prices and wallet.
    Address: <code>{ $address }</code>
    Documentation: { $docs }
api-access-none = You have no key yet.
api-access-active = A key is active since { $date } UTC. It was shown once, when created: if you lost it, rotate it.
api-access-disabled = ⛔ The shop switched your API access off.
api-access-notices = Chat notices of API orders: { $state ->
        [on] on
       *[off] off
    }.
api-access-new-key = 🔑 Your new key — shown only now, keep it secret (any previous key stopped working):
    <code>{ $secret }</code>
api-access-revoked = The key was revoked: it no longer works.
api-access-unavailable = This shop does not offer an API.
admin-api-usage = /api_off ID — switch a customer's API key off · /api_on ID — back on
admin-api-off = 🔌 API access of { $user } is off.
admin-api-on = 🔌 API access of { $user } is on.
order-card-via-api = 🔌 Placed through the API
api-doc-title = SMM panel API v2
api-doc-intro = Buy this shop's services from your own panel or shop. Every request is a POST with form fields (or JSON) and your key; answers are JSON, amounts in { $currency }. Your key is in the bot: Balance → API access.
api-doc-address = Address:
api-doc-format = Errors are answered as { $shape } with HTTP 200, as panels do; more than 10 requests a second (bursts of 20) from one key get HTTP 429.
api-doc-services = The services this shop sells, at its prices per 1000.
api-doc-add = Places an order, charged from your wallet; each service's type asks for its own fields (as in API v2).
api-doc-status = An order's status, or up to 100 at once.
api-doc-refill = Asks for a refill of a delivered order within its guarantee.
api-doc-refill-status = A refill's status, or up to 100 at once.
api-doc-cancel = Asks to cancel orders that have not started.
api-doc-balance = Your wallet.
api-doc-parameters = Parameters:
api-doc-example-request = Example request:
api-doc-example-answer = Example answer:
api-doc-errors = Errors
cmd-api = API access: your key to this shop's API
cmd-sale = A flash sale: /sale 20% 24h [category], /sale off
cmd-api-off = Switch a customer's API key off
cmd-api-on = Switch a customer's API key back on
service-paused = ⏸ Temporarily unavailable: this service cannot be ordered right now.
catalog-recommended = ⭐ Recommended
admin-service-panel-name = Panel's name: { $name }
admin-service-shown-name = Customers see: { $name }
admin-service-state = { $state ->
        [hidden] 🙈 Hidden from customers
        [paused-admin] ⏸ Paused by an admin
        [paused-vanished] ⏸ Paused: no panel lists it now (back by itself when one does)
        [paused-below_cost] ⏸ Paused: its price is under the panel's cost
        [paused-quarantine] ⏸ Quarantined: its recent orders failed (back after probation, or /service ID resume)
       *[on-sale] ✅ On sale
    }
admin-service-featured = ⭐ Featured: first in its category and in Recommended
admin-category-usage = Usage: /category NAME hide|show · /category NAME rename NEW NAME
admin-category-done = ✅ Category { $name } updated.
admin-price-usage = Usage: /price ID AMOUNT (per 1000; no catalog refresh moves it) · /price ID off (back to the markup)
admin-price-set = ✅ Service { $id } now sells at { $price } per 1000.
admin-price-below-cost = ⏸ That is under the panel's cost ({ $cost }): the service is paused until its price covers the cost again.
admin-prices-usage = Usage: /prices ID
admin-prices-title = 📈 <b>{ $name }</b> (#{ $id })
admin-prices-now = Today: { $price } per 1000 · the panel's cost { $cost }
admin-prices-none = No cost change recorded yet.
admin-prices-move = · { $at } { $panel }: { $old } → { $new }
admin-audit-empty = Nothing recorded yet.
admin-audit-title = 📜 <b>The latest { $count ->
        [one] action
       *[other] { $count } actions
    }</b>
admin-audit-line = { $at } · { $actor } · { $action } { $subject }: { $before } → { $after }
admin-catalog-digest = 📊 <b>Catalog changes</b> — dearer: { $dearer } · cheaper: { $cheaper } · vanished: { $vanished } · new: { $appeared }
admin-catalog-move = · #{ $id } { $name }: { $old } → { $new } ({ $change }%)
admin-alert-below-cost = ⏸ Service #{ $id } { $name } is paused: its price { $price } is under the panel's cost { $cost }. It resumes when the price covers the cost (/price { $id } …).
admin-alert-low-margin = ⚠️ Service #{ $id } { $name }: the margin is under { $margin }% (price { $price }, cost { $cost }).
topic-catalog = 📊 Catalog
cmd-category = Hide, show or rename a category
cmd-price = A hand-set price per 1000 for a service
cmd-prices = A service's cost history and price today
cmd-audit = The latest admin actions on money and the catalog
app-console = ⚙️ Admin
app-console-forbidden = This console is for the shop's admins only.
app-console-catalog = Catalog
app-console-attention = Attention
app-console-panels = Panels
app-console-stats = Stats
app-console-audit = Audit
app-console-search = Search id, name or category
app-console-filter-all = All services
app-console-filter-hidden = Hidden
app-console-filter-paused = Paused
app-console-filter-vanished = Vanished
app-console-filter-low_margin = Low margin
app-console-filter-featured = Featured
app-console-col-id = ID
app-console-col-name = Name
app-console-col-category = Category
app-console-col-panel = Panel
app-console-col-cost = Cost
app-console-col-price = Price
app-console-col-margin = Margin
app-console-col-status = Status
app-console-status-on_sale = On sale
app-console-status-hidden = Hidden
app-console-status-admin = Paused
app-console-status-vanished = Vanished
app-console-status-below_cost = Under cost
app-console-status-quarantine = Quarantined
app-console-hide = Hide
app-console-show = Show
app-console-pause = Pause
app-console-resume = Resume
app-console-feature = Feature
app-console-unfeature = Unfeature
app-console-rename = Rename
app-console-markup = Markup %
app-console-price = Price per 1000
app-console-value = New name, percent or price
app-console-apply = Apply
app-console-selected = Selected:
app-console-history = Cost history
app-console-refund = Refund
app-console-attach = Attach
app-console-panel-order = Panel order id
app-console-nothing = Nothing needs attention.
app-console-up = Up
app-console-down = Down
app-console-balance = Balance
app-console-owed = Owed
app-console-orders = Orders
app-console-revenue = Revenue
app-console-cost = Panel cost
app-console-profit = Profit
app-console-new-users = New customers
app-console-done = Done.
app-console-shown = Shown:
private-chat-only = I work in a private chat: open { $bot } and write to me there.
admin-refund-stars-short = Nothing was refunded: the refund takes back { $amount } (the payment and any bonus it earned), and the wallet holds { $balance }.
topup-expired = This invoice has expired. Ask for a new top-up: it takes a tap.
cmd-backup = Send a backup of the database
admin-backup-making = 🗄 Making a backup of the database…
admin-backup-caption = 🗄 Backup of the shop's database ({ $size }). Keep it somewhere safe: it holds every wallet and order. Restore into an empty database with <code>python -m bot restore FILE</code>.
admin-backup-unavailable = No backup could be made: { $why }
admin-backup-too-large = The backup is { $size }: more than Telegram takes from a bot (50 MB). Copy the database file from the server instead.
inline-service-description = { $rate } per 1000 · { $limits }
inline-service-message = 🛒 <b>{ $name }</b>
{ $rate } per 1000
inline-order-button = 🛒 Order in the bot
inline-no-services = No service found: open the shop
button-share-card = 📇 Send as a card to a chat
button-share-result = 📣 Share the result
inline-open-shop = 🛒 Open the shop
inline-invite-title = 🤝 Invite to the shop
inline-invite-description = A card with your link: who joins through it is yours
inline-invite-card = 🚀 Followers, likes, views and more — ordered in a minute, right here in Telegram.
inline-result-title = 📣 The result of order #{ $id }
inline-result-card = ✅ { $delivered ->
        [one] { $delivered } delivered
       *[other] { $delivered } delivered
    }: { $service }
app-share-unavailable = The card could not be prepared right now. Please try again in a moment.
app-share = 📇 Share the shop
app-home-offer = 📲 Add the shop to your home screen: one tap to it next time.
app-home-add = Add
app-home-later = Not now
cmd-plans = Plans: an order every 30 days, in Stars
cmd-plan = Recurring plans: /plan add, /plan off
button-plans = 🔁 Plans
plans-title = 🔁 <b>Plans</b> — an order every 30 days, paid in Telegram Stars. Cancel any time: the period paid runs to its end.
plans-none = No plans are on sale right now.
plans-mine = <b>Your plans</b>
plans-demo = 🧪 This is a demo shop: plans are shown, not sold.
plan-line = <b>{ $plan }</b> — { $quantity } × { $service } · ⭐ { $stars } per 30 days
plan-service-gone = a service no longer sold
plan-mine-renews = <b>{ $plan }</b> → { $link } · renews on { $date }
plan-mine-ends = <b>{ $plan }</b> → { $link } · cancelled, ends on { $date }
button-plan-subscribe = 🔁 Subscribe: { $plan }
button-plan-cancel = ✖️ Cancel { $plan }
button-plan-resume = 🔁 Renew { $plan } again
button-plan-pay = ⭐ Subscribe: { $stars } per 30 days
plan-ask-link = 🔗 Send the link each order of <b>{ $plan }</b> goes to, for example { $example }
plan-bad-link = This link cannot be used for this plan. Send a full link, for example https://instagram.com/yourname
plan-gone = This plan is no longer available.
plan-unavailable = Telegram could not be reached just now. Please try again in a moment.
plan-invoice = { $quantity } to { $link }, every 30 days
plan-summary = 🔁 <b>{ $plan }</b>
    { $quantity } to { $link }, every 30 days.
    Price: ⭐ { $stars } per 30 days, paid in Telegram Stars; the first order is placed as soon as you pay.
plan-refused = This plan cannot be paid now. Open Plans and start again.
plan-cancelled = { $plan } is cancelled: it runs until { $date } and will not renew.
plan-resumed = { $plan } renews again on { $date }.
plan-period-placed = 🔁 Plan <b>{ $plan }</b>: this period is paid and order #{ $id } is placed. Paid until { $date }.
plan-period-credited = 🔁 Plan <b>{ $plan }</b>: this period is paid, but its order could not be placed now. { $amount } was added to your wallet instead. Paid until { $date }.
plan-ended-cancelled = 🔁 Your plan <b>{ $plan }</b> has ended: it was cancelled. Subscribe again any time in Plans.
plan-ended-unpaid = 🔁 Your plan <b>{ $plan }</b> has ended: its renewal was not paid. Subscribe again any time in Plans.
plan-error-service = Service { $id } is not on sale: pick one from the catalog.
plan-error-form = Service { $id } asks more than a link and a quantity: a plan cannot order it.
plan-error-quantity = The quantity must be from { $min } to { $max } for this service.
admin-plan-usage = Plans: <code>/plan add SERVICE_ID QUANTITY STARS NAME</code> (Stars per 30 days, at most 10000), <code>/plan off ID</code>, <code>/plan</code> to list them.
admin-plan-added = ✅ Plan #{ $id } <b>{ $plan }</b> is on sale: { $quantity } × { $service } for ⭐ { $stars } per 30 days. Each period credits the order's list price today, { $price } (⭐ { $stars } = { $worth } at your Stars rate).
admin-plan-off = Plan #{ $id } is no longer sold. Running subscriptions go on until their customers cancel.
admin-plan-unknown = No such plan on sale.
admin-plan-line = #{ $id } <b>{ $plan }</b> — { $quantity } × service { $service } · ⭐ { $stars } · { $on_sale ->
        [yes] on sale
       *[no] off sale
    }
app-plan-link = The link each order goes to
app-plan-pay = ⭐ Pay with Telegram Stars
record-too-few = 📊 Not enough orders yet to show a record ({ $count ->
        [one] { $count } order so far
       *[other] { $count } orders so far
    }).
record-reliable = ✅ Reliable
record-bad = ⚠️ Recent orders often fail
record-starts = usually starts in { $duration }
record-done-per-thousand = done in { $duration } per 1,000
record-done = done in { $duration }
record-completed = { $percent } % completed ({ $count ->
        [one] { $count } order
       *[other] { $count } orders
    })
admin-quarantined = ⏸ Service { $id } <b>{ $name }</b> is quarantined: { $failed } of its last { $of } orders were canceled or never started. New orders are paused until { $until }; <code>/service { $id } resume</code> brings it back now.
app-reliable-only = ✅ Reliable only
admin-routes-rule = Order: panels up first; among them the better measured record (✅ first, ⚠️ last), then the cheapest or by priority; a route whose recent orders stopped starting (🚫) is used only when no other can take the order, until it proves itself. Never below cost.
admin-route-stopped = 🚫 recent orders never started
admin-route-record-few = too few orders yet ({ $count ->
        [one] { $count } order
       *[other] { $count } orders
    })
admin-route-record = { $badge } { $percent } % completed ({ $count ->
        [one] { $count } order
       *[other] { $count } orders
    })
record-refills = { $percent } % needed a refill
app-console-col-completed = Completed
app-console-col-orders = Orders
app-console-record = Record by panel
app-console-timeline = Orders per day, last 30 days
notify-order-replaced = 🔁 Order #{ $old } did not start on its panel: it was canceled and refunded, and placed again as order #{ $new } on another one. Charged once.
notify-order-not-replaced = 🔁 Order #{ $old } did not start: it was canceled and refunded to the wallet, but it could not be placed elsewhere now.
button-replace-order = 🔁 Cancel and re-place on { $panel }
admin-replace-asked = Cancel asked. The order is placed on the other panel once this one confirms the cancel (never both).
admin-replace-waiting = Its cancel is already awaited: the order is re-placed once it is confirmed.
admin-replace-not-possible = This order cannot be re-placed: it has started, or no other panel sells it within its price.
admin-replace-cancel-refused = The panel does not cancel this order: it is not re-placed.
staff-refused = 🔒 Your role ({ $role }) cannot do this: it needs { $needed ->
        [support] support
        [manager] a manager
       *[owner] the owner
    }.
cmd-staff = Your team: roles and the managers' refund limit
admin-staff-title = 👥 <b>Staff</b> (the owners are ADMIN_IDS):
admin-staff-line = { $user }: { $role }
admin-staff-none = Nobody yet.
admin-staff-limit = A manager refunds at most { $amount } at once.
admin-staff-usage = <code>/staff add ID|@name viewer|support|manager</code> · <code>/staff remove ID|@name</code> · <code>/staff limit AMOUNT</code>. Viewer: stats. Support: tickets and order lookups. Manager: catalog, prices, orders, refunds up to the limit.
admin-staff-added = ✅ { $user } is now { $role }.
admin-staff-removed = ✅ { $user } is no longer staff.
admin-staff-owner = That is an owner (ADMIN_IDS): an owner's role is not changed here.
staff-over-limit = 🔒 This refund is over your limit ({ $limit }): the owner can do it.

## The owner's setup inside Telegram
cmd-setup = Set the shop up, step by step
cmd-settings = Every setting and where it comes from
setup-needs-code = Send <code>/setup CODE</code> with the code the bot printed in its log when it started.
setup-wrong = ❌ That setup code is not right. Copy it from the bot's log (the line with SETUP CODE).
setup-too-many = ⏳ Too many wrong codes. Try again in an hour.
setup-taken = This shop already has an owner.
setup-claimed = 👑 You own this shop now. Let's set it up: each step has Back and Skip, and /settings changes anything later.
setup-step = ⚙️ <b>Setup</b> · step { $number } of { $total }
setup-from-env = { $names }: set in the environment, which wins over the wizard (<code>{ $value }</code>). Change it there, or go on.
setup-ask-panel-url = 🔌 <b>Your SMM panel.</b> Send its API address — it usually ends in <code>/api/v2</code> (now: <code>{ $current }</code>).
setup-ask-panel-key = 🔑 Now send the panel's API key (from your account's API page). I check it at once and delete your message.
setup-ask-markup = 💹 <b>Markup</b>: how much customers pay on top of the panel's price, in percent (now { $current } %).
setup-ask-currency = 💱 <b>Wallet currency</b> customers see (now { $current }). Send a 3-letter code such as USD or EUR — prices are not converted, so name the currency your panel charges in — or keep the panel's.
setup-ask-language = 🌐 <b>Language</b> of the shop for customers whose Telegram speaks none of the shop's (now { $current }).
setup-ask-support = 🛟 <b>Support group</b> (now { $current }): make me an admin of a supergroup with Topics turned on and I will offer it here — or send its id (it starts with -100).
setup-ask-stars = ⭐ <b>Stars rate</b>: how many Telegram Stars buy 1 unit of the wallet currency (now { $current }).
setup-ask-crypto = 🪙 <b>Crypto Pay</b> token from @CryptoBot → Crypto Pay → My Apps (now { $current }). I check it and delete your message.
setup-ask-webapp = 📱 <b>Mini App address</b>: the public https address of this bot's <code>/app/</code> page (now { $current }).
setup-currency-panel = The panel's currency
setup-skip = Skip ➡️
setup-next = Next ➡️
setup-back = ⬅️ Back
setup-checking = ⏳ Checking…
setup-saved = ✅ Saved. The shop uses it from now on.
setup-refused = ❌ Not saved: { $reason }
setup-done = 🎉 Setup is done. /settings shows every setting and where it comes from; /setup walks these steps again.
setup-over = This setup has ended: send /setup to start it again.
setup-markup-bad = Send a percentage between 0 and 1000, for example 30.
setup-panel-ok = ✅ The panel answers: { $services ->
        [one] { $services } service
       *[other] { $services } services
    }, balance { $balance }.
setup-panel-unreachable = ❌ The panel cannot be reached ({ $detail }). Check the address, then send the key again — or go Back to change the address.
setup-panel-bad-key = ❌ The panel refused the key ({ $detail }). Send the right key.
setup-panel-not-api-v2 = ❌ Something answers at that address, but not an SMM panel API v2 ({ $detail }). Go Back and send the API address — usually it ends in /api/v2.
setup-crypto-ok = ✅ Crypto Pay answers: app “{ $app }”.
setup-crypto-refused = ❌ Crypto Pay refused the token ({ $detail }). Send the right one, or Skip.
setup-group-found = 🛟 I am now an admin of “{ $title }”. Use it as the support group, where tickets open as topics?
setup-group-no-topics = ⚠️ Its Topics are off: turn them on in the group's settings first.
setup-group-use = ✅ Use this group
setup-group-set = ✅ Support group saved.
settings-title = ⚙️ <b>Settings</b> — value · where it comes from (🔒: the environment's only)
settings-line = <code>{ $name }</code> = { $value } · { $source } { $lock }
settings-source-environment = environment
settings-source-setup = set here
settings-source-default = default
settings-source-parent = from the parent shop
settings-usage = <code>/settings NAME value</code> changes one (a name set in the environment wins), <code>/settings NAME -</code> forgets it; /setup walks through the main ones.
settings-unknown = There is no setting { $name }: /settings lists them.
settings-use-markup = The default markup is set with /markup (it applies at once).
settings-changed = ✅ { $name } saved: the shop restarts with it in a moment.
app-console-settings = Settings
app-console-settings-bad = Send the settings to change as {"{"}"changes": {"{"}"NAME": "value"{"}"}{"}"}, at most 4.
app-console-settings-save = Save
app-console-settings-saved = ✅ Saved: the shop restarts with it in a moment.
app-console-settings-panel = 🔌 Panel: API address and key (checked before they are kept)
app-console-settings-check = Check and save

## Child shops
cmd-shops = Child shops: list, suspend, resume
button-own-shop = 🏪 Your own shop
child-offer = 🏪 <b>Your own shop</b> — a Telegram bot of your own that sells this shop's services under your name.
    • Your customers, your prices: markup { $markup } % to start, then your own promo codes, broadcasts, stats and console.
    • Your customers pay you: Stars go to your bot's balance, Crypto Pay to your own app.
    • Each order they place is paid from your wallet here, at your price — keep it topped up.
    Tap the button below: Telegram creates the bot, and it runs within seconds.
child-fee = It costs { $stars } ⭐ a month.
child-free = It is free.
child-create = 🤖 Create my shop bot
child-not-now = Not now
child-later = Whenever you like: Balance → 🏪 Your own shop.
child-starting = ⏳ Starting your shop…
child-suggested-name = { $name }'s shop
child-running = ✅ Your shop @{ $username } is running. Open it and send /start: you are its owner. Markup is { $markup } % (/markup changes it), /settings shows the rest, /stats your sales. Orders are paid from your wallet here: top it up before your customers buy.
child-paused = ⏸ This shop is paused for now. Please come back later.
child-shops-title = 🏪 <b>Child shops</b>: { $count ->
        [one] { $count } shop
       *[other] { $count } shops
    }
child-shop-line = <b>@{ $username }</b> (<code>{ $bot_id }</code>) · { $state }
    owner <code>{ $owner }</code> · wallet here { $wallet }
    customers { $customers } · 30 days: { $orders } orders, { $volume }
child-state-running = running
child-state-suspended = ⏸ suspended
child-state-owner-banned = 🚫 owner banned: no new orders
child-shops-none = No child shops yet.
child-shops-usage = <code>/shops suspend BOT_ID</code> · <code>/shops resume BOT_ID</code>
child-now-suspended = ⏸ Shop { $bot_id } is suspended: its customers are told it is paused.
child-now-running = ▶️ Shop { $bot_id } runs again.
button-child-topup = 👛 Top up my wallet
child-parent-funds = 🚨 Your wallet at @{ $parent } cannot pay for an order: your customers see “temporarily unavailable” and nothing was charged. Top it up to sell again.
child-parent-refused = 🚫 @{ $parent } takes no orders from your shop: your account there is blocked. Your customers see “temporarily unavailable” and nothing was charged; write to @{ $parent }'s support.
button-child-fee-pay = ⭐ Pay the monthly fee
child-fee-first = It costs { $stars } ⭐ a month: your shop runs { $days ->
        [one] { $days } day
       *[other] { $days } days
    } before the first payment.
child-fee-title = Shop @{ $username }
child-fee-description = A month of your shop @{ $username } on this shop's catalog, renewed every 30 days until you cancel.
child-fee-ask = Your shop @{ $username }: { $stars } ⭐ a month, renewed by Telegram until you cancel.
child-fee-link = Pay { $stars } ⭐ a month
child-fee-unavailable = Telegram could not make the invoice just now: please try again in a minute.
child-fee-refused = This invoice is no longer valid: open your shop's Pay button again.
child-fee-thanks = ✅ Thank you: your shop @{ $username } runs until { $until } and renews by itself.
child-fee-lapsed = ⏸ Your shop @{ $username } is paused: its monthly fee was not paid. Its customers are told it is paused; pay to open it again at once.
app-own-shop = 🏪 Your own shop
app-console-shops = Shops
app-console-shops-none = No child shops yet: with CHILD_SHOPS on, customers create theirs from Balance → 🏪 Your own shop.
app-console-shop-running = ▶️ running
app-console-shop-suspended = ⏸ suspended
app-console-shop-unpaid = ⏸ fee unpaid
app-console-shop-suspend = Suspend
app-console-shop-resume = Resume
child-too-many = You already run { $most ->
        [one] { $most } shop
       *[other] { $most } shops
    } here: that is the most one person may run. This new bot was not started.

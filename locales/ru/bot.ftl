language-name = 🇷🇺 Русский

menu-new-order = Новый заказ
menu-my-orders = Мои заказы
menu-balance = Баланс
menu-help = Помощь
menu-language = Язык

start-greeting = 👋 Здравствуйте, { $name }!
    Я продаю услуги для соцсетей: подписчиков, лайки, просмотры, комментарии и многое другое.
    Нажмите <b>Новый заказ</b>, чтобы выбрать услугу, или <b>Баланс</b>, чтобы пополнить кошелёк.
help-text = <b>Как это работает</b>
    1. <b>Новый заказ</b> → выберите категорию и услугу (или напишите слова для поиска).
    2. Ответьте на вопросы услуги: ссылка, количество…
    3. Проверьте цену и нажмите <b>Подтвердить</b>: оплата списывается с кошелька.
    4. Я напишу, когда заказ начнётся, завершится или будет возвращён.
    <b>Мои заказы</b> — ваши заказы с кнопками «Обновить», «Докрутка» и «Отменить».
    /cancel останавливает текущий шаг в любой момент.
    Inline: напишите @имя этого бота и номер заказа в любом чате.
language-choose = Выберите язык:
language-set = ✅ Язык изменён.
cancelled = Отменено. Ничего не списано.
nothing-to-cancel = Отменять нечего.
unknown-command = Я не знаю такой команды. Воспользуйтесь меню ниже или /help.
use-menu = Воспользуйтесь меню ниже: <b>Новый заказ</b>, <b>Мои заказы</b>, <b>Баланс</b>.
stale-button = Эта кнопка устарела. Откройте меню заново.
banned = Ваш доступ к боту приостановлен. Если это ошибка, обратитесь в поддержку.
throttled = ⏳ Слишком много сообщений сразу. Пожалуйста, помедленнее.
error-generic = 😕 У нас что-то пошло не так (код { $code }). Дважды ничего не списано; попробуйте ещё раз.
panel-unavailable = Поставщик временно недоступен. Попробуйте через несколько минут.
yes = да
no = нет

catalog-categories = 📂 <b>Выберите категорию</b> (стр. { $page }/{ $pages })
    Или напишите несколько слов для поиска по всем услугам.
catalog-services = 📂 <b>{ $category }</b> — { $count ->
        [one] { $count } услуга
        [few] { $count } услуги
        [many] { $count } услуг
       *[other] { $count } услуги
    } (стр. { $page }/{ $pages })
    Цены за 1000.
catalog-unavailable = Список услуг временно недоступен. Попробуйте через минуту.
search-nothing = По запросу «{ $query }» ничего не найдено. Попробуйте другие слова или выберите категорию.
search-results = По запросу «{ $query }» { $count ->
        [one] найдена { $count } услуга
        [few] найдено { $count } услуги
        [many] найдено { $count } услуг
       *[other] найдено { $count } услуги
    }:
service-id = ID услуги: { $id }
service-price = Цена: <b>{ $price } { $currency }</b> за 1000
service-limits = Заказ от { $min } до { $max }
service-refill-yes = ♻️ Докрутка: есть
service-refill-no = ♻️ Докрутка: нет
service-cancel-yes = ✖️ Отмена: есть
service-cancel-no = ✖️ Отмена: нет
service-not-orderable = ⚠️ Этот тип услуги ({ $type }) пока нельзя заказать в этом боте.
service-gone = Эта услуга больше недоступна. Выберите другую.

button-order = 🛒 Заказать
button-back = ⬅️ Назад
button-cancel = Отменить
button-skip = Пропустить
button-confirm = ✅ Подтвердить
button-edit = ✏️ Изменить
button-refresh = 🔄 Обновить
button-refill = ♻️ Докрутка
button-order-again = 🔁 Заказать снова
button-open-order = Открыть заказ
button-topup = ⭐ Пополнить на { $amount }
button-resolve-refund = ↩️ Вернуть деньги клиенту
button-resolve-attach = 🔗 Привязать заказ панели
button-send = 📣 Отправить

form-start = 📝 Заказ: <b>{ $service }</b>
    Отправьте /cancel или нажмите «Отменить», чтобы прервать.
form-text-only = Пожалуйста, ответьте текстом.
field-link = 🔗 Отправьте ссылку (например, { $example }).
field-quantity = 🔢 Сколько? Отправьте число от { $min } до { $max }.
field-dripfeed = 💧 Доставить всё сразу или в несколько заходов (drip-feed)?
field-runs = 💧 Сколько заходов? ({ $low }–{ $high }). Каждый заход доставляет выбранное количество.
field-interval = ⏱ Минут между заходами? ({ $low }–{ $high })
field-comments = 💬 Отправьте комментарии, по одному в строке ({ $min }–{ $max } строк для считаемых комментариев).
field-usernames = 👥 Отправьте имена пользователей, по одному в строке.
field-hashtags = #️⃣ Отправьте хэштеги, по одному в строке.
field-keywords = 🔑 Отправьте ключевые слова, по одному в строке.
field-groups = 👥 Отправьте группы, по одной в строке.
field-hashtag = #️⃣ Отправьте хэштег.
field-username = 👤 Отправьте имя пользователя (можно без @).
field-media = 🖼 Отправьте ссылку на публикацию.
field-answer-number = 🗳 Какой номер ответа должен получить голоса? ({ $low }–{ $high })
field-min = 🔢 Минимум на публикацию? ({ $min }–{ $max })
field-max = 🔢 Максимум на публикацию? ({ $min }–{ $max })
field-posts = 📮 Сколько новых публикаций? ({ $low }–{ $high })
field-old-posts = 📮 Сколько уже существующих публикаций? ({ $low }–{ $high }) — или «Пропустить».
field-delay = ⏱ Задержка перед каждой доставкой (минуты):
field-expiry = 📅 Дата окончания в формате дд/мм/гггг — или «Пропустить».
field-country = 🌍 Страна посетителей (например, US или United States).
field-device = 💻 Какие устройства?
field-type-of-traffic = 🚦 Тип трафика?
field-google-keyword = 🔑 Ключевое слово для поиска Google.
field-referring-url = 🔗 URL источника перехода.

label-link = Ссылка
label-quantity = Количество
label-dripfeed = Drip-feed
label-runs = Заходы
label-interval = Интервал (мин)
label-comments = Комментарии
label-usernames = Имена пользователей
label-hashtags = Хэштеги
label-keywords = Ключевые слова
label-groups = Группы
label-hashtag = Хэштег
label-username = Имя пользователя
label-media = Публикация
label-answer-number = Номер ответа
label-min = Мин
label-max = Макс
label-posts = Публикации
label-old-posts = Старые публикации
label-delay = Задержка (мин)
label-expiry = Окончание
label-country = Страна
label-device = Устройство
label-type-of-traffic = Тип трафика
label-google-keyword = Ключевое слово Google
label-referring-url = Источник перехода

choice-dripfeed-no = Всё сразу
choice-dripfeed-yes = Drip-feed
choice-delay = { $value } мин
choice-device-1 = Компьютер
choice-device-2 = Телефон (Android)
choice-device-3 = Телефон (iOS)
choice-device-4 = Телефоны вперемешку
choice-device-5 = Все устройства
choice-type_of_traffic-1 = Ключевое слово Google
choice-type_of_traffic-2 = Свой источник
choice-type_of_traffic-3 = Без источника

invalid-number = Это не целое число. Отправьте число от { $min } до { $max }.
invalid-range = Число должно быть от { $min } до { $max }.
invalid-too-long = Слишком длинно: не больше { $max } символов.
invalid-link = Это не похоже на ссылку. Отправьте полную ссылку, например { $example }.
invalid-lines-empty = Отправьте хотя бы одну строку.
invalid-line-too-long = Строка слишком длинная: не больше { $max } символов в строке.
invalid-lines-count = Вы отправили { $count ->
        [one] { $count } строку
        [few] { $count } строки
        [many] { $count } строк
       *[other] { $count } строки
    }; для этой услуги нужно { $min }–{ $max }.
invalid-date = Отправьте дату в формате дд/мм/гггг, например 31/12/2027.
invalid-date-past = Дата должна быть в будущем.
invalid-username = Недопустимое имя пользователя (буквы, цифры, точки и подчёркивания).
invalid-hashtag = Недопустимый хэштег (буквы, цифры и подчёркивания).
invalid-empty = Пожалуйста, отправьте значение.
invalid-choice = Пожалуйста, выберите одну из кнопок.

summary-title = 🧾 <b>Проверьте заказ</b>
summary-price = 💵 Цена: <b>{ $price }</b>
summary-balance = 👛 Кошелёк: { $balance } → после: { $after }
summary-not-enough = ⚠️ Недостаточно средств: не хватает { $missing }. Пополните кнопкой ниже: заказ ждёт 30 минут по этой цене, и после оплаты вы оформите его одним нажатием.
summary-use-buttons = Нажмите «Подтвердить», «Изменить» или «Отменить» под сводкой.
summary-outdated = Эта сводка устарела. Начните новый заказ из меню.
price-changed = Цена изменилась. Проверьте новую сводку.
placing = ⏳ Оформляю заказ…
order-placed = ✅ Заказ #{ $id } оформлен! Я буду сообщать о ходе выполнения. Он в разделе <b>Мои заказы</b>.
order-already-placed = Этот заказ уже оформлен (заказ #{ $id }). Дважды ничего не списано.
order-no-funds = 👛 Недостаточно средств: не хватает { $missing }. Пополните кнопкой ниже: заказ ждёт 30 минут по этой цене, и после оплаты вы оформите его одним нажатием.
order-uncertain = ⏳ Заказ #{ $id }: поставщик не дал чёткого ответа. Мы проверяем; оплата удерживается и вернётся, если заказ не был создан.
nothing-charged = Ничего не списано.
order-refunded = Оплата возвращена на ваш кошелёк.
order-error-link = ❌ Поставщик не принял эту ссылку. Проверьте, что она верная и открытая.
order-error-quantity = ❌ Поставщик не принял это количество. Проверьте минимум и максимум услуги.
order-error-duplicate = ❌ По этой ссылке уже есть активный заказ. Дождитесь его завершения.
order-error-service = ❌ Эта услуга больше недоступна.
order-error-unavailable = 😕 Заказы временно недоступны. Попробуйте позже.

orders-empty = У вас пока нет заказов. Нажмите <b>Новый заказ</b>, чтобы начать.
orders-title = 📦 <b>Ваши заказы</b> ({ $count }) — стр. { $page }/{ $pages }
order-not-found = Заказ не найден.
order-card-title = <b>Заказ #{ $id }</b>
order-card-service = Услуга: { $service }
order-card-link = Ссылка: { $link }
order-card-quantity = Количество: { $quantity }
order-card-charge = Списано: { $charge }
order-card-status = Статус: { $status }
order-card-start-count = Начальный счётчик: { $start }
order-card-progress = Выполнено: { $delivered } · Осталось: { $remains }
order-card-refund = Возвращено: { $amount }
order-card-changed = Обновлено: { $at }
order-card-refill = Докрутка: { $status }
refill-requested = ♻️ Докрутка запрошена. Я сообщу результат.
refill-not-eligible = Докрутка для этого заказа недоступна.
cancel-requested = ✖️ Отмена запрошена. Если поставщик отменит заказ, деньги вернутся автоматически.
cancel-not-eligible = Этот заказ уже нельзя отменить.

stage-placing = Оформляется
stage-uncertain = На проверке
stage-rejected = Возвращён
stage-pending = Ожидает
stage-in-progress = Выполняется
stage-processing = Обрабатывается
stage-completed = Выполнен
stage-partial = Частично
stage-canceled = Отменён
stage-unknown = Неизвестно
stage-stuck = На рассмотрении
refill-stage-pending = ожидает
refill-stage-in-progress = выполняется
refill-stage-completed = выполнена
refill-stage-rejected = отклонена
refill-stage-unknown = неизвестно
refill-stage-failed = не удалось отследить

notify-order-status = 🔔 Заказ #{ $id }: { $status }
notify-refill-done = ♻️ Докрутка заказа #{ $id } выполнена.
notify-refill-rejected = ♻️ Поставщик отклонил докрутку заказа #{ $id }.
notify-refill-failed = ♻️ Поставщик перестал отвечать о докрутке заказа #{ $id }. Вы можете запросить докрутку снова из карточки заказа.
notify-wallet-credit = 👛 На ваш кошелёк зачислено { $amount }.
notify-generic = 🔔 Обновление

balance-text = 👛 Ваш кошелёк: <b>{ $balance }</b>
    Пополните его звёздами Telegram (Stars) ниже.
topup-title = Пополнение кошелька
topup-description = { $amount } на ваш кошелёк.
topup-done = ✅ Зачислено { $amount }. Кошелёк: { $balance }.
topup-refused = Этот платёж не может быть принят. Начните новое пополнение.
topup-usage = Выберите сумму:

inline-start-bot = Откройте бота, чтобы увидеть свои заказы
inline-no-orders = Заказы не найдены
inline-order-title = #{ $id } · { $status }
inline-order-description = { $service } · { $delivered }/{ $quantity }

admin-credit-usage = Использование: /credit &lt;id или @имя&gt; &lt;сумма&gt; [причина]
admin-debit-usage = Использование: /debit &lt;id или @имя&gt; &lt;сумма&gt; [причина]
admin-user-not-found = Пользователь { $user } не найден (он должен был запустить бота).
admin-bad-amount = Сумма должна быть положительным числом, например 10 или 2.50.
admin-debit-too-much = На кошельке нет такой суммы.
admin-wallet-changed = ✅ Кошелёк { $user } теперь { $balance }.
admin-balance = 🏦 Баланс панели: <b>{ $panel }</b>
    👛 Кошельки клиентов: { $wallets }
    📦 Стоимость открытых заказов: { $open }
admin-balance-warning = ⚠️ На панели на { $gap } меньше, чем могут потратить клиенты. Пополните панель.
admin-panel-unreachable = Панель не ответила ({ $error }).
admin-user = 👤 <b>{ $id }</b> @{ $username }
    Кошелёк: { $balance } · заблокирован: { $banned }
admin-banned = ⛔ { $user } заблокирован.
admin-unbanned = ✅ { $user } разблокирован.
admin-banned-shops = { $count ->
    [one] Их магазин { $shops } не принимает новых заказов, пока действует бан.
    [few] Их магазины { $shops } не принимают новых заказов, пока действует бан.
    [many] Их магазины { $shops } не принимают новых заказов, пока действует бан.
   *[other] Их магазины { $shops } не принимают новых заказов, пока действует бан.
}
admin-stats = 📊 <b>За { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }</b>
    Заказов: { $orders } · Новых пользователей: { $users }
    Выручка: { $revenue } · Затраты на панель: { $cost }
    Прибыль: <b>{ $profit }</b>
    Популярные услуги:
admin-markup-default = Наценка по умолчанию: { $percent }%
admin-markup-usage = /markup 30 — по умолчанию · /markup service &lt;id&gt; 40 · /markup category &lt;название&gt; 35 · «off» убирает исключение
admin-markup-no-category = Нет категории «{ $name }».
admin-markup-set = ✅ Наценка { $scope }: { $percent }%
admin-pending-none = Нет заказов, ожидающих решения.
admin-order-user = Клиент: { $user }
admin-already-resolved = Этот заказ уже решён.
admin-resolved-refund = Заказ #{ $id } возвращён ({ $amount }). Клиент уведомлён.
admin-attach-usage = Отправьте /attach { $id } &lt;id заказа панели&gt;, когда найдёте заказ на панели.
admin-attached = ✅ Заказ #{ $id } теперь отслеживается как заказ панели { $panel }.
admin-refreshing = ⏳ Обновляю список услуг…
admin-refreshed = ✅ { $count ->
        [one] { $count } услуга
        [few] { $count } услуги
        [many] { $count } услуг
       *[other] { $count } услуги
    } в { $categories ->
        [one] { $categories } категории
        [few] { $categories } категориях
        [many] { $categories } категориях
       *[other] { $categories } категориях
    }.
admin-broadcast-ask = Отправьте сообщение для рассылки (или /cancel).
admin-broadcast-confirm = Отправить это { $count ->
        [one] { $count } пользователю
        [few] { $count } пользователям
        [many] { $count } пользователям
       *[other] { $count } пользователям
    }?
admin-broadcast-queued = 📣 В очереди для { $count ->
        [one] { $count } пользователя
        [few] { $count } пользователей
        [many] { $count } пользователей
       *[other] { $count } пользователей
    }. Отчёты о ходе будут приходить.
admin-broadcast-progress = 📣 Рассылка: отправлено { $sent }/{ $total }, в очереди { $pending }.
admin-alert-uncertain = ⚠️ Заказ #{ $id } клиента { $user }: результат размещения неясен ({ $error }). Он может существовать на панели. Проверьте и решите:
admin-alert-stuck = ⚠️ Заказ #{ $id } клиента { $user }: панель постоянно выдаёт ошибку; заказ больше не опрашивается. Проверьте и решите:
admin-alert-partial-unknown = ⚠️ Заказ #{ $id } клиента { $user } выполнен частично, но панель не сообщила остаток, поэтому автоматического возврата не было. Проверьте панель и используйте /credit { $user } &lt;сумма&gt; для недоставленной части.
admin-alert-panel = 🚨 Панель { $panel } отклонила заказ: { $error }. Заказы уходят на другую панель, если она продаёт услугу; иначе клиенты видят «временно недоступно», пока вы не исправите.
admin-alert-error = 🐞 Неожиданная ошибка { $code }: { $error }. Смотрите логи.
admin-alert-low-balance = 🪫 Баланс панели { $panel } низкий: { $balance }.
admin-refund-stars-usage = Использование: /refund_stars &lt;id платежа Telegram&gt;
admin-refund-stars-done = ✅ Stars возвращены, с { $user } списано { $amount }.
admin-refund-stars-failed = Telegram отказал в возврате; деньги вернулись на кошелёк. Ничего не возвращено.
admin-refund-stars-uncertain = ⚠️ Возврат Stars на { $amount } пользователю { $user } (платёж <code>{ $charge }</code>): Telegram не ответил определённо. Кошелёк остаётся списанным. Запустите /refund_stars { $charge } ещё раз, чтобы завершить — это безопасно: Telegram сообщит, если возврат уже был.
admin-refund-stars-unknown = Пополнения с таким id нет.

cmd-start = Главное меню
cmd-order = Новый заказ
cmd-orders = Мои заказы
cmd-wallet = Баланс
cmd-topup = Пополнить кошелёк
cmd-language = Язык
cmd-help = Помощь
cmd-cancel = Отменить текущий шаг
cmd-balance = Баланс панели и кошельков
cmd-credit = Зачислить на кошелёк
cmd-debit = Списать с кошелька
cmd-user = О клиенте
cmd-markup = Наценка
cmd-stats = Статистика
cmd-ban = Заблокировать
cmd-unban = Разблокировать
cmd-broadcast = Рассылка всем
cmd-pending = Заказы, ждущие решения
cmd-attach = Привязать id заказа панели
cmd-refund-stars = Вернуть платёж в Stars
cmd-services-refresh = Обновить список услуг

## Delivery times and stalled orders
duration-under-minute = меньше минуты
duration-minutes = около { $count ->
        [one] { $count } минуты
        [few] { $count } минут
        [many] { $count } минут
       *[other] { $count } минуты
    }
duration-hours = около { $count ->
        [one] { $count } часа
        [few] { $count } часов
        [many] { $count } часов
       *[other] { $count } часа
    }
duration-days = около { $count ->
        [one] { $count } дня
        [few] { $count } дней
        [many] { $count } дней
       *[other] { $count } дня
    }
usual-time = ⏱ Обычно выполняется за { $duration }.
usual-time-per-thousand = ⏱ Обычно выполняется за { $duration } на 1000.
order-card-expected = ⏱ Ожидается к { $at } (обычно { $duration })
order-card-late = ⏱ Дольше обычного ({ $duration })
notify-order-stalled = ⏳ Заказ #{ $id } не движется гораздо дольше обычного. Мы разбираемся и сообщим, что выясним.
admin-alert-stalled = ⏳ Заказ #{ $id } клиента { $user } не движется гораздо дольше, чем обычно занимает его услуга. Он есть в /pending.
admin-pending-stalled = ⏳ Не движется гораздо дольше обычного:

## The /stats chart
chart-money-title = Деньги по дням
chart-revenue = Выручка
chart-cost = Затраты на панель
chart-profit = Прибыль
chart-orders-title = Заказы по дням
chart-completed = Выполнены
chart-partial = Частично
chart-canceled = Отменены
chart-open = В работе

## Support tickets
menu-support = Поддержка
button-support = 💬 Поддержка
button-reply = ↩️ Ответить
cmd-support = Написать в поддержку
cmd-close = Закрыть обращение
support-ask = 💬 Напишите сообщение в поддержку: текст, фото или документ. /cancel — отмена.
support-ask-order = 💬 Напишите в поддержку о заказе #{ $id }: текст, фото или документ. /cancel — отмена.
support-sent = ✅ Отправлено в поддержку (обращение #{ $id }). Ответ придёт сюда; всё, что вы отправите сейчас, добавится к обращению.
support-too-many = У вас уже { $count ->
        [one] { $count } открытое обращение
        [few] { $count } открытых обращения
        [many] { $count } открытых обращений
       *[other] { $count } открытых обращения
    }. Пожалуйста, дождитесь ответа.
support-unavailable = Поддержка сейчас недоступна. Попробуйте через несколько минут.
support-media-only = Отправьте текст, фото или документ.
support-ticket-closed = Это обращение закрыто. Нажмите «Поддержка», чтобы написать снова.
support-topic-head = 🎫 Обращение #{ $id } от { $user }
support-private-head = 🎫 Обращение #{ $id } от { $user }. Нажмите «Ответить» под сообщением; /close { $id }, когда вопрос решён.
support-answer-head = 💬 Ответ поддержки (обращение #{ $id }):
support-closed = ✅ Обращение #{ $id } закрыто. Нажмите «Поддержка», если снова понадобится помощь.
support-closed-staff = Обращение #{ $id } закрыто; клиент уведомлён.
support-already-closed = Обращение #{ $id } уже закрыто или не существует.
support-staff-ask = Напишите ответ на обращение #{ $id } (текст, фото или документ).
support-staff-sent = Отправлено клиенту обращения #{ $id }.
support-close-usage = /close &lt;номер обращения&gt;

## Promo codes
button-promo = 🎟 Ввести промокод
cmd-promo = Активировать промокод
promo-ask = 🎟 Отправьте промокод.
promo-credited = 🎉 На кошелёк зачислено { $amount }. Баланс: { $balance }.
promo-discount-ready = 🎉 Скидка { $percent }% на следующий заказ: в сводке будет цена со скидкой.
promo-unknown = Промокода «{ $code }» нет.
promo-expired = Срок промокода «{ $code }» истёк.
promo-used-up = Промокод «{ $code }» закончился.
promo-already-used = Вы уже использовали промокод «{ $code }».
summary-discount = { $source ->
        [tier] 🏅 Ваш уровень: −{ $percent }% (было { $full })
        [sale] 🔥 Распродажа: −{ $percent }% (было { $full })
       *[promo] 🎟 Промокод { $code }: −{ $percent }% (было { $full })
    }
admin-promo-usage = /promo create КОД 5 [использований] [дней] — зачисление · /promo create КОД 10% [использований] [дней] — скидка на следующий заказ · /promo list · /promo off КОД
admin-promo-exists = Код { $code } уже существует.
admin-promo-created = ✅ Промокод { $code } создан.
admin-promo-off = Промокод { $code } отключён.
admin-promo-none = Промокодов пока нет.

## Referrals
menu-referrals = Рефералы
cmd-referrals = Ваша реферальная ссылка
referral-text = 🤝 <b>Рефералы</b>
    Делитесь ссылкой: вы получаете { $percent }% от того, что приглашённые тратят на выполненные заказы.
    { $link }

    Пришли по вашей ссылке: { $joined ->
        [one] { $joined } человек
        [few] { $joined } человека
       *[many] { $joined } человек
    }
    Заработано: { $earned }
referral-text-off = 🤝 <b>Рефералы</b>
    Ваша ссылка: { $link }
    Реферальная программа сейчас приостановлена.

    Пришли по вашей ссылке: { $joined ->
        [one] { $joined } человек
        [few] { $joined } человека
       *[many] { $joined } человек
    }
    Заработано: { $earned }
referral-share-text = Продвигайте свои соцсети с этим магазином:
button-share = 📤 Поделиться
notify-referral-earned = 🤝 На ваш кошелёк зачислено { $amount } реферального вознаграждения.
cmd-referral = Реферальный процент
cmd-refund-order = Вернуть деньги за выполненный заказ
admin-referral-percent = Рефереры получают { $percent }% от выполненных заказов.
admin-referral-off = Реферальная программа выключена.
admin-referral-usage = /referral 5 — задать процент (0–50) · /referral off
admin-stats-referrals = Регистрации по ссылкам: { $joined } · выплачено вознаграждений: { $paid }
admin-refund-order-usage = /refund_order НОМЕР — вернуть деньги за выполненный или частичный заказ
admin-refund-order-refused = Заказ №{ $id } нельзя вернуть: только выполненный или частичный заказ, один раз.
admin-refund-order-done = ✅ Заказ №{ $id }: клиенту возвращено { $amount }; у реферера списано { $commission } вознаграждения.

## Crypto payments and orders waiting for a top-up
button-crypto = 💎 Оплатить криптовалютой
button-crypto-amount = 💎 Оплатить { $amount } криптовалютой
button-crypto-pay = 💎 Оплатить { $amount } в Crypto Bot
cmd-crypto = Пополнить криптовалютой
crypto-choose = 💎 Сколько добавить? Или отправьте /crypto СУММА.
crypto-usage = 💎 Отправьте /crypto СУММА, от { $low } до { $high } (например, /crypto 12.50), или выберите:
crypto-creating = ⏳ Создаём счёт…
crypto-invoice = 💎 Счёт на { $amount }: оплатите его в Crypto Bot любой принимаемой монетой. Кошелёк пополнится, как только платёж подтвердится; счёт действует час.
crypto-unavailable = Оплата криптовалютой временно недоступна. Попробуйте через несколько минут или пополните звёздами.
crypto-off = В этом магазине нет оплаты криптовалютой.
held-ready-title = 💳 Платёж получен: заказ готов к оформлению.
button-place-now = ✅ Оформить заказ
held-order-gone = Этот заказ больше не ждёт (прошло 30 минут или его заменил новый). Начните новый заказ.

## Several panels
cmd-panels = Панели: состояние, баланс, открытые заказы
cmd-routes = Какие панели продают услугу
cmd-route = Связать, отвязать или упорядочить маршрут
admin-panel-up = ✅ работает
admin-panel-down = ⛔ недоступна { $down } с
admin-panel-line = <b>{ $panel }</b> · { $state }
    Баланс: { $balance } · открытых заказов: { $orders } (к оплате { $owed })
    Ошибки: { $errors } · задержка: { $latency } · сбоев: { $outages }
    Последняя ошибка: { $error }
admin-routes-usage = /routes ID_УСЛУГИ — панели, которые её продают, используемая первой
admin-routes-title = 🔀 Маршруты услуги { $id } (▶️ используется, ⛔ панель недоступна):
admin-route-line = { $mark } <b>{ $panel }</b>:{ $service } { $name } · { $rate } · { $min }–{ $max } · докрутка { $refill } · отмена { $cancel } · приоритет { $priority }
admin-route-usage = /route link ID_УСЛУГИ ПАНЕЛЬ:ID_НА_ПАНЕЛИ · /route unlink ID_УСЛУГИ ПАНЕЛЬ · /route priority ID_УСЛУГИ ПАНЕЛЬ N (меньше — раньше)
admin-route-done = ✅ Маршруты изменены.
admin-balance-panel = 🏦 <b>{ $panel }</b>: { $balance } · к оплате на ней { $owed } ({ $orders ->
        [one] { $orders } открытый заказ
        [few] { $orders } открытых заказа
       *[many] { $orders } открытых заказов
    })
admin-balance-panel-down = 🏦 <b>{ $panel }</b> не ответила ({ $error }).
admin-stats-panel = 🔀 { $panel }: { $orders ->
        [one] { $orders } заказ
        [few] { $orders } заказа
       *[many] { $orders } заказов
    } · затраты { $cost } · прибыль { $profit }

## The Mini App
button-open-shop = 🛍 Открыть магазин
open-shop-hint = 🛍 Все услуги, поиск и заказ — в магазине:
field-missing = Это поле обязательно.
app-title = Магазин
app-search = Поиск услуг…
app-all-categories = Все категории
app-all-types = Все типы
app-all-platforms = Все платформы
app-max-price = Макс. цена за 1000
app-categories = Магазин
app-orders = Мои заказы
app-balance = Баланс
app-back = Назад
app-order = Заказать
app-confirm = Подтвердить
app-summary = Проверьте заказ
app-price = Цена
app-wallet-after = Кошелёк
app-refill = Докрутка
app-cancel = Отменить
app-order-again = Заказать снова
app-refresh = Обновить
app-top-up = Пополнить
app-no-orders = У вас пока нет заказов.
app-unauthorized = Эта страница открывается только из бота в Telegram. Откройте её снова из меню бота.
app-unknown-shop = Этот магазин здесь не открыт. Откройте его снова из его бота в Telegram.
app-banned = Доступ к магазину приостановлен.
app-loading = Загрузка…
app-per-thousand = за 1000
app-limits = Заказ от–до
app-not-enough = Недостаточно средств в кошельке: не хватает
app-placing = Оформляем…
app-skip = Пропустить
app-retry = Повторить
app-description = Описание
app-nothing-found = Ничего не найдено. Попробуйте другие слова или фильтры.
app-topup-unavailable = Пополнение временно недоступно. Попробуйте через минуту.

demo-shop-note = 🧪 <i>Демо-магазин: заказы имитируются, настоящие деньги не списываются.</i>
demo-no-payments = 🧪 Это демо-магазин: оплата отключена, ничего настоящего не продаётся. Заказы здесь имитируются.
crypto-too-many = У вас уже { $count ->
    [one] { $count } неоплаченный счёт
    [few] { $count } неоплаченных счёта
    [many] { $count } неоплаченных счетов
   *[other] { $count } неоплаченного счёта
}. Оплатите один из них или дождитесь, пока он истечёт (час), и создайте новый.
alert-repeated = { $count ->
    [one] (× { $count } за последние минуты; показано последнее)
    [few] (× { $count } за последние минуты; показано последнее)
    [many] (× { $count } за последние минуты; показано последнее)
   *[other] (× { $count } за последние минуты; показано последнее)
}
invalid-link-platform = Это услуга для { $service }, а ссылка — на { $link }. Пришлите ссылку на { $service }.
order-link-busy = Заказ #{ $id } по этой ссылке ещё выполняется. Второй можно будет сделать, когда он завершится.
order-link-busy-other = По этой ссылке ещё выполняется заказ. Второй можно будет сделать, когда он завершится.
guarantee-days = ♻️ Гарантия докрутки: { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
}
guarantee-until = { $guarantee }, до { $until }
guarantee-lifetime = ♻️ Гарантия докрутки: пожизненная
guarantee-none = 🚫 Без гарантии докрутки
refill-no-guarantee = У этой услуги нет гарантии докрутки, запросить её нельзя.
refill-guarantee-ended = Гарантия докрутки этого заказа закончилась { $until }.
refill-pending = Докрутка этого заказа уже идёт. Мы напишем, когда она завершится.
refill-cooldown = Докрутку недавно запрашивали. Следующую можно запросить после { $at }.
admin-service-usage = Использование: /service ID hide|show|pause|resume|feature|unfeature · /service ID rename НОВОЕ ИМЯ (без имени — имя панели) · /service ID refill ДНИ|lifetime|none
admin-service-done = ✅ Услуга { $id } обновлена.
cmd-service = Гарантия докрутки услуги
mass-hint = 📦 Много заказов сразу? /mass
cmd-mass = Много заказов сразу
mass-ask = 📦 Массовый заказ: вставьте до 100 строк, по заказу в каждой:
    <code>id услуги | ссылка | количество</code>
    (между ними «|», «;» или пробелы). Каждая строка будет оценена до размещения.
mass-empty = Нечего читать: вставьте строки вида <code>1 | https://instagram.com/p/abc | 500</code>.
mass-too-many = Не больше { $max } строк за раз: разделите список.
mass-line-shape = пишите так: id услуги | ссылка | количество
mass-line-service = нет доступной услуги { $id }
mass-line-form = этой услуге нужна не только ссылка и количество: закажите её отдельно
mass-preview-title = 📦 <b>Массовый заказ</b>: можно разместить { $count ->
    [one] { $count } строку
    [few] { $count } строки
    [many] { $count } строк
   *[other] { $count } строки
} из { $lines }
mass-line-ok = { $n }. ✅ услуга { $id } · { $link } · { $quantity } — { $price }
mass-line-bad = { $n }. ❌ { $why }
mass-total = 💵 Итого: <b>{ $total }</b>
mass-nothing-valid = Ни одну строку нельзя разместить: исправьте и вставьте снова.
mass-already = Этот пакет заказов уже оформлен: размещено { $placed }, на проверке { $held }, отклонено и возвращено { $refused }.
mass-report-title = 📦 <b>Массовый заказ</b>: { $placed ->
    [one] размещён { $placed } заказ
    [few] размещено { $placed } заказа
    [many] размещено { $placed } заказов
   *[other] размещено { $placed } заказа
} из { $lines } строк
mass-report-placed = { $n }. ✅ заказ #{ $id }
mass-report-uncertain = { $n }. ⏳ заказ #{ $id } проверяется
mass-report-no-funds = { $n }. ❌ не размещён: на кошельке не хватило { $missing }
mass-report-link-busy = { $n }. ❌ не размещён: по этой ссылке ещё выполняется заказ
mass-report-refunded = { $n }. ↩️ заказ #{ $id } отклонён поставщиком: деньги возвращены
mass-report-unavailable = { $n }. ❌ не размещён: временно недоступно, ничего не списано
mass-report-price-changed = { $n }. ❌ не размещён: цена изменилась после предпросмотра
summary-discount-largest = Скидки не суммируются: действует наибольшая.
balance-tier = 🏅 Ваш уровень: −{ $percent }% на каждый заказ (выполнено на { $spent }).
balance-tier-next = Ещё { $left } до −{ $percent }%.
balance-bonuses = 🎁 Бонус за пополнение:
balance-bonus-step = · от { $amount }: +{ $percent }%
notify-wallet-bonus = 🎁 Бонус за пополнение: +{ $bonus }.
catalog-sale = 🔥 Распродажа: −{ $percent }% { $category ->
        [all] на всё
       *[other] на { $category }
    } до { $until } UTC.
admin-sale-usage = /sale 20% 24h [категория] — распродажа (1-90 %, до 744 ч) · /sale off · /sale — текущая
admin-sale-started = 🔥 Распродажа: −{ $percent }% на { $category } до { $until } UTC. Цены никогда не опускаются ниже стоимости в панели.
admin-sale-everything = всё
admin-sale-off = Распродажа завершена.
admin-sale-none = Распродажи нет.
admin-sale-unknown-category = Категории { $category } нет.
button-send-fast = ⚡ Быстро (платно): ~{ $stars } ⭐
admin-broadcast-fast-offer = В обычном темпе это займёт около { $minutes ->
        [one] { $minutes } минуты
        [few] { $minutes } минут
        [many] { $minutes } минут
       *[other] { $minutes } минуты
    }. ⚡ Быстро (платно) — до 1 000 сообщений в секунду, около { $stars } Telegram Stars с баланса бота.
button-api-access = 🔌 Доступ к API
button-api-create = 🔑 Создать ключ
button-api-rotate = 🔄 Сменить ключ
button-api-revoke = 🗑 Отозвать ключ
button-api-notices-on = 🔔 Уведомлять о заказах через API
button-api-notices-off = 🔕 Без уведомлений о заказах через API
api-access-title = 🔌 <b>Доступ к API</b>
api-access-about = Ваша панель или магазин может покупать здесь через SMM panel API v2 с вашим ключом: те же услуги, цены и кошелёк.
    Адрес: <code>{ $address }</code>
    Документация: { $docs }
api-access-none = Ключа пока нет.
api-access-active = Ключ активен с { $date } UTC. Он был показан один раз, при создании: если вы его потеряли, смените его.
api-access-disabled = ⛔ Магазин отключил ваш доступ к API.
api-access-notices = Уведомления о заказах через API в чате: { $state ->
        [on] включены
       *[off] выключены
    }.
api-access-new-key = 🔑 Ваш новый ключ — показан только сейчас, храните его в секрете (прежний больше не работает):
    <code>{ $secret }</code>
api-access-revoked = Ключ отозван и больше не работает.
api-access-unavailable = Этот магазин не предлагает API.
admin-api-usage = /api_off ID — отключить ключ API клиента · /api_on ID — включить
admin-api-off = 🔌 Доступ к API для { $user } отключён.
admin-api-on = 🔌 Доступ к API для { $user } включён.
order-card-via-api = 🔌 Заказ через API
api-doc-title = SMM panel API v2
api-doc-intro = Покупайте услуги этого магазина из своей панели или магазина. Каждый запрос — POST с полями формы (или JSON) и вашим ключом; ответы в JSON, суммы в { $currency }. Ключ — в боте: Баланс → Доступ к API.
api-doc-address = Адрес:
api-doc-format = Ошибки приходят как { $shape } с HTTP 200, как у панелей; больше 10 запросов в секунду (всплески до 20) с одного ключа получают HTTP 429.
api-doc-services = Услуги магазина по его ценам за 1000.
api-doc-add = Создаёт заказ с оплатой из кошелька; каждый тип услуги требует свои поля (как в API v2).
api-doc-status = Статус заказа или до 100 заказов сразу.
api-doc-refill = Запрашивает докрутку выполненного заказа в пределах гарантии.
api-doc-refill-status = Статус докрутки или до 100 сразу.
api-doc-cancel = Запрашивает отмену ещё не начатых заказов.
api-doc-balance = Ваш кошелёк.
api-doc-parameters = Параметры:
api-doc-example-request = Пример запроса:
api-doc-example-answer = Пример ответа:
api-doc-errors = Ошибки
cmd-api = Доступ к API: ваш ключ к API магазина
cmd-sale = Распродажа: /sale 20% 24h [категория], /sale off
cmd-api-off = Отключить ключ API клиента
cmd-api-on = Включить ключ API клиента
service-paused = ⏸ Временно недоступно: эту услугу сейчас нельзя заказать.
catalog-recommended = ⭐ Рекомендуем
admin-service-panel-name = Имя в панели: { $name }
admin-service-shown-name = Клиенты видят: { $name }
admin-service-state = { $state ->
        [hidden] 🙈 Скрыта от клиентов
        [paused-admin] ⏸ Приостановлена админом
        [paused-vanished] ⏸ Приостановлена: ни одна панель её не предлагает (вернётся сама)
        [paused-below_cost] ⏸ Приостановлена: цена ниже стоимости в панели
        [paused-quarantine] ⏸ На карантине: последние заказы не выполнены (вернётся после испытательного срока или по /service ID resume)
       *[on-sale] ✅ В продаже
    }
admin-service-featured = ⭐ Рекомендуется: первая в категории и в «Рекомендуем»
admin-category-usage = Использование: /category ИМЯ hide|show · /category ИМЯ rename НОВОЕ ИМЯ
admin-category-done = ✅ Категория { $name } обновлена.
admin-price-usage = Использование: /price ID СУММА (за 1000; обновление каталога её не меняет) · /price ID off (снова по наценке)
admin-price-set = ✅ Услуга { $id } продаётся по { $price } за 1000.
admin-price-below-cost = ⏸ Это ниже стоимости в панели ({ $cost }): услуга приостановлена, пока цена не покроет стоимость.
admin-prices-usage = Использование: /prices ID
admin-prices-title = 📈 <b>{ $name }</b> (#{ $id })
admin-prices-now = Сегодня: { $price } за 1000 · стоимость в панели { $cost }
admin-prices-none = Изменений стоимости пока нет.
admin-prices-move = · { $at } { $panel }: { $old } → { $new }
admin-audit-empty = Пока ничего не записано.
admin-audit-title = 📜 <b>{ $count ->
        [one] Последнее { $count } действие
        [few] Последние { $count } действия
        [many] Последние { $count } действий
       *[other] Последние { $count } действия
    }</b>
admin-audit-line = { $at } · { $actor } · { $action } { $subject }: { $before } → { $after }
admin-catalog-digest = 📊 <b>Изменения каталога</b> — дороже: { $dearer } · дешевле: { $cheaper } · пропали: { $vanished } · новые: { $appeared }
admin-catalog-move = · #{ $id } { $name }: { $old } → { $new } ({ $change }%)
admin-alert-below-cost = ⏸ Услуга #{ $id } { $name } приостановлена: её цена { $price } ниже стоимости в панели { $cost }. Возобновится, когда цена покроет стоимость (/price { $id } …).
admin-alert-low-margin = ⚠️ Услуга #{ $id } { $name }: маржа ниже { $margin }% (цена { $price }, стоимость { $cost }).
topic-catalog = 📊 Каталог
cmd-category = Скрыть, показать или переименовать категорию
cmd-price = Фиксированная цена услуги за 1000
cmd-prices = История стоимости услуги и цена сегодня
cmd-audit = Последние действия админов с деньгами и каталогом
app-console = ⚙️ Админ
app-console-forbidden = Эта консоль только для админов магазина.
app-console-catalog = Каталог
app-console-attention = Внимание
app-console-panels = Панели
app-console-stats = Статистика
app-console-audit = Журнал
app-console-search = Поиск по id, имени или категории
app-console-filter-all = Все услуги
app-console-filter-hidden = Скрытые
app-console-filter-paused = На паузе
app-console-filter-vanished = Пропавшие
app-console-filter-low_margin = Низкая маржа
app-console-filter-featured = Рекомендуемые
app-console-col-id = ID
app-console-col-name = Название
app-console-col-category = Категория
app-console-col-panel = Панель
app-console-col-cost = Стоимость
app-console-col-price = Цена
app-console-col-margin = Маржа
app-console-col-status = Статус
app-console-status-on_sale = В продаже
app-console-status-hidden = Скрыта
app-console-status-admin = На паузе
app-console-status-vanished = Пропала
app-console-status-below_cost = Ниже стоимости
app-console-status-quarantine = Карантин
app-console-hide = Скрыть
app-console-show = Показать
app-console-pause = Пауза
app-console-resume = Возобновить
app-console-feature = Рекомендовать
app-console-unfeature = Не рекомендовать
app-console-rename = Переименовать
app-console-markup = Наценка %
app-console-price = Цена за 1000
app-console-value = Новое имя, процент или цена
app-console-apply = Применить
app-console-selected = Выбрано:
app-console-history = История стоимости
app-console-refund = Вернуть деньги
app-console-attach = Привязать
app-console-panel-order = Id заказа в панели
app-console-nothing = Ничего не требует внимания.
app-console-up = Работает
app-console-down = Недоступна
app-console-balance = Баланс
app-console-owed = Долг
app-console-orders = Заказы
app-console-revenue = Выручка
app-console-cost = Стоимость в панели
app-console-profit = Прибыль
app-console-new-users = Новые клиенты
app-console-done = Готово.
app-console-shown = Показано:
private-chat-only = Я работаю в личном чате: откройте { $bot } и напишите мне там.
admin-refund-stars-short = Ничего не возвращено: возврат забирает { $amount } (платёж и начисленный за него бонус), а на кошельке { $balance }.
topup-expired = Срок действия этого счёта истёк. Запросите новое пополнение — это одно нажатие.
cmd-backup = Прислать резервную копию базы
admin-backup-making = 🗄 Делаю резервную копию базы…
admin-backup-caption = 🗄 Резервная копия базы магазина ({ $size }). Храните её в надёжном месте: в ней все кошельки и заказы. Восстановление в пустую базу: <code>python -m bot restore ФАЙЛ</code>.
admin-backup-unavailable = Резервную копию сделать не удалось: { $why }
admin-backup-too-large = Копия весит { $size } — больше, чем Telegram принимает от бота (50 МБ). Скопируйте файл базы с сервера.
inline-service-description = { $rate } за 1000 · { $limits }
inline-service-message = 🛒 <b>{ $name }</b>
{ $rate } за 1000
inline-order-button = 🛒 Заказать в боте
inline-no-services = Ничего не найдено: открыть магазин
button-share-card = 📇 Отправить карточку в чат
button-share-result = 📣 Поделиться результатом
inline-open-shop = 🛒 Открыть магазин
inline-invite-title = 🤝 Пригласить в магазин
inline-invite-description = Карточка с вашей ссылкой: кто придёт по ней — ваш
inline-invite-card = 🚀 Подписчики, лайки, просмотры и не только — заказ за минуту прямо в Telegram.
inline-result-title = 📣 Результат заказа #{ $id }
inline-result-card = ✅ { $delivered ->
        [one] Доставлен { $delivered }
        [few] Доставлено { $delivered }
        [many] Доставлено { $delivered }
       *[other] Доставлено { $delivered }
    }: { $service }
app-share-unavailable = Не удалось подготовить карточку. Попробуйте чуть позже.
app-share = 📇 Поделиться магазином
app-home-offer = 📲 Добавьте магазин на главный экран: в следующий раз — одно касание.
app-home-add = Добавить
app-home-later = Не сейчас
cmd-plans = Подписки: заказ каждые 30 дней за Stars
cmd-plan = Регулярные подписки: /plan add, /plan off
button-plans = 🔁 Подписки
plans-title = 🔁 <b>Подписки</b> — заказ каждые 30 дней, оплата в Telegram Stars. Отменить можно в любой момент: оплаченный период доработает до конца.
plans-none = Сейчас подписок в продаже нет.
plans-mine = <b>Ваши подписки</b>
plans-demo = 🧪 Это демо-магазин: подписки показаны, но не продаются.
plan-line = <b>{ $plan }</b> — { $quantity } × { $service } · ⭐ { $stars } за 30 дней
plan-service-gone = услуга больше не продаётся
plan-mine-renews = <b>{ $plan }</b> → { $link } · продлится { $date }
plan-mine-ends = <b>{ $plan }</b> → { $link } · отменена, закончится { $date }
button-plan-subscribe = 🔁 Подписаться: { $plan }
button-plan-cancel = ✖️ Отменить { $plan }
button-plan-resume = 🔁 Снова продлевать { $plan }
button-plan-pay = ⭐ Подписаться: { $stars } за 30 дней
plan-ask-link = 🔗 Пришлите ссылку, куда пойдёт каждый заказ подписки <b>{ $plan }</b>, например { $example }
plan-bad-link = Эту ссылку нельзя использовать для подписки. Пришлите полную ссылку, например https://instagram.com/yourname
plan-gone = Эта подписка больше недоступна.
plan-unavailable = Не удалось связаться с Telegram. Попробуйте ещё раз чуть позже.
plan-invoice = { $quantity } на { $link } каждые 30 дней
plan-summary = 🔁 <b>{ $plan }</b>
    { $quantity } на { $link } каждые 30 дней.
    Цена: ⭐ { $stars } за 30 дней в Telegram Stars; первый заказ будет размещён сразу после оплаты.
plan-refused = Эту подписку сейчас нельзя оплатить. Откройте «Подписки» и начните заново.
plan-cancelled = Подписка { $plan } отменена: она действует до { $date } и не продлится.
plan-resumed = Подписка { $plan } снова продлится { $date }.
plan-period-placed = 🔁 Подписка <b>{ $plan }</b>: период оплачен, заказ №{ $id } размещён. Оплачено до { $date }.
plan-period-credited = 🔁 Подписка <b>{ $plan }</b>: период оплачен, но заказ сейчас разместить не удалось. { $amount } зачислено на ваш кошелёк. Оплачено до { $date }.
plan-ended-cancelled = 🔁 Ваша подписка <b>{ $plan }</b> закончилась: она была отменена. Оформить её снова можно в «Подписках».
plan-ended-unpaid = 🔁 Ваша подписка <b>{ $plan }</b> закончилась: продление не было оплачено. Оформить её снова можно в «Подписках».
plan-error-service = Услуга { $id } не продаётся: выберите услугу из каталога.
plan-error-form = Услуга { $id } требует больше, чем ссылку и количество: подписка не может её заказывать.
plan-error-quantity = Количество для этой услуги — от { $min } до { $max }.
admin-plan-usage = Подписки: <code>/plan add ID_УСЛУГИ КОЛИЧЕСТВО STARS НАЗВАНИЕ</code> (Stars за 30 дней, не больше 10000), <code>/plan off ID</code>, <code>/plan</code> — список.
admin-plan-added = ✅ Подписка №{ $id } <b>{ $plan }</b> в продаже: { $quantity } × { $service } за ⭐ { $stars } на 30 дней. Каждый период зачисляет сегодняшнюю цену заказа, { $price } (⭐ { $stars } = { $worth } по вашему курсу Stars).
admin-plan-off = Подписка №{ $id } больше не продаётся. Действующие подписки продолжаются, пока клиенты их не отменят.
admin-plan-unknown = Такой подписки в продаже нет.
admin-plan-line = №{ $id } <b>{ $plan }</b> — { $quantity } × услуга { $service } · ⭐ { $stars } · { $on_sale ->
        [yes] в продаже
       *[no] снята с продажи
    }
app-plan-link = Ссылка, куда пойдёт каждый заказ
app-plan-pay = ⭐ Оплатить в Telegram Stars
record-too-few = 📊 Пока мало заказов для статистики ({ $count ->
        [one] { $count } заказ
        [few] { $count } заказа
        [many] { $count } заказов
       *[other] { $count } заказа
    }).
record-reliable = ✅ Надёжная
record-bad = ⚠️ Последние заказы часто не выполняются
record-starts = обычно стартует за { $duration }
record-done-per-thousand = выполняется за { $duration } на 1 000
record-done = выполняется за { $duration }
record-completed = { $percent } % выполнено ({ $count ->
        [one] { $count } заказ
        [few] { $count } заказа
        [many] { $count } заказов
       *[other] { $count } заказа
    })
admin-quarantined = ⏸ Услуга { $id } <b>{ $name }</b> на карантине: { $failed } из последних { $of } заказов отменены или не стартовали. Новые заказы приостановлены до { $until }; <code>/service { $id } resume</code> вернёт её сразу.
app-reliable-only = ✅ Только надёжные
admin-routes-rule = Порядок: сначала работающие панели; среди них — с лучшей измеренной статистикой (✅ первыми, ⚠️ последними), затем самая дешёвая или по приоритету; маршрут, где последние заказы перестали стартовать (🚫), используется, только если другие не могут принять заказ, пока не исправится. Никогда ниже себестоимости.
admin-route-stopped = 🚫 последние заказы не стартовали
admin-route-record-few = пока мало заказов ({ $count ->
        [one] { $count } заказ
        [few] { $count } заказа
        [many] { $count } заказов
       *[other] { $count } заказа
    })
admin-route-record = { $badge } { $percent } % выполнено ({ $count ->
        [one] { $count } заказ
        [few] { $count } заказа
        [many] { $count } заказов
       *[other] { $count } заказа
    })
record-refills = { $percent } % понадобился рефилл
app-console-col-completed = Выполнено
app-console-col-orders = Заказы
app-console-record = Статистика по панелям
app-console-timeline = Заказы по дням, последние 30 дней
notify-order-replaced = 🔁 Заказ №{ $old } не стартовал на своей панели: он отменён с возвратом и размещён заново как заказ №{ $new } на другой. Списано один раз.
notify-order-not-replaced = 🔁 Заказ №{ $old } не стартовал: он отменён, деньги вернулись на кошелёк, но разместить его в другом месте сейчас не удалось.
button-replace-order = 🔁 Отменить и разместить на { $panel }
admin-replace-asked = Отмена запрошена. Заказ будет размещён на другой панели, как только эта подтвердит отмену (никогда на обеих).
admin-replace-waiting = Отмена уже ожидается: заказ будет размещён заново после подтверждения.
admin-replace-not-possible = Этот заказ нельзя разместить заново: он стартовал, или другие панели не продают его в пределах его цены.
admin-replace-cancel-refused = Панель не отменяет этот заказ: он не размещается заново.
staff-refused = 🔒 Ваша роль ({ $role }) этого не позволяет: нужен { $needed ->
        [support] саппорт
        [manager] менеджер
       *[owner] владелец
    }.
cmd-staff = Команда: роли и лимит возвратов для менеджеров
admin-staff-title = 👥 <b>Команда</b> (владельцы — ADMIN_IDS):
admin-staff-line = { $user }: { $role }
admin-staff-none = Пока никого.
admin-staff-limit = Менеджер возвращает не больше { $amount } за раз.
admin-staff-usage = <code>/staff add ID|@name viewer|support|manager</code> · <code>/staff remove ID|@name</code> · <code>/staff limit СУММА</code>. Viewer: статистика. Support: тикеты и поиск заказов. Manager: каталог, цены, заказы, возвраты в пределах лимита.
admin-staff-added = ✅ { $user } теперь { $role }.
admin-staff-removed = ✅ { $user } больше не в команде.
admin-staff-owner = Это владелец (ADMIN_IDS): его роль здесь не меняется.
staff-over-limit = 🔒 Этот возврат больше вашего лимита ({ $limit }): его может сделать владелец.

## The owner's setup inside Telegram
cmd-setup = Настроить магазин по шагам
cmd-settings = Все настройки и откуда они
setup-needs-code = Отправьте <code>/setup КОД</code> с кодом, который бот написал в журнал при запуске.
setup-wrong = ❌ Код настройки неверный. Скопируйте его из журнала бота (строка SETUP CODE).
setup-too-many = ⏳ Слишком много неверных кодов. Попробуйте через час.
setup-taken = У этого магазина уже есть владелец.
setup-claimed = 👑 Теперь магазин ваш. Настроим его: на каждом шаге есть «Назад» и «Пропустить», а /settings меняет всё потом.
setup-step = ⚙️ <b>Настройка</b> · шаг { $number } из { $total }
setup-from-env = { $names }: задано в окружении, оно главнее мастера (<code>{ $value }</code>). Измените там или идите дальше.
setup-ask-panel-url = 🔌 <b>Ваша SMM-панель.</b> Отправьте адрес её API — обычно он заканчивается на <code>/api/v2</code> (сейчас: <code>{ $current }</code>).
setup-ask-panel-key = 🔑 Теперь отправьте API-ключ панели (страница API в вашем аккаунте). Я сразу проверю его и удалю ваше сообщение.
setup-ask-markup = 💹 <b>Наценка</b>: сколько клиенты платят сверх цены панели, в процентах (сейчас { $current } %).
setup-ask-currency = 💱 <b>Валюта кошелька</b> для клиентов (сейчас { $current }). Отправьте код из 3 букв, например USD или EUR — цены не пересчитываются, так что укажите валюту панели — или оставьте валюту панели.
setup-ask-language = 🌐 <b>Язык</b> магазина для клиентов, чей Telegram не говорит ни на одном из его языков (сейчас { $current }).
setup-ask-support = 🛟 <b>Группа поддержки</b> (сейчас { $current }): сделайте меня админом супергруппы с включёнными темами, и я предложу её здесь — или отправьте её id (начинается с -100).
setup-ask-stars = ⭐ <b>Курс Stars</b>: сколько Telegram Stars стоит 1 единица валюты кошелька (сейчас { $current }).
setup-ask-crypto = 🪙 Токен <b>Crypto Pay</b> из @CryptoBot → Crypto Pay → My Apps (сейчас { $current }). Я проверю его и удалю ваше сообщение.
setup-ask-webapp = 📱 <b>Адрес Mini App</b>: публичный https-адрес страницы <code>/app/</code> этого бота (сейчас { $current }).
setup-currency-panel = Валюта панели
setup-skip = Пропустить ➡️
setup-next = Дальше ➡️
setup-back = ⬅️ Назад
setup-checking = ⏳ Проверяю…
setup-saved = ✅ Сохранено. Магазин использует это с этого момента.
setup-refused = ❌ Не сохранено: { $reason }
setup-done = 🎉 Настройка завершена. /settings показывает каждую настройку и откуда она; /setup пройдёт шаги снова.
setup-over = Эта настройка закончена: отправьте /setup, чтобы начать снова.
setup-markup-bad = Отправьте процент от 0 до 1000, например 30.
setup-panel-ok = ✅ Панель отвечает: { $services ->
        [one] { $services } услуга
        [few] { $services } услуги
       *[other] { $services } услуг
    }, баланс { $balance }.
setup-panel-unreachable = ❌ Панель недоступна ({ $detail }). Проверьте адрес и отправьте ключ снова — или вернитесь назад, чтобы сменить адрес.
setup-panel-bad-key = ❌ Панель отклонила ключ ({ $detail }). Отправьте правильный ключ.
setup-panel-not-api-v2 = ❌ По этому адресу что-то отвечает, но не API v2 SMM-панели ({ $detail }). Вернитесь назад и отправьте адрес API — обычно он заканчивается на /api/v2.
setup-crypto-ok = ✅ Crypto Pay отвечает: приложение «{ $app }».
setup-crypto-refused = ❌ Crypto Pay отклонил токен ({ $detail }). Отправьте правильный или пропустите.
setup-group-found = 🛟 Теперь я админ «{ $title }». Сделать её группой поддержки, где тикеты открываются темами?
setup-group-no-topics = ⚠️ Темы в ней выключены: сначала включите их в настройках группы.
setup-group-use = ✅ Использовать эту группу
setup-group-set = ✅ Группа поддержки сохранена.
settings-title = ⚙️ <b>Настройки</b> — значение · откуда (🔒: только из окружения)
settings-line = <code>{ $name }</code> = { $value } · { $source } { $lock }
settings-source-environment = окружение
settings-source-setup = задано здесь
settings-source-default = по умолчанию
settings-source-parent = от родительского магазина
settings-usage = <code>/settings ИМЯ значение</code> меняет одну (имя из окружения главнее), <code>/settings ИМЯ -</code> забывает её; /setup проходит по основным.
settings-unknown = Настройки { $name } нет: /settings покажет список.
settings-use-markup = Наценка по умолчанию задаётся командой /markup (действует сразу).
settings-changed = ✅ { $name } сохранено: магазин перезапустится с ним через мгновение.
app-console-settings = Настройки
app-console-settings-bad = Отправьте изменяемые настройки в виде {"{"}"changes": {"{"}"ИМЯ": "значение"{"}"}{"}"}, не больше 4.
app-console-settings-save = Сохранить
app-console-settings-saved = ✅ Сохранено: магазин перезапустится с этим через мгновение.
app-console-settings-panel = 🔌 Панель: адрес и ключ API (проверяются перед сохранением)
app-console-settings-check = Проверить и сохранить

## Child shops
cmd-shops = Дочерние магазины: список, пауза, запуск
button-own-shop = 🏪 Свой магазин
child-offer = 🏪 <b>Свой магазин</b> — ваш собственный Telegram-бот, который продаёт услуги этого магазина под вашим именем.
    • Ваши клиенты, ваши цены: наценка { $markup } % для начала, затем свои промокоды, рассылки, статистика и консоль.
    • Клиенты платят вам: Stars идут на баланс вашего бота, Crypto Pay — в ваше приложение.
    • Каждый их заказ оплачивается с вашего кошелька здесь по вашей цене — держите его пополненным.
    Нажмите кнопку ниже: Telegram создаст бота, и он заработает за секунды.
child-fee = Стоимость: { $stars } ⭐ в месяц.
child-free = Это бесплатно.
child-create = 🤖 Создать бота-магазин
child-not-now = Не сейчас
child-later = Когда захотите: Баланс → 🏪 Свой магазин.
child-starting = ⏳ Запускаю ваш магазин…
child-suggested-name = Магазин { $name }
child-running = ✅ Ваш магазин @{ $username } работает. Откройте его и отправьте /start: вы его владелец. Наценка { $markup } % (/markup меняет её), /settings покажет остальное, /stats — продажи. Заказы оплачиваются с вашего кошелька здесь: пополните его, прежде чем клиенты начнут покупать.
child-paused = ⏸ Этот магазин пока на паузе. Загляните позже.
child-shops-title = 🏪 <b>Дочерние магазины</b>: { $count ->
        [one] { $count } магазин
        [few] { $count } магазина
        [many] { $count } магазинов
       *[other] { $count } магазина
    }
child-shop-line = <b>@{ $username }</b> (<code>{ $bot_id }</code>) · { $state }
    владелец <code>{ $owner }</code> · кошелёк здесь { $wallet }
    клиентов { $customers } · за 30 дней: заказов { $orders }, { $volume }
child-state-running = работает
child-state-suspended = ⏸ приостановлен
child-state-owner-banned = 🚫 владелец забанен: новых заказов нет
child-shops-none = Дочерних магазинов пока нет.
child-shops-usage = <code>/shops suspend BOT_ID</code> · <code>/shops resume BOT_ID</code>
child-now-suspended = ⏸ Магазин { $bot_id } приостановлен: его клиентам сообщается о паузе.
child-now-running = ▶️ Магазин { $bot_id } снова работает.
button-child-topup = 👛 Пополнить кошелёк
child-parent-funds = 🚨 Вашего кошелька в @{ $parent } не хватает на заказ: клиенты видят «временно недоступно», ничего не списано. Пополните его, чтобы снова продавать.
child-parent-refused = 🚫 @{ $parent } не принимает заказы вашего магазина: ваш аккаунт там заблокирован. Ваши клиенты видят «временно недоступно», ничего не списано; напишите в поддержку @{ $parent }.
button-child-fee-pay = ⭐ Оплатить месяц
child-fee-first = Стоимость { $stars } ⭐ в месяц: магазин работает { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    } до первой оплаты.
child-fee-title = Магазин @{ $username }
child-fee-description = Месяц работы вашего магазина @{ $username } на каталоге этого магазина, продлевается каждые 30 дней, пока вы не отмените.
child-fee-ask = Ваш магазин @{ $username }: { $stars } ⭐ в месяц, Telegram продлевает подписку, пока вы не отмените.
child-fee-link = Оплатить { $stars } ⭐ в месяц
child-fee-unavailable = Telegram сейчас не смог выставить счёт: попробуйте через минуту.
child-fee-refused = Этот счёт больше не действует: нажмите кнопку оплаты магазина ещё раз.
child-fee-thanks = ✅ Спасибо: магазин @{ $username } работает до { $until } и продлевается сам.
child-fee-lapsed = ⏸ Ваш магазин @{ $username } на паузе: месячная оплата не поступила. Его клиентам сообщается о паузе; оплатите, и он сразу откроется.
app-own-shop = 🏪 Свой магазин
app-console-shops = Магазины
app-console-shops-none = Дочерних магазинов нет: с CHILD_SHOPS клиенты создают свой в Баланс → 🏪 Свой магазин.
app-console-shop-running = ▶️ работает
app-console-shop-suspended = ⏸ приостановлен
app-console-shop-unpaid = ⏸ не оплачен
app-console-shop-suspend = Приостановить
app-console-shop-resume = Возобновить
child-too-many = У вас уже { $most ->
        [one] { $most } магазин
        [few] { $most } магазина
        [many] { $most } магазинов
       *[other] { $most } магазина
    } здесь: это максимум для одного человека. Новый бот не запущен.

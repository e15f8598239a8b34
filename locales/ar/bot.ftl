language-name = 🇸🇦 العربية

menu-new-order = طلب جديد
menu-my-orders = طلباتي
menu-balance = الرصيد
menu-help = مساعدة
menu-language = اللغة

start-greeting = 👋 مرحبًا { $name }!
    أبيع خدمات لوسائل التواصل الاجتماعي: متابعين، إعجابات، مشاهدات، تعليقات والمزيد.
    اضغط <b>طلب جديد</b> لاختيار خدمة، أو <b>الرصيد</b> لشحن محفظتك.
help-text = <b>طريقة العمل</b>
    ١. <b>طلب جديد</b> ← اختر فئة ثم خدمة (أو اكتب كلمات للبحث).
    ٢. أجب عمّا تحتاجه الخدمة: الرابط، الكمية…
    ٣. راجع السعر واضغط <b>تأكيد</b>: يُدفع من محفظتك.
    ٤. أراسلك عند بدء الطلب أو اكتماله أو استرداد مبلغه.
    <b>طلباتي</b> تعرض طلباتك مع تحديث وإعادة تعبئة وإلغاء.
    ‏/cancel يوقف الخطوة الحالية في أي وقت.
    البحث المضمَّن: اكتب اسم هذا البوت مع @ ورقم الطلب في أي محادثة.
language-choose = اختر لغتك:
language-set = ✅ تم تغيير اللغة.
cancelled = تم الإلغاء. لم يُخصم أي مبلغ.
nothing-to-cancel = لا يوجد ما يُلغى.
unknown-command = لا أعرف هذا الأمر. استخدم القائمة بالأسفل أو ‏/help.
use-menu = استخدم القائمة بالأسفل: <b>طلب جديد</b>، <b>طلباتي</b>، <b>الرصيد</b>.
stale-button = هذا الزر قديم. افتح القائمة من جديد.
banned = تم إيقاف وصولك إلى هذا البوت. تواصل مع الدعم إن كنت تعتقد أن هذا خطأ.
throttled = ⏳ رسائل كثيرة في وقت واحد. تمهّل من فضلك.
error-generic = 😕 حدث خطأ من جهتنا (الرمز { $code }). لم يُخصم أي مبلغ مرتين؛ حاول مرة أخرى.
panel-unavailable = المزوّد غير متاح مؤقتًا. حاول بعد بضع دقائق.
yes = نعم
no = لا

catalog-categories = 📂 <b>اختر فئة</b> (صفحة { $page }/{ $pages })
    أو اكتب بعض الكلمات للبحث في كل الخدمات.
catalog-services = 📂 <b>{ $category }</b> — { $count ->
        [zero] لا خدمات
        [one] خدمة واحدة
        [two] خدمتان
        [few] { $count } خدمات
        [many] { $count } خدمة
       *[other] { $count } خدمة
    } (صفحة { $page }/{ $pages })
    الأسعار لكل 1000.
catalog-unavailable = قائمة الخدمات غير متاحة مؤقتًا. حاول بعد دقيقة.
search-nothing = لا نتائج لـ «{ $query }». جرّب كلمات أخرى أو اختر فئة.
search-results = { $count ->
        [zero] لم توجد خدمات
        [one] وُجدت خدمة واحدة
        [two] وُجدت خدمتان
        [few] وُجدت { $count } خدمات
        [many] وُجدت { $count } خدمة
       *[other] وُجدت { $count } خدمة
    } لـ «{ $query }»:
service-id = رقم الخدمة: { $id }
service-price = السعر: <b>{ $price } { $currency }</b> لكل 1000
service-limits = الطلب من { $min } إلى { $max }
service-refill-yes = ♻️ إعادة التعبئة: متاحة
service-refill-no = ♻️ إعادة التعبئة: غير متاحة
service-cancel-yes = ✖️ الإلغاء: متاح
service-cancel-no = ✖️ الإلغاء: غير متاح
service-not-orderable = ⚠️ نوع الخدمة هذا ({ $type }) لا يمكن طلبه في هذا البوت بعد.
service-gone = هذه الخدمة لم تعد متاحة. اختر خدمة أخرى.

button-order = 🛒 اطلب
button-back = ⬅️ رجوع
button-cancel = إلغاء
button-skip = تخطٍّ
button-confirm = ✅ تأكيد
button-edit = ✏️ تعديل
button-refresh = 🔄 تحديث
button-refill = ♻️ إعادة تعبئة
button-order-again = 🔁 اطلب مجددًا
button-open-order = افتح الطلب
button-topup = ⭐ اشحن { $amount }
button-resolve-refund = ↩️ ردّ المبلغ للعميل
button-resolve-attach = 🔗 ربط طلب اللوحة
button-send = 📣 إرسال

form-start = 📝 الطلب: <b>{ $service }</b>
    أرسل ‏/cancel أو اضغط إلغاء للتوقف.
form-text-only = من فضلك أجب بنص.
field-link = 🔗 أرسل الرابط (مثلًا { $example }).
field-quantity = 🔢 كم العدد؟ أرسل رقمًا من { $min } إلى { $max }.
field-dripfeed = 💧 التسليم دفعة واحدة أم على عدة دفعات (drip-feed)؟
field-runs = 💧 كم دفعة؟ ({ $low }–{ $high }). كل دفعة تسلّم الكمية التي اخترتها.
field-interval = ⏱ كم دقيقة بين الدفعات؟ ({ $low }–{ $high })
field-comments = 💬 أرسل التعليقات، تعليقًا في كل سطر ({ $min }–{ $max } سطرًا للتعليقات المحسوبة).
field-usernames = 👥 أرسل أسماء المستخدمين، اسمًا في كل سطر.
field-hashtags = #️⃣ أرسل الوسوم، وسمًا في كل سطر.
field-keywords = 🔑 أرسل الكلمات المفتاحية، كلمة في كل سطر.
field-groups = 👥 أرسل المجموعات، مجموعة في كل سطر.
field-hashtag = #️⃣ أرسل الوسم.
field-username = 👤 أرسل اسم المستخدم (بدون @ لا بأس).
field-media = 🖼 أرسل رابط المنشور.
field-answer-number = 🗳 أي رقم إجابة يحصل على الأصوات؟ ({ $low }–{ $high })
field-min = 🔢 الحد الأدنى لكل منشور؟ ({ $min }–{ $max })
field-max = 🔢 الحد الأقصى لكل منشور؟ ({ $min }–{ $max })
field-posts = 📮 كم منشورًا جديدًا؟ ({ $low }–{ $high })
field-old-posts = 📮 وكم منشورًا قديمًا أيضًا؟ ({ $low }–{ $high }) — أو تخطٍّ.
field-delay = ⏱ التأخير قبل كل تسليم (بالدقائق):
field-expiry = 📅 تاريخ الانتهاء بصيغة يوم/شهر/سنة — أو تخطٍّ.
field-country = 🌍 بلد الزوار (مثلًا SA أو Saudi Arabia).
field-device = 💻 أي أجهزة؟
field-type-of-traffic = 🚦 نوع الزيارات؟
field-google-keyword = 🔑 الكلمة المفتاحية للبحث في Google.
field-referring-url = 🔗 رابط الإحالة.

label-link = الرابط
label-quantity = الكمية
label-dripfeed = التسليم المتدرج
label-runs = الدفعات
label-interval = الفاصل (دقيقة)
label-comments = التعليقات
label-usernames = أسماء المستخدمين
label-hashtags = الوسوم
label-keywords = الكلمات المفتاحية
label-groups = المجموعات
label-hashtag = الوسم
label-username = اسم المستخدم
label-media = المنشور
label-answer-number = رقم الإجابة
label-min = الأدنى
label-max = الأقصى
label-posts = المنشورات
label-old-posts = المنشورات القديمة
label-delay = التأخير (دقيقة)
label-expiry = الانتهاء
label-country = البلد
label-device = الجهاز
label-type-of-traffic = نوع الزيارات
label-google-keyword = كلمة Google
label-referring-url = رابط الإحالة

choice-dripfeed-no = دفعة واحدة
choice-dripfeed-yes = على دفعات
choice-delay = { $value } دقيقة
choice-device-1 = حاسوب
choice-device-2 = جوال (أندرويد)
choice-device-3 = جوال (iOS)
choice-device-4 = جوالات مختلطة
choice-device-5 = مختلط (الكل)
choice-type_of_traffic-1 = كلمة Google
choice-type_of_traffic-2 = إحالة مخصصة
choice-type_of_traffic-3 = بدون إحالة

invalid-number = هذا ليس رقمًا صحيحًا. أرسل رقمًا من { $min } إلى { $max }.
invalid-range = يجب أن يكون الرقم من { $min } إلى { $max }.
invalid-too-long = طويل جدًا: { $max } حرفًا كحد أقصى.
invalid-link = هذا لا يبدو رابطًا. أرسل رابطًا كاملًا مثل { $example }.
invalid-lines-empty = أرسل سطرًا واحدًا على الأقل.
invalid-line-too-long = أحد الأسطر طويل جدًا: { $max } حرفًا كحد أقصى لكل سطر.
invalid-lines-count = أرسلت { $count ->
        [zero] { $count } سطر
        [one] سطرًا واحدًا
        [two] سطرين
        [few] { $count } أسطر
        [many] { $count } سطرًا
       *[other] { $count } سطر
    }؛ هذه الخدمة تحتاج { $min }–{ $max }.
invalid-date = أرسل التاريخ بصيغة يوم/شهر/سنة، مثل 31/12/2027.
invalid-date-past = يجب أن يكون التاريخ في المستقبل.
invalid-username = اسم مستخدم غير صالح (حروف وأرقام ونقاط وشرطات سفلية).
invalid-hashtag = وسم غير صالح (حروف وأرقام وشرطات سفلية).
invalid-empty = من فضلك أرسل قيمة.
invalid-choice = من فضلك اختر أحد الأزرار.

summary-title = 🧾 <b>راجع طلبك من فضلك</b>
summary-price = 💵 السعر: <b>{ $price }</b>
summary-balance = 👛 المحفظة: { $balance } ← بعد الطلب: { $after }
summary-not-enough = ⚠️ الرصيد غير كافٍ: ينقص { $missing }. اشحن بأحد الأزرار أدناه: ينتظر هذا الطلب 30 دقيقة بهذا السعر، وبعد وصول الدفعة تقدّمه بلمسة واحدة.
summary-use-buttons = اضغط تأكيد أو تعديل أو إلغاء أسفل الملخص.
summary-outdated = هذا الملخص قديم. ابدأ طلبًا جديدًا من القائمة.
price-changed = تغيّر السعر. راجع الملخص الجديد.
placing = ⏳ جارٍ تنفيذ طلبك…
order-placed = ✅ تم تقديم الطلب #{ $id }! سأراسلك بتقدّمه. تجده في <b>طلباتي</b>.
order-already-placed = هذا الطلب قُدِّم مسبقًا (الطلب #{ $id }). لم يُخصم أي مبلغ مرتين.
order-no-funds = 👛 الرصيد غير كافٍ: ينقص { $missing }. اشحن بأحد الأزرار أدناه: ينتظر هذا الطلب 30 دقيقة بهذا السعر، وبعد وصول الدفعة تقدّمه بلمسة واحدة.
order-uncertain = ⏳ الطلب #{ $id }: لم يُجب المزوّد بوضوح. نحن نتحقق؛ المبلغ محجوز وسيُردّ إليك إن لم يُقدَّم الطلب.
nothing-charged = لم يُخصم أي مبلغ.
order-refunded = أُعيد المبلغ إلى محفظتك.
order-error-link = ❌ رفض المزوّد هذا الرابط. تأكد أنه صحيح وعام.
order-error-quantity = ❌ رفض المزوّد هذه الكمية. راجع الحد الأدنى والأقصى للخدمة.
order-error-duplicate = ❌ يوجد طلب نشط لهذا الرابط. انتظر حتى يكتمل.
order-error-service = ❌ هذه الخدمة لم تعد متاحة.
order-error-unavailable = 😕 الطلبات غير متاحة مؤقتًا. حاول لاحقًا.

orders-empty = لا توجد لديك طلبات بعد. اضغط <b>طلب جديد</b> للبدء.
orders-title = 📦 <b>طلباتك</b> ({ $count }) — صفحة { $page }/{ $pages }
order-not-found = الطلب غير موجود.
order-card-title = <b>الطلب #{ $id }</b>
order-card-service = الخدمة: { $service }
order-card-link = الرابط: { $link }
order-card-quantity = الكمية: { $quantity }
order-card-charge = المبلغ: { $charge }
order-card-status = الحالة: { $status }
order-card-start-count = العدد عند البدء: { $start }
order-card-progress = تم التسليم: { $delivered } · المتبقي: { $remains }
order-card-refund = المُسترد: { $amount }
order-card-changed = آخر تحديث: { $at }
order-card-refill = إعادة التعبئة: { $status }
refill-requested = ♻️ طُلبت إعادة التعبئة. سأخبرك بالنتيجة.
refill-not-eligible = إعادة التعبئة غير متاحة لهذا الطلب.
cancel-requested = ✖️ طُلب الإلغاء. إن ألغاه المزوّد يُردّ المبلغ تلقائيًا.
cancel-not-eligible = لم يعد ممكنًا إلغاء هذا الطلب.

stage-placing = قيد التقديم
stage-uncertain = قيد التحقق
stage-rejected = مُسترد
stage-pending = بالانتظار
stage-in-progress = قيد التنفيذ
stage-processing = قيد المعالجة
stage-completed = مكتمل
stage-partial = جزئي
stage-canceled = ملغى
stage-unknown = غير معروف
stage-stuck = قيد المراجعة
refill-stage-pending = بالانتظار
refill-stage-in-progress = قيد التنفيذ
refill-stage-completed = مكتملة
refill-stage-rejected = مرفوضة
refill-stage-unknown = غير معروفة
refill-stage-failed = تعذّرت متابعتها

notify-order-status = 🔔 الطلب #{ $id }: { $status }
notify-refill-done = ♻️ اكتملت إعادة تعبئة الطلب #{ $id }.
notify-refill-rejected = ♻️ رفض المزوّد إعادة تعبئة الطلب #{ $id }.
notify-refill-failed = ♻️ توقف المزوّد عن الرد بشأن إعادة تعبئة الطلب #{ $id }. يمكنك طلب إعادة التعبئة مجددًا من الطلب.
notify-wallet-credit = 👛 أُضيف { $amount } إلى محفظتك.
notify-generic = 🔔 تحديث

balance-text = 👛 محفظتك: <b>{ $balance }</b>
    اشحنها بنجوم تيليجرام (Stars) من الأسفل.
topup-title = شحن المحفظة
topup-description = { $amount } إلى محفظتك.
topup-done = ✅ أُضيف { $amount }. المحفظة: { $balance }.
topup-refused = لا يمكن قبول هذه الدفعة. ابدأ شحنًا جديدًا.
topup-usage = اختر المبلغ:

inline-start-bot = افتح البوت لرؤية طلباتك
inline-no-orders = لا توجد طلبات
inline-order-title = #{ $id } · { $status }
inline-order-description = { $service } · { $delivered }/{ $quantity }

admin-credit-usage = الاستخدام: ‏/credit &lt;المعرّف أو @الاسم&gt; &lt;المبلغ&gt; [السبب]
admin-debit-usage = الاستخدام: ‏/debit &lt;المعرّف أو @الاسم&gt; &lt;المبلغ&gt; [السبب]
admin-user-not-found = المستخدم { $user } غير موجود (يجب أن يكون قد بدأ البوت).
admin-bad-amount = يجب أن يكون المبلغ رقمًا موجبًا، مثل 10 أو 2.50.
admin-debit-too-much = المحفظة لا تحتوي هذا المبلغ.
admin-wallet-changed = ✅ محفظة { $user } الآن { $balance }.
admin-balance = 🏦 رصيد اللوحة: <b>{ $panel }</b>
    👛 محافظ العملاء: { $wallets }
    📦 قيمة الطلبات المفتوحة: { $open }
admin-balance-warning = ⚠️ رصيد اللوحة أقل بمقدار { $gap } مما قد ينفقه العملاء. اشحن اللوحة.
admin-panel-unreachable = لم تُجب اللوحة ({ $error }).
admin-user = 👤 <b>{ $id }</b> @{ $username }
    المحفظة: { $balance } · محظور: { $banned }
admin-banned = ⛔ تم حظر { $user }.
admin-unbanned = ✅ تم رفع الحظر عن { $user }.
admin-banned-shops = { $count ->
    [zero] متاجره { $shops } لا تقبل طلبات جديدة ما دام محظورًا.
    [one] متجره { $shops } لا يقبل طلبات جديدة ما دام محظورًا.
    [two] متجراه { $shops } لا يقبلان طلبات جديدة ما دام محظورًا.
    [few] متاجره { $shops } لا تقبل طلبات جديدة ما دام محظورًا.
    [many] متاجره { $shops } لا تقبل طلبات جديدة ما دام محظورًا.
   *[other] متاجره { $shops } لا تقبل طلبات جديدة ما دام محظورًا.
}
admin-stats = 📊 <b>{ $days ->
        [zero] آخر { $days } يوم
        [one] آخر يوم
        [two] آخر يومين
        [few] آخر { $days } أيام
        [many] آخر { $days } يومًا
       *[other] آخر { $days } يوم
    }</b>
    الطلبات: { $orders } · مستخدمون جدد: { $users }
    الإيرادات: { $revenue } · تكلفة اللوحة: { $cost }
    الربح: <b>{ $profit }</b>
    أكثر الخدمات طلبًا:
admin-markup-default = هامش الربح الافتراضي: { $percent }%
admin-markup-usage = ‏/markup 30 — افتراضي · ‏/markup service &lt;رقم&gt; 40 · ‏/markup category &lt;اسم&gt; 35 · ‏«off» يزيل الاستثناء
admin-markup-no-category = لا توجد فئة باسم «{ $name }».
admin-markup-set = ✅ الهامش { $scope }: { $percent }%
admin-pending-none = لا توجد طلبات تنتظر قرارًا.
admin-order-user = العميل: { $user }
admin-already-resolved = تمت معالجة هذا الطلب مسبقًا.
admin-resolved-refund = تم ردّ مبلغ الطلب #{ $id } ({ $amount }). أُبلغ العميل.
admin-attach-usage = أرسل ‏/attach { $id } &lt;رقم طلب اللوحة&gt; بعد العثور على الطلب في اللوحة.
admin-attached = ✅ الطلب #{ $id } يُتابَع الآن كطلب اللوحة { $panel }.
admin-refreshing = ⏳ جارٍ تحديث قائمة الخدمات…
admin-refreshed = ✅ { $count ->
        [zero] لا خدمات
        [one] خدمة واحدة
        [two] خدمتان
        [few] { $count } خدمات
        [many] { $count } خدمة
       *[other] { $count } خدمة
    } في { $categories ->
        [zero] { $categories } فئة
        [one] فئة واحدة
        [two] فئتين
        [few] { $categories } فئات
        [many] { $categories } فئة
       *[other] { $categories } فئة
    }.
admin-broadcast-ask = أرسل الرسالة المراد بثها (أو ‏/cancel).
admin-broadcast-confirm = إرسال هذا إلى { $count ->
        [zero] { $count } مستخدم
        [one] مستخدم واحد
        [two] مستخدمَين
        [few] { $count } مستخدمين
        [many] { $count } مستخدمًا
       *[other] { $count } مستخدم
    }؟
admin-broadcast-queued = 📣 في قائمة الانتظار لـ { $count ->
        [zero] { $count } مستخدم
        [one] مستخدم واحد
        [two] مستخدمَين
        [few] { $count } مستخدمين
        [many] { $count } مستخدمًا
       *[other] { $count } مستخدم
    }. ستصلك تقارير التقدم.
admin-broadcast-progress = 📣 البث: أُرسل { $sent }/{ $total }، بالانتظار { $pending }.
admin-alert-uncertain = ⚠️ الطلب #{ $id } للعميل { $user }: نتيجة التقديم غير مؤكدة ({ $error }). قد يكون موجودًا في اللوحة. تحقّق وقرّر:
admin-alert-stuck = ⚠️ الطلب #{ $id } للعميل { $user }: اللوحة تفشل فيه باستمرار؛ توقفت متابعته. تحقّق وقرّر:
admin-alert-partial-unknown = ⚠️ الطلب #{ $id } للعميل { $user } انتهى جزئيًا دون أن تذكر اللوحة الكمية الناقصة، فلم يُردّ أي مبلغ تلقائيًا. تحقّق من اللوحة واستخدم ‏/credit { $user } &lt;المبلغ&gt; للجزء غير المُسلَّم.
admin-alert-panel = 🚨 رفضت اللوحة { $panel } طلبًا: { $error }. تذهب طلباتها إلى لوحة أخرى تبيع الخدمة، وإلا يرى العملاء «غير متاح مؤقتًا» حتى تُصلح المشكلة.
admin-alert-error = 🐞 خطأ غير متوقع { $code }: { $error }. راجع السجلات.
admin-alert-low-balance = 🪫 رصيد اللوحة { $panel } منخفض: { $balance }.
admin-refund-stars-usage = الاستخدام: ‏/refund_stars &lt;معرّف دفعة تيليجرام&gt;
admin-refund-stars-done = ✅ أُعيدت النجوم وخُصم { $amount } من { $user }.
admin-refund-stars-failed = رفض تيليجرام الاسترداد؛ أُعيد المبلغ إلى المحفظة. لم يُسترد شيء.
admin-refund-stars-uncertain = ⚠️ استرداد Stars بقيمة { $amount } للمستخدم { $user } (الدفعة <code>{ $charge }</code>): لم يُجب تيليجرام بوضوح. تبقى المحفظة مخصومة. شغّل /refund_stars { $charge } مرة أخرى لإتمامه — هذا آمن: يخبرك تيليجرام إن كان قد استُرد من قبل.
admin-refund-stars-unknown = لا يوجد شحن بهذا المعرّف.

cmd-start = القائمة الرئيسية
cmd-order = طلب جديد
cmd-orders = طلباتي
cmd-wallet = الرصيد
cmd-topup = شحن المحفظة
cmd-language = اللغة
cmd-help = مساعدة
cmd-cancel = إلغاء الخطوة الحالية
cmd-balance = رصيد اللوحة والمحافظ
cmd-credit = إضافة رصيد لمحفظة
cmd-debit = خصم من محفظة
cmd-user = تفاصيل عميل
cmd-markup = هامش الربح
cmd-stats = الإحصاءات
cmd-ban = حظر مستخدم
cmd-unban = رفع الحظر
cmd-broadcast = رسالة للجميع
cmd-pending = طلبات تنتظر قرارًا
cmd-attach = ربط رقم طلب اللوحة
cmd-refund-stars = استرداد دفعة نجوم
cmd-services-refresh = تحديث قائمة الخدمات

## Delivery times and stalled orders
duration-under-minute = أقل من دقيقة
duration-minutes = نحو { $count ->
        [zero] { $count } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $count } دقائق
        [many] { $count } دقيقة
       *[other] { $count } دقيقة
    }
duration-hours = نحو { $count ->
        [zero] { $count } ساعة
        [one] ساعة واحدة
        [two] ساعتين
        [few] { $count } ساعات
        [many] { $count } ساعة
       *[other] { $count } ساعة
    }
duration-days = نحو { $count ->
        [zero] { $count } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $count } أيام
        [many] { $count } يومًا
       *[other] { $count } يوم
    }
usual-time = ⏱ يُنجز عادةً خلال { $duration }.
usual-time-per-thousand = ⏱ يُنجز عادةً خلال { $duration } لكل 1000.
order-card-expected = ⏱ متوقع بحلول { $at } (عادةً { $duration })
order-card-late = ⏱ يستغرق أطول من المعتاد ({ $duration })
notify-order-stalled = ⏳ الطلب #{ $id } لم يتقدم منذ مدة أطول بكثير من المعتاد. نحن نتابعه وسنخبرك بما نجده.
admin-alert-stalled = ⏳ الطلب #{ $id } للعميل { $user } لم يتقدم منذ مدة أطول بكثير مما تستغرقه خدمته عادةً. تجده في /pending.
admin-pending-stalled = ⏳ لا يتقدم منذ مدة أطول بكثير من المعتاد:

## The /stats chart
chart-money-title = المال يوميًا
chart-revenue = الإيرادات
chart-cost = تكلفة اللوحة
chart-profit = الربح
chart-orders-title = الطلبات يوميًا
chart-completed = مكتملة
chart-partial = جزئية
chart-canceled = ملغاة
chart-open = قيد التنفيذ

## Support tickets
menu-support = الدعم
button-support = 💬 الدعم
button-reply = ↩️ رد
cmd-support = راسل الدعم
cmd-close = أغلق تذكرة دعم
support-ask = 💬 اكتب رسالتك إلى الدعم: نصًا أو صورة أو مستندًا. ‏/cancel للإلغاء.
support-ask-order = 💬 اكتب رسالتك إلى الدعم بشأن الطلب #{ $id }: نصًا أو صورة أو مستندًا. ‏/cancel للإلغاء.
support-sent = ✅ أُرسلت إلى الدعم (التذكرة #{ $id }). سيصلك الرد هنا؛ وما ترسله الآن يُضاف إلى التذكرة.
support-too-many = لديك بالفعل { $count ->
        [zero] { $count } تذكرة مفتوحة
        [one] تذكرة مفتوحة واحدة
        [two] تذكرتان مفتوحتان
        [few] { $count } تذاكر مفتوحة
        [many] { $count } تذكرة مفتوحة
       *[other] { $count } تذكرة مفتوحة
    }. يرجى انتظار الرد.
support-unavailable = لا يمكن الوصول إلى الدعم الآن. حاول بعد بضع دقائق.
support-media-only = أرسل نصًا أو صورة أو مستندًا.
support-ticket-closed = هذه التذكرة مغلقة. اضغط الدعم لتكتب من جديد.
support-topic-head = 🎫 التذكرة #{ $id } من { $user }
support-private-head = 🎫 التذكرة #{ $id } من { $user }. اضغط «رد» تحت الرسالة؛ ‏/close { $id } عند الانتهاء.
support-answer-head = 💬 رد الدعم (التذكرة #{ $id }):
support-closed = ✅ أُغلقت التذكرة #{ $id }. اضغط الدعم متى احتجت إلينا.
support-closed-staff = أُغلقت التذكرة #{ $id }؛ وأُبلغ العميل.
support-already-closed = التذكرة #{ $id } مغلقة بالفعل أو غير موجودة.
support-staff-ask = اكتب الرد على التذكرة #{ $id } (نصًا أو صورة أو مستندًا).
support-staff-sent = أُرسل إلى عميل التذكرة #{ $id }.
support-close-usage = ‏/close &lt;رقم التذكرة&gt;

## Promo codes
button-promo = 🎟 أدخل رمز الخصم
cmd-promo = استخدم رمزًا ترويجيًا
promo-ask = 🎟 أرسل الرمز الترويجي.
promo-credited = 🎉 أُضيف { $amount } إلى محفظتك. الرصيد: { $balance }.
promo-discount-ready = 🎉 طلبك التالي بخصم { $percent }%: يظهر الملخص السعر بعد الخصم.
promo-unknown = لا يوجد رمز ترويجي «{ $code }».
promo-expired = انتهت صلاحية الرمز الترويجي «{ $code }».
promo-used-up = نفدت استخدامات الرمز الترويجي «{ $code }».
promo-already-used = لقد استخدمت الرمز الترويجي «{ $code }» من قبل.
summary-discount = { $source ->
        [tier] 🏅 مستواك: −{ $percent }% (كان { $full })
        [sale] 🔥 تخفيضات: −{ $percent }% (كان { $full })
       *[promo] 🎟 الرمز { $code }: −{ $percent }% (كان { $full })
    }
admin-promo-usage = ‏/promo create CODE 5 [استخدامات] [أيام] — رصيد للمحفظة · ‏/promo create CODE 10% [استخدامات] [أيام] — خصم على الطلب التالي · ‏/promo list · ‏/promo off CODE
admin-promo-exists = الرمز { $code } موجود بالفعل.
admin-promo-created = ✅ أُنشئ الرمز الترويجي { $code }.
admin-promo-off = أُوقف الرمز الترويجي { $code }.
admin-promo-none = لا توجد رموز ترويجية بعد.

## Referrals
menu-referrals = الإحالات
cmd-referrals = رابط الإحالة الخاص بك
referral-text = 🤝 <b>الإحالات</b>
    شارك رابطك: تربح { $percent }% مما ينفقه من تدعوهم على الطلبات المنجزة.
    { $link }

    انضموا عبر رابطك: { $joined ->
        [zero] لا أحد
        [one] شخص واحد
        [two] شخصان
        [few] { $joined } أشخاص
        [many] { $joined } شخصًا
       *[other] { $joined } شخص
    }
    الأرباح: { $earned }
referral-text-off = 🤝 <b>الإحالات</b>
    رابطك: { $link }
    برنامج الإحالة متوقف حاليًا.

    انضموا عبر رابطك: { $joined ->
        [zero] لا أحد
        [one] شخص واحد
        [two] شخصان
        [few] { $joined } أشخاص
        [many] { $joined } شخصًا
       *[other] { $joined } شخص
    }
    الأرباح: { $earned }
referral-share-text = عزّز حساباتك على مواقع التواصل مع هذا المتجر:
button-share = 📤 مشاركة
notify-referral-earned = 🤝 أُضيفت عمولة إحالة قدرها { $amount } إلى محفظتك.
cmd-referral = نسبة الإحالة
cmd-refund-order = استرداد طلب منجز
admin-referral-percent = يربح المُحيلون { $percent }% من الطلبات المنجزة.
admin-referral-off = برنامج الإحالة متوقف.
admin-referral-usage = /referral 5 — تحديد النسبة (0–50) · /referral off
admin-stats-referrals = التسجيلات عبر الإحالة: { $joined } · العمولات المدفوعة: { $paid }
admin-refund-order-usage = /refund_order رقم_الطلب — استرداد طلب مكتمل أو جزئي
admin-refund-order-refused = لا يمكن استرداد الطلب رقم { $id }: فقط طلب مكتمل أو جزئي، ومرة واحدة.
admin-refund-order-done = ✅ الطلب رقم { $id }: أُعيد { $amount } إلى العميل؛ واستُرجعت عمولة إحالة قدرها { $commission }.

## Crypto payments and orders waiting for a top-up
button-crypto = 💎 الدفع بالعملات الرقمية
button-crypto-amount = 💎 ادفع { $amount } بالعملات الرقمية
button-crypto-pay = 💎 ادفع { $amount } في Crypto Bot
cmd-crypto = الشحن بالعملات الرقمية
crypto-choose = 💎 كم تريد أن تضيف؟ أو أرسل /crypto المبلغ.
crypto-usage = 💎 أرسل /crypto المبلغ، من { $low } إلى { $high } (مثلًا /crypto 12.50)، أو اختر:
crypto-creating = ⏳ جارٍ إنشاء فاتورتك…
crypto-invoice = 💎 فاتورة بقيمة { $amount }: ادفعها في Crypto Bot بأي عملة مقبولة. تُشحن محفظتك فور تأكيد الدفع؛ وتنتهي الفاتورة بعد ساعة.
crypto-unavailable = الدفع بالعملات الرقمية غير متاح مؤقتًا. حاول بعد دقائق أو اشحن بالنجوم.
crypto-off = الدفع بالعملات الرقمية غير متاح في هذا المتجر.
held-ready-title = 💳 وصلت الدفعة: طلبك جاهز للتقديم.
button-place-now = ✅ قدّم الطلب الآن
held-order-gone = هذا الطلب لم يعد بالانتظار (انتهت مدته بعد 30 دقيقة أو استُبدل). يُرجى بدء طلب جديد.

## Several panels
cmd-panels = اللوحات: الحالة والرصيد والطلبات المفتوحة
cmd-routes = أي اللوحات تبيع خدمة
cmd-route = ربط مسار أو فكه أو ترتيبه
admin-panel-up = ✅ تعمل
admin-panel-down = ⛔ متوقفة منذ { $down } ث
admin-panel-line = <b>{ $panel }</b> · { $state }
    الرصيد: { $balance } · الطلبات المفتوحة: { $orders } (المستحق { $owed })
    الأخطاء: { $errors } · زمن الاستجابة: { $latency } · الانقطاعات: { $outages }
    آخر خطأ: { $error }
admin-routes-usage = /routes رقم_الخدمة — اللوحات التي تبيعها، والمستخدمة أولًا
admin-routes-title = 🔀 مسارات الخدمة { $id } (▶️ المستخدم، ⛔ لوحة متوقفة):
admin-route-line = { $mark } <b>{ $panel }</b>:{ $service } { $name } · { $rate } · { $min }–{ $max } · إعادة التعبئة { $refill } · الإلغاء { $cancel } · الأولوية { $priority }
admin-route-usage = /route link رقم_الخدمة اللوحة:رقمها_على_اللوحة · /route unlink رقم_الخدمة اللوحة · /route priority رقم_الخدمة اللوحة N (الأصغر أولًا)
admin-route-done = ✅ تم تغيير المسارات.
admin-balance-panel = 🏦 <b>{ $panel }</b>: { $balance } · المستحق عليها { $owed } ({ $orders ->
        [zero] لا طلبات مفتوحة
        [one] طلب مفتوح واحد
        [two] طلبان مفتوحان
        [few] { $orders } طلبات مفتوحة
        [many] { $orders } طلبًا مفتوحًا
       *[other] { $orders } طلب مفتوح
    })
admin-balance-panel-down = 🏦 <b>{ $panel }</b> لم تستجب ({ $error }).
admin-stats-panel = 🔀 { $panel }: { $orders ->
        [zero] لا طلبات
        [one] طلب واحد
        [two] طلبان
        [few] { $orders } طلبات
        [many] { $orders } طلبًا
       *[other] { $orders } طلب
    } · التكلفة { $cost } · الربح { $profit }

## The Mini App
button-open-shop = 🛍 افتح المتجر
open-shop-hint = 🛍 تصفّح كل الخدمات وابحث واطلب من المتجر:
field-missing = هذا الحقل مطلوب.
app-title = المتجر
app-search = ابحث عن الخدمات…
app-all-categories = كل الفئات
app-all-types = كل الأنواع
app-all-platforms = كل المنصات
app-max-price = أقصى سعر لكل 1000
app-categories = المتجر
app-orders = طلباتي
app-balance = الرصيد
app-back = رجوع
app-order = اطلب
app-confirm = تأكيد
app-summary = راجع طلبك
app-price = السعر
app-wallet-after = المحفظة
app-refill = إعادة التعبئة
app-cancel = إلغاء
app-order-again = اطلب مجددًا
app-refresh = تحديث
app-top-up = اشحن
app-no-orders = لا توجد طلبات بعد.
app-unauthorized = تُفتح هذه الصفحة من البوت في تيليجرام فقط. افتحها مجددًا من قائمة البوت.
app-unknown-shop = هذا المتجر غير متاح هنا. افتحه مجددًا من البوت الخاص به في تيليجرام.
app-banned = تم تعليق وصولك إلى هذا المتجر.
app-loading = جارٍ التحميل…
app-per-thousand = لكل 1000
app-limits = الطلب من–إلى
app-not-enough = الرصيد غير كافٍ في محفظتك: ينقص
app-placing = جارٍ التقديم…
app-skip = تخطَّ
app-retry = أعد المحاولة
app-description = الوصف
app-nothing-found = لا نتائج. جرّب كلمات أو عوامل تصفية أخرى.
app-topup-unavailable = الشحن غير متاح مؤقتًا. حاول بعد دقيقة.

demo-shop-note = 🧪 <i>متجر تجريبي: الطلبات محاكاة ولا تُؤخذ أي أموال حقيقية.</i>
demo-no-payments = 🧪 هذا متجر تجريبي: المدفوعات معطلة ولا يُباع شيء حقيقي. الطلبات هنا محاكاة.
crypto-too-many = لديك بالفعل { $count ->
    [zero] فواتير غير مدفوعة
    [one] فاتورة واحدة غير مدفوعة
    [two] فاتورتان غير مدفوعتين
    [few] { $count } فواتير غير مدفوعة
    [many] { $count } فاتورة غير مدفوعة
   *[other] { $count } فاتورة غير مدفوعة
} مفتوحة. ادفع إحداها أو انتظر حتى تنتهي صلاحيتها (ساعة)، ثم أنشئ فاتورة جديدة.
alert-repeated = { $count ->
    [zero] (لا مرة في الدقائق الأخيرة)
    [one] (مرة واحدة في الدقائق الأخيرة)
    [two] (مرتان في الدقائق الأخيرة)
    [few] (× { $count } مرات في الدقائق الأخيرة؛ يظهر آخرها)
    [many] (× { $count } مرة في الدقائق الأخيرة؛ يظهر آخرها)
   *[other] (× { $count } مرة في الدقائق الأخيرة؛ يظهر آخرها)
}
invalid-link-platform = هذه خدمة لـ { $service }، لكن هذا رابط { $link }. أرسل رابط { $service }.
order-link-busy = الطلب #{ $id } ما زال قيد التنفيذ لهذا الرابط. يمكن بدء طلب ثانٍ عند اكتماله.
order-link-busy-other = هناك طلب ما زال قيد التنفيذ لهذا الرابط. يمكن بدء طلب ثانٍ عند اكتماله.
guarantee-days = ♻️ ضمان إعادة التعبئة: { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
}
guarantee-until = { $guarantee }، حتى { $until }
guarantee-lifetime = ♻️ ضمان إعادة التعبئة: مدى الحياة
guarantee-none = 🚫 بلا ضمان لإعادة التعبئة
refill-no-guarantee = لا تملك هذه الخدمة ضمانًا لإعادة التعبئة، فلا يمكن طلبها.
refill-guarantee-ended = انتهى ضمان إعادة التعبئة لهذا الطلب في { $until }.
refill-pending = إعادة تعبئة هذا الطلب جارية بالفعل. ستصلك رسالة عند اكتمالها.
refill-cooldown = طُلبت إعادة تعبئة مؤخرًا. يمكن طلب التالية بعد { $at }.
admin-service-usage = الاستخدام: /service ID hide|show|pause|resume|feature|unfeature · /service ID rename اسم جديد (بلا اسم: اسم اللوحة) · /service ID refill أيام|lifetime|none
admin-service-done = ✅ تم تحديث الخدمة { $id }.
cmd-service = ضمان إعادة التعبئة لخدمة
mass-hint = 📦 طلبات كثيرة دفعة واحدة؟ ‏/mass
cmd-mass = طلبات كثيرة دفعة واحدة
mass-ask = 📦 طلب جماعي: الصق حتى 100 سطر، طلبًا في كل سطر:
    <code>رقم الخدمة | الرابط | الكمية</code>
    (بينها «|» أو «;» أو مسافات). يُسعَّر كل سطر قبل تنفيذ أي شيء.
mass-empty = لا شيء للقراءة: الصق أسطرًا مثل <code>1 | https://instagram.com/p/abc | 500</code>.
mass-too-many = { $max } سطر على الأكثر دفعة واحدة: قسّم القائمة.
mass-line-shape = اكتبه هكذا: رقم الخدمة | الرابط | الكمية
mass-line-service = لا توجد خدمة متاحة برقم { $id }
mass-line-form = تحتاج هذه الخدمة أكثر من رابط وكمية: اطلبها وحدها
mass-preview-title = 📦 <b>طلب جماعي</b>: { $count ->
    [zero] لا يمكن تنفيذ أي سطر
    [one] يمكن تنفيذ سطر واحد
    [two] يمكن تنفيذ سطرين
    [few] يمكن تنفيذ { $count } أسطر
    [many] يمكن تنفيذ { $count } سطرًا
   *[other] يمكن تنفيذ { $count } سطر
} من { $lines }
mass-line-ok = { $n }. ✅ الخدمة { $id } · { $link } · { $quantity } — { $price }
mass-line-bad = { $n }. ❌ { $why }
mass-total = 💵 المجموع: <b>{ $total }</b>
mass-nothing-valid = لا يمكن تنفيذ أي سطر: صحّحها والصقها مجددًا.
mass-already = تم تنفيذ هذا الطلب الجماعي بالفعل: { $placed } منفّذ، { $held } قيد التحقق، { $refused } مرفوض ومُسترد.
mass-report-title = 📦 <b>طلب جماعي</b>: { $placed ->
    [zero] لم يُنفَّذ أي طلب
    [one] نُفّذ طلب واحد
    [two] نُفّذ طلبان
    [few] نُفّذت { $placed } طلبات
    [many] نُفّذ { $placed } طلبًا
   *[other] نُفّذ { $placed } طلب
} من { $lines } سطر
mass-report-placed = { $n }. ✅ الطلب #{ $id }
mass-report-uncertain = { $n }. ⏳ الطلب #{ $id } قيد التحقق
mass-report-no-funds = { $n }. ❌ لم يُنفَّذ: نقص المحفظة { $missing }
mass-report-link-busy = { $n }. ❌ لم يُنفَّذ: هناك طلب ما زال قيد التنفيذ لهذا الرابط
mass-report-refunded = { $n }. ↩️ رفض المزوّد الطلب #{ $id }: أُعيد المبلغ
mass-report-unavailable = { $n }. ❌ لم يُنفَّذ: غير متاح مؤقتًا، لم يُخصم شيء
mass-report-price-changed = { $n }. ❌ لم يُنفَّذ: تغيّر السعر منذ المعاينة
summary-discount-largest = الخصومات لا تتراكم: يُطبَّق الأكبر منها.
balance-tier = 🏅 مستواك: −{ $percent }% على كل طلب (المُنجَز حتى الآن: { $spent }).
balance-tier-next = أنفق { $left } أخرى لتصل إلى −{ $percent }%.
balance-bonuses = 🎁 مكافأة الشحن:
balance-bonus-step = · اشحن { $amount } أو أكثر: +{ $percent }%
notify-wallet-bonus = 🎁 مكافأة الشحن: +{ $bonus }.
catalog-sale = 🔥 تخفيضات: −{ $percent }% { $category ->
        [all] على كل شيء
       *[other] على { $category }
    } حتى { $until } UTC.
admin-sale-usage = /sale 20% 24h [الفئة] — تخفيضات سريعة (1-90 %، حتى 744 ساعة) · /sale off · /sale — الجارية
admin-sale-started = 🔥 تخفيضات: −{ $percent }% على { $category } حتى { $until } UTC. لا تنزل الأسعار أبدًا تحت تكلفة اللوحة.
admin-sale-everything = كل شيء
admin-sale-off = انتهت التخفيضات.
admin-sale-none = لا توجد تخفيضات جارية.
admin-sale-unknown-category = لا توجد فئة باسم { $category }.
button-send-fast = ⚡ سريع (مدفوع): ~{ $stars } ⭐
admin-broadcast-fast-offer = بالوتيرة العادية يستغرق هذا نحو { $minutes ->
        [zero] { $minutes } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
        [many] { $minutes } دقيقة
       *[other] { $minutes } دقيقة
    }. ⚡ السريع (المدفوع) يرسل حتى 1000 رسالة في الثانية ويكلّف نحو { $stars } نجمة Telegram من رصيد البوت.
button-api-access = 🔌 الوصول إلى API
button-api-create = 🔑 إنشاء مفتاح
button-api-rotate = 🔄 تغيير المفتاح
button-api-revoke = 🗑 إلغاء المفتاح
button-api-notices-on = 🔔 أعلمني بطلبات API
button-api-notices-off = 🔕 بلا إشعارات لطلبات API
api-access-title = 🔌 <b>الوصول إلى API</b>
api-access-about = يمكن للوحتك أو متجرك الشراء من هذا المتجر عبر SMM panel API v2 بمفتاحك: نفس الخدمات والأسعار والمحفظة.
    العنوان: <code>{ $address }</code>
    التوثيق: { $docs }
api-access-none = لا يوجد لديك مفتاح بعد.
api-access-active = المفتاح فعّال منذ { $date } UTC. عُرض مرة واحدة عند إنشائه: إن فقدته فغيّره.
api-access-disabled = ⛔ أوقف المتجر وصولك إلى API.
api-access-notices = إشعارات طلبات API في المحادثة: { $state ->
        [on] مفعّلة
       *[off] متوقفة
    }.
api-access-new-key = 🔑 مفتاحك الجديد — يُعرض الآن فقط، احفظه سرًا (المفتاح السابق لم يعد يعمل):
    <code>{ $secret }</code>
api-access-revoked = أُلغي المفتاح: لم يعد يعمل.
api-access-unavailable = هذا المتجر لا يقدم API.
admin-api-usage = /api_off ID — إيقاف مفتاح API لعميل · /api_on ID — إعادته
admin-api-off = 🔌 أُوقف وصول { $user } إلى API.
admin-api-on = 🔌 أُعيد وصول { $user } إلى API.
order-card-via-api = 🔌 طلب عبر API
api-doc-title = SMM panel API v2
api-doc-intro = اشترِ خدمات هذا المتجر من لوحتك أو متجرك. كل طلب هو POST بحقول نموذج (أو JSON) مع مفتاحك؛ الأجوبة بصيغة JSON والمبالغ بـ { $currency }. مفتاحك في البوت: الرصيد ← الوصول إلى API.
api-doc-address = العنوان:
api-doc-format = تأتي الأخطاء بصيغة { $shape } مع HTTP 200 كما في اللوحات؛ أكثر من 10 طلبات في الثانية (دفعات حتى 20) من مفتاح واحد تتلقى HTTP 429.
api-doc-services = الخدمات التي يبيعها هذا المتجر بأسعاره لكل 1000.
api-doc-add = ينشئ طلبًا يُدفع من محفظتك؛ كل نوع خدمة يطلب حقوله الخاصة (كما في API v2).
api-doc-status = حالة طلب، أو حتى 100 طلب دفعة واحدة.
api-doc-refill = يطلب إعادة تعبئة لطلب مُنجز ضمن ضمانه.
api-doc-refill-status = حالة إعادة التعبئة، أو حتى 100 دفعة واحدة.
api-doc-cancel = يطلب إلغاء طلبات لم تبدأ بعد.
api-doc-balance = محفظتك.
api-doc-parameters = المعاملات:
api-doc-example-request = مثال طلب:
api-doc-example-answer = مثال جواب:
api-doc-errors = الأخطاء
cmd-api = الوصول إلى API: مفتاحك لواجهة المتجر
cmd-sale = تخفيضات سريعة: /sale 20% 24h [الفئة]، /sale off
cmd-api-off = إيقاف مفتاح API لعميل
cmd-api-on = إعادة مفتاح API لعميل
service-paused = ⏸ غير متاحة مؤقتًا: لا يمكن طلب هذه الخدمة الآن.
catalog-recommended = ⭐ مقترحة
admin-service-panel-name = اسمها في اللوحة: { $name }
admin-service-shown-name = يراها العملاء باسم: { $name }
admin-service-state = { $state ->
        [hidden] 🙈 مخفية عن العملاء
        [paused-admin] ⏸ موقوفة من مشرف
        [paused-vanished] ⏸ موقوفة: لا تعرضها أي لوحة الآن (تعود وحدها)
        [paused-below_cost] ⏸ موقوفة: سعرها أقل من تكلفة اللوحة
        [paused-quarantine] ⏸ في الحجر: فشلت طلباتها الأخيرة (تعود بعد فترة الاختبار، أو /service ID resume)
       *[on-sale] ✅ معروضة للبيع
    }
admin-service-featured = ⭐ مميزة: الأولى في فئتها وفي المقترحة
admin-category-usage = الاستخدام: /category الاسم hide|show · /category الاسم rename اسم جديد
admin-category-done = ✅ حُدّثت الفئة { $name }.
admin-price-usage = الاستخدام: /price ID المبلغ (لكل 1000؛ لا يغيّره تحديث الكتالوج) · /price ID off (العودة إلى الهامش)
admin-price-set = ✅ تُباع الخدمة { $id } الآن بـ { $price } لكل 1000.
admin-price-below-cost = ⏸ هذا أقل من تكلفة اللوحة ({ $cost }): أُوقفت الخدمة حتى يغطي السعر التكلفة.
admin-prices-usage = الاستخدام: /prices ID
admin-prices-title = 📈 <b>{ $name }</b> (#{ $id })
admin-prices-now = اليوم: { $price } لكل 1000 · تكلفة اللوحة { $cost }
admin-prices-none = لم يُسجَّل أي تغيير في التكلفة بعد.
admin-prices-move = · { $at } { $panel }: { $old } → { $new }
admin-audit-empty = لا شيء مسجل بعد.
admin-audit-title = 📜 <b>{ $count ->
        [zero] لا إجراءات
        [one] آخر إجراء
        [two] آخر إجراءين
        [few] آخر { $count } إجراءات
        [many] آخر { $count } إجراءً
       *[other] آخر { $count } إجراء
    }</b>
admin-audit-line = { $at } · { $actor } · { $action } { $subject }: { $before } → { $after }
admin-catalog-digest = 📊 <b>تغييرات الكتالوج</b> — أغلى: { $dearer } · أرخص: { $cheaper } · اختفت: { $vanished } · جديدة: { $appeared }
admin-catalog-move = · #{ $id } { $name }: { $old } → { $new } ({ $change }%)
admin-alert-below-cost = ⏸ أُوقفت الخدمة #{ $id } { $name }: سعرها { $price } أقل من تكلفة اللوحة { $cost }. تُستأنف حين يغطي السعر التكلفة (/price { $id } …).
admin-alert-low-margin = ⚠️ الخدمة #{ $id } { $name }: الهامش أقل من { $margin }% (السعر { $price }، التكلفة { $cost }).
topic-catalog = 📊 الكتالوج
cmd-category = إخفاء فئة أو إظهارها أو إعادة تسميتها
cmd-price = سعر ثابت لكل 1000 لخدمة
cmd-prices = سجل تكلفة خدمة وسعرها اليوم
cmd-audit = آخر إجراءات المشرفين على المال والكتالوج
app-console = ⚙️ الإدارة
app-console-forbidden = هذه اللوحة لمشرفي المتجر فقط.
app-console-catalog = الكتالوج
app-console-attention = تحتاج انتباهًا
app-console-panels = اللوحات
app-console-stats = الإحصاءات
app-console-audit = السجل
app-console-search = ابحث بالمعرّف أو الاسم أو الفئة
app-console-filter-all = كل الخدمات
app-console-filter-hidden = المخفية
app-console-filter-paused = الموقوفة
app-console-filter-vanished = المختفية
app-console-filter-low_margin = هامش منخفض
app-console-filter-featured = المميزة
app-console-col-id = المعرّف
app-console-col-name = الاسم
app-console-col-category = الفئة
app-console-col-panel = اللوحة
app-console-col-cost = التكلفة
app-console-col-price = السعر
app-console-col-margin = الهامش
app-console-col-status = الحالة
app-console-status-on_sale = معروضة
app-console-status-hidden = مخفية
app-console-status-admin = موقوفة
app-console-status-vanished = مختفية
app-console-status-below_cost = أقل من التكلفة
app-console-status-quarantine = في الحجر
app-console-hide = إخفاء
app-console-show = إظهار
app-console-pause = إيقاف
app-console-resume = استئناف
app-console-feature = تمييز
app-console-unfeature = إلغاء التمييز
app-console-rename = إعادة تسمية
app-console-markup = الهامش %
app-console-price = السعر لكل 1000
app-console-value = اسم جديد أو نسبة أو سعر
app-console-apply = تطبيق
app-console-selected = المحدد:
app-console-history = سجل التكلفة
app-console-refund = استرداد
app-console-attach = ربط
app-console-panel-order = معرّف طلب اللوحة
app-console-nothing = لا شيء يحتاج انتباهًا.
app-console-up = تعمل
app-console-down = متوقفة
app-console-balance = الرصيد
app-console-owed = المستحق
app-console-orders = الطلبات
app-console-revenue = الإيرادات
app-console-cost = تكلفة اللوحة
app-console-profit = الربح
app-console-new-users = عملاء جدد
app-console-done = تم.
app-console-shown = المعروض:
private-chat-only = أعمل في المحادثة الخاصة فقط: افتح { $bot } واكتب لي هناك.
admin-refund-stars-short = لم يُسترد شيء: الاسترداد يستعيد { $amount } (الدفعة وأي مكافأة حصلت عليها)، والمحفظة تحتوي { $balance }.
topup-expired = انتهت صلاحية هذه الفاتورة. اطلب شحنًا جديدًا بنقرة واحدة.
cmd-backup = إرسال نسخة احتياطية من قاعدة البيانات
admin-backup-making = 🗄 جارٍ إنشاء نسخة احتياطية من قاعدة البيانات…
admin-backup-caption = 🗄 نسخة احتياطية من قاعدة بيانات المتجر ({ $size }). احفظها في مكان آمن: فيها كل المحافظ والطلبات. الاستعادة في قاعدة فارغة: <code>python -m bot restore FILE</code>.
admin-backup-unavailable = تعذّر إنشاء نسخة احتياطية: { $why }
admin-backup-too-large = حجم النسخة { $size }: أكبر مما يقبله تيليغرام من البوت (50 ميغابايت). انسخ ملف قاعدة البيانات من الخادم.
inline-service-description = { $rate } لكل 1000 · { $limits }
inline-service-message = 🛒 <b>{ $name }</b>
{ $rate } لكل 1000
inline-order-button = 🛒 اطلب في البوت
inline-no-services = لم يُعثر على خدمة: افتح المتجر
button-share-card = 📇 أرسل بطاقة إلى محادثة
button-share-result = 📣 شارك النتيجة
inline-open-shop = 🛒 افتح المتجر
inline-invite-title = 🤝 ادعُ إلى المتجر
inline-invite-description = بطاقة برابطك: من ينضم عبرها يُحسب لك
inline-invite-card = 🚀 متابعون وإعجابات ومشاهدات وأكثر — اطلبها في دقيقة هنا في تيليغرام.
inline-result-title = 📣 نتيجة الطلب #{ $id }
inline-result-card = ✅ { $delivered ->
        [zero] لم يُسلَّم شيء
        [one] سُلِّم { $delivered }
        [two] سُلِّم { $delivered }
        [few] سُلِّم { $delivered }
        [many] سُلِّم { $delivered }
       *[other] سُلِّم { $delivered }
    }: { $service }
app-share-unavailable = تعذّر تجهيز البطاقة الآن. حاول مرة أخرى بعد قليل.
app-share = 📇 شارك المتجر
app-home-offer = 📲 أضف المتجر إلى شاشتك الرئيسية: نقرة واحدة في المرة القادمة.
app-home-add = أضف
app-home-later = ليس الآن
cmd-plans = الاشتراكات: طلب كل 30 يومًا بالنجوم
cmd-plan = الاشتراكات المتكررة: /plan add و /plan off
button-plans = 🔁 الاشتراكات
plans-title = 🔁 <b>الاشتراكات</b> — طلب كل 30 يومًا يُدفع بنجوم تيليجرام. يمكنك الإلغاء متى شئت: تستمر الفترة المدفوعة حتى نهايتها.
plans-none = لا توجد اشتراكات معروضة للبيع الآن.
plans-mine = <b>اشتراكاتك</b>
plans-demo = 🧪 هذا متجر تجريبي: الاشتراكات معروضة ولا تُباع.
plan-line = <b>{ $plan }</b> — { $quantity } × { $service } · ⭐ { $stars } لكل 30 يومًا
plan-service-gone = خدمة لم تعد تُباع
plan-mine-renews = <b>{ $plan }</b> ← { $link } · يتجدد في { $date }
plan-mine-ends = <b>{ $plan }</b> ← { $link } · أُلغي، وينتهي في { $date }
button-plan-subscribe = 🔁 اشترك: { $plan }
button-plan-cancel = ✖️ إلغاء { $plan }
button-plan-resume = 🔁 تجديد { $plan } مجددًا
button-plan-pay = ⭐ اشترك: { $stars } لكل 30 يومًا
plan-ask-link = 🔗 أرسل الرابط الذي يذهب إليه كل طلب من <b>{ $plan }</b>، مثلًا { $example }
plan-bad-link = لا يمكن استخدام هذا الرابط لهذا الاشتراك. أرسل رابطًا كاملًا، مثلًا https://instagram.com/yourname
plan-gone = هذا الاشتراك لم يعد متاحًا.
plan-unavailable = تعذّر الوصول إلى تيليجرام الآن. حاول مجددًا بعد قليل.
plan-invoice = { $quantity } إلى { $link } كل 30 يومًا
plan-summary = 🔁 <b>{ $plan }</b>
    { $quantity } إلى { $link } كل 30 يومًا.
    السعر: ⭐ { $stars } لكل 30 يومًا بنجوم تيليجرام؛ يُقدَّم الطلب الأول فور الدفع.
plan-refused = لا يمكن دفع هذا الاشتراك الآن. افتح الاشتراكات وابدأ من جديد.
plan-cancelled = أُلغي { $plan }: يستمر حتى { $date } ولن يتجدد.
plan-resumed = سيتجدد { $plan } مجددًا في { $date }.
plan-period-placed = 🔁 الاشتراك <b>{ $plan }</b>: دُفعت هذه الفترة وقُدِّم الطلب رقم { $id }. مدفوع حتى { $date }.
plan-period-credited = 🔁 الاشتراك <b>{ $plan }</b>: دُفعت هذه الفترة لكن تعذّر تقديم طلبها الآن. أُضيف { $amount } إلى محفظتك بدلًا منه. مدفوع حتى { $date }.
plan-ended-cancelled = 🔁 انتهى اشتراكك <b>{ $plan }</b>: لقد أُلغي. يمكنك الاشتراك مجددًا في أي وقت من الاشتراكات.
plan-ended-unpaid = 🔁 انتهى اشتراكك <b>{ $plan }</b>: لم يُدفع تجديده. يمكنك الاشتراك مجددًا في أي وقت من الاشتراكات.
plan-error-service = الخدمة { $id } غير معروضة للبيع: اختر خدمة من الكتالوج.
plan-error-form = الخدمة { $id } تطلب أكثر من رابط وكمية: لا يمكن للاشتراك طلبها.
plan-error-quantity = يجب أن تكون الكمية بين { $min } و { $max } لهذه الخدمة.
admin-plan-usage = الاشتراكات: <code>/plan add SERVICE_ID QUANTITY STARS NAME</code> (نجوم لكل 30 يومًا، 10000 على الأكثر)، <code>/plan off ID</code>، و <code>/plan</code> لعرضها.
admin-plan-added = ✅ الاشتراك رقم { $id } <b>{ $plan }</b> معروض للبيع: { $quantity } × { $service } مقابل ⭐ { $stars } لكل 30 يومًا. كل فترة تُضيف سعر الطلب اليوم، { $price } (⭐ { $stars } = { $worth } بسعر النجوم لديك).
admin-plan-off = الاشتراك رقم { $id } لم يعد يُباع. تستمر الاشتراكات الجارية حتى يلغيها أصحابها.
admin-plan-unknown = لا يوجد اشتراك بهذا الرقم معروض للبيع.
admin-plan-line = رقم { $id } <b>{ $plan }</b> — { $quantity } × الخدمة { $service } · ⭐ { $stars } · { $on_sale ->
        [yes] معروض
       *[no] موقوف
    }
app-plan-link = الرابط الذي يذهب إليه كل طلب
app-plan-pay = ⭐ ادفع بنجوم تيليجرام
record-too-few = 📊 لا توجد طلبات كافية بعد لعرض سجل ({ $count ->
        [zero] لا طلبات بعد
        [one] طلب واحد حتى الآن
        [two] طلبان حتى الآن
        [few] { $count } طلبات حتى الآن
        [many] { $count } طلبًا حتى الآن
       *[other] { $count } طلب حتى الآن
    }).
record-reliable = ✅ موثوقة
record-bad = ⚠️ تفشل الطلبات الأخيرة كثيرًا
record-starts = تبدأ عادةً خلال { $duration }
record-done-per-thousand = تكتمل خلال { $duration } لكل 1000
record-done = تكتمل خلال { $duration }
record-completed = اكتمل { $percent }٪ ({ $count ->
        [zero] لا طلبات
        [one] طلب واحد
        [two] طلبان
        [few] { $count } طلبات
        [many] { $count } طلبًا
       *[other] { $count } طلب
    })
admin-quarantined = ⏸ الخدمة { $id } <b>{ $name }</b> في الحجر: { $failed } من آخر { $of } طلبات أُلغيت أو لم تبدأ. الطلبات الجديدة موقوفة حتى { $until }؛ <code>/service { $id } resume</code> يعيدها الآن.
app-reliable-only = ✅ الموثوقة فقط
admin-routes-rule = الترتيب: اللوحات العاملة أولًا؛ ومن بينها صاحبة السجل المقاس الأفضل (✅ أولًا و⚠️ أخيرًا)، ثم الأرخص أو حسب الأولوية؛ والمسار الذي توقفت طلباته الأخيرة عن البدء (🚫) لا يُستخدم إلا إذا لم يستطع غيره أخذ الطلب، حتى يثبت نفسه. لا بيع تحت التكلفة أبدًا.
admin-route-stopped = 🚫 لم تبدأ الطلبات الأخيرة
admin-route-record-few = طلبات قليلة بعد ({ $count ->
        [zero] لا طلبات
        [one] طلب واحد
        [two] طلبان
        [few] { $count } طلبات
        [many] { $count } طلبًا
       *[other] { $count } طلب
    })
admin-route-record = { $badge } اكتمل { $percent }٪ ({ $count ->
        [zero] لا طلبات
        [one] طلب واحد
        [two] طلبان
        [few] { $count } طلبات
        [many] { $count } طلبًا
       *[other] { $count } طلب
    })
record-refills = احتاج { $percent }٪ إلى تعويض
app-console-col-completed = مكتملة
app-console-col-orders = الطلبات
app-console-record = السجل حسب اللوحة
app-console-timeline = الطلبات يوميًا، آخر 30 يومًا
notify-order-replaced = 🔁 لم يبدأ الطلب رقم { $old } على لوحته: أُلغي واسترد مبلغه، ثم قُدِّم من جديد برقم { $new } على لوحة أخرى. خُصم مرة واحدة.
notify-order-not-replaced = 🔁 لم يبدأ الطلب رقم { $old }: أُلغي وأُعيد مبلغه إلى المحفظة، لكن تعذّر تقديمه في مكان آخر الآن.
button-replace-order = 🔁 إلغاء وإعادة التقديم على { $panel }
admin-replace-asked = طُلب الإلغاء. يُقدَّم الطلب على اللوحة الأخرى حين تؤكد هذه الإلغاء (لا على الاثنتين أبدًا).
admin-replace-waiting = إلغاؤه منتظر بالفعل: يُعاد تقديم الطلب حين يُؤكَّد.
admin-replace-not-possible = لا يمكن إعادة تقديم هذا الطلب: لقد بدأ، أو لا تبيعه لوحة أخرى ضمن سعره.
admin-replace-cancel-refused = اللوحة لا تلغي هذا الطلب: لن يُعاد تقديمه.
staff-refused = 🔒 دورك ({ $role }) لا يسمح بهذا: يلزم { $needed ->
        [support] الدعم
        [manager] مدير
       *[owner] المالك
    }.
cmd-staff = فريقك: الأدوار وحد الاسترداد للمديرين
admin-staff-title = 👥 <b>الفريق</b> (المالكون هم ADMIN_IDS):
admin-staff-line = { $user }: { $role }
admin-staff-none = لا أحد بعد.
admin-staff-limit = يسترد المدير { $amount } على الأكثر في المرة.
admin-staff-usage = <code>/staff add ID|@name viewer|support|manager</code> · <code>/staff remove ID|@name</code> · <code>/staff limit AMOUNT</code>. Viewer: الإحصاءات. Support: التذاكر والبحث عن الطلبات. Manager: الكتالوج والأسعار والطلبات والاسترداد حتى الحد.
admin-staff-added = ✅ { $user } الآن { $role }.
admin-staff-removed = ✅ لم يعد { $user } من الفريق.
admin-staff-owner = هذا مالك (ADMIN_IDS): لا يُغيَّر دور المالك هنا.
staff-over-limit = 🔒 هذا الاسترداد يتجاوز حدك ({ $limit }): يستطيع المالك إجراءه.

## The owner's setup inside Telegram
cmd-setup = إعداد المتجر خطوة بخطوة
cmd-settings = كل الإعدادات ومصدرها
setup-needs-code = أرسل <code>/setup CODE</code> مع الرمز الذي كتبه البوت في سجله عند التشغيل.
setup-wrong = ❌ رمز الإعداد غير صحيح. انسخه من سجل البوت (سطر SETUP CODE).
setup-too-many = ⏳ رموز خاطئة كثيرة. حاول بعد ساعة.
setup-taken = لهذا المتجر مالك بالفعل.
setup-claimed = 👑 أصبحت مالك هذا المتجر. لنُعدّه: في كل خطوة «رجوع» و«تخطٍّ»، و‏/settings يغيّر أي شيء لاحقًا.
setup-step = ⚙️ <b>الإعداد</b> · الخطوة { $number } من { $total }
setup-from-env = { $names }: مضبوط في البيئة، وهي تتقدّم على المعالج (<code>{ $value }</code>). غيّره هناك أو تابع.
setup-ask-panel-url = 🔌 <b>لوحة SMM الخاصة بك.</b> أرسل عنوان واجهتها البرمجية — ينتهي عادةً بـ <code>/api/v2</code> (الآن: <code>{ $current }</code>).
setup-ask-panel-key = 🔑 أرسل الآن مفتاح API للوحة (صفحة API في حسابك). سأتحقق منه فورًا وأحذف رسالتك.
setup-ask-markup = 💹 <b>هامش الربح</b>: ما يدفعه العملاء فوق سعر اللوحة، بالنسبة المئوية (الآن { $current } %).
setup-ask-currency = 💱 <b>عملة المحفظة</b> كما يراها العملاء (الآن { $current }). أرسل رمزًا من 3 أحرف مثل USD أو EUR — لا تُحوَّل الأسعار، فاذكر عملة لوحتك — أو احتفظ بعملة اللوحة.
setup-ask-language = 🌐 <b>لغة</b> المتجر للعملاء الذين لا يتحدث تيليجرام لديهم أيًّا من لغاته (الآن { $current }).
setup-ask-support = 🛟 <b>مجموعة الدعم</b> (الآن { $current }): اجعلني مشرفًا في مجموعة خارقة مفعّلة المواضيع وسأقترحها هنا — أو أرسل معرّفها (يبدأ بـ ‎-100).
setup-ask-stars = ⭐ <b>سعر النجوم</b>: كم نجمة تيليجرام تعادل وحدة واحدة من عملة المحفظة (الآن { $current }).
setup-ask-crypto = 🪙 رمز <b>Crypto Pay</b> من ‎@CryptoBot ← Crypto Pay ← My Apps (الآن { $current }). سأتحقق منه وأحذف رسالتك.
setup-ask-webapp = 📱 <b>عنوان التطبيق المصغّر</b>: عنوان https العام لصفحة <code>/app/</code> لهذا البوت (الآن { $current }).
setup-currency-panel = عملة اللوحة
setup-skip = تخطٍّ ⬅️
setup-next = التالي ⬅️
setup-back = ➡️ رجوع
setup-checking = ⏳ جارٍ التحقق…
setup-saved = ✅ حُفظ. يستخدمه المتجر من الآن.
setup-refused = ❌ لم يُحفظ: { $reason }
setup-done = 🎉 اكتمل الإعداد. يعرض ‎/settings كل إعداد ومصدره؛ و‏/setup يعيد هذه الخطوات.
setup-over = انتهى هذا الإعداد: أرسل ‎/setup للبدء من جديد.
setup-markup-bad = أرسل نسبة بين 0 و1000، مثل 30.
setup-panel-ok = ✅ اللوحة تجيب: { $services ->
        [zero] لا خدمات
        [one] خدمة واحدة
        [two] خدمتان
        [few] { $services } خدمات
        [many] { $services } خدمة
       *[other] { $services } خدمة
    }، الرصيد { $balance }.
setup-panel-unreachable = ❌ تعذّر الوصول إلى اللوحة ({ $detail }). تحقّق من العنوان ثم أرسل المفتاح مجددًا — أو ارجع لتغيير العنوان.
setup-panel-bad-key = ❌ رفضت اللوحة المفتاح ({ $detail }). أرسل المفتاح الصحيح.
setup-panel-not-api-v2 = ❌ شيء ما يجيب على هذا العنوان، لكنه ليس واجهة API v2 للوحة SMM ({ $detail }). ارجع وأرسل عنوان الواجهة — ينتهي عادةً بـ ‎/api/v2.
setup-crypto-ok = ✅ Crypto Pay يجيب: التطبيق «{ $app }».
setup-crypto-refused = ❌ رفض Crypto Pay الرمز ({ $detail }). أرسل الصحيح أو تخطَّ.
setup-group-found = 🛟 أصبحت مشرفًا في «{ $title }». أستخدمها مجموعة دعم تُفتح فيها التذاكر كمواضيع؟
setup-group-no-topics = ⚠️ المواضيع فيها معطّلة: فعّلها أولًا من إعدادات المجموعة.
setup-group-use = ✅ استخدم هذه المجموعة
setup-group-set = ✅ حُفظت مجموعة الدعم.
settings-title = ⚙️ <b>الإعدادات</b> — القيمة · المصدر (🔒: من البيئة فقط)
settings-line = <code>{ $name }</code> = { $value } · { $source } { $lock }
settings-source-environment = البيئة
settings-source-setup = ضُبط هنا
settings-source-default = الافتراضي
settings-source-parent = من المتجر الأصلي
settings-usage = ‏<code>/settings NAME value</code> يغيّر إعدادًا (الاسم المضبوط في البيئة يتقدّم)، و‏<code>/settings NAME -</code> ينساه؛ و‏/setup يمرّ على أهمها.
settings-unknown = لا يوجد إعداد { $name }: يعرضها ‎/settings.
settings-use-markup = هامش الربح الافتراضي يُضبط بـ ‎/markup (يسري فورًا).
settings-changed = ✅ حُفظ { $name }: سيُعاد تشغيل المتجر به بعد لحظة.
app-console-settings = الإعدادات
app-console-settings-bad = أرسل الإعدادات المطلوب تغييرها بالشكل {"{"}"changes": {"{"}"NAME": "value"{"}"}{"}"}، 4 على الأكثر.
app-console-settings-save = حفظ
app-console-settings-saved = ✅ حُفظ: سيُعاد تشغيل المتجر به بعد لحظة.
app-console-settings-panel = 🔌 اللوحة: عنوان الواجهة ومفتاحها (يُتحقق منهما قبل الحفظ)
app-console-settings-check = تحقّق واحفظ

## Child shops
cmd-shops = المتاجر الفرعية: القائمة والإيقاف والاستئناف
button-own-shop = 🏪 متجرك الخاص
child-offer = 🏪 <b>متجرك الخاص</b> — بوت تيليجرام خاص بك يبيع خدمات هذا المتجر باسمك.
    • عملاؤك وأسعارك: هامش { $markup } % للبداية، ثم رموز الخصم والبث والإحصاءات ولوحة التحكم الخاصة بك.
    • عملاؤك يدفعون لك: النجوم تذهب إلى رصيد بوتك، وCrypto Pay إلى تطبيقك.
    • كل طلب يضعونه يُدفع من محفظتك هنا بسعرك — أبقِها مشحونة.
    اضغط الزر أدناه: ينشئ تيليجرام البوت ويعمل خلال ثوانٍ.
child-fee = التكلفة { $stars } ⭐ شهريًا.
child-free = مجانًا.
child-create = 🤖 أنشئ بوت متجري
child-not-now = ليس الآن
child-later = متى شئت: الرصيد ← 🏪 متجرك الخاص.
child-starting = ⏳ جارٍ تشغيل متجرك…
child-suggested-name = متجر { $name }
child-running = ✅ متجرك ‎@{ $username } يعمل. افتحه وأرسل ‎/start: أنت مالكه. الهامش { $markup } % (‏/markup يغيّره)، و‏/settings يعرض الباقي، و‏/stats مبيعاتك. تُدفع الطلبات من محفظتك هنا: اشحنها قبل أن يشتري عملاؤك.
child-paused = ⏸ هذا المتجر متوقف مؤقتًا. عُد لاحقًا من فضلك.
child-shops-title = 🏪 <b>المتاجر الفرعية</b>: { $count ->
        [zero] لا متاجر
        [one] متجر واحد
        [two] متجران
        [few] { $count } متاجر
        [many] { $count } متجرًا
       *[other] { $count } متجر
    }
child-shop-line = <b>@{ $username }</b> (<code>{ $bot_id }</code>) · { $state }
    المالك <code>{ $owner }</code> · المحفظة هنا { $wallet }
    العملاء { $customers } · 30 يومًا: { $orders } طلبات، { $volume }
child-state-running = يعمل
child-state-suspended = ⏸ موقوف
child-state-owner-banned = 🚫 المالك محظور: لا طلبات جديدة
child-shops-none = لا متاجر فرعية بعد.
child-shops-usage = <code>/shops suspend BOT_ID</code> · <code>/shops resume BOT_ID</code>
child-now-suspended = ⏸ أُوقف المتجر { $bot_id }: يُبلَّغ عملاؤه بالتوقف.
child-now-running = ▶️ عاد المتجر { $bot_id } للعمل.
button-child-topup = 👛 اشحن محفظتي
child-parent-funds = 🚨 محفظتك لدى ‎@{ $parent } لا تكفي لدفع طلب: يرى عملاؤك «غير متاح مؤقتًا» ولم يُخصم شيء. اشحنها لتبيع مجددًا.
child-parent-refused = 🚫 لا يقبل @{ $parent } طلبات متجرك: حسابك هناك محظور. يرى عملاؤك «غير متاح مؤقتًا» ولم يُخصم شيء؛ راسل دعم @{ $parent }.
button-child-fee-pay = ⭐ ادفع الاشتراك الشهري
child-fee-first = التكلفة { $stars } ⭐ شهريًا: يعمل متجرك { $days ->
        [zero] دون أيام
        [one] يومًا واحدًا
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    } قبل الدفعة الأولى.
child-fee-title = متجر ‎@{ $username }
child-fee-description = شهر من متجرك ‎@{ $username } على كتالوج هذا المتجر، يتجدد كل 30 يومًا حتى تلغيه.
child-fee-ask = متجرك ‎@{ $username }: { $stars } ⭐ شهريًا، يجدّده تيليجرام حتى تلغيه.
child-fee-link = ادفع { $stars } ⭐ شهريًا
child-fee-unavailable = تعذّر على تيليجرام إنشاء الفاتورة الآن: حاول بعد دقيقة.
child-fee-refused = لم تعد هذه الفاتورة صالحة: افتح زر الدفع لمتجرك مجددًا.
child-fee-thanks = ✅ شكرًا: متجرك ‎@{ $username } يعمل حتى { $until } ويتجدد تلقائيًا.
child-fee-lapsed = ⏸ متجرك ‎@{ $username } متوقف: لم يُدفع اشتراكه الشهري. يُبلَّغ عملاؤه بالتوقف؛ ادفع ليعود فورًا.
app-own-shop = 🏪 متجرك الخاص
app-console-shops = المتاجر
app-console-shops-none = لا متاجر فرعية بعد: مع CHILD_SHOPS ينشئ العملاء متاجرهم من الرصيد ← 🏪 متجرك الخاص.
app-console-shop-running = ▶️ يعمل
app-console-shop-suspended = ⏸ موقوف
app-console-shop-unpaid = ⏸ الاشتراك غير مدفوع
app-console-shop-suspend = إيقاف
app-console-shop-resume = استئناف
child-too-many = لديك بالفعل { $most ->
        [zero] لا متاجر
        [one] متجر واحد
        [two] متجران
        [few] { $most } متاجر
        [many] { $most } متجرًا
       *[other] { $most } متجر
    } هنا: هذا الحد الأقصى للشخص الواحد. لم يُشغَّل هذا البوت الجديد.

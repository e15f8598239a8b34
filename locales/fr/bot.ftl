language-name = 🇫🇷 Français

menu-new-order = Nouvelle commande
menu-my-orders = Mes commandes
menu-balance = Solde
menu-help = Aide
menu-language = Langue

start-greeting = 👋 Bonjour, { $name } !
    Je vends des services pour les réseaux sociaux : abonnés, likes, vues, commentaires et plus.
    Touchez <b>Nouvelle commande</b> pour choisir un service, <b>Solde</b> pour recharger votre portefeuille.
help-text = <b>Comment ça marche</b>
    1. <b>Nouvelle commande</b> → choisissez une catégorie et un service (ou tapez des mots pour chercher).
    2. Répondez à ce que le service demande : lien, quantité…
    3. Vérifiez le prix et appuyez sur <b>Confirmer</b> : c'est payé depuis votre portefeuille.
    4. Je vous écris quand la commande démarre, se termine ou est remboursée.
    <b>Mes commandes</b> affiche vos commandes avec Actualiser, Recharge et Annuler.
    /cancel arrête l'étape en cours à tout moment.
    En ligne : tapez le nom de ce bot avec @ et un numéro de commande dans n'importe quel chat.
language-choose = Choisissez votre langue :
language-set = ✅ Langue modifiée.
cancelled = Annulé. Rien n'a été débité.
nothing-to-cancel = Il n'y a rien à annuler.
unknown-command = Je ne connais pas cette commande. Utilisez le menu ci-dessous ou /help.
use-menu = Utilisez le menu ci-dessous : <b>Nouvelle commande</b>, <b>Mes commandes</b>, <b>Solde</b>.
stale-button = Ce bouton n'est plus à jour. Ouvrez le menu à nouveau.
banned = Votre accès à ce bot a été suspendu. Contactez le support si vous pensez que c'est une erreur.
throttled = ⏳ Trop de messages à la fois. Ralentissez, s'il vous plaît.
error-generic = 😕 Un problème est survenu de notre côté (code { $code }). Rien n'a été débité deux fois ; réessayez.
panel-unavailable = Le fournisseur est temporairement indisponible. Réessayez dans quelques minutes.
yes = oui
no = non

catalog-categories = 📂 <b>Choisissez une catégorie</b> (page { $page }/{ $pages })
    Ou tapez quelques mots pour chercher parmi tous les services.
catalog-services = 📂 <b>{ $category }</b> — { $count ->
        [one] { $count } service
       *[other] { $count } services
    } (page { $page }/{ $pages })
    Prix pour 1000.
catalog-unavailable = La liste des services est temporairement indisponible. Réessayez dans une minute.
search-nothing = Rien trouvé pour « { $query } ». Essayez d'autres mots ou choisissez une catégorie.
search-results = { $count ->
        [one] { $count } service trouvé
       *[other] { $count } services trouvés
    } pour « { $query } » :
service-id = ID du service : { $id }
service-price = Prix : <b>{ $price } { $currency }</b> pour 1000
service-limits = Commande de { $min } à { $max }
service-refill-yes = ♻️ Recharge : disponible
service-refill-no = ♻️ Recharge : indisponible
service-cancel-yes = ✖️ Annulation : disponible
service-cancel-no = ✖️ Annulation : indisponible
service-not-orderable = ⚠️ Ce type de service ({ $type }) ne peut pas encore être commandé dans ce bot.
service-gone = Ce service n'est plus disponible. Choisissez-en un autre.

button-order = 🛒 Commander
button-back = ⬅️ Retour
button-cancel = Annuler
button-skip = Passer
button-confirm = ✅ Confirmer
button-edit = ✏️ Modifier
button-refresh = 🔄 Actualiser
button-refill = ♻️ Recharge
button-order-again = 🔁 Commander à nouveau
button-open-order = Ouvrir la commande
button-topup = ⭐ Recharger { $amount }
button-resolve-refund = ↩️ Rembourser le client
button-resolve-attach = 🔗 Associer la commande du panel
button-send = 📣 Envoyer

form-start = 📝 Commande : <b>{ $service }</b>
    Envoyez /cancel ou appuyez sur Annuler pour arrêter.
form-text-only = Répondez avec du texte, s'il vous plaît.
field-link = 🔗 Envoyez le lien (par exemple { $example }).
field-quantity = 🔢 Combien ? Envoyez un nombre de { $min } à { $max }.
field-dripfeed = 💧 Tout livrer d'un coup, ou en plusieurs passages (drip-feed) ?
field-runs = 💧 Combien de passages ? ({ $low }–{ $high }). Chaque passage livre la quantité choisie.
field-interval = ⏱ Minutes entre les passages ? ({ $low }–{ $high })
field-comments = 💬 Envoyez les commentaires, un par ligne ({ $min }–{ $max } lignes pour les commentaires comptés).
field-usernames = 👥 Envoyez les noms d'utilisateur, un par ligne.
field-hashtags = #️⃣ Envoyez les hashtags, un par ligne.
field-keywords = 🔑 Envoyez les mots-clés, un par ligne.
field-groups = 👥 Envoyez les groupes, un par ligne.
field-hashtag = #️⃣ Envoyez le hashtag.
field-username = 👤 Envoyez le nom d'utilisateur (sans @, c'est bien).
field-media = 🖼 Envoyez le lien du média.
field-answer-number = 🗳 Quel numéro de réponse doit recevoir les votes ? ({ $low }–{ $high })
field-min = 🔢 Minimum par publication ? ({ $min }–{ $max })
field-max = 🔢 Maximum par publication ? ({ $min }–{ $max })
field-posts = 📮 Combien de nouvelles publications ? ({ $low }–{ $high })
field-old-posts = 📮 Combien de publications existantes aussi ? ({ $low }–{ $high }) — ou Passer.
field-delay = ⏱ Délai avant chaque livraison (minutes) :
field-expiry = 📅 Date de fin au format jj/mm/aaaa — ou Passer.
field-country = 🌍 Pays des visiteurs (par exemple FR ou France).
field-device = 💻 Quels appareils ?
field-type-of-traffic = 🚦 Type de trafic ?
field-google-keyword = 🔑 Mot-clé Google à rechercher.
field-referring-url = 🔗 URL de provenance.

label-link = Lien
label-quantity = Quantité
label-dripfeed = Drip-feed
label-runs = Passages
label-interval = Intervalle (min)
label-comments = Commentaires
label-usernames = Noms d'utilisateur
label-hashtags = Hashtags
label-keywords = Mots-clés
label-groups = Groupes
label-hashtag = Hashtag
label-username = Nom d'utilisateur
label-media = Média
label-answer-number = Numéro de réponse
label-min = Min
label-max = Max
label-posts = Publications
label-old-posts = Anciennes publications
label-delay = Délai (min)
label-expiry = Fin
label-country = Pays
label-device = Appareil
label-type-of-traffic = Type de trafic
label-google-keyword = Mot-clé Google
label-referring-url = URL de provenance

choice-dripfeed-no = Tout d'un coup
choice-dripfeed-yes = Drip-feed
choice-delay = { $value } min
choice-device-1 = Ordinateur
choice-device-2 = Mobile (Android)
choice-device-3 = Mobile (iOS)
choice-device-4 = Mobile mixte
choice-device-5 = Mixte (tous)
choice-type_of_traffic-1 = Mot-clé Google
choice-type_of_traffic-2 = Référent personnalisé
choice-type_of_traffic-3 = Sans référent

invalid-number = Ce n'est pas un nombre entier. Envoyez un nombre de { $min } à { $max }.
invalid-range = Le nombre doit être compris entre { $min } et { $max }.
invalid-too-long = Trop long : { $max } caractères au maximum.
invalid-link = Cela ne ressemble pas à un lien. Envoyez un lien complet comme { $example }.
invalid-lines-empty = Envoyez au moins une ligne.
invalid-line-too-long = Une ligne est trop longue : { $max } caractères au maximum par ligne.
invalid-lines-count = Vous avez envoyé { $count ->
        [one] { $count } ligne
       *[other] { $count } lignes
    } ; ce service en demande { $min }–{ $max }.
invalid-date = Envoyez la date au format jj/mm/aaaa, par exemple 31/12/2027.
invalid-date-past = La date doit être dans le futur.
invalid-username = Ce nom d'utilisateur n'est pas valide (lettres, chiffres, points et tirets bas).
invalid-hashtag = Ce hashtag n'est pas valide (lettres, chiffres et tirets bas).
invalid-empty = Envoyez une valeur, s'il vous plaît.
invalid-choice = Choisissez l'un des boutons, s'il vous plaît.

summary-title = 🧾 <b>Vérifiez votre commande</b>
summary-price = 💵 Prix : <b>{ $price }</b>
summary-balance = 👛 Portefeuille : { $balance } → après : { $after }
summary-not-enough = ⚠️ Fonds insuffisants : il manque { $missing }. Rechargez avec un bouton ci-dessous : cette commande attend 30 minutes à ce prix, et une fois le paiement reçu vous la passez d’un geste.
summary-use-buttons = Appuyez sur Confirmer, Modifier ou Annuler sous le récapitulatif.
summary-outdated = Ce récapitulatif n'est plus à jour. Commencez une nouvelle commande depuis le menu.
price-changed = Le prix a changé. Vérifiez le nouveau récapitulatif.
placing = ⏳ Passage de votre commande…
order-placed = ✅ Commande #{ $id } passée ! Je vous écrirai à chaque étape. Voir <b>Mes commandes</b>.
order-already-placed = Cette commande a déjà été passée (commande #{ $id }). Rien n'a été débité deux fois.
order-no-funds = 👛 Fonds insuffisants : il manque { $missing }. Rechargez avec un bouton ci-dessous : cette commande attend 30 minutes à ce prix, et une fois le paiement reçu vous la passez d’un geste.
order-uncertain = ⏳ Commande #{ $id } : le fournisseur n'a pas répondu clairement. Nous vérifions ; votre paiement est bloqué et vous serez remboursé si elle n'a pas été passée.
nothing-charged = Rien n'a été débité.
order-refunded = Votre paiement a été remboursé sur votre portefeuille.
order-error-link = ❌ Le fournisseur a refusé ce lien. Vérifiez qu'il est correct et public.
order-error-quantity = ❌ Le fournisseur a refusé cette quantité. Vérifiez le minimum et le maximum du service.
order-error-duplicate = ❌ Une commande est déjà en cours pour ce lien. Attendez qu'elle soit terminée.
order-error-service = ❌ Ce service n'est plus disponible.
order-error-unavailable = 😕 Les commandes sont temporairement indisponibles. Réessayez plus tard.

orders-empty = Vous n'avez pas encore de commande. Touchez <b>Nouvelle commande</b> pour commencer.
orders-title = 📦 <b>Vos commandes</b> ({ $count }) — page { $page }/{ $pages }
order-not-found = Commande introuvable.
order-card-title = <b>Commande #{ $id }</b>
order-card-service = Service : { $service }
order-card-link = Lien : { $link }
order-card-quantity = Quantité : { $quantity }
order-card-charge = Montant : { $charge }
order-card-status = Statut : { $status }
order-card-start-count = Compteur de départ : { $start }
order-card-progress = Livré : { $delivered } · Restant : { $remains }
order-card-refund = Remboursé : { $amount }
order-card-changed = Mis à jour : { $at }
order-card-refill = Recharge : { $status }
refill-requested = ♻️ Recharge demandée. Je vous dirai le résultat.
refill-not-eligible = La recharge n'est pas disponible pour cette commande.
cancel-requested = ✖️ Annulation demandée. Si le fournisseur l'annule, vous êtes remboursé automatiquement.
cancel-not-eligible = Cette commande ne peut plus être annulée.

stage-placing = En cours de passage
stage-uncertain = En vérification
stage-rejected = Remboursée
stage-pending = En attente
stage-in-progress = En cours
stage-processing = En traitement
stage-completed = Terminée
stage-partial = Partielle
stage-canceled = Annulée
stage-unknown = Inconnu
stage-stuck = En examen
refill-stage-pending = en attente
refill-stage-in-progress = en cours
refill-stage-completed = terminée
refill-stage-rejected = refusée
refill-stage-unknown = inconnue
refill-stage-failed = impossible à suivre

notify-order-status = 🔔 Commande #{ $id } : { $status }
notify-refill-done = ♻️ La recharge de la commande #{ $id } est terminée.
notify-refill-rejected = ♻️ La recharge de la commande #{ $id } a été refusée par le fournisseur.
notify-refill-failed = ♻️ Le fournisseur ne répond plus au sujet de la recharge de la commande #{ $id }. Vous pouvez demander une nouvelle recharge depuis la commande.
notify-wallet-credit = 👛 { $amount } ajouté à votre portefeuille.
notify-generic = 🔔 Mise à jour

balance-text = 👛 Votre portefeuille : <b>{ $balance }</b>
    Rechargez avec des Telegram Stars ci-dessous.
topup-title = Recharge du portefeuille
topup-description = { $amount } ajouté à votre portefeuille.
topup-done = ✅ { $amount } ajouté. Portefeuille : { $balance }.
topup-refused = Ce paiement ne peut pas être accepté. Commencez une nouvelle recharge.
topup-usage = Choisissez un montant :

inline-start-bot = Ouvrez le bot pour voir vos commandes
inline-no-orders = Aucune commande trouvée
inline-order-title = #{ $id } · { $status }
inline-order-description = { $service } · { $delivered }/{ $quantity }

admin-credit-usage = Usage : /credit &lt;id ou @nom&gt; &lt;montant&gt; [motif]
admin-debit-usage = Usage : /debit &lt;id ou @nom&gt; &lt;montant&gt; [motif]
admin-user-not-found = Utilisateur { $user } introuvable (il doit avoir démarré le bot).
admin-bad-amount = Le montant doit être un nombre positif, par ex. 10 ou 2.50.
admin-debit-too-much = Le portefeuille ne contient pas autant.
admin-wallet-changed = ✅ Le portefeuille de { $user } est maintenant de { $balance }.
admin-balance = 🏦 Solde du panel : <b>{ $panel }</b>
    👛 Portefeuilles clients : { $wallets }
    📦 Valeur des commandes ouvertes : { $open }
admin-balance-warning = ⚠️ Le panel détient { $gap } de moins que ce que les clients peuvent dépenser. Rechargez le panel.
admin-panel-unreachable = Le panel n'a pas répondu ({ $error }).
admin-user = 👤 <b>{ $id }</b> @{ $username }
    Portefeuille : { $balance } · banni : { $banned }
admin-banned = ⛔ { $user } est banni.
admin-unbanned = ✅ { $user } n'est plus banni.
admin-banned-shops = { $count ->
    [one] Sa boutique { $shops } ne prend plus de commandes tant que le bannissement dure.
   *[other] Ses boutiques { $shops } ne prennent plus de commandes tant que le bannissement dure.
}
admin-stats = 📊 <b>{ $days ->
        [one] Dernier jour
       *[other] { $days } derniers jours
    }</b>
    Commandes : { $orders } · Nouveaux utilisateurs : { $users }
    Chiffre d'affaires : { $revenue } · Coût panel : { $cost }
    Bénéfice : <b>{ $profit }</b>
    Meilleurs services :
admin-markup-default = Marge par défaut : { $percent } %
admin-markup-usage = /markup 30 — par défaut · /markup service &lt;id&gt; 40 · /markup category &lt;nom&gt; 35 · « off » supprime une exception
admin-markup-no-category = Aucune catégorie nommée « { $name } ».
admin-markup-set = ✅ Marge { $scope } : { $percent } %
admin-pending-none = Aucune commande n'attend de décision.
admin-order-user = Client : { $user }
admin-already-resolved = Cette commande a déjà été traitée.
admin-resolved-refund = Commande #{ $id } remboursée ({ $amount }). Le client est prévenu.
admin-attach-usage = Envoyez /attach { $id } &lt;id de commande du panel&gt; une fois la commande trouvée sur le panel.
admin-attached = ✅ La commande #{ $id } est maintenant suivie comme commande panel { $panel }.
admin-refreshing = ⏳ Rechargement de la liste des services…
admin-refreshed = ✅ { $count ->
        [one] { $count } service
       *[other] { $count } services
    } dans { $categories ->
        [one] { $categories } catégorie
       *[other] { $categories } catégories
    }.
admin-broadcast-ask = Envoyez le message à diffuser (ou /cancel).
admin-broadcast-confirm = Envoyer ceci à { $count ->
        [one] { $count } utilisateur
       *[other] { $count } utilisateurs
    } ?
admin-broadcast-queued = 📣 En file pour { $count ->
        [one] { $count } utilisateur
       *[other] { $count } utilisateurs
    }. Des rapports de progression suivent.
admin-broadcast-progress = 📣 Diffusion : { $sent }/{ $total } envoyés, { $pending } en attente.
admin-alert-uncertain = ⚠️ Commande #{ $id } de { $user } : passage incertain ({ $error }). Elle existe peut-être sur le panel. Vérifiez et tranchez :
admin-alert-stuck = ⚠️ Commande #{ $id } de { $user } : le panel échoue sans cesse ; elle n'est plus suivie. Vérifiez et tranchez :
admin-alert-partial-unknown = ⚠️ La commande #{ $id } de { $user } s'est terminée partiellement sans que le panel indique ce qui manque : aucun remboursement automatique. Vérifiez le panel et utilisez /credit { $user } &lt;montant&gt; pour la part non livrée.
admin-alert-panel = 🚨 Le panel { $panel } a refusé une commande : { $error }. Ses commandes passent par un autre panel qui vend le service ; sinon les clients voient « temporairement indisponible » jusqu’à ce que vous corrigiez le problème.
admin-alert-error = 🐞 Erreur inattendue { $code } : { $error }. Voir les journaux.
admin-alert-low-balance = 🪫 Le solde du panel { $panel } est bas : { $balance }.
admin-refund-stars-usage = Usage : /refund_stars &lt;id de paiement Telegram&gt;
admin-refund-stars-done = ✅ Stars remboursées et { $amount } débité de { $user }.
admin-refund-stars-failed = Telegram a refusé le remboursement ; le portefeuille a été recrédité. Rien n’a été remboursé.
admin-refund-stars-uncertain = ⚠️ Remboursement Stars de { $amount } à { $user } (paiement <code>{ $charge }</code>) : Telegram n’a pas répondu clairement. Le portefeuille reste débité. Relancez /refund_stars { $charge } pour le terminer — sans risque : Telegram le signale s’il a déjà été remboursé.
admin-refund-stars-unknown = Aucune recharge avec cet identifiant.

cmd-start = Menu principal
cmd-order = Nouvelle commande
cmd-orders = Mes commandes
cmd-wallet = Solde
cmd-topup = Recharger le portefeuille
cmd-language = Langue
cmd-help = Aide
cmd-cancel = Annuler l'étape en cours
cmd-balance = Solde du panel et portefeuilles
cmd-credit = Créditer un portefeuille
cmd-debit = Débiter un portefeuille
cmd-user = Détails d'un client
cmd-markup = Marge
cmd-stats = Statistiques
cmd-ban = Bannir un utilisateur
cmd-unban = Débannir un utilisateur
cmd-broadcast = Message à tous
cmd-pending = Commandes en attente de décision
cmd-attach = Associer un id de commande du panel
cmd-refund-stars = Rembourser un paiement en Stars
cmd-services-refresh = Recharger la liste des services

## Delivery times and stalled orders
duration-under-minute = moins d’une minute
duration-minutes = environ { $count ->
        [one] { $count } min
       *[other] { $count } min
    }
duration-hours = environ { $count ->
        [one] { $count } h
       *[other] { $count } h
    }
duration-days = environ { $count ->
        [one] { $count } jour
       *[other] { $count } jours
    }
usual-time = ⏱ Livré d’habitude en { $duration }.
usual-time-per-thousand = ⏱ Livré d’habitude en { $duration } pour 1 000.
order-card-expected = ⏱ Prévu pour { $at } (d’habitude { $duration })
order-card-late = ⏱ Plus long que d’habitude ({ $duration })
notify-order-stalled = ⏳ La commande #{ $id } n’avance plus depuis bien plus longtemps que d’habitude. Nous nous en occupons et vous tiendrons au courant.
admin-alert-stalled = ⏳ La commande #{ $id } de { $user } n’avance plus depuis bien plus longtemps que ne prend d’habitude son service. Elle figure dans /pending.
admin-pending-stalled = ⏳ N’avance plus depuis bien plus longtemps que d’habitude :

## The /stats chart
chart-money-title = Argent par jour
chart-revenue = Chiffre d’affaires
chart-cost = Coût panel
chart-profit = Bénéfice
chart-orders-title = Commandes par jour
chart-completed = Terminées
chart-partial = Partielles
chart-canceled = Annulées
chart-open = En cours

## Support tickets
menu-support = Support
button-support = 💬 Support
button-reply = ↩️ Répondre
cmd-support = Écrire au support
cmd-close = Fermer un ticket de support
support-ask = 💬 Écrivez votre message au support : texte, photo ou document. /cancel pour arrêter.
support-ask-order = 💬 Écrivez votre message au support à propos de la commande #{ $id } : texte, photo ou document. /cancel pour arrêter.
support-sent = ✅ Envoyé au support (ticket #{ $id }). La réponse arrivera ici ; ce que vous envoyez maintenant s’ajoute au ticket.
support-too-many = Vous avez déjà { $count ->
        [one] { $count } ticket ouvert
       *[other] { $count } tickets ouverts
    }. Merci d’attendre la réponse.
support-unavailable = Le support est injoignable pour le moment. Réessayez dans quelques minutes.
support-media-only = Envoyez du texte, une photo ou un document.
support-ticket-closed = Ce ticket est fermé. Touchez Support pour écrire à nouveau.
support-topic-head = 🎫 Ticket #{ $id } de { $user }
support-private-head = 🎫 Ticket #{ $id } de { $user }. Touchez Répondre sous le message ; /close { $id } une fois traité.
support-answer-head = 💬 Réponse du support (ticket #{ $id }) :
support-closed = ✅ Le ticket #{ $id } est fermé. Touchez Support dès que vous avez besoin de nous.
support-closed-staff = Ticket #{ $id } fermé ; le client a été prévenu.
support-already-closed = Le ticket #{ $id } est déjà fermé ou n’existe pas.
support-staff-ask = Écrivez la réponse au ticket #{ $id } (texte, photo ou document).
support-staff-sent = Envoyé au client du ticket #{ $id }.
support-close-usage = /close &lt;numéro du ticket&gt;

## Promo codes
button-promo = 🎟 Saisir un code promo
cmd-promo = Utiliser un code promo
promo-ask = 🎟 Envoyez votre code promo.
promo-credited = 🎉 { $amount } ajoutés à votre portefeuille. Solde : { $balance }.
promo-discount-ready = 🎉 Votre prochaine commande bénéficie de { $percent } % de remise : le récapitulatif affiche le prix réduit.
promo-unknown = Le code promo « { $code } » n’existe pas.
promo-expired = Le code promo « { $code } » a expiré.
promo-used-up = Le code promo « { $code } » est épuisé.
promo-already-used = Vous avez déjà utilisé le code promo « { $code } ».
summary-discount = { $source ->
        [tier] 🏅 Votre palier : −{ $percent } % (au lieu de { $full })
        [sale] 🔥 Soldes : −{ $percent } % (au lieu de { $full })
       *[promo] 🎟 Promo { $code } : −{ $percent } % (au lieu de { $full })
    }
admin-promo-usage = /promo create CODE 5 [utilisations] [jours] — un crédit · /promo create CODE 10% [utilisations] [jours] — une remise sur la prochaine commande · /promo list · /promo off CODE
admin-promo-exists = Le code { $code } existe déjà.
admin-promo-created = ✅ Code promo { $code } créé.
admin-promo-off = Code promo { $code } désactivé.
admin-promo-none = Aucun code promo pour l’instant.

## Referrals
menu-referrals = Parrainage
cmd-referrals = Votre lien de parrainage
referral-text = 🤝 <b>Parrainage</b>
    Partagez votre lien : vous gagnez { $percent } % de ce que vos filleuls dépensent en commandes livrées.
    { $link }

    Inscrits via votre lien : { $joined ->
        [one] { $joined } personne
       *[other] { $joined } personnes
    }
    Gagné : { $earned }
referral-text-off = 🤝 <b>Parrainage</b>
    Votre lien : { $link }
    Le programme de parrainage est en pause.

    Inscrits via votre lien : { $joined ->
        [one] { $joined } personne
       *[other] { $joined } personnes
    }
    Gagné : { $earned }
referral-share-text = Boostez vos réseaux sociaux avec cette boutique :
button-share = 📤 Partager
notify-referral-earned = 🤝 { $amount } de commission de parrainage ajoutés à votre portefeuille.
cmd-referral = Pourcentage de parrainage
cmd-refund-order = Rembourser une commande livrée
admin-referral-percent = Les parrains gagnent { $percent } % des commandes livrées.
admin-referral-off = Le programme de parrainage est désactivé.
admin-referral-usage = /referral 5 — fixer le pourcentage (0–50) · /referral off
admin-stats-referrals = Inscriptions parrainées : { $joined } · commissions versées : { $paid }
admin-refund-order-usage = /refund_order NUMÉRO — rembourser une commande terminée ou partielle
admin-refund-order-refused = La commande n° { $id } ne peut pas être remboursée : seulement une commande terminée ou partielle, une fois.
admin-refund-order-done = ✅ Commande n° { $id } : { $amount } remboursés au client ; { $commission } de commission de parrainage repris.

## Crypto payments and orders waiting for a top-up
button-crypto = 💎 Payer en crypto
button-crypto-amount = 💎 Payer { $amount } en crypto
button-crypto-pay = 💎 Payer { $amount } dans Crypto Bot
cmd-crypto = Recharger en crypto
crypto-choose = 💎 Combien voulez-vous ajouter ? Ou envoyez /crypto MONTANT.
crypto-usage = 💎 Envoyez /crypto MONTANT, de { $low } à { $high } (par exemple /crypto 12.50), ou choisissez :
crypto-creating = ⏳ Création de votre facture…
crypto-invoice = 💎 Facture de { $amount } : payez-la dans Crypto Bot avec la cryptomonnaie acceptée de votre choix. Votre portefeuille est crédité dès la confirmation du paiement ; la facture expire dans une heure.
crypto-unavailable = Les paiements en crypto sont momentanément indisponibles. Réessayez dans quelques minutes ou rechargez avec des Stars.
crypto-off = Les paiements en crypto ne sont pas proposés par cette boutique.
held-ready-title = 💳 Paiement reçu : votre commande est prête à être passée.
button-place-now = ✅ Passer la commande
held-order-gone = Cette commande n’attend plus (elle a expiré après 30 minutes ou a été remplacée). Veuillez commencer une nouvelle commande.

## Several panels
cmd-panels = Panels : état, solde, commandes en cours
cmd-routes = Quels panels vendent un service
cmd-route = Lier, délier ou classer une route
admin-panel-up = ✅ en ligne
admin-panel-down = ⛔ hors ligne depuis { $down } s
admin-panel-line = <b>{ $panel }</b> · { $state }
    Solde : { $balance } · commandes en cours : { $orders } (dû { $owed })
    Erreurs : { $errors } · latence : { $latency } · pannes : { $outages }
    Dernière erreur : { $error }
admin-routes-usage = /routes ID_SERVICE — les panels qui le vendent, celui utilisé en premier
admin-routes-title = 🔀 Routes du service { $id } (▶️ utilisée, ⛔ panel hors ligne) :
admin-route-line = { $mark } <b>{ $panel }</b>:{ $service } { $name } · { $rate } · { $min }–{ $max } · recharge { $refill } · annulation { $cancel } · priorité { $priority }
admin-route-usage = /route link ID_SERVICE PANEL:ID_SUR_LE_PANEL · /route unlink ID_SERVICE PANEL · /route priority ID_SERVICE PANEL N (le plus bas d’abord)
admin-route-done = ✅ Routes modifiées.
admin-balance-panel = 🏦 <b>{ $panel }</b> : { $balance } · dû sur ce panel { $owed } ({ $orders ->
        [one] { $orders } commande en cours
       *[other] { $orders } commandes en cours
    })
admin-balance-panel-down = 🏦 <b>{ $panel }</b> n’a pas répondu ({ $error }).
admin-stats-panel = 🔀 { $panel } : { $orders ->
        [one] { $orders } commande
       *[other] { $orders } commandes
    } · coût { $cost } · bénéfice { $profit }

## The Mini App
button-open-shop = 🛍 Ouvrir la boutique
open-shop-hint = 🛍 Parcourez tous les services, cherchez et commandez dans la boutique :
field-missing = Ce champ est obligatoire.
app-title = Boutique
app-search = Rechercher des services…
app-all-categories = Toutes les catégories
app-all-types = Tous les types
app-all-platforms = Toutes les plateformes
app-max-price = Prix max pour 1000
app-categories = Boutique
app-orders = Mes commandes
app-balance = Solde
app-back = Retour
app-order = Commander
app-confirm = Confirmer
app-summary = Vérifiez votre commande
app-price = Prix
app-wallet-after = Portefeuille
app-refill = Recharge
app-cancel = Annuler
app-order-again = Commander à nouveau
app-refresh = Actualiser
app-top-up = Recharger
app-no-orders = Vous n’avez encore aucune commande.
app-unauthorized = Cette page s’ouvre uniquement depuis le bot dans Telegram. Rouvrez-la depuis le menu du bot.
app-unknown-shop = Cette boutique n’est pas ouverte ici. Rouvrez-la depuis son bot dans Telegram.
app-banned = Votre accès à cette boutique a été suspendu.
app-loading = Chargement…
app-per-thousand = pour 1000
app-limits = Commande de–à
app-not-enough = Fonds insuffisants dans votre portefeuille : il manque
app-placing = Envoi…
app-skip = Passer
app-retry = Réessayer
app-description = Description
app-nothing-found = Rien trouvé. Essayez d’autres mots ou filtres.
app-topup-unavailable = Les recharges sont momentanément indisponibles. Réessayez dans une minute.

demo-shop-note = 🧪 <i>Boutique de démonstration : les commandes sont simulées et aucun argent réel n’est pris.</i>
demo-no-payments = 🧪 Ceci est une boutique de démonstration : les paiements sont désactivés et rien de réel n’est vendu. Les commandes y sont simulées.
crypto-too-many = Vous avez déjà { $count ->
    [one] une facture impayée
   *[other] { $count } factures impayées
} en cours. Payez-en une ou attendez qu’elle expire (une heure), puis créez-en une nouvelle.
alert-repeated = { $count ->
    [one] (une fois ces dernières minutes)
   *[other] (× { $count } ces dernières minutes ; la dernière affichée)
}
invalid-link-platform = Ce service est pour { $service }, mais ce lien est un lien { $link }. Envoyez un lien { $service }.
order-link-busy = La commande #{ $id } est encore en cours pour ce lien. Une deuxième pourra commencer quand elle sera terminée.
order-link-busy-other = Une commande pour ce lien est encore en cours. Une deuxième pourra commencer quand elle sera terminée.
guarantee-days = ♻️ Garantie de recharge : { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}
guarantee-until = { $guarantee }, jusqu’au { $until }
guarantee-lifetime = ♻️ Garantie de recharge : à vie
guarantee-none = 🚫 Sans garantie de recharge
refill-no-guarantee = Ce service n’a pas de garantie de recharge : aucune recharge ne peut être demandée.
refill-guarantee-ended = La garantie de recharge de cette commande a pris fin le { $until }.
refill-pending = Une recharge de cette commande est déjà en cours. Vous recevrez un message quand elle sera terminée.
refill-cooldown = Une recharge a été demandée récemment. La prochaine pourra l’être après { $at }.
admin-service-usage = Usage : /service ID hide|show|pause|resume|feature|unfeature · /service ID rename NOUVEAU NOM (sans nom : celui du panel) · /service ID refill JOURS|lifetime|none
admin-service-done = ✅ Service { $id } mis à jour.
cmd-service = Garantie de recharge d’un service
mass-hint = 📦 Plusieurs commandes d’un coup ? /mass
cmd-mass = Passer plusieurs commandes d’un coup
mass-ask = 📦 Commande groupée : collez jusqu’à 100 lignes, une commande chacune :
    <code>id du service | lien | quantité</code>
    (« | », « ; » ou des espaces entre). Chaque ligne est chiffrée avant que rien ne soit passé.
mass-empty = Rien à lire : collez des lignes comme <code>1 | https://instagram.com/p/abc | 500</code>.
mass-too-many = Au plus { $max } lignes à la fois : coupez la liste.
mass-line-shape = écrivez id du service | lien | quantité
mass-line-service = aucun service commandable { $id }
mass-line-form = ce service demande plus qu’un lien et une quantité : commandez-le seul
mass-preview-title = 📦 <b>Commande groupée</b> : { $count ->
    [one] { $count } ligne peut être passée
   *[other] { $count } lignes peuvent être passées
} sur { $lines }
mass-line-ok = { $n }. ✅ service { $id } · { $link } · { $quantity } — { $price }
mass-line-bad = { $n }. ❌ { $why }
mass-total = 💵 Total : <b>{ $total }</b>
mass-nothing-valid = Aucune ligne ne peut être passée : corrigez-les et recollez.
mass-already = Cette commande groupée a déjà été passée : { $placed } passées, { $held } en vérification, { $refused } refusées et remboursées.
mass-report-title = 📦 <b>Commande groupée</b> : { $placed ->
    [one] { $placed } commande passée
   *[other] { $placed } commandes passées
} sur { $lines } lignes
mass-report-placed = { $n }. ✅ commande #{ $id }
mass-report-uncertain = { $n }. ⏳ la commande #{ $id } est en vérification
mass-report-no-funds = { $n }. ❌ non passée : il manquait { $missing } au portefeuille
mass-report-link-busy = { $n }. ❌ non passée : une commande pour ce lien est encore en cours
mass-report-refunded = { $n }. ↩️ commande #{ $id } refusée par le fournisseur : remboursée
mass-report-unavailable = { $n }. ❌ non passée : momentanément indisponible, rien n’a été débité
mass-report-price-changed = { $n }. ❌ non passée : le prix a changé depuis l’aperçu
summary-discount-largest = Les remises ne se cumulent pas : la plus forte s'applique.
balance-tier = 🏅 Votre palier : −{ $percent } % sur chaque commande (livré jusqu'ici : { $spent }).
balance-tier-next = Encore { $left } pour atteindre −{ $percent } %.
balance-bonuses = 🎁 Bonus de recharge :
balance-bonus-step = · rechargez { $amount } ou plus : +{ $percent } %
notify-wallet-bonus = 🎁 Bonus de recharge : +{ $bonus }.
catalog-sale = 🔥 Soldes : −{ $percent } % { $category ->
        [all] sur tout
       *[other] sur { $category }
    } jusqu'au { $until } UTC.
admin-sale-usage = /sale 20% 24h [catégorie] — des soldes éclair (1-90 %, jusqu'à 744 h) · /sale off · /sale — les soldes en cours
admin-sale-started = 🔥 Soldes : −{ $percent } % sur { $category } jusqu'au { $until } UTC. Les prix ne descendent jamais sous le coût du panel.
admin-sale-everything = tout
admin-sale-off = Soldes terminées.
admin-sale-none = Aucunes soldes en cours.
admin-sale-unknown-category = Aucune catégorie ne s'appelle { $category }.
button-send-fast = ⚡ Rapide (payant) : ~{ $stars } ⭐
admin-broadcast-fast-offer = Au rythme normal, cela prend environ { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. ⚡ Rapide (payant) envoie jusqu'à 1 000 messages par seconde et coûte environ { $stars } Telegram Stars du solde du bot.
button-api-access = 🔌 Accès API
button-api-create = 🔑 Créer une clé
button-api-rotate = 🔄 Changer de clé
button-api-revoke = 🗑 Révoquer la clé
button-api-notices-on = 🔔 M'avertir des commandes API
button-api-notices-off = 🔕 Pas d'avis des commandes API
api-access-title = 🔌 <b>Accès API</b>
api-access-about = Votre panel ou votre boutique peut acheter ici via l'API v2 des panels SMM avec votre clé : mêmes services, mêmes prix, même portefeuille.
    Adresse : <code>{ $address }</code>
    Documentation : { $docs }
api-access-none = Vous n'avez pas encore de clé.
api-access-active = Une clé est active depuis le { $date } UTC. Elle n'a été montrée qu'une fois, à sa création : si vous l'avez perdue, changez-la.
api-access-disabled = ⛔ La boutique a désactivé votre accès API.
api-access-notices = Avis des commandes API dans le chat : { $state ->
        [on] activés
       *[off] désactivés
    }.
api-access-new-key = 🔑 Votre nouvelle clé — montrée seulement maintenant, gardez-la secrète (l'ancienne ne marche plus) :
    <code>{ $secret }</code>
api-access-revoked = La clé est révoquée : elle ne fonctionne plus.
api-access-unavailable = Cette boutique ne propose pas d'API.
admin-api-usage = /api_off ID — couper la clé API d'un client · /api_on ID — la rétablir
admin-api-off = 🔌 Accès API de { $user } coupé.
admin-api-on = 🔌 Accès API de { $user } rétabli.
order-card-via-api = 🔌 Passée via l'API
api-doc-title = API v2 des panels SMM
api-doc-intro = Achetez les services de cette boutique depuis votre panel ou votre boutique. Chaque requête est un POST avec des champs de formulaire (ou du JSON) et votre clé ; les réponses sont en JSON, les montants en { $currency }. Votre clé est dans le bot : Solde → Accès API.
api-doc-address = Adresse :
api-doc-format = Les erreurs sont répondues en { $shape } avec HTTP 200, comme les panels ; plus de 10 requêtes par seconde (rafales de 20) d'une même clé reçoivent HTTP 429.
api-doc-services = Les services vendus ici, à leurs prix pour 1000.
api-doc-add = Passe une commande, payée depuis votre portefeuille ; chaque type de service demande ses propres champs (comme dans l'API v2).
api-doc-status = Le statut d'une commande, ou de 100 à la fois.
api-doc-refill = Demande une recharge d'une commande livrée, dans sa garantie.
api-doc-refill-status = Le statut d'une recharge, ou de 100 à la fois.
api-doc-cancel = Demande l'annulation de commandes pas encore commencées.
api-doc-balance = Votre portefeuille.
api-doc-parameters = Paramètres :
api-doc-example-request = Exemple de requête :
api-doc-example-answer = Exemple de réponse :
api-doc-errors = Erreurs
cmd-api = Accès API : votre clé pour l'API de la boutique
cmd-sale = Des soldes éclair : /sale 20% 24h [catégorie], /sale off
cmd-api-off = Couper la clé API d'un client
cmd-api-on = Rétablir la clé API d'un client
service-paused = ⏸ Momentanément indisponible : ce service ne peut pas être commandé pour l'instant.
catalog-recommended = ⭐ Recommandés
admin-service-panel-name = Nom du panel : { $name }
admin-service-shown-name = Les clients voient : { $name }
admin-service-state = { $state ->
        [hidden] 🙈 Caché aux clients
        [paused-admin] ⏸ En pause (par un admin)
        [paused-vanished] ⏸ En pause : aucun panel ne le propose (revient tout seul)
        [paused-below_cost] ⏸ En pause : son prix est sous le coût du panel
        [paused-quarantine] ⏸ En quarantaine : ses dernières commandes ont échoué (de retour après la probation, ou /service ID resume)
       *[on-sale] ✅ En vente
    }
admin-service-featured = ⭐ Mis en avant : premier de sa catégorie et dans Recommandés
admin-category-usage = Usage : /category NOM hide|show · /category NOM rename NOUVEAU NOM
admin-category-done = ✅ Catégorie { $name } mise à jour.
admin-price-usage = Usage : /price ID MONTANT (pour 1000 ; aucun rafraîchissement ne le change) · /price ID off (retour à la marge)
admin-price-set = ✅ Le service { $id } est vendu { $price } pour 1000.
admin-price-below-cost = ⏸ C'est sous le coût du panel ({ $cost }) : le service est en pause jusqu'à ce que le prix couvre le coût.
admin-prices-usage = Usage : /prices ID
admin-prices-title = 📈 <b>{ $name }</b> (#{ $id })
admin-prices-now = Aujourd'hui : { $price } pour 1000 · coût du panel { $cost }
admin-prices-none = Aucun changement de coût enregistré.
admin-prices-move = · { $at } { $panel } : { $old } → { $new }
admin-audit-empty = Rien d'enregistré pour l'instant.
admin-audit-title = 📜 <b>{ $count ->
        [one] La dernière action
       *[other] Les { $count } dernières actions
    }</b>
admin-audit-line = { $at } · { $actor } · { $action } { $subject } : { $before } → { $after }
admin-catalog-digest = 📊 <b>Changements du catalogue</b> — plus chers : { $dearer } · moins chers : { $cheaper } · disparus : { $vanished } · nouveaux : { $appeared }
admin-catalog-move = · #{ $id } { $name } : { $old } → { $new } ({ $change } %)
admin-alert-below-cost = ⏸ Le service #{ $id } { $name } est en pause : son prix { $price } est sous le coût du panel { $cost }. Il reprend quand le prix couvre le coût (/price { $id } …).
admin-alert-low-margin = ⚠️ Service #{ $id } { $name } : la marge est sous { $margin } % (prix { $price }, coût { $cost }).
topic-catalog = 📊 Catalogue
cmd-category = Cacher, montrer ou renommer une catégorie
cmd-price = Un prix fixé pour 1000 d'un service
cmd-prices = L'historique des coûts d'un service et son prix du jour
cmd-audit = Les dernières actions des admins sur l'argent et le catalogue
app-console = ⚙️ Admin
app-console-forbidden = Cette console est réservée aux admins de la boutique.
app-console-catalog = Catalogue
app-console-attention = À traiter
app-console-panels = Panels
app-console-stats = Stats
app-console-audit = Journal
app-console-search = Chercher id, nom ou catégorie
app-console-filter-all = Tous les services
app-console-filter-hidden = Cachés
app-console-filter-paused = En pause
app-console-filter-vanished = Disparus
app-console-filter-low_margin = Marge faible
app-console-filter-featured = Mis en avant
app-console-col-id = ID
app-console-col-name = Nom
app-console-col-category = Catégorie
app-console-col-panel = Panel
app-console-col-cost = Coût
app-console-col-price = Prix
app-console-col-margin = Marge
app-console-col-status = Statut
app-console-status-on_sale = En vente
app-console-status-hidden = Caché
app-console-status-admin = En pause
app-console-status-vanished = Disparu
app-console-status-below_cost = Sous le coût
app-console-status-quarantine = En quarantaine
app-console-hide = Cacher
app-console-show = Montrer
app-console-pause = Pause
app-console-resume = Reprendre
app-console-feature = Mettre en avant
app-console-unfeature = Retirer de l'avant
app-console-rename = Renommer
app-console-markup = Marge %
app-console-price = Prix pour 1000
app-console-value = Nouveau nom, pourcentage ou prix
app-console-apply = Appliquer
app-console-selected = Sélection :
app-console-history = Historique du coût
app-console-refund = Rembourser
app-console-attach = Rattacher
app-console-panel-order = Id de commande du panel
app-console-nothing = Rien à traiter.
app-console-up = En ligne
app-console-down = Hors ligne
app-console-balance = Solde
app-console-owed = Dû
app-console-orders = Commandes
app-console-revenue = Chiffre d'affaires
app-console-cost = Coût panel
app-console-profit = Bénéfice
app-console-new-users = Nouveaux clients
app-console-done = Fait.
app-console-shown = Affichés :
private-chat-only = Je fonctionne en discussion privée : ouvrez { $bot } et écrivez-moi là-bas.
admin-refund-stars-short = Rien n’a été remboursé : le remboursement reprend { $amount } (le paiement et le bonus qu’il a rapporté), et le portefeuille contient { $balance }.
topup-expired = Cette facture a expiré. Demandez une nouvelle recharge : un seul geste suffit.
cmd-backup = Envoyer une sauvegarde de la base
admin-backup-making = 🗄 Sauvegarde de la base en cours…
admin-backup-caption = 🗄 Sauvegarde de la base de la boutique ({ $size }). Gardez-la en lieu sûr : elle contient tous les portefeuilles et commandes. Restauration dans une base vide : <code>python -m bot restore FICHIER</code>.
admin-backup-unavailable = Aucune sauvegarde n’a pu être faite : { $why }
admin-backup-too-large = La sauvegarde fait { $size } : plus que ce que Telegram accepte d’un bot (50 Mo). Copiez le fichier de la base depuis le serveur.
inline-service-description = { $rate } les 1000 · { $limits }
inline-service-message = 🛒 <b>{ $name }</b>
{ $rate } les 1000
inline-order-button = 🛒 Commander dans le bot
inline-no-services = Aucun service trouvé : ouvrir la boutique
button-share-card = 📇 Envoyer une carte dans une discussion
button-share-result = 📣 Partager le résultat
inline-open-shop = 🛒 Ouvrir la boutique
inline-invite-title = 🤝 Inviter dans la boutique
inline-invite-description = Une carte avec votre lien : qui arrive par elle vous est rattaché
inline-invite-card = 🚀 Abonnés, likes, vues et plus — commandés en une minute, ici même dans Telegram.
inline-result-title = 📣 Le résultat de la commande #{ $id }
inline-result-card = ✅ { $delivered ->
        [one] { $delivered } livré
       *[other] { $delivered } livrés
    } : { $service }
app-share-unavailable = La carte n’a pas pu être préparée pour l’instant. Réessayez dans un instant.
app-share = 📇 Partager la boutique
app-home-offer = 📲 Ajoutez la boutique à votre écran d’accueil : un seul geste la prochaine fois.
app-home-add = Ajouter
app-home-later = Plus tard
cmd-plans = Abonnements : une commande tous les 30 jours, en Stars
cmd-plan = Abonnements récurrents : /plan add, /plan off
button-plans = 🔁 Abonnements
plans-title = 🔁 <b>Abonnements</b> — une commande tous les 30 jours, payée en Telegram Stars. Annulable à tout moment : la période payée va jusqu'à son terme.
plans-none = Aucun abonnement n'est en vente pour le moment.
plans-mine = <b>Vos abonnements</b>
plans-demo = 🧪 Boutique de démonstration : les abonnements sont affichés, pas vendus.
plan-line = <b>{ $plan }</b> — { $quantity } × { $service } · ⭐ { $stars } pour 30 jours
plan-service-gone = un service qui n'est plus vendu
plan-mine-renews = <b>{ $plan }</b> → { $link } · renouvelé le { $date }
plan-mine-ends = <b>{ $plan }</b> → { $link } · annulé, se termine le { $date }
button-plan-subscribe = 🔁 S'abonner : { $plan }
button-plan-cancel = ✖️ Annuler { $plan }
button-plan-resume = 🔁 Renouveler { $plan }
button-plan-pay = ⭐ S'abonner : { $stars } pour 30 jours
plan-ask-link = 🔗 Envoyez le lien où va chaque commande de <b>{ $plan }</b>, par exemple { $example }
plan-bad-link = Ce lien ne peut pas servir pour cet abonnement. Envoyez un lien complet, par exemple https://instagram.com/votrenom
plan-gone = Cet abonnement n'est plus disponible.
plan-unavailable = Telegram est injoignable pour l'instant. Réessayez dans un moment.
plan-invoice = { $quantity } vers { $link }, tous les 30 jours
plan-summary = 🔁 <b>{ $plan }</b>
    { $quantity } vers { $link }, tous les 30 jours.
    Prix : ⭐ { $stars } pour 30 jours, payé en Telegram Stars ; la première commande est passée dès le paiement.
plan-refused = Cet abonnement ne peut pas être payé maintenant. Ouvrez Abonnements et recommencez.
plan-cancelled = { $plan } est annulé : il court jusqu'au { $date } et ne sera pas renouvelé.
plan-resumed = { $plan } sera de nouveau renouvelé le { $date }.
plan-period-placed = 🔁 Abonnement <b>{ $plan }</b> : cette période est payée et la commande n° { $id } est passée. Payé jusqu'au { $date }.
plan-period-credited = 🔁 Abonnement <b>{ $plan }</b> : cette période est payée, mais sa commande n'a pas pu être passée. { $amount } a été ajouté à votre portefeuille. Payé jusqu'au { $date }.
plan-ended-cancelled = 🔁 Votre abonnement <b>{ $plan }</b> est terminé : il a été annulé. Réabonnez-vous quand vous voulez dans Abonnements.
plan-ended-unpaid = 🔁 Votre abonnement <b>{ $plan }</b> est terminé : son renouvellement n'a pas été payé. Réabonnez-vous quand vous voulez dans Abonnements.
plan-error-service = Le service { $id } n'est pas en vente : choisissez-en un dans le catalogue.
plan-error-form = Le service { $id } demande plus qu'un lien et une quantité : un abonnement ne peut pas le commander.
plan-error-quantity = La quantité doit être comprise entre { $min } et { $max } pour ce service.
admin-plan-usage = Abonnements : <code>/plan add ID_SERVICE QUANTITÉ STARS NOM</code> (Stars pour 30 jours, 10000 au plus), <code>/plan off ID</code>, <code>/plan</code> pour les lister.
admin-plan-added = ✅ L'abonnement n° { $id } <b>{ $plan }</b> est en vente : { $quantity } × { $service } pour ⭐ { $stars } par 30 jours. Chaque période crédite le prix catalogue de la commande aujourd'hui, { $price } (⭐ { $stars } = { $worth } à votre taux Stars).
admin-plan-off = L'abonnement n° { $id } n'est plus vendu. Les abonnements en cours continuent jusqu'à leur annulation.
admin-plan-unknown = Aucun abonnement de ce numéro en vente.
admin-plan-line = n° { $id } <b>{ $plan }</b> — { $quantity } × service { $service } · ⭐ { $stars } · { $on_sale ->
        [yes] en vente
       *[no] retiré
    }
app-plan-link = Le lien où va chaque commande
app-plan-pay = ⭐ Payer en Telegram Stars
record-too-few = 📊 Pas encore assez de commandes pour un bilan ({ $count ->
        [one] { $count } commande pour l'instant
       *[other] { $count } commandes pour l'instant
    }).
record-reliable = ✅ Fiable
record-bad = ⚠️ Les dernières commandes échouent souvent
record-starts = démarre d'habitude en { $duration }
record-done-per-thousand = terminé en { $duration } pour 1 000
record-done = terminé en { $duration }
record-completed = { $percent } % terminées ({ $count ->
        [one] { $count } commande
       *[other] { $count } commandes
    })
admin-quarantined = ⏸ Le service { $id } <b>{ $name }</b> est en quarantaine : { $failed } de ses { $of } dernières commandes ont été annulées ou n'ont jamais démarré. Les nouvelles commandes sont suspendues jusqu'au { $until } ; <code>/service { $id } resume</code> le rétablit tout de suite.
app-reliable-only = ✅ Fiables seulement
admin-routes-rule = Ordre : panels en ligne d'abord ; parmi eux le meilleur bilan mesuré (✅ d'abord, ⚠️ en dernier), puis le moins cher ou par priorité ; une route dont les dernières commandes ne démarrent plus (🚫) ne sert que si aucune autre ne peut prendre la commande, jusqu'à ce qu'elle fasse ses preuves. Jamais sous le coût.
admin-route-stopped = 🚫 les dernières commandes n'ont jamais démarré
admin-route-record-few = pas encore assez de commandes ({ $count ->
        [one] { $count } commande
       *[other] { $count } commandes
    })
admin-route-record = { $badge } { $percent } % terminées ({ $count ->
        [one] { $count } commande
       *[other] { $count } commandes
    })
record-refills = { $percent } % ont demandé une recharge
app-console-col-completed = Terminées
app-console-col-orders = Commandes
app-console-record = Bilan par panel
app-console-timeline = Commandes par jour, 30 derniers jours
notify-order-replaced = 🔁 La commande n° { $old } n'a pas démarré sur son panel : elle a été annulée et remboursée, puis passée de nouveau sous le n° { $new } sur un autre. Débitée une seule fois.
notify-order-not-replaced = 🔁 La commande n° { $old } n'a pas démarré : elle a été annulée et remboursée sur le portefeuille, mais n'a pas pu être passée ailleurs pour l'instant.
button-replace-order = 🔁 Annuler et repasser sur { $panel }
admin-replace-asked = Annulation demandée. La commande est passée sur l'autre panel dès que celui-ci confirme l'annulation (jamais les deux).
admin-replace-waiting = Son annulation est déjà attendue : la commande sera repassée dès qu'elle sera confirmée.
admin-replace-not-possible = Cette commande ne peut pas être repassée : elle a démarré, ou aucun autre panel ne la vend dans son prix.
admin-replace-cancel-refused = Le panel n'annule pas cette commande : elle n'est pas repassée.
staff-refused = 🔒 Votre rôle ({ $role }) ne permet pas ceci : il faut { $needed ->
        [support] le support
        [manager] un responsable
       *[owner] le propriétaire
    }.
cmd-staff = Votre équipe : rôles et plafond de remboursement des responsables
admin-staff-title = 👥 <b>Équipe</b> (les propriétaires sont ADMIN_IDS) :
admin-staff-line = { $user } : { $role }
admin-staff-none = Personne pour l'instant.
admin-staff-limit = Un responsable rembourse au plus { $amount } à la fois.
admin-staff-usage = <code>/staff add ID|@nom viewer|support|manager</code> · <code>/staff remove ID|@nom</code> · <code>/staff limit MONTANT</code>. Viewer : statistiques. Support : tickets et recherche de commandes. Manager : catalogue, prix, commandes, remboursements jusqu'au plafond.
admin-staff-added = ✅ { $user } est maintenant { $role }.
admin-staff-removed = ✅ { $user } ne fait plus partie de l'équipe.
admin-staff-owner = C'est un propriétaire (ADMIN_IDS) : son rôle ne se change pas ici.
staff-over-limit = 🔒 Ce remboursement dépasse votre plafond ({ $limit }) : le propriétaire peut le faire.

## The owner's setup inside Telegram
cmd-setup = Configurer la boutique pas à pas
cmd-settings = Tous les réglages et leur origine
setup-needs-code = Envoyez <code>/setup CODE</code> avec le code que le bot a écrit dans son journal au démarrage.
setup-wrong = ❌ Ce code de configuration n'est pas le bon. Copiez-le depuis le journal du bot (la ligne SETUP CODE).
setup-too-many = ⏳ Trop de codes erronés. Réessayez dans une heure.
setup-taken = Cette boutique a déjà un propriétaire.
setup-claimed = 👑 Cette boutique est à vous. Configurons-la : chaque étape a Retour et Passer, et /settings change tout plus tard.
setup-step = ⚙️ <b>Configuration</b> · étape { $number } sur { $total }
setup-from-env = { $names } : défini dans l'environnement, qui l'emporte sur l'assistant (<code>{ $value }</code>). Modifiez-le là, ou continuez.
setup-ask-panel-url = 🔌 <b>Votre panel SMM.</b> Envoyez l'adresse de son API — elle finit souvent par <code>/api/v2</code> (actuellement : <code>{ $current }</code>).
setup-ask-panel-key = 🔑 Envoyez maintenant la clé API du panel (page API de votre compte). Je la vérifie tout de suite et supprime votre message.
setup-ask-markup = 💹 <b>Marge</b> : ce que les clients paient en plus du prix du panel, en pourcentage (actuellement { $current } %).
setup-ask-currency = 💱 <b>Devise du portefeuille</b> vue par les clients (actuellement { $current }). Envoyez un code à 3 lettres comme USD ou EUR — les prix ne sont pas convertis, indiquez donc la devise de votre panel — ou gardez celle du panel.
setup-ask-language = 🌐 <b>Langue</b> de la boutique pour les clients dont Telegram ne parle aucune de ses langues (actuellement { $current }).
setup-ask-support = 🛟 <b>Groupe d'assistance</b> (actuellement { $current }) : nommez-moi admin d'un supergroupe avec les Sujets activés et je le proposerai ici — ou envoyez son identifiant (il commence par -100).
setup-ask-stars = ⭐ <b>Taux des Stars</b> : combien de Telegram Stars valent 1 unité de la devise du portefeuille (actuellement { $current }).
setup-ask-crypto = 🪙 Jeton <b>Crypto Pay</b> depuis @CryptoBot → Crypto Pay → My Apps (actuellement { $current }). Je le vérifie et supprime votre message.
setup-ask-webapp = 📱 <b>Adresse de la Mini App</b> : l'adresse https publique de la page <code>/app/</code> de ce bot (actuellement { $current }).
setup-currency-panel = La devise du panel
setup-skip = Passer ➡️
setup-next = Suivant ➡️
setup-back = ⬅️ Retour
setup-checking = ⏳ Vérification…
setup-saved = ✅ Enregistré. La boutique l'utilise désormais.
setup-refused = ❌ Non enregistré : { $reason }
setup-done = 🎉 Configuration terminée. /settings montre chaque réglage et son origine ; /setup reprend ces étapes.
setup-over = Cette configuration est terminée : envoyez /setup pour la recommencer.
setup-markup-bad = Envoyez un pourcentage entre 0 et 1000, par exemple 30.
setup-panel-ok = ✅ Le panel répond : { $services ->
        [one] { $services } service
       *[other] { $services } services
    }, solde { $balance }.
setup-panel-unreachable = ❌ Le panel est injoignable ({ $detail }). Vérifiez l'adresse puis renvoyez la clé — ou revenez en arrière pour changer l'adresse.
setup-panel-bad-key = ❌ Le panel a refusé la clé ({ $detail }). Envoyez la bonne clé.
setup-panel-not-api-v2 = ❌ Quelque chose répond à cette adresse, mais pas une API v2 de panel SMM ({ $detail }). Revenez en arrière et envoyez l'adresse de l'API — elle finit souvent par /api/v2.
setup-crypto-ok = ✅ Crypto Pay répond : application « { $app } ».
setup-crypto-refused = ❌ Crypto Pay a refusé le jeton ({ $detail }). Envoyez le bon, ou passez.
setup-group-found = 🛟 Je suis maintenant admin de « { $title } ». L'utiliser comme groupe d'assistance, où les tickets s'ouvrent en sujets ?
setup-group-no-topics = ⚠️ Ses Sujets sont désactivés : activez-les d'abord dans les réglages du groupe.
setup-group-use = ✅ Utiliser ce groupe
setup-group-set = ✅ Groupe d'assistance enregistré.
settings-title = ⚙️ <b>Réglages</b> — valeur · origine (🔒 : environnement uniquement)
settings-line = <code>{ $name }</code> = { $value } · { $source } { $lock }
settings-source-environment = environnement
settings-source-setup = défini ici
settings-source-default = par défaut
settings-source-parent = de la boutique parente
settings-usage = <code>/settings NOM valeur</code> en change un (un nom défini dans l'environnement l'emporte), <code>/settings NOM -</code> l'oublie ; /setup parcourt les principaux.
settings-unknown = Aucun réglage { $name } : /settings les liste.
settings-use-markup = La marge par défaut se règle avec /markup (effet immédiat).
settings-changed = ✅ { $name } enregistré : la boutique redémarre avec dans un instant.
app-console-settings = Réglages
app-console-settings-bad = Envoyez les réglages à changer sous la forme {"{"}"changes": {"{"}"NOM": "valeur"{"}"}{"}"}, 4 au plus.
app-console-settings-save = Enregistrer
app-console-settings-saved = ✅ Enregistré : la boutique redémarre avec dans un instant.
app-console-settings-panel = 🔌 Panel : adresse et clé de l'API (vérifiées avant d'être gardées)
app-console-settings-check = Vérifier et enregistrer

## Child shops
cmd-shops = Boutiques filles : liste, suspendre, reprendre
button-own-shop = 🏪 Votre propre boutique
child-offer = 🏪 <b>Votre propre boutique</b> — un bot Telegram à vous qui vend les services de cette boutique sous votre nom.
    • Vos clients, vos prix : marge de { $markup } % pour commencer, puis vos codes promo, diffusions, statistiques et console.
    • Vos clients vous paient : les Stars vont au solde de votre bot, Crypto Pay à votre propre application.
    • Chaque commande est payée depuis votre portefeuille ici, à votre prix — gardez-le approvisionné.
    Touchez le bouton ci-dessous : Telegram crée le bot, qui tourne en quelques secondes.
child-fee = Cela coûte { $stars } ⭐ par mois.
child-free = C'est gratuit.
child-create = 🤖 Créer mon bot boutique
child-not-now = Pas maintenant
child-later = Quand vous voulez : Solde → 🏪 Votre propre boutique.
child-starting = ⏳ Démarrage de votre boutique…
child-suggested-name = Boutique de { $name }
child-running = ✅ Votre boutique @{ $username } tourne. Ouvrez-la et envoyez /start : vous en êtes le propriétaire. La marge est de { $markup } % (/markup la change), /settings montre le reste, /stats vos ventes. Les commandes sont payées depuis votre portefeuille ici : approvisionnez-le avant que vos clients achètent.
child-paused = ⏸ Cette boutique est en pause pour le moment. Revenez plus tard.
child-shops-title = 🏪 <b>Boutiques filles</b> : { $count ->
        [one] { $count } boutique
       *[other] { $count } boutiques
    }
child-shop-line = <b>@{ $username }</b> (<code>{ $bot_id }</code>) · { $state }
    propriétaire <code>{ $owner }</code> · portefeuille ici { $wallet }
    clients { $customers } · 30 jours : { $orders } commandes, { $volume }
child-state-running = active
child-state-suspended = ⏸ suspendue
child-state-owner-banned = 🚫 propriétaire banni : aucune nouvelle commande
child-shops-none = Aucune boutique fille pour l'instant.
child-shops-usage = <code>/shops suspend BOT_ID</code> · <code>/shops resume BOT_ID</code>
child-now-suspended = ⏸ La boutique { $bot_id } est suspendue : ses clients sont prévenus de la pause.
child-now-running = ▶️ La boutique { $bot_id } tourne de nouveau.
button-child-topup = 👛 Recharger mon portefeuille
child-parent-funds = 🚨 Votre portefeuille chez @{ $parent } ne peut pas payer une commande : vos clients voient « temporairement indisponible » et rien n'a été débité. Rechargez-le pour vendre de nouveau.
child-parent-refused = 🚫 @{ $parent } n'accepte plus les commandes de votre boutique : votre compte y est bloqué. Vos clients voient « temporairement indisponible » et rien n'a été débité ; écrivez au support de @{ $parent }.
button-child-fee-pay = ⭐ Payer l'abonnement mensuel
child-fee-first = Cela coûte { $stars } ⭐ par mois : votre boutique tourne { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } avant le premier paiement.
child-fee-title = Boutique @{ $username }
child-fee-description = Un mois de votre boutique @{ $username } sur le catalogue de cette boutique, renouvelé tous les 30 jours jusqu'à résiliation.
child-fee-ask = Votre boutique @{ $username } : { $stars } ⭐ par mois, renouvelé par Telegram jusqu'à résiliation.
child-fee-link = Payer { $stars } ⭐ par mois
child-fee-unavailable = Telegram n'a pas pu créer la facture : réessayez dans une minute.
child-fee-refused = Cette facture n'est plus valable : rouvrez le bouton Payer de votre boutique.
child-fee-thanks = ✅ Merci : votre boutique @{ $username } tourne jusqu'au { $until } et se renouvelle seule.
child-fee-lapsed = ⏸ Votre boutique @{ $username } est en pause : son abonnement mensuel n'a pas été payé. Ses clients sont prévenus ; payez pour la rouvrir aussitôt.
app-own-shop = 🏪 Votre propre boutique
app-console-shops = Boutiques
app-console-shops-none = Aucune boutique fille : avec CHILD_SHOPS, les clients créent la leur depuis Solde → 🏪 Votre propre boutique.
app-console-shop-running = ▶️ active
app-console-shop-suspended = ⏸ suspendue
app-console-shop-unpaid = ⏸ abonnement impayé
app-console-shop-suspend = Suspendre
app-console-shop-resume = Reprendre
child-too-many = Vous avez déjà { $most ->
        [one] { $most } boutique
       *[other] { $most } boutiques
    } ici : c'est le maximum par personne. Ce nouveau bot n'a pas été démarré.

# Français. Complet : chaque message de locales/en/totp-burner.ftl.
# Vouvoiement ; les options de la ligne de commande (--reader, --secret ...) ne se traduisent pas.
#
# Glossaire (le même mot pour la même chose) :
#   token        jeton (jeton matériel)
#   reader       lecteur
#   secret       secret (la clé secrète d'un compte)
#   burn         graver (écrire un secret dans le jeton) ; nom : gravure
#   passphrase   phrase de passe (jamais « phrase secrète »)
#   kept secrets secrets conservés (jamais « gardés »)
#   expert log   journal technique (le journal seul : les enregistrements)
#   records      journal ; consigner (une opération dans le journal)
#   batch        lot
#   hand-out     remise ; remettre
#   time sync    synchronisation de l'heure
#   station      poste (de gravure)
#   run          exécution (d'un poste ou d'un lot)
#   QR code      code QR
#   sign-in page page de connexion

i18n-self-test = Catalogue de messages chargé ({ $name }).
explanation-next = Ensuite : { $next }
list-none = aucun

## Étapes de gravure : après « pendant »

step-identify = la lecture du jeton
step-authenticate = le déverrouillage du jeton
step-write-config = l'écriture de l'heure et des options
step-write-seed = l'écriture du secret
step-verify = le calcul du code de vérification

## Pourquoi un texte n'est pas un secret utilisable

secret-scan-right-qr = Sur la page de connexion, choisissez « Je veux utiliser une autre application d'authentification » (ou « Impossible de scanner ? ») et scannez le code QR otpauth affiché, ou collez sa clé secrète.
secret-empty-input = Rien n'a été saisi ni scanné.
secret-empty-input-next = Scannez le code QR à l'écran, ou collez la clé secrète (Base32) ou le lien otpauth://.
secret-token-serial = C'est le numéro de série { $serial } imprimé sur un jeton { $model }, pas un secret.
secret-token-serial-next = Scannez le code QR affiché par la page de connexion (le secret du compte), pas le code-barres du jeton.
secret-phone-factor = Ce code QR enregistre l'application Microsoft Authenticator pour les notifications push ; un jeton matériel ne peut pas l'utiliser.
secret-fido = Ce code QR sert à se connecter avec une clé d'accès (FIDO) sur un téléphone, ce n'est pas un secret de codes à usage unique.
secret-fido-next = Fermez la demande de clé d'accès et ajoutez plutôt une méthode « application d'authentification » ; scannez le code QR otpauth qu'elle affiche.
secret-hotp = Ce secret sert aux codes à compteur (HOTP) ; ces jetons ne produisent que des codes basés sur l'heure (TOTP).
secret-hotp-next = Demandez au service un authentificateur basé sur l'heure (TOTP) et scannez ce code QR.
secret-web-link = Ce code QR est un lien vers une page web ({ $host }), pas un secret.
secret-web-link-no-host = Ce code QR est un lien vers une page web (sans hôte), pas un secret.
secret-web-link-next = Ouvrez le lien dans un navigateur si vous avez besoin de la page, puis scannez le code QR du secret qu'elle affiche. { secret-scan-right-qr }
secret-other-uri = C'est un code « { $scheme }: », pas le secret d'un authentificateur.
secret-other-uri-next = Scannez le code QR qui commence par otpauth://totp, affiché quand vous ajoutez une application d'authentification.
secret-one-time-code = C'est un nombre à { $digits } chiffres, sans doute un code à usage unique, pas le secret dont il provient.
secret-plain-number = C'est un simple nombre à { $digits } chiffres, pas une clé secrète.
secret-plain-number-next = Scannez le code QR, ou tapez la clé secrète (lettres A-Z et chiffres 2-7) affichée sous « Impossible de scanner ? ».
secret-backup-file = Cela ressemble au contenu du fichier de sauvegarde d'une application d'authentification, pas à un seul secret.
secret-backup-file-next = Exportez ce compte seul en code QR depuis l'application (ou son lien otpauth://) et scannez ou collez celui-ci.
secret-malformed-uri = Ce lien otpauth est endommagé : { $detail }.
secret-malformed-uri-next = Scannez à nouveau le code QR, ou collez la clé secrète seule.
secret-missing = Ce lien otpauth ne contient pas de secret.
secret-missing-next = Scannez à nouveau le code QR ; si cela échoue encore, utilisez « Impossible de scanner ? » sur la page de connexion et collez la clé secrète.
secret-invalid-base32 = Ce n'est pas une clé secrète valide : les clés Base32 n'utilisent que les lettres A-Z et les chiffres 2-7.
secret-invalid-base32-next = Vérifiez les caractères semblables (0 est O, 1 est I ou L, 8 est B) et retapez la clé, ou scannez plutôt le code QR.
secret-truncated-base32 = Il manque un caractère à cette clé secrète, ou elle en a un de trop.
secret-truncated-base32-next = Comparez-la caractère par caractère avec la clé à l'écran, ou scannez plutôt le code QR.
secret-invalid-hex = Ce n'est pas de l'hexadécimal valide : il faut des paires de chiffres 0-9 et de lettres a-f.
secret-invalid-hex-next = Copiez à nouveau la clé hexadécimale en entier, ou utilisez la clé Base32 ou le code QR.
secret-empty = Le secret est vide.
secret-empty-next = Scannez à nouveau le code QR ou collez la clé secrète complète.
secret-too-long = Ce secret fait { $bytes } octets ; ces jetons en contiennent au plus 63.
secret-too-long-next = Demandez au service un secret TOTP standard (20 ou 32 octets), ou vérifiez que vous n'avez collé que la clé.
secret-unsupported-digits = Ce compte demande des codes à { $digits } chiffres ; ces jetons affichent toujours 6 chiffres.
secret-unsupported-digits-next = Réglez le compte sur des codes à 6 chiffres auprès du service (le réglage habituel) et scannez le nouveau code QR.
secret-unsupported-period = Ce compte change de code toutes les { $seconds } secondes ; ces jetons acceptent 30 ou 60 secondes.
secret-unsupported-period-next = Réglez le compte sur un pas de 30 secondes auprès du service et scannez le nouveau code QR.
secret-unsupported-algorithm = Ce compte utilise { $name } ; ces jetons n'acceptent que SHA-1 et SHA-256.
secret-unsupported-algorithm-next = Réglez le compte sur SHA-1 (le réglage habituel) auprès du service et scannez le nouveau code QR.
secret-malformed-migration = Ce code d'export d'authentificateur est endommagé : { $detail }.
secret-malformed-migration-next = Exportez à nouveau le compte depuis l'application d'authentification et scannez le nouveau code QR.
secret-empty-migration = Cet export d'authentificateur ne contient aucun compte.
secret-empty-migration-next = Dans l'application d'authentification, sélectionnez le compte à transférer, exportez-le et scannez ce code QR.
secret-unrecognised = Ce n'est pas reconnu comme le secret d'un authentificateur.
secret-unrecognised-next = Scannez le code QR otpauth de la page de connexion, ou collez la clé secrète (Base32) qu'elle affiche.
warning-short-secret = Ce secret ne fait que { $bytes } octets ; la RFC 4226 en demande au moins 16. Il fonctionnera, mais vérifiez que la clé entière a été saisie.

## Comptes d'un export (jamais la clé)

account-line = { $who } : { $kind }, { $digits }, { $state }
account-unnamed = sans nom
account-totp-unstated = TOTP (non précisé)
account-digits = { $digits } chiffres
account-digits-unknown = nombre de chiffres inconnu
account-usable = peut être gravé
account-unusable = ne peut pas être gravé : { $problem }

## Capture : fichiers, écran, presse-papiers, caméra

capture-file-unreadable = { $path } n'a pas pu être ouvert ({ $detail }).
capture-file-unreadable-next = Vérifiez le nom du fichier et vos droits de lecture, ou faites une nouvelle capture d'écran du code QR.
capture-not-an-image = { $path } n'est pas une image PNG, JPEG, BMP ou WebP, ou elle est endommagée.
capture-not-an-image-next = Enregistrez le code QR en capture d'écran PNG et ouvrez-la.
capture-too-large = L'image est trop grande pour être analysée ({ $width } x { $height } pixels).
capture-too-large-next = Recadrez-la autour du code QR, ou faites une capture de cette seule fenêtre.
capture-screen-unavailable = L'écran n'a pas pu être capturé ({ $detail }).
capture-screen-unavailable-next = Faites vous-même une capture d'écran et utilisez « Ouvrir une image » ou « Coller », ou tapez la clé secrète.
capture-wayland = Ce bureau (Wayland) n'a pas permis de capturer l'écran (pas de portail de capture, ou il a refusé).
capture-wayland-next = Faites une capture d'écran (Impr. écran) et collez-la, ou ouvrez une session X11.
capture-clipboard = Rien d'utilisable dans le presse-papiers ({ $detail }).
capture-clipboard-next = Copiez d'abord l'image du code QR ou la clé secrète, puis collez à nouveau.
capture-no-camera = Aucune caméra n'a été trouvée.
capture-no-camera-next = Branchez une webcam, ou scannez le code QR à l'écran ou dans un fichier image.
capture-camera-busy = La caméra est utilisée par un autre programme.
capture-camera-busy-next = Fermez les appels vidéo ou les autres applications de caméra, puis réessayez.
capture-camera-denied = Ce programme n'a pas le droit d'utiliser la caméra.
capture-camera-denied-next = Autorisez l'accès à la caméra dans les réglages de confidentialité du système (Linux : ajoutez l'utilisateur au groupe « video »), puis réessayez.
capture-camera = La caméra a échoué ({ $detail }).
capture-camera-next = Débranchez et rebranchez la caméra, ou scannez plutôt le code QR à l'écran.
capture-no-webcam-support = Cette version ne prend pas en charge les webcams.
capture-no-webcam-support-next = Scannez plutôt le code QR à l'écran ou dans un fichier image.
capture-screen-yourself = Faites vous-même une capture d'écran (Impr. écran), puis collez-la ou utilisez « Ouvrir une image » ; ou tapez la clé secrète.
capture-blank-screen = L'écran est revenu noir via { $backend } : le bureau lui a caché les autres fenêtres, ou l'écran est verrouillé ou éteint.
capture-portal-timeout = Le service de capture d'écran du bureau n'a pas répondu en { $seconds ->
        [one] { $seconds } seconde
       *[other] { $seconds } secondes
    }.
capture-portal-timeout-next = Si le bureau demande si ce programme peut faire des captures d'écran, autorisez-le et scannez à nouveau. Sinon, faites vous-même une capture (Impr. écran) et collez-la.
capture-screen-timeout = La capture d'écran via { $backend } ne s'est pas terminée en { $seconds } secondes.
capture-also-tried = { $problem } (Également essayé : { $others }.)
capture-screen-failed = L'écran n'a pas pu être capturé.
capture-panicked = { $during } s'est arrêté sur une erreur interne.
capture-panicked-next = Réessayez. Si cela se reproduit, faites une capture d'écran et utilisez « Ouvrir une image », ou tapez la clé secrète.
capture-screen-captured = Écran capturé via { $backend }.
capture-screen-captured-passing-over = Écran capturé via { $backend } (écartés : { $others }).

## Lecteurs et liaison avec le jeton

transport-token-removed = Le jeton a quitté le lecteur ou s'est éteint.
transport-token-removed-during = Le jeton a quitté le lecteur ou s'est éteint pendant { $step }.
transport-token-removed-next = Appuyez sur le bouton du jeton pour le réveiller, posez-le à plat sur le lecteur et laissez-le jusqu'à la fin de la gravure, puis réessayez.
transport-no-token = Aucun jeton n'est sur le lecteur (ou il est éteint).
transport-no-token-next = Allumez le jeton et posez-le sur le lecteur : appuyez sur son bouton pour allumer l'affichage, puis posez-le à plat sur le lecteur.
transport-no-reader = Aucun lecteur de cartes à puce n'est branché.
transport-no-reader-next = Branchez le lecteur NFC USB, attendez que son voyant s'allume, puis réessayez.
transport-reader-removed = Le lecteur a été débranché.
transport-reader-removed-during = Le lecteur a été débranché pendant { $step }.
transport-reader-removed-next = Rebranchez le lecteur et réessayez.
transport-reader-busy = Un autre programme utilise le lecteur.
transport-reader-busy-next = Fermez les autres programmes de cartes à puce (y compris l'outil de gravure du fabricant) et réessayez.
transport-service-unavailable = Le service de cartes à puce ne fonctionne pas.
transport-service-unavailable-next = Sous Linux, démarrez-le avec « sudo systemctl start pcscd » ; sous Windows, démarrez le service « Carte à puce » (services.msc). Puis réessayez. (Wine n'a pas de service de carte à puce : utilisez l'outil sous Windows même.)
transport-timeout = Le jeton ne répond plus.
transport-timeout-during = Le jeton ne répond plus pendant { $step }.
transport-timeout-next = Gardez le jeton allumé et à plat sur le lecteur, puis réessayez.
transport-unavailable = { $what } n'est pas disponible.
transport-unavailable-next = Vérifiez le lecteur et le service de cartes à puce, ou utilisez --emulator pour essayer l'outil sans matériel.
transport-unknown-reader = Aucun lecteur ne correspond à « { $wanted } ». Lecteurs : { $readers }.
transport-unknown-reader-next = Donnez à --reader le nom exact ou une partie unique de celui-ci (voir `totp-burner readers`).
transport-ambiguous-reader = « { $wanted } » correspond à plusieurs lecteurs : { $readers }.
transport-ambiguous-reader-next = Donnez une partie plus longue du nom (ou le nom exact) avec --reader.
transport-several-tokens = Des jetons sont posés sur plusieurs lecteurs : { $readers }.
transport-several-tokens-next = Retirez les jetons que vous ne gravez pas, ou choisissez le lecteur avec --reader NOM.
transport-other = La communication avec le lecteur a échoué ({ $detail }).
transport-other-during = La communication avec le lecteur a échoué ({ $detail }) pendant { $step }.
transport-other-next = Retirez le jeton, reposez-le sur le lecteur et réessayez ; si le problème persiste, débranchez et rebranchez le lecteur.

## Ce que le jeton a répondu

protocol-not-a-token = La carte sur le lecteur ne répond pas comme un jeton programmable (statut { $status } à « get info »). Rien n'y a été écrit.
protocol-rejected = Le jeton a rejeté la commande pendant { $step } (statut { $status }).
protocol-rejected-next = Éteignez et rallumez le jeton, puis réessayez ; si cela se répète, ce modèle de jeton n'est peut-être pas pris en charge.
protocol-nonsense = Le jeton a donné une réponse incohérente pendant { $step }.
protocol-nonsense-next = Posez le jeton à plat sur le lecteur et réessayez ; si cela se répète, ce n'est pas un jeton pris en charge.
protocol-seed-length = Le secret fait { $bytes } octets ; le jeton accepte de 1 à 63 octets.
protocol-seed-length-next = Utilisez un secret TOTP standard (20 ou 32 octets).
protocol-auth-failed = Le jeton a refusé la clé de déverrouillage pendant { $step }. Rien n'a été retenté : des échecs de déverrouillage répétés peuvent bloquer un jeton.
protocol-auth-failed-token = Le jeton (numéro de série { $serial }, { $model }) a refusé la clé de déverrouillage pendant { $step }. Rien n'a été retenté : des échecs de déverrouillage répétés peuvent bloquer un jeton.
protocol-auth-failed-next = Avant une nouvelle tentative, vérifiez : le nom du modèle sur le jeton se termine par « -i » (seuls ceux-là sont programmables), le numéro de série lu correspond à celui imprimé sur le jeton et commence par un préfixe Token2 connu (8659...), et aucune autre carte n'est sur le lecteur. Si tout est correct, contactez le support Token2 avec le numéro de série au lieu de répéter la gravure.

## Cartes qui ne sont pas des jetons programmables

card-not-a-token-next = Posez sur le lecteur un jeton programmable Token2 (son nom de modèle se termine par « -i »), allumé (appuyez sur son bouton), sans autre carte ni clé à proximité.
card-fido = C'est une clé de sécurité FIDO, pas un jeton programmable. Rien n'y a été écrit.
card-fido-next = Retirez la clé de sécurité du lecteur (elle sert à se connecter avec des clés d'accès et ne peut pas contenir de secret TOTP). { card-not-a-token-next }
card-yubikey = C'est une YubiKey (une clé de sécurité avec une applet d'authentification OATH), pas un jeton programmable. Rien n'y a été écrit.
card-yubikey-next = Retirez la YubiKey du lecteur (pour garder des secrets TOTP sur une YubiKey, utilisez plutôt Yubico Authenticator). { card-not-a-token-next }
card-piv = C'est une carte à puce PIV (ou l'applet PIV d'une clé de sécurité), pas un jeton programmable. Rien n'y a été écrit.
card-piv-next = Retirez la carte du lecteur (elle contient des certificats et ne peut pas être gravée). { card-not-a-token-next }
card-payment = C'est une carte bancaire (carte de paiement), pas un jeton programmable. Rien n'y a été écrit.
card-payment-next = Retirez la carte bancaire (ou le portefeuille qui la contient) du lecteur (on lui a seulement demandé ce qu'elle est). { card-not-a-token-next }

## Ce qu'un échec a laissé sur le jeton

state-untouched = Rien n'a été écrit ; le jeton est inchangé.
state-config-maybe-blank = L'heure et les options ont peut-être été écrites ; si oui, ce modèle a effacé son secret précédent et le jeton est vierge : gravez-le à nouveau.
state-config-maybe-kept = L'heure et les options ont peut-être été écrites ; si oui, l'ancien secret est toujours sur le jeton mais fonctionne avec les nouvelles options : gravez-le à nouveau.
state-config-maybe-unknown = L'heure et les options ont peut-être été écrites ; si oui, le secret précédent a peut-être été effacé : gravez-le à nouveau.
state-config-blank = Heure et options écrites, secret non écrit : ce modèle a effacé son secret précédent, le jeton est vierge : gravez-le à nouveau.
state-config-kept = Heure et options écrites, secret non écrit : l'ancien secret est toujours sur le jeton mais fonctionne avec les nouvelles options : gravez-le à nouveau.
state-config-unknown = Heure et options écrites, secret non écrit : le secret précédent a peut-être été effacé : gravez-le à nouveau.
state-seed-maybe-blank = Heure et options écrites ; le nouveau secret a peut-être été écrit. Le jeton contient soit le nouveau secret, soit aucun : gravez-le à nouveau pour en être sûr.
state-seed-maybe-kept = Heure et options écrites ; le nouveau secret a peut-être été écrit. Le jeton contient soit le nouveau secret, soit l'ancien : gravez-le à nouveau pour en être sûr.
state-seed-maybe-unknown = Heure et options écrites ; le nouveau secret a peut-être été écrit. Gravez-le à nouveau pour en être sûr.

## Gravure et synchronisation de l'heure

burn-unknown-model = Le numéro de série { $serial } du jeton ne correspond à aucun modèle programmable connu.
burn-unknown-model-next = Vérifiez que le jeton est un modèle programmable Token2 « -i » ; pour le graver quand même, utilisez --allow-unknown-model.
burn-erase-not-confirmed = Sur ce modèle ({ $model }), régler l'heure efface le secret du jeton.
burn-erase-not-confirmed-next = Gravez plutôt le jeton (cela règle aussi l'heure), ou confirmez avec --erase-secret-ok et gravez un secret ensuite.
burn-stopped = L'opération a été arrêtée avant toute écriture.
burn-stopped-next = Le jeton est inchangé ; reposez-le sur le lecteur.
clock-in-step = à l'heure
clock-behind = { $seconds } s de retard
clock-ahead = { $seconds } s d'avance

## Secrets donnés sur la ligne de commande

cli-secret-on-command-line = un secret donné par --secret TEXTE est visible des autres utilisateurs dans la liste des processus et reste dans l'historique du shell ; transmettez-le par --secret - (par ex. printf %s "$KEY" | totp-burner burn --secret -) ou nommez une variable d'environnement avec --secret-env VAR.
cli-secret-env-not-text = La variable d'environnement { $var } ne contient pas de texte.
cli-secret-env-not-text-next = Mettez-y la clé secrète ou le lien otpauth:// en texte brut, ou transmettez-le par --secret -.
cli-secret-env-unset = La variable d'environnement { $var } n'est pas définie.
cli-secret-env-unset-next = Définissez-la d'abord (par ex. read -rs { $var } && export { $var }), ou transmettez le secret par --secret -.

## L'horloge du PC comparée aux serveurs de temps

pc-clock-in-step = à l'heure de { $server }
pc-clock-behind = { $seconds } s de retard sur { $server }
pc-clock-ahead = { $seconds } s d'avance sur { $server }
pc-clock-no-servers = aucun serveur de temps n'est configuré ({ $var } est vide)
pc-clock-timeout = aucun serveur de temps n'a répondu en { $seconds } s
pc-clock-dns-failure = le serveur de temps { $server } est introuvable
pc-clock-unreachable = le serveur de temps { $server } est injoignable ({ $detail })
pc-clock-bad-answer = le serveur de temps { $server } a donné une réponse inutilisable ({ $detail })
pc-clock-off = L'horloge de ce PC a { $offset } ({ $limit } s au plus sont admises) ; chaque jeton réglé sur elle serait faux de { $seconds } s. Rien n'a été écrit ; le jeton est inchangé.
pc-clock-off-next = Corrigez l'horloge de ce PC, puis réessayez. Windows : Paramètres > Heure et langue > Date et heure, activez « Régler l'heure automatiquement » et cliquez sur « Synchroniser maintenant » (ou lancez « w32tm /resync » en administrateur). Linux : lancez « sudo timedatectl set-ntp true » et vérifiez que « timedatectl status » indique « System clock synchronized: yes » (avec chrony : « sudo chronyc makestep »). Si vous êtes sûr que ce PC est juste et le serveur de temps faux, écrivez quand même avec --trust-pc-clock (c'est consigné au journal).
pc-clock-check-too-far = { $offset } : plus que les { $limit } s admises, la gravure et la synchronisation de l'heure refuseront de l'écrire ; corrigez l'horloge de ce PC
pc-clock-check-unverified = non vérifiée : { $reason }
pc-clock-verdict-verified = Horloge du PC vérifiée : { $offset }.
pc-clock-verdict-unverified = Horloge du PC non vérifiée : { $reason } ; le jeton a reçu l'heure de ce PC sans contrôle.
pc-clock-verdict-overridden = Horloge du PC : { $offset }, écrite quand même à la demande de l'opérateur : les codes du jeton peuvent être décalés.

## Journal : codes d'erreur et états de jeton enregistrés

code-reader-error = La communication avec le lecteur a échoué.
code-auth-failed = Le jeton a refusé la clé de déverrouillage.
code-auth-failed-next = Vérifiez que c'est un modèle programmable « -i » et que le numéro de série correspond ; des échecs répétés peuvent bloquer un jeton.
code-token-refused = Le jeton a rejeté une commande.
code-token-refused-next = Éteignez et rallumez le jeton, puis réessayez ; si cela se répète, le modèle n'est peut-être pas pris en charge.
code-bad-answer = Le jeton a donné une réponse incohérente.
code-seed-length = La longueur du secret ne convient pas au jeton (1 à 63 octets).
code-unknown-model = Le numéro de série du jeton ne correspond à aucun modèle programmable connu.
code-unknown-model-next = Vérifiez que le jeton est un modèle programmable Token2 « -i ».
code-erase-not-confirmed = Régler l'heure sur ce modèle efface le secret, et cela n'a pas été confirmé.
code-erase-not-confirmed-next = Gravez plutôt le jeton (cela règle aussi l'heure).
code-stopped = Arrêté avant toute écriture.
code-wrong-card = La carte sur le lecteur n'est pas un jeton programmable ; rien n'y a été écrit.
code-wrong-card-next = Retirez-la et posez le jeton programmable sur le lecteur.
stored-state-untouched = rien n'a été écrit
stored-state-config-maybe-written = l'heure et les options ont peut-être été écrites : le jeton est peut-être vierge
stored-state-config-written = heure et options écrites, secret non : le jeton est peut-être vierge
stored-state-seed-maybe-written = le secret a peut-être été écrit
record-interrupted = interrompu : le jeton est peut-être vierge ; reposez-le
record-interrupted-followed = interrompu (une opération ultérieure sur ce jeton suit)
record-ok = ok
record-ok-matched = ok · le code du jeton a été vérifié et correspond
record-ok-mismatched = ok, mais le code du jeton ne correspondait pas : il ne contient peut-être pas ce secret
record-ok-skipped = ok · la vérification du code a été sautée : non confirmé sur le jeton
record-unknown-cause = cause inconnue
record-failed = échec : { $problem }
record-failed-touched = échec : { $problem } ({ $state } ; reposez-le)
interrupted-count =
    { $count ->
        [one] { $count } opération a été interrompue : posez ce jeton sur le lecteur d'un poste de gravure pour la terminer.
       *[other] { $count } opérations ont été interrompues : posez ces jetons sur le lecteur d'un poste de gravure pour les terminer.
    }

## Refus avant toute écriture

refusal-burned-before = Le jeton { $serial } a déjà été gravé le { $when } ; son secret est peut-être déjà enregistré pour un utilisateur.
refusal-burned-before-batch = Le jeton { $serial } a déjà été gravé le { $when } dans le lot { $batch } ; son secret est peut-être déjà enregistré pour un utilisateur.
refusal-burned-before-next = Posez le jeton suivant sur le lecteur ; pour remplacer volontairement le secret de ce jeton, choisissez « Graver à nouveau avec un nouveau secret » (ligne de commande : --reburn).
refusal-not-recorded = Le journal n'a pas pu être écrit ({ $error }), donc rien n'a été écrit sur le jeton.
refusal-not-recorded-next = Vérifiez que le disque a de la place et que le fichier journal est modifiable, puis réessayez.
refusal-not-sealed = Le secret n'a pas pu être conservé chiffré ({ $error }), donc rien n'a été écrit sur le jeton.
refusal-not-sealed-next = Recommencez avec la phrase de passe de ce fichier journal.
refusal-other-token = Un autre jeton ({ $found }) est maintenant sur le lecteur ; rien n'a été écrit.
refusal-other-token-next = Posez un seul jeton à la fois sur le lecteur.
refusal-not-in-stock = Le jeton { $serial } n'est pas sur la liste des numéros de série connus de cette organisation ; rien n'a été écrit.
refusal-not-in-stock-next = Mettez-le de côté et prévenez l'administrateur : un jeton venu d'ailleurs ne reçoit jamais le secret d'un utilisateur. S'il a été acheté ici, ajoutez la liste du fournisseur avec 'totp-burner records stock import FICHIER'.
known-serial-no-list = le journal n'a pas de liste de numéros de série connus (tout jeton est accepté)
known-serial-listed = sur la liste des numéros de série connus de cette organisation ({ $known } listés)
known-serial-not-listed = PAS sur la liste des numéros de série connus de cette organisation ({ $known } listés) : la gravure est refusée
cli-info-known = Numéros de série connus : { $words }
cli-info-known-unchecked = non vérifié ({ $error })
gui-token-known = Numéros de série connus
outcome-spooled = Le serveur de journal n'a pas pu prendre ce résultat ({ $error }) : il est gardé sur ce PC ({ $waiting } en attente) et transmis avant l'écriture du jeton suivant. D'ici là, les autres stations montrent ce jeton comme interrompu.
outcome-not-recorded = Attention : le résultat n'a pas pu être écrit au journal ({ $error }) ; celui-ci montre cette opération comme interrompue.
station-stopped = Le poste s'est arrêté : { $error }.
station-stopped-next = Corrigez la cause et recommencez ; le journal montre ce qui a été gravé, et un jeton interrompu est terminé dès qu'il est reposé.
resuming-same = { $serial } : sa gravure du { $when } a été interrompue (le jeton est peut-être vierge) ; elle est terminée avec le même secret.
resuming-new = { $serial } : sa gravure du { $when } a été interrompue (le jeton est peut-être vierge) ; elle est terminée avec un nouveau secret (l'ancien n'a pas été conservé).
resuming-user-same = { $serial } : sa gravure du { $when } pour { $upn } a été interrompue (le jeton est peut-être vierge) ; elle est terminée avec le même secret.
resuming-user-new = { $serial } : sa gravure du { $when } pour { $upn } a été interrompue (le jeton est peut-être vierge) ; elle est terminée avec un nouveau secret (l'ancien n'a pas été conservé).

## Exports

export-records-next = Vérifiez le fichier journal.
export-nothing = Aucun secret conservé à exporter.
export-nothing-next = Seuls les lots exécutés avec { $switch } peuvent être exportés pour Entra ID.
export-passphrase-next = Utilisez la phrase de passe donnée lors de l'exécution du lot.
export-entra-sha1-next = N'exportez pour Entra ID que des lots SHA-1 (30 ou 60 s) ; gravez des jetons SHA-1 pour Entra.
export-write-next = Choisissez un fichier modifiable.
records-exported = { $count } entrées du journal écrites dans { $path }.
entra-file-holds-secrets = Ce fichier contient les SECRETS des jetons (lisible par vous seul) : importez-le dans Entra ID, puis supprimez-le.
entra-file-holds-secrets-windows = Ce fichier contient les SECRETS des jetons : importez-le dans Entra ID, puis supprimez-le. Sous Windows, il prend les autorisations de son dossier (ce programme ne les restreint pas) : enregistrez-le dans un dossier que vous seul pouvez lire.
export-folder-permissions = Sous Windows, ce programme ne restreint pas qui peut lire le fichier : il prend les autorisations de son dossier. Enregistrez-le dans un dossier que vous seul pouvez lire (par exemple votre dossier personnel).

## Lecteurs et modèles

reader-state-empty = pas de jeton
reader-state-token = jeton présent
reader-state-in-use = utilisé par un autre programme
reader-state-mute = le jeton ne répond pas
reader-state-unavailable = indisponible
time-sync-keeps-secret = la synchronisation de l'heure garde le secret
time-sync-erases-secret = la synchronisation de l'heure efface le secret

## Ligne de commande : sortie commune

cli-error = Erreur : { $problem }
cli-next = Ensuite : { $next }
cli-window-failed = la fenêtre n'a pas pu s'ouvrir ({ $error }).
cli-window-failed-next = lancez-le dans une session de bureau (DISPLAY ou WAYLAND_DISPLAY défini), essayez « totp-burner gui --renderer glow », ou utilisez la ligne de commande : totp-burner --help
cli-clock-in-step = à l'heure de ce PC
cli-clock-behind = { $seconds } s de retard sur ce PC
cli-clock-ahead = { $seconds } s d'avance sur ce PC
cli-code-now = {"  "}Code actuel :  { $code }   (encore { $seconds } s)
cli-code-neighbours = {"  "}précédent :    { $previous }   suivant : { $next }
cli-code-line = { $code }   (encore { $seconds } s ; précédent { $previous }, suivant { $next })
cli-readers-none = Aucun lecteur n'est branché. Branchez le lecteur NFC USB.

## Ligne de commande : burn et info

cli-burned = Jeton { $serial } ({ $model }) gravé.
cli-burned-account = Compte :   { $account }
cli-burned-options = Options :  { $options }
cli-options = { $algorithm }, pas de { $period } s, affichage { $display } s
cli-burned-clock = Heure :    réglée sur { $time } (elle avait { $was })
cli-burned-compare = Éteignez et rallumez le jeton, puis comparez : d'ici là, il affiche son ancien code.
cli-info-serial = Numéro de série : { $serial }
cli-info-model = Modèle :          { $model } ({ $time_sync })
cli-info-model-unknown = Modèle :          inconnu (pas un modèle programmable connu)
cli-info-token-clock = Heure du jeton :  { $time } ({ $difference })
cli-info-reader = Lecteur :         { $reader }
cli-info-pc-clock = Horloge du PC :   { $check }
cli-warning = attention : { $warning }
cli-arg-period = le jeton accepte un pas de 30 ou 60 secondes
cli-arg-display-timeout = le jeton accepte une durée d'affichage de 15, 30, 60 ou 120 secondes

## Ligne de commande : secrets et leurs options

cli-stdin-unreadable = Le secret n'a pas pu être lu sur l'entrée standard.
cli-stdin-unreadable-next = Transmettez le secret à la commande, par ex. `printf %s "$KEY" | totp-burner burn --secret -`.
cli-account-single-secret = --account choisit un compte dans un export d'authentificateur, mais ceci est un secret unique.
cli-account-single-secret-next = Retirez --account.
cli-account-missing = L'export contient { $count } comptes ; il n'y a pas de compte { $number }.
cli-account-missing-next = Choisissez l'un des numéros listés avec --account N.
cli-export-none-usable = Aucun des comptes de cet export d'authentificateur ne peut être gravé :
cli-export-none-usable-next = Exportez un compte basé sur l'heure (TOTP) avec des codes à 6 chiffres et scannez ce code QR.
cli-export-several = Cet export d'authentificateur contient plusieurs comptes :
cli-export-several-next = Choisissez le compte à graver avec --account N.
cli-algorithm-conflict = Le lien otpauth indique { $link } mais --algorithm indique { $flag }.
cli-algorithm-conflict-next = Retirez --algorithm pour utiliser le réglage du lien ; le service calcule les codes avec celui du lien.
cli-period-conflict = Le lien otpauth indique un pas de { $link } s mais --period indique { $flag } s.
cli-period-conflict-next = Retirez --period pour utiliser le réglage du lien.

## Ligne de commande : sync-time

cli-sync-token = Jeton { $serial } ({ $model })
cli-sync-clock = Heure :   réglée sur { $time } (elle avait { $was })
cli-sync-options = Options : { $options }
cli-sync-secret = Secret :  { $secret }
cli-sync-secret-erased = effacé : le jeton est vierge, gravez un secret maintenant
cli-sync-secret-kept = conservé
cli-sync-secret-unknown = inconnu (modèle inconnu) : gravez un secret pour en être sûr

## Ligne de commande : scan et sources de codes QR

cli-place-screen = écran { $monitor } via { $backend }
cli-place-clipboard = presse-papiers
cli-place-clipboard-image = image du presse-papiers
cli-place-camera = caméra { $camera }
cli-webcam-hold = Présentez le code QR à la caméra { $camera } ({ $seconds } s au plus)...
cli-webcam-seen-not-secret = vu, pas un secret : { $problem }
cli-scan-secret = Un secret : { $bytes } octets. Prêt à graver.
cli-scan-secret-for = Un secret pour { $who } : { $bytes } octets. Prêt à graver.
cli-scan-export = Un export d'authentificateur avec { $count } comptes ({ $usable } peuvent être gravés) : choisissez-en un avec burn --account N.
cli-scan-shown-secret = secret :
cli-scan-not-a-secret = Pas un secret : { $problem }
cli-scan-none = Aucun code QR trouvé.
cli-scan-none-next = Vérifiez que le code QR est entièrement visible et non masqué, puis scannez à nouveau.
cli-scan-found =
    { $count ->
        [one] { $count } code QR trouvé :
       *[other] { $count } codes QR trouvés :
    }
cli-qr-none = Aucun code QR n'a été trouvé.
cli-qr-none-next = Vérifiez que le code QR est entièrement visible et non masqué, puis scannez à nouveau, ou collez le secret avec --secret -.
cli-qr-not-a-secret = Le code QR trouvé n'est pas un secret : { $problem }
cli-qr-several = { $count } secrets différents ont été trouvés.
cli-qr-several-next = Ne laissez qu'un seul code QR visible, ou lancez `totp-burner scan` et transmettez celui que vous voulez avec --secret -.

## Ligne de commande : emulate (le jeton virtuel pour les tests et démonstrations)

cli-emulate-apdu-log = impossible d'écrire le journal APDU { $path } : { $error }
cli-emulate-card = émulation d'une { $card } (ATR { $atr }) sur le port vpcd { $port }
cli-emulate-bad-serial = le numéro de série doit compter de 1 à 32 caractères imprimables.
cli-emulate-unknown-model = modèle inconnu
cli-emulate-token = émulation du jeton { $serial } ({ $model }, { $time_sync }) sur le port vpcd { $port }
cli-emulate-display = affichage après extinction et rallumage : { $code }

## Ligne de commande : batch

cli-next-short = ensuite : { $next }
cli-file-unreadable = { $path } n'a pas pu être lu ({ $error }).
cli-file-unreadable-next = Vérifiez le nom du fichier.
cli-batch-continuing = Les lignes { $rows } ont déjà été traitées (la dernière le { $last }) ; reprise à la ligne { $row }.
cli-batch-all-done = Toutes les lignes de cette liste ont déjà été traitées (la dernière le { $last }) ; rien à graver.
cli-batch-start-row-override = début à la ligne { $row } comme demandé : les lignes { $rows } ont déjà été gravées et le seront à nouveau, les secrets de leurs jetons seront remplacés.
cli-batch-waiting = Suivant : { $next }. Allumez le jeton et posez-le sur le lecteur.
cli-batch-need-secret = { $serial } : pas encore de secret à graver.
cli-batch-burned-this-run = { $serial } : déjà gravé pendant cette exécution, pas gravé à nouveau.
cli-batch-burned-before = { $serial } : déjà gravé le { $when } ; pas gravé à nouveau (son secret est peut-être enregistré pour un utilisateur). Pour lui donner un nouveau secret, lancez avec --reburn.
cli-batch-burned-before-batch = { $serial } : déjà gravé le { $when } dans le lot { $batch } ; pas gravé à nouveau (son secret est peut-être enregistré pour un utilisateur). Pour lui donner un nouveau secret, lancez avec --reburn.
cli-batch-done = { $serial } { $model } { $done ->
        [finished] terminé
       *[burned] gravé
    } · code { $code } · { $ms } ms
cli-batch-done-user = { $serial } { $model } { $done ->
        [finished] terminé
       *[burned] gravé
    } pour { $upn } · code { $code } · { $ms } ms
cli-batch-stopping-after-warning = Arrêt du lot.
cli-batch-failed = { $serial } ÉCHEC : { $problem }
cli-batch-failed-token = jeton ÉCHEC : { $problem }
cli-batch-lift = Retirez le jeton du lecteur.
cli-batch-bad-list = La liste d'utilisateurs est inutilisable : { $error }.
cli-batch-bad-list-next = Corrigez la liste (chaque utilisateur et chaque secret ne peut apparaître qu'une fois) et recommencez.
cli-batch-keeping-secrets = Les secrets sont conservés, chiffrés, dans { $path } pour l'export Entra.
cli-batch-vault = Les secrets conservés ne peuvent pas être ouverts : { $error }.
cli-batch-vault-next = Utilisez la phrase de passe des lots précédents de ce fichier journal (nouveaux fichiers : au moins 8 caractères).
cli-batch-stopping = Arrêt : un jeton en cours de gravure est d'abord terminé.
cli-batch-readers = Lecteurs : { $readers } (un jeton sur chacun).
cli-batch-summary = Lot { $batch } : { $burned } gravés, { $failed } en échec, { $refused } refusés car déjà gravés.
cli-batch-summary-resumed = Lot { $batch } : { $burned } gravés (dont { $resumed } terminés après une interruption), { $failed } en échec, { $refused } refusés car déjà gravés.
cli-batch-rows-left = Les lignes { $rows } ne sont pas encore gravées : relancez la même commande pour continuer.
cli-batch-in-doubt = Non terminés (le jeton est peut-être vierge) : { $serials }. Posez chacun sur un lecteur lors d'une exécution du poste pour le terminer.

## Ligne de commande : records

cli-records-no-folder = Aucun dossier de données n'a été trouvé pour le journal.
cli-records-no-folder-next = Indiquez le fichier journal avec --records FICHIER.
cli-records-unopenable = La base du journal n'a pas pu être ouverte ({ $error }).
cli-records-unopenable-next = Vérifiez que le dossier existe et est modifiable, ou choisissez un autre fichier avec --records FICHIER.
cli-records-server-unopenable = Le journal à { $place } n'a pas pu être utilisé ({ $error }).
cli-records-server-unopenable-next = Vérifiez l'adresse, que le serveur tourne et que ce PC l'atteint, et le mot de passe de cette connexion (son fichier pgpass ou PGPASSWORD) ; aucun jeton n'a été écrit.
cli-records-address-next = Donnez le serveur sous la forme postgresql://CONNEXION@HÔTE/BASE ; un serveur sur une autre machine demande ?sslrootcert=CERTIFICAT-RACINE (son TLS est toujours vérifié).
cli-records-init-exists = Le journal à { $place } est déjà en place.
cli-records-init-exists-next = Rien n'a été modifié. Pour le mettre à jour vers cette version : 'totp-burner records migrate'.
cli-records-schema = Journal à { $place } : schéma version { $before } -> { $after }.
cli-stock-done = Numéros de série connus : { $added } ajoutés, { $already } déjà connus ; { $total } en tout. Les jetons absents de la liste sont désormais refusés.
cli-stock-none = Aucun numéro de série trouvé dans { $path } (un par ligne, ou un CSV avec le numéro dans une colonne de 10 à 20 chiffres).
cli-stock-next = Donnez la liste du fournisseur des jetons achetés (un numéro par ligne, ou son CSV).
cli-import-done = { $added } entrées importées ({ $already } y étaient déjà), { $handouts } remises ; { $resealed } secrets conservés rechiffrés pour la clé de ce journal.
cli-import-secrets-left-out = { $count } secrets conservés ont été laissés de côté (sans --secrets, ou la phrase de passe ne les ouvrait pas) : { $serials }
cli-import-failed = Rien n'a été importé : { $error }
cli-import-failed-next = Vérifiez le fichier de la station et, avec --secrets, sa phrase de passe ; puis relancez l'import (il n'ajoute rien deux fois).
cli-records-fleet-key = La clé des secrets conservés est créée : les stations chiffrent pour elle ; seule cette phrase de passe les ouvre (exports, codes, remise).
cli-station-password-prompt = Mot de passe de la connexion de station { $name } :
cli-station-added = Connexion de station { $name } créée : elle peut lire et ajouter des entrées en son propre nom. Donnez-la à cette station sous la forme postgresql://{ $name }@HÔTE/BASE (le mot de passe dans son fichier pgpass ou PGPASSWORD).
cli-station-add-next = Lancez-la avec la connexion d'administration du serveur, avec un nom pas encore pris.
cli-passphrase-needed = Une phrase de passe est nécessaire pour les secrets conservés.
cli-passphrase-needed-next = Lancez-le dans un terminal pour qu'elle vous soit demandée, ou définissez TOTP_BURNER_PASSPHRASE.
cli-passphrase-prompt = Phrase de passe des secrets conservés :
cli-passphrase-again = Encore une fois :
cli-passphrases-differ = Les phrases de passe diffèrent.
cli-passphrases-differ-next = Réessayez.
cli-records-none = Aucune entrée au journal.
cli-records-batch = lot { $batch }

## gui (ux)

gui-check-question = Éteignez puis rallumez le jeton, puis saisissez le code qu'il affiche.
gui-check-code-label = Code du jeton :
gui-check-code-hint = 6 chiffres
gui-check-button = Vérifier
gui-check-skip = Passer la vérification
gui-check-skip-hint = La gravure n'est alors pas confirmée sur le jeton : s'il n'affiche pas les codes de ce secret, son utilisateur ne pourra pas se connecter. Le journal indique que la vérification a été passée.
gui-check-not-a-code = Saisissez les { $digits } chiffres affichés par le jeton.
gui-check-first = Saisissez le code du jeton (ou passez la vérification) avant le jeton suivant.
gui-check-not-recorded = La vérification n'a pas pu être consignée dans le journal : { $error }
gui-check-was-previous = (Il affichait le code précédent : son horloge retarde d'un pas, ou le code vient de changer.)
gui-check-was-next = (Il affichait le code suivant : son horloge avance d'un pas.)
gui-check-skipped = Non vérifié : le jeton n'affiche peut-être pas les codes de ce secret. Le journal l'indique.
gui-check-now = Vérifier maintenant
gui-status-skipped = Gravé, non vérifié. Jeton suivant : Entrée.
gui-result-burned = Gravé : { $model } · { $serial }
gui-result-seconds-left = encore { $seconds } s
gui-result-neighbours = précédent { $previous }   ·   suivant { $next }
gui-result-next = Jeton suivant
gui-result-next-hint = Oublier ce secret et passer au jeton suivant (Entrée ou Ctrl+N une fois vérifié)
gui-result-verified = Le jeton affiche le bon code. Saisissez-le maintenant dans le service (par exemple Entra).
gui-result-copy = Copier le code
gui-result-copy-hint = Effacé du presse-papiers après 30 s
gui-result-mismatch = Le jeton affiche un autre code.
gui-result-cause-options = Les options diffèrent de celles du service (HMAC, pas de temps) : vérifiez-les et gravez à nouveau.
gui-result-cause-token = Un autre jeton est sur le lecteur, ou celui-ci n'a pas été éteint puis rallumé.
gui-result-check-again = Saisir le code à nouveau
gui-token-more = Plus
gui-token-burn-sets-clock = La gravure règle déjà l'horloge du jeton : ceci ne sert qu'à régler l'horloge sans graver.
gui-token-sync = Régler l'heure…
gui-burn-button = Graver (Entrée)
gui-burn-sets-clock = La gravure écrit le secret, les options et l'heure vérifiée de ce PC.
gui-burn-needs-secret = La gravure attend un secret utilisable : voir 1. Secret.
gui-burn-sets-clock-unverified = La gravure écrit le secret, les options et l'heure de ce PC (non vérifiée auprès d'un serveur de temps : voir le panneau Jeton).
gui-burn-failed = Échec
gui-sync-cancel = Annuler
gui-sync-erase = Régler l'heure et effacer le secret
gui-sync-keep = Régler l'heure
gui-status-station-running = Poste en cours d'exécution : posez les jetons l'un après l'autre sur { $readers } ; chacun est gravé tout seul.
gui-status-burned = Gravé. Éteignez puis rallumez le jeton et saisissez le code affiché.
gui-status-verified = Gravé et vérifié. Jeton suivant : Entrée.
gui-status-mismatch = Le jeton affiche un autre code : voir les causes probables ci-dessous.
gui-result-cause-clock = L'horloge du jeton est décalée : graver à nouveau la règle, puis comparez.
gui-result-burn-again = Graver à nouveau
gui-top-demo = DÉMO · jeton virtuel
gui-station-stopped = Pas démarré
gui-station-starting = Ouverture du journal…
gui-station-place-next = POSER LE SUIVANT
gui-station-place-next-line = Ensuite : { $next }. Allumez le jeton et posez-le sur le lecteur.
gui-station-done = FAIT
gui-station-failed = ÉCHEC
gui-station-already = DÉJÀ FAIT
gui-station-lift = Retirez le jeton.
gui-station-count = Gravés pendant cette exécution : { $burned }
gui-station-start = Démarrer le poste

## Remise aux utilisateurs (explications et ligne de commande)

handout-assign-command = totp-burner records assign --serial { $serial } --upn USER@DOMAIN
handout-assign-view = remettre { $serial } dans la vue « Remise »
handout-no-serial = Aucun numéro de série de jeton n'a été donné.
handout-no-serial-next = Posez le jeton sur le lecteur, ou saisissez le numéro de série imprimé au dos.
handout-bad-serial = « { $serial } » n'est pas un numéro de série de jeton.
handout-bad-serial-next = Saisissez les chiffres imprimés au dos du jeton, ou posez-le sur le lecteur.
handout-bad-upn = « { $upn } » n'est pas un nom d'utilisateur principal (UPN).
handout-bad-upn-next = Saisissez le nom de connexion de l'utilisateur, p. ex. alice@contoso.com (sans espaces, virgules ni guillemets).
handout-never-burned = Le jeton { $serial } n'a jamais été gravé sur ce poste : le journal ne contient aucun secret pour lui.
handout-never-burned-next = Gravez-le d'abord (vue Poste ou `totp-burner batch`), ou vérifiez le numéro de série et le fichier journal.
handout-last-burn-failed = Le jeton { $serial } ne peut pas être remis ; dernière gravure : { $outcome }.
handout-last-burn-failed-next = Gravez-le à nouveau (posez-le sur le lecteur d'un poste avec « Graver à nouveau » / --reburn), puis remettez-le.
handout-interrupted = Le jeton { $serial } ne peut pas être remis : sa dernière gravure a été interrompue et il est peut-être vierge.
handout-interrupted-next = Posez-le sur le lecteur d'un poste pour terminer la gravure, puis remettez-le.
handout-unchecked-mismatched = Le jeton { $serial } ne contient peut-être pas le secret du journal : le code qu'il affichait après sa gravure ne correspondait pas.
handout-unchecked-skipped = Le jeton { $serial } n'a pas été vérifié : la vérification du code après sa gravure a été passée, il ne contient donc peut-être pas le secret du journal.
handout-unchecked-next = Posez-le sur un lecteur et vérifiez son code (gravez-le à nouveau s'il ne correspond pas), ou remettez-le quand même avec --accept-unchecked.
app-handout-unchecked-next = Gravez-le à nouveau et vérifiez son code, ou appuyez sur « Remettre quand même ».
export-unchecked = { $count } jeton(s) ne contiennent peut-être pas le secret exporté : la vérification du code après leur gravure ne correspondait pas ou a été passée ({ $serials }).
export-unchecked-next = Vérifiez le code de chacun (gravez-le à nouveau s'il ne correspond pas), ou exportez-les quand même avec --accept-unchecked.
app-export-unchecked-next = Vérifiez le code de chacun (gravez-le à nouveau s'il ne correspond pas), ou appuyez sur « Exporter quand même ».
gui-handout-anyway = Remettre quand même
gui-export-anyway = Exporter quand même
cli-help-arg-accept-unchecked = Remettre ou exporter les jetons dont la vérification du code après la gravure ne correspondait pas ou a été passée (ils ne contiennent peut-être pas le secret du journal).
handout-records = Le journal n'a pas pu être lu ou écrit ({ $error }).
handout-records-next = Vérifiez le fichier journal et le disque, puis réessayez.
handout-assigned-again = Jeton { $serial } remis à nouveau à { $upn }.
handout-assigned-was = Jeton { $serial } remis à { $upn } (il était à { $previous }).
handout-assigned = Jeton { $serial } remis à { $upn }.
handout-assigned-not-kept = Son secret n'a pas été conservé : il ne peut pas figurer dans l'export Entra ID.
handout-no-batch = aucun lot
handout-one-batch = lot { $batch }
handout-many-batches = lots { $batches }
handout-entra-wrote = { $count ->
    [one] 1 jeton
   *[other] { $count } jetons
} de { $batches } écrit(s) dans { $path }.
handout-entra-nobody = Aucun jeton n'a encore d'utilisateur : { $path } n'a pas été écrit (Entra ID exige un UPN sur chaque ligne).
handout-entra-unassigned = { $count ->
    [one] 1 jeton n'a pas d'utilisateur et ne figure pas dans le fichier Entra ; remettez-le d'abord :
   *[other] { $count } jetons n'ont pas d'utilisateur et ne figurent pas dans le fichier Entra ; remettez chacun d'abord :
}
handout-unknown-model = modèle inconnu
handout-entra-unassigned-wrote = Ils ont été écrits dans { $path } (même format avec l'UPN vide ; le fichier contient leurs secrets).
handout-entra-unassigned-keep = Pour les garder pour plus tard, exportez à nouveau avec un fichier pour les jetons sans utilisateur.
handout-nobody-assigned = { $count ->
    [one] Le jeton au secret conservé n'a pas encore d'utilisateur ; Entra ID exige un UPN sur chaque ligne.
   *[other] Aucun des { $count } jetons au secret conservé n'a encore d'utilisateur ; Entra ID exige un UPN sur chaque ligne.
}
handout-nobody-assigned-command = Remettez-les d'abord : totp-burner records assign --serial S --upn USER@DOMAIN (ou ajoutez --unassigned FICHIER pour les écrire pour plus tard).
handout-nobody-assigned-view = Remettez-les d'abord dans la vue « Remise » (ou indiquez un fichier pour les jetons sans utilisateur).
handout-receipt-step1 = Allumer
handout-receipt-step1-words = Appuyez sur le bouton du jeton : il affiche un code à 6 chiffres pendant quelques secondes.
handout-receipt-step2 = Comparer le code
handout-receipt-step2-words = Vérifiez que le numéro de série au dos du jeton est celui indiqué ci-dessus. Chaque code ne vaut que pour son intervalle : quand un code est demandé, saisissez celui que le jeton affiche maintenant (appuyez à nouveau pour en avoir un nouveau).
handout-receipt-step3 = Se connecter
handout-receipt-step3-words = À la connexion, choisissez le jeton matériel (« code de vérification ») et saisissez le code affiché. Ne communiquez jamais un code à personne et signalez immédiatement un jeton perdu au support.
handout-receipt-nobody-user = Aucun jeton n'est remis à { $upn }.
handout-receipt-nobody-batch = Aucun jeton du lot { $batch } n'a d'utilisateur.
handout-receipt-nobody-next = Remettez d'abord les jetons, puis écrivez le reçu.
handout-receipt-written = Reçu pour { $count ->
    [one] 1 jeton
   *[other] { $count } jetons
} écrit dans { $path } (une page chacun ; aucun secret) : ouvrez-le dans un navigateur et imprimez-le.
cli-handout-records-unreadable = Le journal n'a pas pu être lu ({ $error }).
cli-handout-records-unreadable-next = Vérifiez le fichier journal.
cli-handout-users-unreadable = La liste d'utilisateurs { $path } ne peut pas être lue ({ $error }).
cli-handout-users-unreadable-next = Vérifiez le nom du fichier, ou indiquez l'utilisateur avec --upn.
cli-handout-users-unusable = La liste d'utilisateurs { $path } est inutilisable : { $error }.
cli-handout-users-unusable-next = Fournissez un CSV avec un UPN par ligne (ou un téléchargement des utilisateurs Entra).
cli-handout-user-prompt = Utilisateur (numéro, UPN ou partie d'un nom) :
cli-handout-no-pick = Aucun utilisateur n'a été choisi.
cli-handout-no-pick-next = Choisissez-en un avec --upn (un UPN, un numéro de ligne ou une partie d'un nom).
cli-handout-pick-failed = { $error } dans { $path }.
cli-handout-pick-failed-next = Saisissez davantage de l'UPN ou du nom, ou le numéro de ligne.
cli-handout-col-serial = série
cli-handout-col-user = utilisateur
cli-handout-col-code = code
cli-handout-col-left = reste

## gui (i18n2)

gui-language = Langue :
gui-theme = Thème :
gui-theme-system = Système
gui-theme-light = Clair
gui-theme-dark = Sombre
gui-language-os = Système ({ $language })
gui-keep-secrets-switch = « Conserver les secrets » (vue Poste)
gui-secret-heading = 1. Secret
gui-secret-scan = Scanner l'écran
gui-secret-scan-hover = Ctrl+Maj+S : masque cette fenêtre et lit le code QR à l'écran
gui-secret-webcam = Webcam
gui-secret-webcam-stop = Arrêter la webcam
gui-secret-open-image = Ouvrir une image…
gui-secret-paste = Coller
gui-secret-paste-hover = Ctrl+V : une clé, un lien ou une image QR copiés
gui-secret-looking = Recherche d'un code QR…
gui-secret-hold-qr = Tenez le code QR devant la caméra.
gui-secret-field = Clé secrète, lien otpauth ou export :
gui-secret-field-hint = Clé Base32, hex, otpauth://… ou déposez une image QR
gui-secret-pasted-cleared = Collé : le presse-papiers est vidé pour que le secret n'y reste pas.
gui-secret-read-back = Relecture : { $key }
gui-secret-show = Afficher le secret
gui-secret-clear = Effacer
gui-secret-from-typed = saisi au clavier
gui-secret-from-pasted = collé
gui-secret-from = Source : { $origin }
gui-secret-scan-took = Le scan a pris { $ms } ms.
gui-secret-no-account = pas de nom de compte
gui-secret-ready = Prêt : { $who } · une clé de { $bits } bits
gui-secret-also-found = Trouvé aussi : { $problem }
gui-secret-what-to-do = Que faire : { $next }
gui-secret-export-holds = Cet export contient { $count } comptes :
gui-secret-account-n = compte { $n }
gui-secret-cannot-burn = { $name } (ne peut pas être gravé)
gui-secret-open-heading = Ouvrir une image
gui-secret-open-path = Chemin d'une image PNG, JPEG, BMP ou WebP du code QR (ou déposez le fichier sur la fenêtre) :
gui-secret-open = Ouvrir
gui-secret-cancel = Annuler
gui-secret-no-qr = Aucun code QR trouvé ({ $place }).
gui-secret-no-qr-next = Vérifiez que le code QR est entièrement visible et non masqué, puis scannez à nouveau.
gui-secret-none-burnable = Aucun des comptes de cet export ne peut être gravé.
gui-secret-none-burnable-next = Exportez un compte basé sur le temps (TOTP) avec des codes à 6 chiffres.
gui-secret-several = Cet export contient plusieurs comptes.
gui-secret-several-next = Choisissez dans la liste le compte à graver.
gui-log-heading = Journal technique
gui-log-copy = Copier le journal technique
gui-log-clear = Vider le journal technique
gui-demo-token = Jeton virtuel
gui-demo-power = Marche (éteindre et rallumer)
gui-demo-lift = Retirer du lecteur
gui-demo-lay = Poser sur le lecteur
gui-demo-show-qr = Afficher le QR de démo
gui-demo-qr-hint = La fenêtre QR de démo joue la page de connexion : appuyez sur « Scanner l'écran ».
gui-demo-qr-title = Page de connexion de démo — scannez ce code QR
gui-demo-qr-company = Demo Company · configurez votre authentificateur
gui-demo-qr-secret = Clé secrète : uniquement dans le code QR
gui-store-label = Journal :
gui-store-none = aucun dossier de données pour le fichier du journal
gui-store-check = Vérifier
gui-store-change = Modifier…
gui-store-checking = vérification…
gui-store-ready = connecté
gui-store-ready-waiting = connecté ; { $waiting } résultats attendent sur ce PC d'être transmis
gui-store-unreachable = injoignable ({ $error }) ; { $waiting } résultats attendent sur ce PC. Les stations attendent et reprennent toutes seules.
gui-store-refused = refusé : { $error }
gui-store-password-needed = mot de passe nécessaire : tapez-le ci-dessous et cliquez sur « Se connecter » (il n'est gardé que jusqu'à la fermeture de l'application)
gui-store-address = Serveur de journal (ou fichier)
gui-store-password = Mot de passe
gui-store-password-note = Le mot de passe n'est jamais enregistré avec les réglages : tapez-le à chaque démarrage, ou donnez-le dans PGPASSWORD ou le fichier pgpass. Un serveur autre que ce PC n'est joint qu'en TLS vérifié (sslrootcert=…).
gui-store-connect = Se connecter
gui-store-use-file = Utiliser le fichier de ce PC
gui-store-cancel = Annuler
gui-records-heading = Journal
gui-records-search = Chercher un numéro de série ou un UPN :
gui-records-search-hint = partie d'un numéro de série ou d'un UPN
gui-records-outcome = Résultat :
gui-records-batch = Lot :
gui-records-all-batches = tous les lots
gui-records-all-outcomes = tous les résultats
gui-records-ok = ok
gui-records-failed = échoué
gui-records-interrupted = interrompu
gui-records-older = Afficher les opérations plus anciennes
gui-records-refresh = Actualiser
gui-records-no-match = Aucune opération ne correspond à cette recherche.
gui-records-none = Pas encore d'entrées : les gravures et synchronisations de l'heure sont consignées ici.
gui-col-time = Heure
gui-col-serial = N° de série
gui-col-model = Modèle
gui-col-operation = Opération
gui-col-outcome = Résultat
gui-col-upn = UPN
gui-col-batch = Lot
gui-col-reader = Lecteur
gui-col-station = Poste
gui-col-user = Utilisateur
gui-col-serial-from = Série lue sur
gui-col-operator = Opérateur
gui-col-code-now = Code actuel
gui-col-seconds-left = Secondes restantes
gui-records-export = Export
gui-records-export-file = Exporter vers le fichier :
gui-records-export-file-hint = chemin du fichier CSV à écrire
gui-records-export-records = Exporter le journal (CSV)…
gui-records-export-records-note = Toutes les entrées, aucun secret.
gui-passphrase = Phrase de passe des secrets conservés :
gui-records-export-entra = Exporter pour Entra ID (CSV)…
gui-records-unassigned-file = Jetons sans utilisateur vers le fichier (facultatif) :
gui-records-unassigned-hint = ils sont exclus du fichier Entra
gui-records-entra-of = Export Entra ID de { $batches } : les secrets conservés des jetons remis à un utilisateur (SHA-1, 30 ou 60 s).
gui-records-every-batch = tous les lots
gui-records-exporting = Export en cours…
gui-records-no-folder = Aucun dossier de données n'a été trouvé pour le journal.
gui-records-no-folder-next = Lancez l'application avec un dossier de données (TOTP_BURNER_DATA_DIR).
gui-records-search-not-started = La recherche n'a pas pu démarrer.
gui-records-passphrase-needed = L'export Entra ID demande la phrase de passe des secrets conservés.
gui-passphrase-needed-next = Saisissez la phrase de passe donnée lors du lot.
gui-records-no-file = Aucun fichier à écrire n'a été indiqué.
gui-records-no-file-next = Saisissez le chemin du fichier CSV dans « Exporter vers le fichier ».
gui-not-started = L'opération n'a pas pu démarrer.
gui-not-started-next = Réessayez.
gui-records-unopenable = Le journal ne peut pas être ouvert : { $error }.
gui-records-unopenable-next = Vérifiez le fichier journal.
gui-records-unreadable = Le journal ne peut pas être lu : { $error }.
gui-handout-heading = Remise
gui-handout-intro = Remettez chaque jeton gravé à son utilisateur : la remise est consignée, et l'export Entra ID ne contient que les jetons remis.
gui-handout-serial = N° de série du jeton :
gui-handout-serial-hint = posez le jeton sur le lecteur, ou saisissez son numéro
gui-handout-read-from = lu sur le jeton posé sur { $reader }
gui-handout-no-token = aucun jeton sur le lecteur
gui-handout-typed = saisi
gui-handout-upn = Utilisateur (UPN) :
gui-handout-upn-hint = utilisateur@domaine, ou partie d'un nom de la liste
gui-handout-users = Liste d'utilisateurs (CSV) :
gui-handout-users-hint = un téléchargement des utilisateurs Entra, ou un UPN par ligne
gui-handout-load = Charger la liste
gui-handout-pick = Choisir :
gui-handout-hand-out = Remettre
gui-handout-lately = Remis récemment
gui-handout-none = Aucun jeton remis pour l'instant.
gui-handout-codes = Codes d'activation
gui-handout-codes-intro = Entra ID demande le code actuel de chaque jeton importé : les voici pour chaque jeton remis dont le secret a été conservé, sans appuyer sur chaque jeton.
gui-handout-show-codes = Afficher les codes
gui-handout-hide-codes = Masquer les codes
gui-handout-seconds = { $seconds } s
gui-handout-receipt = Reçu
gui-handout-receipt-file = Fichier du reçu (HTML) :
gui-handout-receipt-hint = chemin de la page à imprimer
gui-handout-receipt-user = Reçu pour cet utilisateur
gui-handout-receipt-batch = Reçu pour le lot
gui-handout-receipt-note = Numéro de série, utilisateur, date et mode d'emploi du jeton ; aucun secret, aucun code.
gui-handout-users-unreadable = La liste d'utilisateurs { $path } ne peut pas être lue ({ $error }).
gui-handout-users-unreadable-next = Vérifiez le nom du fichier, ou saisissez l'UPN.
gui-handout-users-unusable = La liste d'utilisateurs est inutilisable : { $error }.
gui-handout-users-unusable-next = Fournissez un CSV avec un UPN par ligne (ou un téléchargement des utilisateurs Entra).
gui-handout-codes-passphrase = Les codes demandent la phrase de passe des secrets conservés.
gui-handout-choose-batch = Choisissez le lot (ci-dessus) pour le reçu d'un lot.
gui-handout-pick-user = Saisissez ou choisissez d'abord l'utilisateur.
gui-handout-receipt-path = Saisissez le chemin du fichier HTML à écrire.
gui-handout-receipt-not-written = Le reçu n'a pas été écrit.
gui-device-records-unopenable = Le journal ne peut pas être ouvert ({ $error }) : rien n'est gravé, car chaque gravure doit être consignée.
gui-place-clipboard = presse-papiers
gui-place-clipboard-image = image du presse-papiers
gui-place-dropped-image = image déposée
gui-place-camera = webcam
gui-place-screen = écran ({ $backend })
gui-log-no-answer = pas de réponse
gui-log-token = jeton { $serial } ({ $model }) horloge { $clock }
gui-log-pc-clock = Horloge du PC : { $words }
gui-pc-clock-unverified = non vérifiée (aucun serveur de temps n'a répondu)
gui-records-op-burn = gravure
gui-records-op-sync-time = synchronisation de l'heure

## window renderer
renderer-fallback = remarque : le moteur de rendu wgpu n'a pas pu démarrer ({ $why }) ; la fenêtre s'ouvre avec le moteur glow (OpenGL) à la place.

## h-wizard
gui-wizard-step-secret = Obtenir le secret
gui-wizard-step-check = Vérifier
gui-wizard-step-token = Allumer le jeton et le poser
gui-wizard-step-burn = Graver
gui-wizard-step-verify = Contrôler
gui-wizard-step-bar = { $number }. { $title }
gui-wizard-back = Retour
gui-wizard-next = Suivant
gui-wizard-finish = Saisissez maintenant le code affiché par le jeton dans Entra (ou votre fournisseur d'identité) pour terminer l'enrôlement.
gui-wizard-summary-heading = Qui est enrôlé, et ce qui sera gravé
gui-wizard-summary-no-secret = Pas encore de secret : revenez à la première étape.
gui-wizard-summary-account = Compte
gui-wizard-summary-no-account-link = aucun dans le lien
gui-wizard-summary-no-account-key = pas de nom de compte (une clé seule, pas un lien)
gui-wizard-summary-issuer = Émetteur
gui-wizard-summary-no-issuer = aucun
gui-wizard-summary-secret = Secret
gui-wizard-summary-length = { $kind ->
    [short] une clé de { $bits } bits : plus courte que les 128 bits demandés par la norme. Vérifiez que la clé a été lue en entier.
    [long] une clé de { $bits } bits, plus longue que d'habitude
   *[usual] une clé de { $bits } bits, la longueur habituelle
}
gui-wizard-summary-hash = Hachage (HMAC)
gui-wizard-summary-sha1 = SHA-1, utilisé par presque tous les services
gui-wizard-summary-sha256 = SHA-256
gui-wizard-summary-step = Nouveau code toutes les
gui-wizard-summary-display = Affichage allumé pendant
gui-wizard-seconds = { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } secondes
}
gui-wizard-summary-token = Jeton
gui-wizard-summary-token-value = { $model }, numéro de série { $serial }
gui-wizard-summary-no-token = pas encore sur le lecteur
gui-wizard-summary-clock = Horloge
gui-wizard-summary-clock-value = réglée sur l'heure de ce PC pendant la gravure

## h-station
gui-station-title = Poste de gravure
gui-station-stop = Arrêter après ce jeton
gui-station-full-screen = Plein écran (F11)
gui-station-leave-full-screen = Quitter le plein écran (F11 ou Échap)
gui-station-counters = Gravés : { $burned }   ·   Échecs : { $failed }   ·   Déjà faits : { $already }
gui-station-run-line = Cette exécution : { $source } · { $hmac } / { $step } s · { $kept }. Arrêtez-la pour changer quoi que ce soit.
gui-station-run-kept = secrets conservés (chiffrés)
gui-station-run-not-kept = secrets non conservés
gui-station-badge = • en cours
gui-station-banner = Poste en cours d'exécution sur { $readers } : les jetons posés là sont gravés par le poste.
gui-token-held-by-station = Le poste utilise { $readers } : cette vue ne touche pas à ses jetons. Pour utiliser le lecteur ici, arrêtez le poste (« Arrêter après ce jeton » ci-dessus, ou dans la vue Poste).
gui-station-keeping = Les secrets sont CONSERVÉS (chiffrés) dans le journal pour l'export.
gui-station-source-random = Secrets aléatoires
gui-station-source-csv = Liste CSV d'utilisateurs
gui-station-source-per-user = Code QR de chaque utilisateur
gui-station-csv-file = Fichier CSV (upn,secret ou upn par ligne) :
gui-station-keep-secrets = Conserver les secrets (chiffrés) pour l'export Entra ID
gui-station-passphrase = Phrase de passe :
gui-station-passphrase-again = Phrase de passe à nouveau (nouveau fichier journal) :
gui-station-not-kept-warning = Les secrets ne sont PAS conservés. Sans le secret conservé, ces jetons ne pourront jamais être importés dans Entra ID : personne ne connaîtra le secret gravé, aucun utilisateur ne pourra s'en servir pour se connecter. Réactivez « Conserver les secrets » si ce n'est pas ce que vous voulez.
gui-station-reburn = Graver à nouveau avec un nouveau secret : les jetons déjà gravés reçoivent un nouveau secret
gui-station-no-data-folder = Aucun dossier de données n'a été trouvé pour le journal.
gui-station-passphrase-needed = Saisissez une phrase de passe pour conserver les secrets.
gui-station-list-unreadable = { $path } ne peut pas être lu ({ $error }).
gui-station-passphrase-twice = Ce fichier journal ne contient encore aucun secret conservé : saisissez deux fois la nouvelle phrase de passe (au moins { $chars } caractères).
gui-station-continuing = { $done } lignes de cette liste ont déjà été faites (la dernière le { $when }) ; reprise à la ligne { $row }.
gui-station-list-all-done = Chaque ligne de cette liste a déjà été faite.
gui-station-need-secret = Scannez d'abord le code QR de cet utilisateur.
gui-station-waits-for-secret = { $serial } attend un secret
gui-station-already-this-run = { $serial } a déjà été gravé pendant cette exécution.
gui-station-already-batch = { $serial } a déjà été gravé le { $when } (lot { $batch }) : pas gravé à nouveau.
gui-station-already-before = { $serial } a déjà été gravé le { $when } : pas gravé à nouveau.
gui-station-burned = { $model } { $serial } gravé.
gui-station-burned-for = { $model } { $serial } gravé pour { $upn }.
gui-station-finished = { $model } { $serial } terminé (sa gravure avait été interrompue).
gui-station-finished-for = { $model } { $serial } terminé pour { $upn } (sa gravure avait été interrompue).
gui-station-failed-serial = { $serial } : { $problem } { $next }
gui-station-failed-text = { $problem } { $next }
gui-station-live-code = { $serial } affiche ce code maintenant (éteignez-le et rallumez-le pour comparer) :
gui-station-tile-last = Dernier : { $serial }
gui-station-tile-none = Aucun jeton pour l'instant
gui-station-summary-title = Exécution terminée
gui-station-summary-counts = { $burned } gravés · { $failed } en échec · { $already } déjà faits
gui-station-summary-batch = Lot : { $batch }
gui-station-summary-span = De { $start } à { $end } ({ $minutes } min { $seconds } s)
gui-station-summary-in-doubt = Inachevés (reposez chacun sur un lecteur pour le terminer) : { $serials }
gui-station-summary-next-nothing = Rien n'a été gravé pendant cette exécution.
gui-station-summary-next-per-user = Ensuite : remettez chaque jeton à son utilisateur (vue « Remise ») ; il termine sa connexion avec le code affiché.
gui-station-summary-next-export = Ensuite : remettez les jetons (vue « Remise »), puis exportez les secrets conservés pour Entra ID (vue « Journal », « Exporter pour Entra ID (CSV)… ») : l'export prend les jetons qui ont un utilisateur.
gui-station-summary-next-not-kept = Ensuite : remettez les jetons (vue « Remise »). Leurs secrets n'ont pas été conservés : ils ne peuvent pas être importés dans Entra ID.
gui-station-summary-dismiss = Fermer (Échap)
next-up-token = jeton { $number }
next-up-token-of = jeton { $number } sur { $total }
next-up-scanned-user = l'utilisateur dont le code QR a été scanné
next-up-list-done = rien : la liste est terminée
next-up-batch-done = rien : le lot est terminé

## h-words
gui-app-name = Graveur TOTP
gui-window-title-demo = { $name } — démo
gui-tab-handout = Remise
gui-tab-records = Journal
gui-tab-station = Poste
gui-tab-wizard = Assistant
gui-tab-burner = Graveur
gui-status-hint = Que faire ensuite
gui-status-busy = Dialogue avec le jeton…
gui-status-service-down = Le service de cartes à puce ne tourne pas : démarrez-le (Linux : pcscd ; Windows : le service « Carte à puce »).
gui-status-no-reader = Branchez le lecteur NFC USB.
gui-status-several-tokens = Des jetons sont posés sur plusieurs lecteurs : choisissez le lecteur à utiliser.
gui-status-absent = Allumez le jeton et posez-le sur le lecteur.
gui-status-reading = Lecture du jeton…
gui-status-failed = { $problem } { $next }
gui-status-token = { $model } · { $serial } · horloge { $clock }
gui-status-token-ready = { $model } · { $serial } · horloge { $clock } · prêt à graver
gui-status-token-no-secret = { $model } · { $serial } · horloge { $clock } · scannez ou collez le secret
gui-reader-heading = 2. Lecteur
gui-reader-service-down = Le service de cartes à puce ne tourne pas.
gui-reader-service-down-next = Que faire : démarrez le service de cartes à puce (Linux : sudo systemctl start pcscd ; Windows : le service « Carte à puce »).
gui-reader-none = Aucun lecteur trouvé. Branchez le lecteur NFC USB.
gui-reader-automatic = Automatique (le lecteur qui porte un jeton)
gui-reader-line = { $reader } — { $state }
gui-token-heading = 3. Jeton
gui-token-absent = Allumez le jeton (appuyez sur son bouton) et posez-le sur le lecteur.
gui-token-reading = Lecture du jeton…
gui-token-model = Modèle
gui-token-serial = Numéro de série
gui-token-clock = Horloge
gui-token-clock-in-step = à l'heure de ce PC
gui-token-clock-behind = { $seconds } s de retard sur ce PC
gui-token-clock-ahead = { $seconds } s d'avance sur ce PC
gui-token-pc-clock = Horloge du PC
gui-token-time-sync = Synchronisation de l'heure
gui-token-sync-erases = efface le secret
gui-token-sync-keeps = garde le secret
gui-token-sync-unknown = modèle inconnu
gui-options-heading = Options
gui-options-hmac = HMAC
gui-options-time-step = Pas de temps
gui-options-display-timeout = Durée d'affichage
gui-options-seconds = { $seconds } s
gui-options-pair = { $algorithm } / { $seconds } s
gui-options-differ-link = Le lien indique { $wanted } : avec ces options, les codes ne correspondront pas à ceux du service.
gui-options-differ-standard = La norme pour une clé sans lien est { $wanted } : avec ces options, les codes ne correspondront pas à ceux du service.
gui-options-confirm-heading = Graver d'autres options que celles du secret ?
gui-options-confirm-link = Le lien indique { $wanted } ; graver { $chosen } quand même ?
gui-options-confirm-standard = La norme pour une clé sans lien est { $wanted } ; graver { $chosen } quand même ?
gui-options-confirm-note = Les codes du jeton ne correspondront pas à ceux qu'attend le service.
gui-options-confirm-burn = Graver { $chosen } quand même
gui-options-cancel = Annuler
gui-burn-burning = Gravure : { $step }…
gui-burn-no-secret = Scannez ou collez d'abord le secret.
gui-burn-syncing = Réglage de l'horloge…
gui-burn-trust-pc = Écrire quand même l'heure de ce PC
gui-burn-trust-pc-hint = Seulement si vous savez que l'horloge de ce PC est juste et que les serveurs de temps se trompent ; consigné comme forcé.
gui-burn-reburn = Graver à nouveau avec un nouveau secret
gui-burn-reburn-hint = Remplace le secret que ce jeton porte selon le journal : un utilisateur pour qui il a été enregistré ne pourra plus se connecter avec.
gui-burn-records-next = Vérifiez que le dossier de données est accessible en écriture et que le disque a de la place, puis réessayez.
gui-sync-heading = Synchroniser l'horloge du jeton ?
gui-sync-writes-options = L'horloge est écrite avec les options affichées (HMAC, pas de temps, durée d'affichage).
gui-sync-erases = Sur le { $model }, régler l'horloge EFFACE le secret : le jeton n'affichera aucun code tant que vous ne l'aurez pas gravé à nouveau.
gui-sync-erases-this = Sur ce jeton, régler l'horloge EFFACE le secret : le jeton n'affichera aucun code tant que vous ne l'aurez pas gravé à nouveau.
gui-sync-done-erased-burn = Horloge réglée. Ce modèle a effacé son secret : le jeton est vierge et n'affiche aucun code. Gravez-le à nouveau maintenant : appuyez sur Graver (Entrée).
gui-sync-done-erased-scan = Horloge réglée. Ce modèle a effacé son secret : le jeton est vierge et n'affiche aucun code. Scannez ou collez à nouveau le secret, puis appuyez sur Graver (Entrée).
gui-sync-done-kept = Horloge réglée ; le secret a été gardé.
gui-sync-done-unknown = Horloge réglée ; gravez le jeton pour être sûr qu'il porte un secret.
gui-log-step = étape : { $step }
gui-log-burned = { $serial } gravé · code { $code }
gui-log-burn-failed = échec de la gravure : { $problem }
renderer-started = rendu : { $renderer }
renderer-started-chosen = rendu : { $renderer } (choisi dans les réglages ou en ligne de commande)
renderer-started-fallback = rendu : glow (OpenGL) ; wgpu n'a pas pu démarrer ici ({ $why }), la fenêtre a donc été rouverte avec glow
receipt-title = Reçu de jeton matériel
receipt-heading = Votre jeton matériel
receipt-user = Utilisateur
receipt-serial = Numéro de série du jeton
receipt-model = Modèle
receipt-model-unknown = Jeton TOTP Token2
receipt-handed-out = Remis le
receipt-handed-out-at = { $date } au poste { $station }
receipt-received-by = Reçu par : ______________________
time-local = { $date }, { $time }
time-local-date = { $day } { $month } { $year }
time-month-1 = janv.
time-month-2 = févr.
time-month-3 = mars
time-month-4 = avr.
time-month-5 = mai
time-month-6 = juin
time-month-7 = juil.
time-month-8 = août
time-month-9 = sept.
time-month-10 = oct.
time-month-11 = nov.
time-month-12 = déc.
secret-web-address-typed = Vous avez saisi une adresse web, pas une clé secrète.
secret-web-address-typed-next = Saisissez ou collez plutôt la clé secrète (ou le lien otpauth://), ou scannez le code QR du secret sur la page de connexion.
app-transport-unavailable-next = Vérifiez que le lecteur est branché et que le service de cartes à puce tourne, puis réessayez.
app-choose-reader-next = Choisissez le lecteur dans le panneau Lecteur (ou « Automatique »).
app-several-tokens-next = Retirez les jetons que vous ne gravez pas, ou choisissez le lecteur dans le panneau Lecteur.
app-unknown-model-next = Vérifiez que le jeton est un modèle programmable Token2 « -i » : l'application ne grave que les modèles qu'elle connaît.
app-erase-not-confirmed-next = Gravez plutôt le jeton (cela règle aussi l'heure), ou confirmez la synchronisation dans sa fenêtre et gravez un secret ensuite.
app-pc-clock-off-next = Corrigez l'horloge de ce PC, puis réessayez. Windows : Paramètres > Heure et langue > Date et heure, activez « Régler l'heure automatiquement » et cliquez sur « Synchroniser maintenant » (ou lancez « w32tm /resync » en administrateur). Linux : lancez « sudo timedatectl set-ntp true » et vérifiez que « timedatectl status » indique « System clock synchronized: yes » (avec chrony : « sudo chronyc makestep »). Si vous êtes sûr que ce PC est juste et le serveur de temps faux, choisissez « Écrire quand même l'heure de ce PC » (c'est consigné au journal).
app-refusal-burned-before-next = Posez le jeton suivant sur le lecteur ; pour remplacer volontairement le secret de ce jeton, choisissez « Graver à nouveau avec un nouveau secret ».
app-handout-last-burn-failed-next = Gravez-le à nouveau (posez-le sur le lecteur d'un poste et choisissez « Graver à nouveau »), puis remettez-le.
cli-help-about = Grave des secrets TOTP dans les jetons matériels programmables Token2 via PC/SC
cli-help-about-gui-only = Ouvre l'application de bureau Graveur TOTP.
cli-help-about-gui = Ouvrir l'application de bureau (par défaut sans sous-commande)
cli-help-about-info = Afficher le numéro de série, le modèle et l'horloge du jeton
cli-help-about-burn = Graver un secret dans le jeton
cli-help-about-sync-time = Régler l'horloge du jeton sur l'heure de ce PC (et écrire les options)
cli-help-about-code = Afficher les codes d'un secret ; aucun jeton nécessaire
cli-help-about-scan = Trouver des codes QR (image, écran, webcam, presse-papiers) et dire ce qu'ils sont
cli-help-about-readers = Lister les lecteurs PC/SC et ce que chacun porte
cli-help-about-batch = Graver des jetons l'un après l'autre à mesure qu'ils sont posés sur le lecteur
cli-help-about-records = Lister ou exporter le journal de toutes les opérations
cli-help-about-emulate = Servir un jeton émulé à pcscd via vsmartcard-vpcd
cli-help-about-records-list = Lister le journal
cli-help-about-records-export = Exporter le journal (CSV) ou les secrets conservés (CSV Entra ID)
cli-help-about-records-assign = Remettre un jeton gravé à son utilisateur (consigné ; la dernière remise compte)
cli-help-about-records-codes = Codes actuels des jetons remis dont le secret a été gardé (pour l'activation dans Entra ID) ; jamais les secrets
cli-help-about-records-receipt = Un reçu de remise imprimable (HTML) par utilisateur ou par lot
cli-help-about-records-init = Créer le journal sur un serveur PostgreSQL vide (un administrateur, une fois)
cli-help-about-records-migrate = Mettre le schéma du journal à cette version (un administrateur, avant que les stations de cette version démarrent)
cli-help-about-records-add-station = Créer la connexion d'une station sur un serveur de journal (un administrateur) : elle ne peut que lire et ajouter, en son propre nom
cli-help-about-records-stock = Les numéros de série connus : la liste du fournisseur des jetons achetés
cli-help-about-records-stock-import = Ajouter la liste des numéros de série du fournisseur ; ensuite les jetons absents de la liste sont refusés
cli-help-about-records-import = Copier le fichier de journal propre à une station dans ce journal (relancé, il n'ajoute rien deux fois)
cli-help-about-help = Afficher cette aide ou celle des sous-commandes données
cli-help-usage = Utilisation :
cli-help-options = Options :
cli-help-commands = Commandes :
cli-help-arg-help = Afficher l'aide
cli-help-arg-version = Afficher la version
cli-help-arg-demo = Utiliser un lecteur et un jeton virtuels intégrés, et montrer un code QR de démonstration
cli-help-arg-renderer = Dessiner la fenêtre avec ce moteur de rendu (par défaut : wgpu, et glow là où wgpu ne démarre pas ; le réglage « renderer » fait de même)
cli-help-arg-reader = Utiliser le lecteur de ce nom (ou d'une partie unique de ce nom)
cli-help-arg-emulator = Utiliser un jeton émulé intégré au lieu d'un vrai lecteur
cli-help-arg-json = Sortie en JSON
cli-help-arg-secret = Texte Base32, hexadécimal, otpauth:// ou otpauth-migration://. Utilisez `-` pour le lire sur l'entrée standard : TEXTE lui-même apparaît dans la liste des processus et l'historique du shell
cli-help-arg-secret-env = Lire le secret dans cette variable d'environnement
cli-help-arg-qr-image = Prendre le secret dans le code QR d'un fichier image
cli-help-arg-qr-screen = Prendre le secret dans le code QR affiché à l'écran
cli-help-arg-qr-webcam = Prendre le secret dans un code QR présenté à la webcam
cli-help-arg-camera = Numéro de caméra (voir la liste des caméras du système ; 0 est la première)
cli-help-arg-webcam-timeout = Abandonner la recherche à la webcam après ce nombre de secondes
cli-help-arg-account-burn = Numéro du compte à graver dans un export d'authentificateur (à partir de 1)
cli-help-arg-account-code = Numéro du compte à utiliser dans un export d'authentificateur (à partir de 1)
cli-help-arg-algorithm = Algorithme HMAC [par défaut : celui du lien otpauth, sinon sha1]
cli-help-arg-period = Pas de temps en secondes : 30 ou 60 [par défaut : celui du lien otpauth, sinon 30]
cli-help-arg-display-timeout = Durée d'affichage en secondes : 15, 30, 60 ou 120
cli-help-arg-allow-unknown-model-burn = Graver un jeton dont le numéro de série n'est pas celui d'un modèle programmable connu
cli-help-arg-allow-unknown-model-sync = Synchroniser un jeton dont le numéro de série n'est pas celui d'un modèle programmable connu
cli-help-arg-reburn = Graver un jeton que le journal dit déjà gravé (son ancien secret, peut-être enregistré pour un utilisateur, cesse de fonctionner)
cli-help-arg-trust-pc-clock = Écrire l'heure de ce PC même quand les serveurs de temps disent qu'elle s'écarte de plus que la limite (5 s ; TOTP_BURNER_PC_CLOCK_LIMIT). Consigné comme forcé
cli-help-arg-erase-secret-ok = Confirmer la synchronisation sur les modèles où elle efface le secret (le jeton est ensuite vierge et doit être gravé à nouveau)
cli-help-arg-image = Chercher dans un fichier image (PNG, JPEG, BMP, WebP)
cli-help-arg-screen = Chercher sur tous les écrans
cli-help-arg-webcam = Chercher à la webcam jusqu'à ce qu'un secret valide apparaisse
cli-help-arg-clipboard = Chercher dans le presse-papiers (texte ou image copiée)
cli-help-arg-show-secret = Afficher les secrets en entier
cli-help-arg-random = Un nouveau secret aléatoire de 20 octets par jeton
cli-help-arg-csv-batch = Une liste CSV de `upn,secret` (ou `upn` seul : secrets aléatoires), gravée dans l'ordre ; relancée, elle reprend après les lignes faites
cli-help-arg-count = Avec --random : s'arrêter après N jetons
cli-help-arg-start-row = Avec --csv : commencer à la ligne N (à partir de 1), même si le journal dit que les lignes à partir de N sont faites (elles sont gravées à nouveau)
cli-help-arg-reburn-batch = Graver à nouveau, avec un nouveau secret, les jetons déjà gravés (lors d'un lot précédent). Sans cette option, ils sont refusés
cli-help-arg-keep-secrets = Garder les secrets, chiffrés sous une phrase de passe, pour l'export Entra (phrase de passe tirée de TOTP_BURNER_PASSPHRASE ou demandée une fois)
cli-help-arg-reader-batch = Utiliser seulement ce lecteur [par défaut : tous les lecteurs, un jeton sur chacun]
cli-help-arg-station-batch = Nom du poste consigné dans le journal [par défaut : nom de la machine]
cli-help-arg-records = Journal : un fichier [par défaut : records.sqlite dans le dossier de données de l'utilisateur] ou un serveur PostgreSQL partagé (postgresql://UTILISATEUR@HÔTE/BASE) ; TOTP_BURNER_RECORDS fait de même
cli-help-arg-station-login = Le nom de la connexion (minuscules, chiffres et _)
cli-help-arg-stock-list = Le fichier du fournisseur (un numéro par ligne, ou son CSV)
cli-help-arg-import-source = Le fichier de journal de la station
cli-help-arg-import-secrets = Ouvrir ses secrets conservés avec la phrase de passe de la station et les chiffrer pour la clé de ce journal (sinon laissés de côté et listés)
cli-help-arg-json-batch = Un objet JSON par ligne au lieu de texte
cli-help-arg-vpcd = Servir le jeton au pilote vpcd de pcscd sur ce port (35963 est « Virtual PCD 00 00 », 35964 « Virtual PCD 00 01 »)
cli-help-arg-serial-emulate = Le numéro de série du jeton (son modèle découle du préfixe)
cli-help-arg-sync = Classe de synchronisation [par défaut : celle du modèle, sans restriction s'il est inconnu]
cli-help-arg-clock-offset = L'horloge du jeton moins celle de ce PC, en secondes
cli-help-arg-lift-after = Retirer le jeton du lecteur à l'arrivée de l'APDU de commande N+1
cli-help-arg-replace-after-ms = Après un retrait, reposer le jeton au bout de MS millisecondes
cli-help-arg-as = Jouer une carte qui n'est pas un jeton programmable : son ATR, les réponses de ses applets et une erreur à chaque commande de jeton
cli-help-arg-apdu-log = Ajouter chaque APDU de commande reçue par le lecteur à FICHIER, une ligne hexadécimale chacune (commandes sécurisées : en-tête et longueur seulement)
cli-help-arg-serial-list = Seulement ce jeton
cli-help-arg-csv-export = Toutes les entrées du journal en CSV (sans secrets)
cli-help-arg-entra = Les secrets conservés des jetons remis, au format CSV Entra ID des jetons OATH matériels (contient des secrets)
cli-help-arg-unassigned = Avec --entra : écrire ici les jetons sans utilisateur (même format, UPN vide ; contient des secrets)
cli-help-arg-batch-only = Seulement ce lot
cli-help-arg-serial-assign = Le numéro de série du jeton [par défaut : lu sur le jeton posé sur le lecteur]
cli-help-arg-reader-assign = Le lecteur qui porte le jeton (nom exact ou partie unique)
cli-help-arg-upn-assign = L'UPN de l'utilisateur ; avec --users, un UPN entier, un numéro de ligne ou une partie d'UPN ou de nom propre à un seul utilisateur
cli-help-arg-users = Choisir l'utilisateur dans cette liste CSV (un téléchargement des utilisateurs Entra, ou un UPN par ligne) ; sans --upn, la liste est affichée et le choix lu sur l'entrée standard
cli-help-arg-station-assign = Nom du poste écrit dans l'entrée [par défaut : le nom de cette machine]
cli-help-arg-html = Le fichier HTML à écrire
cli-help-arg-upn-receipt = Tous les jetons de cet utilisateur
cli-help-arg-batch-receipt = Tous les jetons de ce lot qui ont un utilisateur
cli-help-arg-help-long = Afficher l'aide (un résumé avec « -h »)
io-not-found = le fichier ou le dossier n'existe pas ({ $detail })
io-permission-denied = l'accès est refusé ({ $detail })
io-already-exists = il existe déjà ({ $detail })
io-storage-full = le disque est plein ({ $detail })
io-read-only = le disque est en lecture seule ({ $detail })
io-not-a-directory = une partie du chemin est un fichier, pas un dossier ({ $detail })
io-other = le système a refusé ({ $detail })
records-error-file = le fichier du journal { $path } : { $why }
records-error-database = la base du journal est endommagée, verrouillée par un autre programme ou n'est pas un journal ({ $detail })
records-error-too-new = le journal a été écrit par un totp-burner plus récent (schéma { $found } ; celui-ci connaît jusqu'à { $supported }) : mettez totp-burner à jour sur ce PC ; le journal est resté tel quel
records-error-too-old = le schéma du serveur de journal est en version { $found }, plus ancienne que celle dont ce totp-burner a besoin ({ $supported }) : un administrateur lance 'totp-burner records migrate --records ADRESSE' (les stations ne le modifient jamais)
records-error-not-initialised = le serveur de journal n'a pas encore de journal : un administrateur lance une fois 'totp-burner records init --records ADRESSE'
records-error-server = le serveur de journal : { $detail }
records-error-timed-out = le serveur de journal n'a pas répondu en { $seconds } s (un serveur arrêté ou un réseau coupé) ; rien n'a été écrit à moitié
records-waiting = Serveur de journal injoignable : attente ({ $seconds } s) ; aucun jeton n'est écrit. Cela reprend tout seul dès que le serveur répond. ({ $error })
records-error-location = l'adresse du serveur de journal : { $detail }
records-error-tls = TLS vers le serveur de journal : { $detail }
records-error-station-name = le nom d'une connexion de station est fait de minuscules, de chiffres et de _ (commence par une lettre, 63 au plus) : { $name }
records-error-not-a-server = les connexions de station n'existent que sur un serveur de journal (postgresql://…), pas dans un fichier de journal
err-vault-no-fleet-key = le serveur de journal n'a pas encore de clé pour les secrets conservés : un administrateur lance 'totp-burner records init' (il demande la phrase de passe qui les ouvre)
export-records-failed = Le journal n'a pas pu être lu : { $error }.
export-sha256 = Le jeton { $serial } utilise SHA-256 ; Entra ID n'accepte que les jetons TOTP SHA-1.
export-period = Le jeton { $serial } a un pas de temps qu'Entra ID n'accepte pas.
export-write-failed = Impossible d'écrire { $path } : { $why }.
vault-wrong-passphrase = La phrase de passe n'ouvre pas les secrets conservés.
vault-passphrase-too-short = La phrase de passe fait moins de { $chars } caractères.
vault-crypto = Les secrets conservés n'ont pas pu être chiffrés ou déchiffrés ({ $detail }).

## h-polish
gui-secret-browse = Parcourir…
gui-secret-browse-hover = Choisir l'image du code QR dans une boîte de dialogue de fichiers
gui-secret-browse-title = Choisir une image du code QR
gui-secret-browse-filter = Images (PNG, JPEG, BMP, WebP)
capture-no-file-dialog = Aucune boîte de dialogue de fichiers n'est disponible sur cet ordinateur.
capture-no-file-dialog-next = Cliquez sur « Ouvrir une image… » et tapez le chemin de l'image, ou déposez le fichier sur la fenêtre.
gui-handout-waiting-assign = enregistrement de la remise…
gui-handout-waiting-codes = ouverture des secrets conservés (une ou deux secondes)…
gui-handout-waiting-receipt = écriture du reçu…
gui-records-searching = recherche dans le journal…
gui-choose-file = Choisir…
gui-choose-file-waiting = en attente de la boîte de dialogue
gui-choose-file-none = Aucune boîte de dialogue de fichier sur cet ordinateur : saisissez le chemin du fichier dans le champ.
gui-dialog-filter-csv = Fichiers CSV
gui-dialog-filter-html = Pages web (HTML)
gui-dialog-export = Exporter dans un fichier
gui-dialog-unassigned = Fichier des jetons sans utilisateur
gui-dialog-users = Liste des utilisateurs (CSV)
gui-dialog-receipt = Reçu (HTML)
gui-dialog-station-list = Liste des utilisateurs du poste (CSV)

## h-errors
err-list-line-not-csv = la ligne { $line } n'est pas du CSV lisible (vérifiez ses guillemets et virgules)
err-users-bad-upn = ligne { $line } : « { $upn } » n'est pas un nom d'utilisateur principal (utilisateur@domaine)
err-list-empty = la liste ne contient aucun utilisateur
err-users-no-match = aucun utilisateur ne correspond à « { $text } »
err-users-several = { $count } utilisateurs correspondent à « { $text } »
err-list-no-upn = la ligne { $line } n'a pas d'utilisateur (UPN)
err-list-bad-secret = ligne { $line } : { $reason }
err-list-same-secret = les lignes { $first } et { $second } ont le même secret
err-list-same-user = les lignes { $first } et { $second } sont pour le même utilisateur
err-list-no-random = cet ordinateur n'a fourni aucun nombre aléatoire ({ $detail })
err-wrong-passphrase = la phrase de passe n'ouvre pas les secrets conservés
err-passphrase-too-short = la phrase de passe fait moins de { $chars } caractères
err-vault-crypto = les secrets conservés n'ont pas pu être chiffrés ou déchiffrés ({ $detail })
err-service-stopped = le service de carte à puce s'est arrêté
err-capture-file-unreadable = impossible de lire { $path } : { $detail }
err-capture-not-an-image = { $path } n'est pas une image PNG, JPEG, BMP ou WebP lisible
err-capture-too-large = une image de { $width }x{ $height } pixels est trop grande
err-capture-screen-unavailable = capture d'écran impossible : { $detail }
err-capture-wayland = la capture d'écran sous Wayland n'est pas disponible
err-capture-clipboard = presse-papiers : { $detail }
err-capture-no-camera = aucune caméra trouvée
err-capture-camera-busy = la caméra est occupée
err-capture-camera-denied = accès à la caméra refusé
err-capture-camera = la caméra a échoué : { $detail }
err-capture-no-webcam = la prise en charge des webcams n'est pas intégrée
err-capture-blank = { $backend } a donné une image noire
err-capture-timeout = { $backend } n'a pas répondu en { $seconds } s
err-capture-no-file-dialog = aucune boîte de dialogue de fichier : { $detail }
err-capture-panicked = erreur interne pendant { $during }
err-backend-x11 = X11
err-backend-portal = le portail de capture d'écran
err-backend-windows = la capture d'écran de Windows

## h-cliwords
cli-usage-unknown-argument = argument inattendu « { $arg } »
cli-usage-unknown-subcommand = sous-commande inconnue « { $name } »
cli-usage-invalid-value = valeur « { $value } » invalide pour « { $arg } »
cli-usage-invalid-value-because = valeur « { $value } » invalide pour « { $arg } » : { $reason }
cli-usage-value-missing = « { $arg } » demande une valeur, mais aucune n'a été donnée
cli-usage-not-a-number = ce n'est pas un nombre entier
cli-usage-missing-arguments = ces arguments obligatoires manquent :
cli-usage-missing-subcommand = « { $name } » demande une sous-commande, mais aucune n'a été donnée
cli-usage-subcommands = {"["}sous-commandes : { $names }]
cli-usage-conflict = l'argument « { $arg } » ne peut pas être utilisé avec « { $other } »
cli-usage-conflict-several = l'argument « { $arg } » ne peut pas être utilisé avec :
cli-usage-conflict-any = l'argument « { $arg } » ne peut pas être utilisé avec un des autres arguments donnés
cli-usage-repeated = l'argument « { $arg } » ne peut être donné qu'une fois
cli-usage-too-many-values = valeur « { $value } » inattendue pour « { $arg } » : aucune autre n'était attendue
cli-usage-wrong-number-of-values = « { $arg } » demande { $expected } valeurs, { $actual } ont été données
cli-usage-not-utf8 = un argument n'est pas du texte valide (UTF-8)
cli-usage-invalid = les arguments ne sont pas valides
cli-usage-similar-argument = astuce : un argument proche existe : { $names }
cli-usage-similar-subcommand = astuce : une sous-commande proche existe : { $names }
cli-usage-similar-value = astuce : une valeur proche existe : { $names }
cli-usage-quoted = « { $text } »
cli-usage-more = Pour en savoir plus, essayez « { $help } ».
cli-usage-options-placeholder = {"["}OPTIONS]
cli-usage-command-placeholder = COMMANDE
cli-help-possible-values = {"["}valeurs possibles : { $values }]
cli-help-default = {"["}par défaut : { $value }]
cli-man-name = NOM
cli-man-synopsis = SYNOPSIS
cli-man-description = DESCRIPTION
cli-man-extra = COMPLÉMENTS
cli-man-version = VERSION
cli-man-manual = Manuel de TOTP burner
cli-arg-from-one = il faut un nombre entier à partir de 1
cli-value-file = FICHIER
cli-value-seconds = SECONDES
cli-value-camera = CAMÉRA
cli-value-algorithm = ALGORITHME
cli-value-serial = NUMÉRO
cli-value-card = CARTE
cli-value-name = NOM
cli-value-text = TEXTE
cli-usage-tip-remove-dashes = astuce : la sous-commande « { $name } » existe ; pour l'utiliser, retirez le « -- » qui la précède

## h-stored
gui-result-verified-only = Le jeton affiche le bon code.

# Deutsch. Vollständig: jede Nachricht aus locales/en/totp-burner.ftl.
# Anrede: Sie. Befehlszeilen-Optionen (--reader, --secret ...) bleiben unübersetzt.
#
# Glossar (dasselbe Wort für dieselbe Sache):
#   token        Token (der Token; Hardware-Token)
#   reader       Lesegerät
#   secret       Geheimschlüssel (das Geheimnis eines Kontos)
#   burn         brennen (einen Geheimschlüssel in den Token schreiben)
#   records      Protokoll (das Expertenprotokoll heißt immer ganz so)
#   station      Brennstation (nicht „Ausgabe…“: Ausgabe ist die Übergabe an Benutzer)
#   batch        Durchlauf
#   time sync    Zeitabgleich
#   QR code      QR-Code
#   sign-in page Anmeldeseite

i18n-self-test = Nachrichtenkatalog geladen ({ $name }).
explanation-next = Weiter: { $next }
list-none = keine

## Brennschritte: Wendungen nach „beim“

step-identify = Lesen des Tokens
step-authenticate = Entsperren des Tokens
step-write-config = Schreiben von Uhrzeit und Optionen
step-write-seed = Schreiben des Geheimschlüssels
step-verify = Berechnen des Prüfcodes

## Warum ein Text kein brauchbarer Geheimschlüssel ist

secret-scan-right-qr = Wählen Sie auf der Anmeldeseite „Ich möchte eine andere Authentifizierungs-App verwenden“ (oder „Scannen nicht möglich?“) und scannen Sie den angezeigten otpauth-QR-Code, oder fügen Sie den Geheimschlüssel ein.
secret-empty-input = Es wurde nichts eingegeben oder gescannt.
secret-empty-input-next = Scannen Sie den QR-Code vom Bildschirm, oder fügen Sie den Geheimschlüssel (Base32) oder den otpauth://-Link ein.
secret-token-serial = Das ist die Seriennummer { $serial }, die auf einem Token { $model } aufgedruckt ist, kein Geheimschlüssel.
secret-token-serial-next = Scannen Sie den QR-Code der Anmeldeseite (den Geheimschlüssel des Kontos), nicht den Barcode auf dem Token.
secret-phone-factor = Dieser QR-Code registriert die Microsoft-Authenticator-App für Push-Benachrichtigungen; ein Hardware-Token kann ihn nicht verwenden.
secret-fido = Dieser QR-Code dient der Anmeldung mit einem Passkey (FIDO) auf einem Telefon, er ist kein Geheimschlüssel für Einmalcodes.
secret-fido-next = Schließen Sie die Passkey-Abfrage und fügen Sie stattdessen die Methode „Authentifizierungs-App“ hinzu; scannen Sie den dort angezeigten otpauth-QR-Code.
secret-hotp = Dieser Geheimschlüssel ist für zählerbasierte Codes (HOTP); diese Token erzeugen nur zeitbasierte Codes (TOTP).
secret-hotp-next = Fordern Sie beim Dienst einen zeitbasierten (TOTP) Authentifikator an und scannen Sie diesen QR-Code.
secret-web-link = Dieser QR-Code ist ein Link auf eine Webseite ({ $host }), kein Geheimschlüssel.
secret-web-link-no-host = Dieser QR-Code ist ein Link auf eine Webseite (ohne Host), kein Geheimschlüssel.
secret-web-link-next = Öffnen Sie den Link im Browser, falls Sie die Seite brauchen, und scannen Sie dann den dort angezeigten QR-Code mit dem Geheimschlüssel. { secret-scan-right-qr }
secret-other-uri = Das ist ein „{ $scheme }:“-Code, kein Geheimschlüssel für einen Authentifikator.
secret-other-uri-next = Scannen Sie den QR-Code, der mit otpauth://totp beginnt; er wird beim Hinzufügen einer Authentifizierungs-App angezeigt.
secret-one-time-code = Das ist eine { $digits }-stellige Zahl, wahrscheinlich ein Einmalcode, nicht der Geheimschlüssel, aus dem er berechnet wird.
secret-plain-number = Das ist eine einfache { $digits }-stellige Zahl, kein Geheimschlüssel.
secret-plain-number-next = Scannen Sie den QR-Code, oder geben Sie den Geheimschlüssel (Buchstaben A-Z und Ziffern 2-7) ein, der unter „Scannen nicht möglich?“ steht.
secret-backup-file = Das sieht nach dem Inhalt einer Sicherungsdatei einer Authentifizierungs-App aus, nicht nach einem einzelnen Geheimschlüssel.
secret-backup-file-next = Exportieren Sie das einzelne Konto in der App als QR-Code (oder als otpauth://-Link) und scannen oder fügen Sie diesen ein.
secret-malformed-uri = Dieser otpauth-Link ist beschädigt: { $detail }.
secret-malformed-uri-next = Scannen Sie den QR-Code erneut, oder fügen Sie nur den Geheimschlüssel ein.
secret-missing = Dieser otpauth-Link enthält keinen Geheimschlüssel.
secret-missing-next = Scannen Sie den QR-Code erneut; scheitert es weiter, wählen Sie auf der Anmeldeseite „Scannen nicht möglich?“ und fügen Sie den Geheimschlüssel ein.
secret-invalid-base32 = Das ist kein gültiger Geheimschlüssel: Base32-Schlüssel bestehen nur aus den Buchstaben A-Z und den Ziffern 2-7.
secret-invalid-base32-next = Achten Sie auf ähnliche Zeichen (0 ist O, 1 ist I oder L, 8 ist B) und geben Sie den Schlüssel erneut ein, oder scannen Sie stattdessen den QR-Code.
secret-truncated-base32 = Diesem Geheimschlüssel fehlt ein Zeichen, oder er hat eines zu viel.
secret-truncated-base32-next = Vergleichen Sie ihn Zeichen für Zeichen mit dem Schlüssel auf dem Bildschirm, oder scannen Sie stattdessen den QR-Code.
secret-invalid-hex = Das ist kein gültiges Hex: es braucht Paare aus den Ziffern 0-9 und den Buchstaben a-f.
secret-invalid-hex-next = Kopieren Sie den Hex-Schlüssel erneut vollständig, oder verwenden Sie den Base32-Schlüssel oder den QR-Code.
secret-empty = Der Geheimschlüssel ist leer.
secret-empty-next = Scannen Sie den QR-Code erneut oder fügen Sie den vollständigen Geheimschlüssel ein.
secret-too-long = Dieser Geheimschlüssel ist { $bytes } Byte lang; diese Token fassen höchstens 63 Byte.
secret-too-long-next = Fordern Sie beim Dienst einen üblichen TOTP-Geheimschlüssel (20 oder 32 Byte) an, oder prüfen Sie, dass Sie nur den Schlüssel eingefügt haben.
secret-unsupported-digits = Dieses Konto verlangt { $digits }-stellige Codes; diese Token zeigen immer 6 Stellen.
secret-unsupported-digits-next = Stellen Sie das Konto beim Dienst auf 6-stellige Codes (die übliche Einstellung) und scannen Sie den neuen QR-Code.
secret-unsupported-period = Dieses Konto wechselt den Code alle { $seconds } Sekunden; diese Token unterstützen 30 oder 60 Sekunden.
secret-unsupported-period-next = Stellen Sie das Konto beim Dienst auf einen Zeitschritt von 30 Sekunden und scannen Sie den neuen QR-Code.
secret-unsupported-algorithm = Dieses Konto verwendet { $name }; diese Token unterstützen nur SHA-1 und SHA-256.
secret-unsupported-algorithm-next = Stellen Sie das Konto beim Dienst auf SHA-1 (die übliche Einstellung) und scannen Sie den neuen QR-Code.
secret-malformed-migration = Dieser Export-Code einer Authentifizierungs-App ist beschädigt: { $detail }.
secret-malformed-migration-next = Exportieren Sie das Konto erneut aus der Authentifizierungs-App und scannen Sie den neuen QR-Code.
secret-empty-migration = Dieser Export einer Authentifizierungs-App enthält keine Konten.
secret-empty-migration-next = Wählen Sie in der Authentifizierungs-App das zu übertragende Konto, exportieren Sie es und scannen Sie diesen QR-Code.
secret-unrecognised = Das wird nicht als Geheimschlüssel eines Authentifikators erkannt.
secret-unrecognised-next = Scannen Sie den otpauth-QR-Code der Anmeldeseite, oder fügen Sie den dort angezeigten Geheimschlüssel (Base32) ein.
warning-short-secret = Dieser Geheimschlüssel hat nur { $bytes } Byte; RFC 4226 verlangt mindestens 16. Er funktioniert, aber prüfen Sie, ob der ganze Schlüssel erfasst wurde.

## Konten eines Exports (nie der Schlüssel)

account-line = { $who }: { $kind }, { $digits }, { $state }
account-unnamed = ohne Namen
account-totp-unstated = TOTP (nicht angegeben)
account-digits = { $digits } Stellen
account-digits-unknown = Stellenzahl unbekannt
account-usable = kann gebrannt werden
account-unusable = kann nicht gebrannt werden: { $problem }

## Erfassen: Dateien, Bildschirm, Zwischenablage, Kamera

capture-file-unreadable = { $path } konnte nicht geöffnet werden ({ $detail }).
capture-file-unreadable-next = Prüfen Sie den Dateinamen und Ihre Leserechte, oder machen Sie ein neues Bildschirmfoto des QR-Codes.
capture-not-an-image = { $path } ist kein PNG-, JPEG-, BMP- oder WebP-Bild, oder es ist beschädigt.
capture-not-an-image-next = Speichern Sie den QR-Code als PNG-Bildschirmfoto und öffnen Sie dieses.
capture-too-large = Das Bild ist zu groß zum Durchsuchen ({ $width } x { $height } Pixel).
capture-too-large-next = Schneiden Sie es auf den Bereich um den QR-Code zu, oder machen Sie ein Bildschirmfoto nur dieses Fensters.
capture-screen-unavailable = Der Bildschirm konnte nicht aufgenommen werden ({ $detail }).
capture-screen-unavailable-next = Machen Sie selbst ein Bildschirmfoto und verwenden Sie „Bild öffnen“ oder „Einfügen“, oder geben Sie den Geheimschlüssel ein.
capture-wayland = Dieser Desktop (Wayland) hat die Bildschirmaufnahme nicht erlaubt (kein Screenshot-Portal, oder es hat abgelehnt).
capture-wayland-next = Machen Sie ein Bildschirmfoto (Druck-Taste) und fügen Sie es ein, oder melden Sie sich mit einer X11-Sitzung an.
capture-clipboard = Nichts Brauchbares in der Zwischenablage ({ $detail }).
capture-clipboard-next = Kopieren Sie zuerst das Bild des QR-Codes oder den Geheimschlüssel, dann fügen Sie erneut ein.
capture-no-camera = Es wurde keine Kamera gefunden.
capture-no-camera-next = Schließen Sie eine Webcam an, oder scannen Sie den QR-Code vom Bildschirm oder aus einer Bilddatei.
capture-camera-busy = Die Kamera wird von einem anderen Programm verwendet.
capture-camera-busy-next = Beenden Sie Videoanrufe oder andere Kamera-Programme und versuchen Sie es erneut.
capture-camera-denied = Dieses Programm darf die Kamera nicht verwenden.
capture-camera-denied-next = Erlauben Sie den Kamerazugriff in den Datenschutz-Einstellungen des Systems (Linux: Benutzer zur Gruppe „video“ hinzufügen) und versuchen Sie es erneut.
capture-camera = Die Kamera ist ausgefallen ({ $detail }).
capture-camera-next = Ziehen Sie die Kamera ab und stecken Sie sie wieder an, oder scannen Sie den QR-Code stattdessen vom Bildschirm.
capture-no-webcam-support = Dieser Build unterstützt keine Webcam.
capture-no-webcam-support-next = Scannen Sie den QR-Code stattdessen vom Bildschirm oder aus einer Bilddatei.
capture-screen-yourself = Machen Sie selbst ein Bildschirmfoto (Druck-Taste) und fügen Sie es ein oder verwenden Sie „Bild öffnen“; oder geben Sie den Geheimschlüssel ein.
capture-blank-screen = Der Bildschirm kam über { $backend } schwarz zurück: der Desktop hat die anderen Fenster verborgen, oder der Bildschirm ist gesperrt oder aus.
capture-portal-timeout = Der Screenshot-Dienst des Desktops hat nicht innerhalb von { $seconds ->
        [one] { $seconds } Sekunde
       *[other] { $seconds } Sekunden
    } geantwortet.
capture-portal-timeout-next = Fragt der Desktop, ob dieses Programm Bildschirmfotos machen darf, erlauben Sie es und scannen Sie erneut. Sonst machen Sie selbst ein Bildschirmfoto (Druck-Taste) und fügen Sie es ein.
capture-screen-timeout = Die Bildschirmaufnahme über { $backend } wurde nicht innerhalb von { $seconds } Sekunden fertig.
capture-also-tried = { $problem } (Ebenfalls versucht: { $others }.)
capture-screen-failed = Der Bildschirm konnte nicht aufgenommen werden.
capture-panicked = { $during } wurde mit einem internen Fehler beendet.
capture-panicked-next = Versuchen Sie es erneut. Passiert es wieder, machen Sie ein Bildschirmfoto und verwenden Sie „Bild öffnen“, oder geben Sie den Geheimschlüssel ein.
capture-screen-captured = Bildschirm aufgenommen über { $backend }.
capture-screen-captured-passing-over = Bildschirm aufgenommen über { $backend } (übergangen: { $others }).

## Lesegeräte und die Verbindung zum Token

transport-token-removed = Der Token hat das Lesegerät verlassen oder sich ausgeschaltet.
transport-token-removed-during = Der Token hat das Lesegerät verlassen oder sich ausgeschaltet (beim { $step }).
transport-token-removed-next = Drücken Sie die Taste des Tokens, um ihn zu wecken, legen Sie ihn flach auf das Lesegerät und lassen Sie ihn dort, bis das Brennen fertig ist; dann versuchen Sie es erneut.
transport-no-token = Auf dem Lesegerät liegt kein Token (oder er ist ausgeschaltet).
transport-no-token-next = Schalten Sie den Token ein und legen Sie ihn auf das Lesegerät: drücken Sie seine Taste, bis die Anzeige leuchtet, und legen Sie ihn flach auf das Lesegerät.
transport-no-reader = Es ist kein Smartcard-Lesegerät angeschlossen.
transport-no-reader-next = Schließen Sie das USB-NFC-Lesegerät an, warten Sie, bis seine Leuchte angeht, und versuchen Sie es erneut.
transport-reader-removed = Das Lesegerät wurde abgezogen.
transport-reader-removed-during = Das Lesegerät wurde abgezogen (beim { $step }).
transport-reader-removed-next = Stecken Sie das Lesegerät wieder an und versuchen Sie es erneut.
transport-reader-busy = Ein anderes Programm verwendet das Lesegerät.
transport-reader-busy-next = Beenden Sie andere Smartcard-Programme (auch das Brennprogramm des Herstellers) und versuchen Sie es erneut.
transport-service-unavailable = Der Smartcard-Dienst läuft nicht.
transport-service-unavailable-next = Unter Linux starten Sie ihn mit „sudo systemctl start pcscd“; unter Windows starten Sie den Dienst „Smartcard“ (services.msc). Dann versuchen Sie es erneut. (Wine hat keinen Smartcard-Dienst: verwenden Sie das Programm unter Windows selbst.)
transport-timeout = Der Token antwortet nicht mehr.
transport-timeout-during = Der Token antwortet nicht mehr (beim { $step }).
transport-timeout-next = Lassen Sie den Token eingeschaltet und flach auf dem Lesegerät liegen und versuchen Sie es erneut.
transport-unavailable = { $what } ist nicht verfügbar.
transport-unavailable-next = Prüfen Sie das Lesegerät und den Smartcard-Dienst, oder verwenden Sie --emulator, um das Programm ohne Hardware auszuprobieren.
transport-unknown-reader = Kein Lesegerät passt zu „{ $wanted }“. Lesegeräte: { $readers }.
transport-unknown-reader-next = Geben Sie bei --reader den genauen Namen oder einen eindeutigen Teil davon an (siehe `totp-burner readers`).
transport-ambiguous-reader = „{ $wanted }“ passt zu mehreren Lesegeräten: { $readers }.
transport-ambiguous-reader-next = Geben Sie bei --reader einen längeren Teil des Namens (oder den genauen Namen) an.
transport-several-tokens = Auf mehreren Lesegeräten liegen Token: { $readers }.
transport-several-tokens-next = Nehmen Sie die Token weg, die Sie nicht brennen, oder wählen Sie das Lesegerät mit --reader NAME.
transport-other = Die Verbindung zum Lesegerät ist fehlgeschlagen ({ $detail }).
transport-other-during = Die Verbindung zum Lesegerät ist fehlgeschlagen ({ $detail }, beim { $step }).
transport-other-next = Nehmen Sie den Token ab, legen Sie ihn wieder auf das Lesegerät und versuchen Sie es erneut; hält der Fehler an, ziehen Sie das Lesegerät ab und stecken Sie es wieder an.

## Was der Token geantwortet hat

protocol-not-a-token = Die Karte auf dem Lesegerät antwortet nicht wie ein programmierbarer Token (Status { $status } auf „get info“). Es wurde nichts auf sie geschrieben.
protocol-rejected = Der Token hat den Befehl abgelehnt (beim { $step }, Status { $status }).
protocol-rejected-next = Schalten Sie den Token aus und wieder ein und versuchen Sie es erneut; wiederholt es sich, wird das Token-Modell möglicherweise nicht unterstützt.
protocol-nonsense = Der Token hat eine unsinnige Antwort gegeben (beim { $step }).
protocol-nonsense-next = Legen Sie den Token flach auf das Lesegerät und versuchen Sie es erneut; wiederholt es sich, ist es kein unterstützter Token.
protocol-seed-length = Der Geheimschlüssel hat { $bytes } Byte; der Token nimmt 1 bis 63 Byte.
protocol-seed-length-next = Verwenden Sie einen üblichen TOTP-Geheimschlüssel (20 oder 32 Byte).
protocol-auth-failed = Der Token hat den Entsperrschlüssel abgelehnt (beim { $step }). Es wurde nichts wiederholt: wiederholte fehlgeschlagene Entsperrversuche können einen Token sperren.
protocol-auth-failed-token = Der Token (Seriennummer { $serial }, { $model }) hat den Entsperrschlüssel abgelehnt (beim { $step }). Es wurde nichts wiederholt: wiederholte fehlgeschlagene Entsperrversuche können einen Token sperren.
protocol-auth-failed-next = Prüfen Sie vor einem weiteren Versuch: der Modellname auf dem Token endet auf „-i“ (nur diese sind programmierbar), die vom Token gelesene Seriennummer stimmt mit der aufgedruckten überein und beginnt mit einem bekannten Token2-Präfix (8659...), und keine andere Karte liegt auf dem Lesegerät. Stimmt all das, wenden Sie sich mit der Seriennummer an den Token2-Support, statt das Brennen zu wiederholen.

## Karten, die keine programmierbaren Token sind

card-not-a-token-next = Legen Sie einen programmierbaren Token2-Token (sein Modellname endet auf „-i“) eingeschaltet (Taste drücken) auf das Lesegerät, ohne andere Karte oder anderen Schlüssel in der Nähe.
card-fido = Das ist ein FIDO-Sicherheitsschlüssel, kein programmierbarer Token. Es wurde nichts auf ihn geschrieben.
card-fido-next = Nehmen Sie den Sicherheitsschlüssel vom Lesegerät (er meldet sich mit Passkeys an und kann keinen TOTP-Geheimschlüssel aufnehmen). { card-not-a-token-next }
card-yubikey = Das ist ein YubiKey (ein Sicherheitsschlüssel mit OATH-Authenticator-Applet), kein programmierbarer Token. Es wurde nichts auf ihn geschrieben.
card-yubikey-next = Nehmen Sie den YubiKey vom Lesegerät (für TOTP-Geheimschlüssel auf einem YubiKey verwenden Sie stattdessen Yubico Authenticator). { card-not-a-token-next }
card-piv = Das ist eine PIV-Smartcard (oder das PIV-Applet eines Sicherheitsschlüssels), kein programmierbarer Token. Es wurde nichts auf sie geschrieben.
card-piv-next = Nehmen Sie die Karte vom Lesegerät (sie enthält Zertifikate und kann nicht gebrannt werden). { card-not-a-token-next }
card-payment = Das ist eine Bankkarte (Zahlungskarte), kein programmierbarer Token. Es wurde nichts auf sie geschrieben.
card-payment-next = Nehmen Sie die Bankkarte (oder die Geldbörse, in der sie steckt) vom Lesegerät (sie wurde nur gefragt, was sie ist). { card-not-a-token-next }

## Was ein Fehler auf dem Token hinterlassen hat

state-untouched = Es wurde nichts geschrieben; der Token ist unverändert.
state-config-maybe-blank = Uhrzeit und Optionen wurden vielleicht geschrieben; falls ja, hat dieses Modell seinen bisherigen Geheimschlüssel gelöscht und der Token ist leer: brennen Sie ihn erneut.
state-config-maybe-kept = Uhrzeit und Optionen wurden vielleicht geschrieben; falls ja, liegt der alte Geheimschlüssel noch auf dem Token, läuft aber mit den neuen Optionen: brennen Sie ihn erneut.
state-config-maybe-unknown = Uhrzeit und Optionen wurden vielleicht geschrieben; falls ja, wurde der bisherige Geheimschlüssel womöglich gelöscht: brennen Sie ihn erneut.
state-config-blank = Uhrzeit und Optionen geschrieben, Geheimschlüssel nicht geschrieben: dieses Modell hat seinen bisherigen Geheimschlüssel gelöscht, der Token ist leer: brennen Sie ihn erneut.
state-config-kept = Uhrzeit und Optionen geschrieben, Geheimschlüssel nicht geschrieben: der alte Geheimschlüssel liegt noch auf dem Token, läuft aber mit den neuen Optionen: brennen Sie ihn erneut.
state-config-unknown = Uhrzeit und Optionen geschrieben, Geheimschlüssel nicht geschrieben: der bisherige Geheimschlüssel wurde womöglich gelöscht: brennen Sie ihn erneut.
state-seed-maybe-blank = Uhrzeit und Optionen geschrieben; der neue Geheimschlüssel wurde vielleicht geschrieben. Der Token enthält entweder den neuen Geheimschlüssel oder keinen: brennen Sie ihn sicherheitshalber erneut.
state-seed-maybe-kept = Uhrzeit und Optionen geschrieben; der neue Geheimschlüssel wurde vielleicht geschrieben. Der Token enthält entweder den neuen oder den alten Geheimschlüssel: brennen Sie ihn sicherheitshalber erneut.
state-seed-maybe-unknown = Uhrzeit und Optionen geschrieben; der neue Geheimschlüssel wurde vielleicht geschrieben. Brennen Sie ihn sicherheitshalber erneut.

## Brennen und Zeitabgleich

burn-unknown-model = Die Seriennummer { $serial } des Tokens gehört zu keinem bekannten programmierbaren Modell.
burn-unknown-model-next = Prüfen Sie, ob es ein programmierbares Token2-Modell mit „-i“ ist; um ihn trotzdem zu brennen, verwenden Sie --allow-unknown-model.
burn-erase-not-confirmed = Bei diesem Modell ({ $model }) löscht das Stellen der Uhr den Geheimschlüssel des Tokens.
burn-erase-not-confirmed-next = Brennen Sie stattdessen den Token (das stellt auch die Uhr), oder bestätigen Sie mit --erase-secret-ok und brennen Sie danach einen Geheimschlüssel.
burn-stopped = Der Vorgang wurde angehalten, bevor etwas geschrieben wurde.
burn-stopped-next = Der Token ist unverändert; legen Sie ihn wieder auf das Lesegerät.
clock-in-step = synchron
clock-behind = { $seconds } s nach
clock-ahead = { $seconds } s vor

## Geheimschlüssel auf der Befehlszeile

cli-secret-on-command-line = ein mit --secret TEXT übergebener Geheimschlüssel ist für andere Benutzer in der Prozessliste sichtbar und bleibt im Shell-Verlauf; leiten Sie ihn mit --secret - ein (z. B. printf %s "$KEY" | totp-burner burn --secret -) oder nennen Sie eine Umgebungsvariable mit --secret-env VAR.
cli-secret-env-not-text = Die Umgebungsvariable { $var } enthält keinen Text.
cli-secret-env-not-text-next = Legen Sie den Geheimschlüssel oder otpauth://-Link als reinen Text darin ab, oder leiten Sie ihn mit --secret - ein.
cli-secret-env-unset = Die Umgebungsvariable { $var } ist nicht gesetzt.
cli-secret-env-unset-next = Setzen Sie sie zuerst (z. B. read -rs { $var } && export { $var }), oder leiten Sie den Geheimschlüssel mit --secret - ein.

## Die PC-Uhr im Vergleich mit Zeitservern

pc-clock-in-step = synchron mit { $server }
pc-clock-behind = { $seconds } s hinter { $server }
pc-clock-ahead = { $seconds } s vor { $server }
pc-clock-no-servers = es sind keine Zeitserver eingestellt ({ $var } ist leer)
pc-clock-timeout = kein Zeitserver hat innerhalb von { $seconds } s geantwortet
pc-clock-dns-failure = der Zeitserver { $server } wurde nicht gefunden
pc-clock-unreachable = der Zeitserver { $server } war nicht erreichbar ({ $detail })
pc-clock-bad-answer = der Zeitserver { $server } hat eine unbrauchbare Antwort gegeben ({ $detail })
pc-clock-off = Die Uhr dieses PCs geht { $offset } (erlaubt sind höchstens { $limit } s); jeder damit gestellte Token ginge { $seconds } s falsch. Es wurde nichts geschrieben; der Token ist unverändert.
pc-clock-off-next = Stellen Sie die Uhr dieses PCs richtig und versuchen Sie es erneut. Windows: Einstellungen > Zeit und Sprache > Datum und Uhrzeit, „Uhrzeit automatisch festlegen“ einschalten und „Jetzt synchronisieren“ klicken (oder „w32tm /resync“ als Administrator ausführen). Linux: „sudo timedatectl set-ntp true“ ausführen und prüfen, dass „timedatectl status“ „System clock synchronized: yes“ meldet (mit chrony: „sudo chronyc makestep“). Sind Sie sicher, dass dieser PC richtig geht und der Zeitserver falsch, schreiben Sie die Zeit trotzdem mit --trust-pc-clock (das wird protokolliert).
pc-clock-check-too-far = { $offset }: mehr als die erlaubten { $limit } s, daher verweigern Brennen und Zeitabgleich das Schreiben; stellen Sie die Uhr dieses PCs richtig
pc-clock-check-unverified = nicht geprüft: { $reason }
pc-clock-verdict-verified = PC-Uhr geprüft: { $offset }.
pc-clock-verdict-unverified = PC-Uhr nicht geprüft: { $reason }; der Token hat die Zeit dieses PCs ungeprüft erhalten.
pc-clock-verdict-overridden = PC-Uhr { $offset }, auf Wunsch des Bedieners trotzdem geschrieben: die Codes des Tokens können abweichen.

## Protokoll: gespeicherte Fehlercodes und Token-Zustände

code-reader-error = Die Verbindung zum Lesegerät ist fehlgeschlagen.
code-auth-failed = Der Token hat den Entsperrschlüssel abgelehnt.
code-auth-failed-next = Prüfen Sie, ob es ein programmierbares „-i“-Modell ist und die Seriennummer übereinstimmt; wiederholte Fehlversuche können einen Token sperren.
code-token-refused = Der Token hat einen Befehl abgelehnt.
code-token-refused-next = Schalten Sie den Token aus und wieder ein und versuchen Sie es erneut; wiederholt es sich, wird das Modell möglicherweise nicht unterstützt.
code-bad-answer = Der Token hat eine unsinnige Antwort gegeben.
code-seed-length = Die Länge des Geheimschlüssels passt nicht zum Token (1 bis 63 Byte).
code-unknown-model = Die Seriennummer des Tokens gehört zu keinem bekannten programmierbaren Modell.
code-unknown-model-next = Prüfen Sie, ob es ein programmierbares Token2-Modell mit „-i“ ist.
code-erase-not-confirmed = Bei diesem Modell löscht das Stellen der Uhr den Geheimschlüssel, und das wurde nicht bestätigt.
code-erase-not-confirmed-next = Brennen Sie stattdessen den Token (das stellt auch die Uhr).
code-stopped = Angehalten, bevor etwas geschrieben wurde.
code-wrong-card = Die Karte auf dem Lesegerät ist kein programmierbarer Token; es wurde nichts auf sie geschrieben.
code-wrong-card-next = Nehmen Sie sie ab und legen Sie den programmierbaren Token auf das Lesegerät.
stored-state-untouched = nichts geschrieben
stored-state-config-maybe-written = Uhrzeit und Optionen wurden vielleicht geschrieben: der Token ist möglicherweise leer
stored-state-config-written = Uhrzeit und Optionen geschrieben, Geheimschlüssel nicht: der Token ist möglicherweise leer
stored-state-seed-maybe-written = der Geheimschlüssel wurde vielleicht geschrieben
record-interrupted = unterbrochen: der Token ist möglicherweise leer; legen Sie ihn wieder auf
record-interrupted-followed = unterbrochen (ein späterer Vorgang auf diesem Token folgt)
record-ok = ok
record-ok-matched = ok · der Code des Tokens wurde geprüft und stimmt
record-ok-mismatched = ok, aber der Code des Tokens stimmte nicht: er enthält diesen Geheimschlüssel möglicherweise nicht
record-ok-skipped = ok · die Code-Prüfung wurde übersprungen: am Token nicht bestätigt
record-unknown-cause = Ursache unbekannt
record-failed = fehlgeschlagen: { $problem }
record-failed-touched = fehlgeschlagen: { $problem } ({ $state }; legen Sie ihn wieder auf)
interrupted-count =
    { $count ->
        [one] { $count } Vorgang wurde unterbrochen: legen Sie diesen Token auf das Lesegerät einer Station, um ihn abzuschließen.
       *[other] { $count } Vorgänge wurden unterbrochen: legen Sie diese Token auf das Lesegerät einer Station, um sie abzuschließen.
    }

## Ablehnungen vor jedem Schreiben

refusal-burned-before = Token { $serial } wurde bereits am { $when } gebrannt; sein Geheimschlüssel ist womöglich schon für einen Benutzer registriert.
refusal-burned-before-batch = Token { $serial } wurde bereits am { $when } im Durchlauf { $batch } gebrannt; sein Geheimschlüssel ist womöglich schon für einen Benutzer registriert.
refusal-burned-before-next = Legen Sie den nächsten Token auf das Lesegerät; um den Geheimschlüssel dieses Tokens absichtlich zu ersetzen, wählen Sie „Mit neuem Geheimschlüssel erneut brennen“ (Befehlszeile: --reburn).
refusal-not-recorded = Das Protokoll konnte nicht geschrieben werden ({ $error }), daher wurde nichts auf den Token geschrieben.
refusal-not-recorded-next = Prüfen Sie, ob die Festplatte Platz hat und die Protokolldatei beschreibbar ist, und versuchen Sie es erneut.
refusal-not-sealed = Der Geheimschlüssel konnte nicht verschlüsselt aufbewahrt werden ({ $error }), daher wurde nichts auf den Token geschrieben.
refusal-not-sealed-next = Beginnen Sie erneut mit der Passphrase dieser Protokolldatei.
refusal-other-token = Auf dem Lesegerät liegt jetzt ein anderer Token ({ $found }); es wurde nichts geschrieben.
refusal-other-token-next = Legen Sie immer nur einen Token auf das Lesegerät.
refusal-not-in-stock = Token { $serial } steht nicht auf der Liste der bekannten Seriennummern dieser Organisation; nichts wurde geschrieben.
refusal-not-in-stock-next = Legen Sie ihn beiseite und sagen Sie es dem Administrator: ein fremder Token bekommt nie den Geheimschlüssel eines Benutzers. Wurde er hier gekauft, fügen Sie die Liste des Herstellers mit 'totp-burner records stock import DATEI' hinzu.
known-serial-no-list = das Protokoll hat keine Liste bekannter Seriennummern (jeder Token wird angenommen)
known-serial-listed = auf der Liste bekannter Seriennummern dieser Organisation ({ $known } gelistet)
known-serial-not-listed = NICHT auf der Liste bekannter Seriennummern dieser Organisation ({ $known } gelistet): Brennen wird abgelehnt
cli-info-known = Bekannte Seriennummern: { $words }
cli-info-known-unchecked = nicht geprüft ({ $error })
gui-token-known = Bekannte Seriennummern
outcome-spooled = Der Protokollserver konnte dieses Ergebnis nicht annehmen ({ $error }): es wird auf diesem PC aufbewahrt ({ $waiting } wartend) und vor dem nächsten Token übertragen. Bis dahin zeigen andere Stationen diesen Token als unterbrochen.
outcome-not-recorded = Warnung: das Ergebnis konnte nicht ins Protokoll geschrieben werden ({ $error }); dort erscheint dieser Vorgang als unterbrochen.
station-stopped = Die Station wurde angehalten: { $error }.
station-stopped-next = Beheben Sie die Ursache und beginnen Sie erneut; das Protokoll zeigt, was gebrannt wurde, und ein unterbrochener Token wird abgeschlossen, sobald er wieder aufgelegt wird.
resuming-same = { $serial }: sein Brennvorgang vom { $when } wurde unterbrochen (der Token ist möglicherweise leer); er wird mit demselben Geheimschlüssel abgeschlossen.
resuming-new = { $serial }: sein Brennvorgang vom { $when } wurde unterbrochen (der Token ist möglicherweise leer); er wird mit einem neuen Geheimschlüssel abgeschlossen (der alte wurde nicht aufbewahrt).
resuming-user-same = { $serial }: sein Brennvorgang vom { $when } für { $upn } wurde unterbrochen (der Token ist möglicherweise leer); er wird mit demselben Geheimschlüssel abgeschlossen.
resuming-user-new = { $serial }: sein Brennvorgang vom { $when } für { $upn } wurde unterbrochen (der Token ist möglicherweise leer); er wird mit einem neuen Geheimschlüssel abgeschlossen (der alte wurde nicht aufbewahrt).

## Exporte

export-records-next = Prüfen Sie die Protokolldatei.
export-nothing = Keine aufbewahrten Geheimschlüssel zum Exportieren.
export-nothing-next = Nur Durchläufe mit { $switch } können für Entra ID exportiert werden.
export-passphrase-next = Verwenden Sie die Passphrase, die beim Durchlauf angegeben wurde.
export-entra-sha1-next = Exportieren Sie für Entra ID nur SHA-1-Durchläufe (30 oder 60 s); brennen Sie für Entra SHA-1-Token.
export-write-next = Wählen Sie eine beschreibbare Datei.
records-exported = { $count } Protokolleinträge nach { $path } geschrieben.
entra-file-holds-secrets = Diese Datei enthält die GEHEIMSCHLÜSSEL der Token (nur für Sie lesbar): laden Sie sie in Entra ID hoch und löschen Sie sie danach.
entra-file-holds-secrets-windows = Diese Datei enthält die GEHEIMSCHLÜSSEL der Token: laden Sie sie in Entra ID hoch und löschen Sie sie danach. Unter Windows erhält sie die Berechtigungen ihres Ordners (dieses Programm schränkt sie nicht ein): speichern Sie sie in einem Ordner, den nur Sie lesen können.
export-folder-permissions = Unter Windows schränkt dieses Programm nicht ein, wer die Datei lesen kann: sie erhält die Berechtigungen ihres Ordners. Speichern Sie sie in einem Ordner, den nur Sie lesen können (zum Beispiel in Ihrem Benutzerordner).

## Lesegeräte und Modelle

reader-state-empty = kein Token
reader-state-token = Token aufgelegt
reader-state-in-use = von einem anderen Programm belegt
reader-state-mute = Token antwortet nicht
reader-state-unavailable = nicht verfügbar
time-sync-keeps-secret = Zeitabgleich behält den Geheimschlüssel
time-sync-erases-secret = Zeitabgleich löscht den Geheimschlüssel

## Befehlszeile: gemeinsame Ausgabe

cli-error = Fehler: { $problem }
cli-next = Weiter: { $next }
cli-window-failed = das Fenster konnte nicht geöffnet werden ({ $error }).
cli-window-failed-next = starten Sie es in einer Desktop-Sitzung (DISPLAY oder WAYLAND_DISPLAY gesetzt), versuchen Sie „totp-burner gui --renderer glow“, oder verwenden Sie die Befehlszeile: totp-burner --help
cli-clock-in-step = synchron mit diesem PC
cli-clock-behind = { $seconds } s hinter diesem PC
cli-clock-ahead = { $seconds } s vor diesem PC
cli-code-now = {"  "}Code jetzt:  { $code }   (noch { $seconds } s)
cli-code-neighbours = {"  "}vorheriger:  { $previous }   nächster: { $next }
cli-code-line = { $code }   (noch { $seconds } s; vorheriger { $previous }, nächster { $next })
cli-readers-none = Es ist kein Lesegerät angeschlossen. Schließen Sie das USB-NFC-Lesegerät an.

## Befehlszeile: burn und info

cli-burned = Token { $serial } ({ $model }) gebrannt.
cli-burned-account = Konto:     { $account }
cli-burned-options = Optionen:  { $options }
cli-options = { $algorithm }, Zeitschritt { $period } s, Anzeige { $display } s
cli-burned-clock = Uhr:       gestellt auf { $time } (vorher: { $was })
cli-burned-compare = Schalten Sie den Token aus und wieder ein und vergleichen Sie dann: bis dahin zeigt er seinen alten Code.
cli-info-serial = Seriennummer: { $serial }
cli-info-model = Modell:       { $model } ({ $time_sync })
cli-info-model-unknown = Modell:       unbekannt (kein bekanntes programmierbares Modell)
cli-info-token-clock = Token-Uhr:    { $time } ({ $difference })
cli-info-reader = Lesegerät:    { $reader }
cli-info-pc-clock = PC-Uhr:       { $check }
cli-warning = Warnung: { $warning }
cli-arg-period = der Token unterstützt einen Zeitschritt von 30 oder 60 Sekunden
cli-arg-display-timeout = der Token unterstützt eine Anzeigedauer von 15, 30, 60 oder 120 Sekunden

## Befehlszeile: Geheimschlüssel und ihre Optionen

cli-stdin-unreadable = Der Geheimschlüssel konnte nicht von der Standardeingabe gelesen werden.
cli-stdin-unreadable-next = Leiten Sie den Geheimschlüssel in den Befehl ein, z. B. `printf %s "$KEY" | totp-burner burn --secret -`.
cli-account-single-secret = --account wählt ein Konto aus einem Export einer Authentifizierungs-App, aber dies ist ein einzelner Geheimschlüssel.
cli-account-single-secret-next = Lassen Sie --account weg.
cli-account-missing = Der Export enthält { $count } Konten; ein Konto { $number } gibt es nicht.
cli-account-missing-next = Wählen Sie mit --account N eine der aufgeführten Nummern.
cli-export-none-usable = Keines der Konten in diesem Export kann gebrannt werden:
cli-export-none-usable-next = Exportieren Sie ein zeitbasiertes (TOTP) Konto mit 6-stelligen Codes und scannen Sie diesen QR-Code.
cli-export-several = Dieser Export einer Authentifizierungs-App enthält mehrere Konten:
cli-export-several-next = Wählen Sie das zu brennende Konto mit --account N.
cli-algorithm-conflict = Der otpauth-Link gibt { $link } an, aber --algorithm sagt { $flag }.
cli-algorithm-conflict-next = Lassen Sie --algorithm weg, um die Einstellung des Links zu verwenden; der Dienst berechnet die Codes mit der des Links.
cli-period-conflict = Der otpauth-Link gibt einen Zeitschritt von { $link } s an, aber --period sagt { $flag } s.
cli-period-conflict-next = Lassen Sie --period weg, um die Einstellung des Links zu verwenden.

## Befehlszeile: sync-time

cli-sync-token = Token { $serial } ({ $model })
cli-sync-clock = Uhr:              gestellt auf { $time } (vorher: { $was })
cli-sync-options = Optionen:         { $options }
cli-sync-secret = Geheimschlüssel: { $secret }
cli-sync-secret-erased = gelöscht: der Token ist leer, brennen Sie jetzt einen Geheimschlüssel
cli-sync-secret-kept = behalten
cli-sync-secret-unknown = unbekannt (unbekanntes Modell): brennen Sie sicherheitshalber einen Geheimschlüssel

## Befehlszeile: scan und QR-Quellen

cli-place-screen = Bildschirm { $monitor } über { $backend }
cli-place-clipboard = Zwischenablage
cli-place-clipboard-image = Bild in der Zwischenablage
cli-place-camera = Kamera { $camera }
cli-webcam-hold = Halten Sie den QR-Code vor Kamera { $camera } (höchstens { $seconds } s)...
cli-webcam-seen-not-secret = gesehen, kein Geheimschlüssel: { $problem }
cli-scan-secret = Ein Geheimschlüssel: { $bytes } Byte. Bereit zum Brennen.
cli-scan-secret-for = Ein Geheimschlüssel für { $who }: { $bytes } Byte. Bereit zum Brennen.
cli-scan-export = Ein Export einer Authentifizierungs-App mit { $count } Konten ({ $usable } können gebrannt werden): wählen Sie eines mit burn --account N.
cli-scan-shown-secret = Geheimschlüssel:
cli-scan-not-a-secret = Kein Geheimschlüssel: { $problem }
cli-scan-none = Kein QR-Code gefunden.
cli-scan-none-next = Achten Sie darauf, dass der ganze QR-Code sichtbar und nicht verdeckt ist, und scannen Sie erneut.
cli-scan-found =
    { $count ->
        [one] { $count } QR-Code gefunden:
       *[other] { $count } QR-Codes gefunden:
    }
cli-qr-none = Es wurde kein QR-Code gefunden.
cli-qr-none-next = Achten Sie darauf, dass der ganze QR-Code sichtbar und nicht verdeckt ist, und scannen Sie erneut, oder fügen Sie den Geheimschlüssel mit --secret - ein.
cli-qr-not-a-secret = Der gefundene QR-Code ist kein Geheimschlüssel: { $problem }
cli-qr-several = Es wurden { $count } verschiedene Geheimschlüssel gefunden.
cli-qr-several-next = Lassen Sie nur einen QR-Code sichtbar, oder führen Sie `totp-burner scan` aus und übergeben Sie den gewünschten mit --secret -.

## Befehlszeile: emulate (der virtuelle Token für Tests und Vorführungen)

cli-emulate-apdu-log = das APDU-Protokoll { $path } kann nicht geschrieben werden: { $error }
cli-emulate-card = emuliere eine { $card } (ATR { $atr }) auf vpcd-Port { $port }
cli-emulate-bad-serial = die Seriennummer muss 1 bis 32 druckbare Zeichen haben.
cli-emulate-unknown-model = unbekanntes Modell
cli-emulate-token = emuliere Token { $serial } ({ $model }, { $time_sync }) auf vpcd-Port { $port }
cli-emulate-display = Anzeige nach dem Aus- und Einschalten: { $code }

## Befehlszeile: batch

cli-next-short = Weiter: { $next }
cli-file-unreadable = { $path } konnte nicht gelesen werden ({ $error }).
cli-file-unreadable-next = Prüfen Sie den Dateinamen.
cli-batch-continuing = Die Zeilen { $rows } wurden bereits erledigt (zuletzt am { $last }); weiter mit Zeile { $row }.
cli-batch-all-done = Jede Zeile dieser Liste wurde bereits erledigt (zuletzt am { $last }); nichts zu brennen.
cli-batch-start-row-override = Beginn bei Zeile { $row } wie verlangt: die Zeilen { $rows } wurden bereits gebrannt und werden erneut gebrannt, die Geheimschlüssel ihrer Token werden ersetzt.
cli-batch-waiting = Als Nächstes: { $next }. Schalten Sie den Token ein und legen Sie ihn auf das Lesegerät.
cli-batch-need-secret = { $serial }: noch kein Geheimschlüssel zum Brennen.
cli-batch-burned-this-run = { $serial }: in diesem Durchlauf bereits gebrannt, nicht erneut gebrannt.
cli-batch-burned-before = { $serial }: bereits am { $when } gebrannt; nicht erneut gebrannt (sein Geheimschlüssel ist womöglich für einen Benutzer registriert). Für einen neuen Geheimschlüssel starten Sie mit --reburn.
cli-batch-burned-before-batch = { $serial }: bereits am { $when } im Durchlauf { $batch } gebrannt; nicht erneut gebrannt (sein Geheimschlüssel ist womöglich für einen Benutzer registriert). Für einen neuen Geheimschlüssel starten Sie mit --reburn.
cli-batch-done = { $serial } { $model } { $done ->
        [finished] abgeschlossen
       *[burned] gebrannt
    } · Code { $code } · { $ms } ms
cli-batch-done-user = { $serial } { $model } { $done ->
        [finished] abgeschlossen
       *[burned] gebrannt
    } für { $upn } · Code { $code } · { $ms } ms
cli-batch-stopping-after-warning = Der Durchlauf wird angehalten.
cli-batch-failed = { $serial } FEHLGESCHLAGEN: { $problem }
cli-batch-failed-token = Token FEHLGESCHLAGEN: { $problem }
cli-batch-lift = Nehmen Sie den Token vom Lesegerät.
cli-batch-bad-list = Die Benutzerliste kann nicht verwendet werden: { $error }.
cli-batch-bad-list-next = Korrigieren Sie die Liste (jeder Benutzer und jeder Geheimschlüssel darf nur einmal vorkommen) und beginnen Sie erneut.
cli-batch-keeping-secrets = Die Geheimschlüssel werden für den Entra-Export verschlüsselt in { $path } aufbewahrt.
cli-batch-vault = Die aufbewahrten Geheimschlüssel können nicht geöffnet werden: { $error }.
cli-batch-vault-next = Verwenden Sie die Passphrase der früheren Durchläufe dieser Protokolldatei (neue Dateien: mindestens 8 Zeichen).
cli-batch-stopping = Anhalten: ein Token, der gerade gebrannt wird, wird zuerst fertiggestellt.
cli-batch-readers = Lesegeräte: { $readers } (je ein Token).
cli-batch-summary = Durchlauf { $batch }: { $burned } gebrannt, { $failed } fehlgeschlagen, { $refused } als bereits gebrannt abgelehnt.
cli-batch-summary-resumed = Durchlauf { $batch }: { $burned } gebrannt (davon { $resumed } nach einer Unterbrechung abgeschlossen), { $failed } fehlgeschlagen, { $refused } als bereits gebrannt abgelehnt.
cli-batch-rows-left = Die Zeilen { $rows } sind noch nicht gebrannt: führen Sie denselben Befehl erneut aus, um fortzufahren.
cli-batch-in-doubt = Nicht abgeschlossen (der Token ist möglicherweise leer): { $serials }. Legen Sie jeden in einem Stationslauf auf ein Lesegerät, um ihn abzuschließen.

## Befehlszeile: records

cli-records-no-folder = Es wurde kein Datenordner für das Protokoll gefunden.
cli-records-no-folder-next = Nennen Sie die Protokolldatei mit --records DATEI.
cli-records-unopenable = Die Protokolldatenbank konnte nicht geöffnet werden ({ $error }).
cli-records-unopenable-next = Prüfen Sie, ob der Ordner existiert und beschreibbar ist, oder wählen Sie eine andere Datei mit --records DATEI.
cli-records-server-unopenable = Das Protokoll unter { $place } konnte nicht verwendet werden ({ $error }).
cli-records-server-unopenable-next = Prüfen Sie die Adresse, ob der Server läuft und dieser PC ihn erreicht, und das Passwort dieses Logins (seine pgpass-Datei oder PGPASSWORD); kein Token wurde beschrieben.
cli-records-address-next = Geben Sie den Server als postgresql://LOGIN@HOST/DATENBANK an; ein Server auf einem anderen Rechner braucht ?sslrootcert=STAMMZERTIFIKAT (sein TLS wird immer geprüft).
cli-records-init-exists = Das Protokoll unter { $place } ist bereits eingerichtet.
cli-records-init-exists-next = Nichts wurde geändert. Um es auf diese Version zu bringen: 'totp-burner records migrate'.
cli-records-schema = Protokoll unter { $place }: Schema-Version { $before } -> { $after }.
cli-stock-done = Bekannte Seriennummern: { $added } hinzugefügt, { $already } schon bekannt; { $total } insgesamt. Token, die nicht auf der Liste stehen, werden ab jetzt abgelehnt.
cli-stock-none = Keine Seriennummer in { $path } gefunden (eine pro Zeile, oder eine CSV mit der Seriennummer in einer Spalte aus 10 bis 20 Ziffern).
cli-stock-next = Geben Sie die Liste des Herstellers der gekauften Token an (eine Seriennummer pro Zeile, oder seine CSV).
cli-import-done = { $added } Einträge importiert ({ $already } waren schon da), { $handouts } Ausgaben; { $resealed } aufbewahrte Geheimschlüssel neu für den Schlüssel dieses Protokolls verschlüsselt.
cli-import-secrets-left-out = { $count } aufbewahrte Geheimschlüssel wurden ausgelassen (ohne --secrets, oder die Passphrase öffnete sie nicht): { $serials }
cli-import-failed = Nichts wurde importiert: { $error }
cli-import-failed-next = Prüfen Sie die Datei der Station und, mit --secrets, ihre Passphrase; dann importieren Sie erneut (nichts wird doppelt angefügt).
cli-records-fleet-key = Der Schlüssel für aufbewahrte Geheimschlüssel ist angelegt: Stationen verschlüsseln damit; nur diese Passphrase öffnet sie (Exporte, Codes, Ausgabe).
cli-station-password-prompt = Passwort für das Stations-Login { $name }:
cli-station-added = Stations-Login { $name } angelegt: es darf Protokolleinträge in eigenem Namen lesen und anfügen. Geben Sie es dieser Station als postgresql://{ $name }@HOST/DB (das Passwort in ihrer pgpass-Datei oder PGPASSWORD).
cli-station-add-next = Führen Sie es mit dem Administrator-Login des Servers aus, mit einem noch nicht vergebenen Namen.
cli-passphrase-needed = Für die aufbewahrten Geheimschlüssel wird eine Passphrase benötigt.
cli-passphrase-needed-next = Starten Sie es in einem Terminal, um danach gefragt zu werden, oder setzen Sie TOTP_BURNER_PASSPHRASE.
cli-passphrase-prompt = Passphrase für die aufbewahrten Geheimschlüssel:
cli-passphrase-again = Noch einmal:
cli-passphrases-differ = Die Passphrasen stimmen nicht überein.
cli-passphrases-differ-next = Versuchen Sie es erneut.
cli-records-none = Keine Protokolleinträge.
cli-records-batch = Durchlauf { $batch }

## gui (ux)

gui-check-question = Schalten Sie den Token aus und wieder ein und geben Sie den Code ein, den er zeigt.
gui-check-code-label = Code am Token:
gui-check-code-hint = 6 Ziffern
gui-check-button = Prüfen
gui-check-skip = Prüfung überspringen
gui-check-skip-hint = Das Brennen ist dann am Token nicht bestätigt: Zeigt er nicht die Codes dieses Geheimschlüssels, kann sich sein Benutzer nicht anmelden. Das Protokoll vermerkt die übersprungene Prüfung.
gui-check-not-a-code = Geben Sie die { $digits } Ziffern ein, die der Token zeigt.
gui-check-first = Geben Sie vor dem nächsten Token den Code des Tokens ein (oder überspringen Sie die Prüfung).
gui-check-not-recorded = Die Prüfung konnte nicht protokolliert werden: { $error }
gui-check-was-previous = (Er zeigte den vorigen Code: Seine Uhr geht einen Schritt nach, oder der Code hat gerade gewechselt.)
gui-check-was-next = (Er zeigte den nächsten Code: Seine Uhr geht einen Schritt vor.)
gui-check-skipped = Nicht geprüft: Der Token zeigt möglicherweise nicht die Codes dieses Geheimschlüssels. Das Protokoll vermerkt es.
gui-check-now = Jetzt prüfen
gui-status-skipped = Gebrannt, nicht geprüft. Nächster Token: Enter.
gui-result-burned = Gebrannt: { $model } · { $serial }
gui-result-seconds-left = noch { $seconds } s
gui-result-neighbours = vorheriger { $previous }   ·   nächster { $next }
gui-result-next = Nächster Token
gui-result-next-hint = Diesen Geheimschlüssel vergessen und zum nächsten Token (Enter oder Strg+N nach der Prüfung)
gui-result-verified = Der Token zeigt den richtigen Code. Geben Sie ihn jetzt im Dienst ein (zum Beispiel Entra).
gui-result-copy = Code kopieren
gui-result-copy-hint = Wird nach 30 s aus der Zwischenablage gelöscht
gui-result-mismatch = Der Token zeigt einen anderen Code.
gui-result-cause-options = Die Optionen weichen von denen des Dienstes ab (HMAC, Zeitschritt): prüfen und erneut brennen.
gui-result-cause-token = Ein anderer Token liegt auf dem Leser, oder dieser wurde nicht aus- und eingeschaltet.
gui-result-check-again = Code erneut eingeben
gui-token-more = Mehr
gui-token-burn-sets-clock = Brennen stellt die Uhr des Tokens bereits: dies brauchen Sie nur, um die Uhr ohne Brennen zu stellen.
gui-token-sync = Uhr stellen…
gui-burn-button = Brennen (Enter)
gui-burn-sets-clock = Brennen überträgt den Geheimschlüssel, die Optionen und die geprüfte Uhrzeit dieses PCs.
gui-burn-needs-secret = Brennen wartet auf einen brauchbaren Geheimschlüssel: siehe 1. Geheimschlüssel.
gui-burn-sets-clock-unverified = Brennen schreibt den Geheimschlüssel, die Optionen und die Uhrzeit dieses PCs (nicht mit einem Zeitserver geprüft: siehe Token-Bereich).
gui-burn-failed = Fehlgeschlagen
gui-sync-cancel = Abbrechen
gui-sync-erase = Uhr stellen und Geheimnis löschen
gui-sync-keep = Uhr stellen
gui-status-station-running = Station läuft: Legen Sie die Token nacheinander auf { $readers }; jeder wird von selbst gebrannt.
gui-status-burned = Gebrannt. Schalten Sie den Token aus und wieder ein und geben Sie den angezeigten Code ein.
gui-status-verified = Gebrannt und geprüft. Nächster Token: Enter.
gui-status-mismatch = Der Token zeigt einen anderen Code: siehe die möglichen Ursachen unten.
gui-result-cause-clock = Die Uhr des Tokens geht falsch: Erneut brennen stellt sie, dann vergleichen.
gui-result-burn-again = Erneut brennen
gui-top-demo = DEMO · virtueller Token
gui-station-stopped = Nicht gestartet
gui-station-starting = Die Aufzeichnungen werden geöffnet…
gui-station-place-next = NÄCHSTEN AUFLEGEN
gui-station-place-next-line = Als Nächstes: { $next }. Token einschalten und auf den Leser legen.
gui-station-done = FERTIG
gui-station-failed = FEHLER
gui-station-already = SCHON ERLEDIGT
gui-station-lift = Token abnehmen.
gui-station-count = In diesem Lauf gebrannt: { $burned }
gui-station-start = Station starten

## Ausgabe an Benutzer (Erklärungen und Befehlszeile)

handout-assign-command = totp-burner records assign --serial { $serial } --upn USER@DOMAIN
handout-assign-view = { $serial } in der Ansicht „Ausgabe“ ausgeben
handout-no-serial = Es wurde keine Token-Seriennummer angegeben.
handout-no-serial-next = Legen Sie den Token auf das Lesegerät oder geben Sie die Seriennummer von seiner Rückseite ein.
handout-bad-serial = „{ $serial }“ ist keine Token-Seriennummer.
handout-bad-serial-next = Geben Sie die Ziffern von der Rückseite des Tokens ein oder legen Sie ihn auf das Lesegerät.
handout-bad-upn = „{ $upn }“ ist kein Benutzerprinzipalname (UPN).
handout-bad-upn-next = Geben Sie den Anmeldenamen des Benutzers ein, z. B. alice@contoso.com (ohne Leerzeichen, Kommas oder Anführungszeichen).
handout-never-burned = Token { $serial } wurde an dieser Station nie gebrannt: Das Protokoll enthält keinen Geheimschlüssel dafür.
handout-never-burned-next = Brennen Sie ihn zuerst (Stationsansicht oder `totp-burner batch`) oder prüfen Sie Seriennummer und Protokolldatei.
handout-last-burn-failed = Token { $serial } kann nicht ausgegeben werden; letzter Brennvorgang: { $outcome }.
handout-last-burn-failed-next = Brennen Sie ihn erneut (auf das Lesegerät einer Station legen, mit „Erneut brennen“ / --reburn) und geben Sie ihn dann aus.
handout-interrupted = Token { $serial } kann nicht ausgegeben werden: Sein letzter Brennvorgang wurde unterbrochen, er ist womöglich leer.
handout-interrupted-next = Legen Sie ihn auf das Lesegerät einer Station, um das Brennen abzuschließen, und geben Sie ihn dann aus.
handout-unchecked-mismatched = Token { $serial } enthält möglicherweise nicht den Geheimschlüssel im Protokoll: Der Code, den er nach dem Brennen zeigte, stimmte nicht.
handout-unchecked-skipped = Token { $serial } wurde nicht geprüft: Die Code-Prüfung nach dem Brennen wurde übersprungen, er enthält also möglicherweise nicht den Geheimschlüssel im Protokoll.
handout-unchecked-next = Legen Sie ihn auf ein Lesegerät und prüfen Sie seinen Code (stimmt er nicht, brennen Sie ihn neu), oder geben Sie ihn trotzdem mit --accept-unchecked aus.
app-handout-unchecked-next = Brennen Sie ihn neu und prüfen Sie seinen Code, oder drücken Sie „Trotzdem ausgeben“.
export-unchecked = { $count } Token enthalten möglicherweise nicht den exportierten Geheimschlüssel: Die Code-Prüfung nach dem Brennen stimmte nicht oder wurde übersprungen ({ $serials }).
export-unchecked-next = Prüfen Sie den Code jedes Tokens (stimmt er nicht, brennen Sie ihn neu), oder exportieren Sie sie trotzdem mit --accept-unchecked.
app-export-unchecked-next = Prüfen Sie den Code jedes Tokens (stimmt er nicht, brennen Sie ihn neu), oder drücken Sie „Trotzdem exportieren“.
gui-handout-anyway = Trotzdem ausgeben
gui-export-anyway = Trotzdem exportieren
cli-help-arg-accept-unchecked = Token ausgeben oder exportieren, deren Code-Prüfung nach dem Brennen nicht stimmte oder übersprungen wurde (sie enthalten möglicherweise nicht den Geheimschlüssel im Protokoll).
handout-records = Das Protokoll konnte nicht gelesen oder geschrieben werden ({ $error }).
handout-records-next = Prüfen Sie die Protokolldatei und den Datenträger und versuchen Sie es erneut.
handout-assigned-again = Token { $serial } erneut an { $upn } ausgegeben.
handout-assigned-was = Token { $serial } an { $upn } ausgegeben (vorher bei { $previous }).
handout-assigned = Token { $serial } an { $upn } ausgegeben.
handout-assigned-not-kept = Sein Geheimschlüssel wurde nicht aufbewahrt, daher kann er nicht in den Entra-ID-Export.
handout-no-batch = kein Durchlauf
handout-one-batch = Durchlauf { $batch }
handout-many-batches = Durchläufe { $batches }
handout-entra-wrote = { $count ->
    [one] 1 Token
   *[other] { $count } Tokens
} aus { $batches } nach { $path } geschrieben.
handout-entra-nobody = Noch kein Token hat einen Benutzer: { $path } wurde nicht geschrieben (Entra ID verlangt in jeder Zeile einen UPN).
handout-entra-unassigned = { $count ->
    [one] 1 Token hat keinen Benutzer und steht nicht in der Entra-Datei; geben Sie ihn zuerst aus:
   *[other] { $count } Tokens haben keinen Benutzer und stehen nicht in der Entra-Datei; geben Sie jeden zuerst aus:
}
handout-unknown-model = unbekanntes Modell
handout-entra-unassigned-wrote = Sie wurden nach { $path } geschrieben (gleicher Aufbau mit leerem UPN; die Datei enthält ihre Geheimschlüssel).
handout-entra-unassigned-keep = Um sie für später aufzuheben, exportieren Sie erneut mit einer Datei für die Tokens ohne Benutzer.
handout-nobody-assigned = { $count ->
    [one] Der Token mit aufbewahrtem Geheimschlüssel hat noch keinen Benutzer; Entra ID verlangt in jeder Zeile einen UPN.
   *[other] Keiner der { $count } Tokens mit aufbewahrtem Geheimschlüssel hat schon einen Benutzer; Entra ID verlangt in jeder Zeile einen UPN.
}
handout-nobody-assigned-command = Geben Sie sie zuerst aus: totp-burner records assign --serial S --upn USER@DOMAIN (oder mit --unassigned DATEI für später schreiben).
handout-nobody-assigned-view = Geben Sie sie zuerst in der Ansicht „Ausgabe“ aus (oder nennen Sie eine Datei für die Tokens ohne Benutzer).
handout-receipt-step1 = Einschalten
handout-receipt-step1-words = Drücken Sie die Taste des Tokens: Er zeigt einige Sekunden lang einen 6-stelligen Code.
handout-receipt-step2 = Code vergleichen
handout-receipt-step2-words = Prüfen Sie, dass die Seriennummer auf der Rückseite des Tokens die oben genannte ist. Jeder Code gilt nur in seinem Zeitschritt: Wenn nach einem Code gefragt wird, geben Sie den ein, den der Token jetzt zeigt (für einen neuen die Taste erneut drücken).
handout-receipt-step3 = Anmelden
handout-receipt-step3-words = Wählen Sie bei der Anmeldung den Hardware-Token („Prüfcode“) und geben Sie den angezeigten Code ein. Verraten Sie niemandem einen Code und melden Sie einen verlorenen Token sofort dem Helpdesk.
handout-receipt-nobody-user = An { $upn } ist kein Token ausgegeben.
handout-receipt-nobody-batch = Kein Token des Durchlaufs { $batch } hat einen Benutzer.
handout-receipt-nobody-next = Geben Sie die Tokens zuerst aus und erstellen Sie dann die Quittung.
handout-receipt-written = Quittung für { $count ->
    [one] 1 Token
   *[other] { $count } Tokens
} nach { $path } geschrieben (je eine Seite; kein Geheimschlüssel darauf): im Browser öffnen und drucken.
cli-handout-records-unreadable = Das Protokoll konnte nicht gelesen werden ({ $error }).
cli-handout-records-unreadable-next = Prüfen Sie die Protokolldatei.
cli-handout-users-unreadable = Die Benutzerliste { $path } kann nicht gelesen werden ({ $error }).
cli-handout-users-unreadable-next = Prüfen Sie den Dateinamen oder geben Sie den Benutzer mit --upn an.
cli-handout-users-unusable = Die Benutzerliste { $path } ist nicht verwendbar: { $error }.
cli-handout-users-unusable-next = Verwenden Sie eine CSV-Datei mit einem UPN pro Zeile (oder einen Entra-Benutzerdownload).
cli-handout-user-prompt = Benutzer (Nummer, UPN oder Teil eines Namens):
cli-handout-no-pick = Es wurde kein Benutzer gewählt.
cli-handout-no-pick-next = Wählen Sie einen mit --upn (UPN, Zeilennummer oder Teil eines Namens).
cli-handout-pick-failed = { $error } in { $path }.
cli-handout-pick-failed-next = Geben Sie mehr vom UPN oder Namen ein, oder die Zeilennummer.
cli-handout-col-serial = Seriennr.
cli-handout-col-user = Benutzer
cli-handout-col-code = Code
cli-handout-col-left = noch

## gui (i18n2)

gui-language = Sprache:
gui-theme = Farbschema:
gui-theme-system = System
gui-theme-light = Hell
gui-theme-dark = Dunkel
gui-language-os = System ({ $language })
gui-keep-secrets-switch = „Geheimschlüssel aufbewahren“ (Stationsansicht)
gui-secret-heading = 1. Geheimschlüssel
gui-secret-scan = Bildschirm scannen
gui-secret-scan-hover = Strg+Umschalt+S: blendet dieses Fenster aus und liest den QR-Code auf dem Bildschirm
gui-secret-webcam = Webcam
gui-secret-webcam-stop = Webcam beenden
gui-secret-open-image = Bild öffnen…
gui-secret-paste = Einfügen
gui-secret-paste-hover = Strg+V: ein kopierter Schlüssel, Link oder QR-Bild
gui-secret-looking = Suche nach einem QR-Code…
gui-secret-hold-qr = Halten Sie den QR-Code vor die Kamera.
gui-secret-field = Geheimschlüssel, otpauth-Link oder Export:
gui-secret-field-hint = Base32-Schlüssel, Hex, otpauth://… oder ein QR-Bild hierher ziehen
gui-secret-pasted-cleared = Eingefügt: Die Zwischenablage wird geleert, damit der Geheimschlüssel dort nicht bleibt.
gui-secret-read-back = Zum Vergleich: { $key }
gui-secret-show = Geheimschlüssel zeigen
gui-secret-clear = Leeren
gui-secret-from-typed = eingetippt
gui-secret-from-pasted = eingefügt
gui-secret-from = Quelle: { $origin }
gui-secret-scan-took = Der Scan dauerte { $ms } ms.
gui-secret-no-account = kein Kontoname
gui-secret-ready = Bereit: { $who } · ein { $bits }-Bit-Schlüssel
gui-secret-also-found = Außerdem gefunden: { $problem }
gui-secret-what-to-do = Was tun: { $next }
gui-secret-export-holds = Dieser Export enthält { $count } Konten:
gui-secret-account-n = Konto { $n }
gui-secret-cannot-burn = { $name } (kann nicht gebrannt werden)
gui-secret-open-heading = Bild öffnen
gui-secret-open-path = Pfad eines PNG-, JPEG-, BMP- oder WebP-Bildes des QR-Codes (oder die Datei auf das Fenster ziehen):
gui-secret-open = Öffnen
gui-secret-cancel = Abbrechen
gui-secret-no-qr = Kein QR-Code gefunden ({ $place }).
gui-secret-no-qr-next = Achten Sie darauf, dass der ganze QR-Code sichtbar und nicht verdeckt ist, und scannen Sie erneut.
gui-secret-none-burnable = Keines der Konten in diesem Export kann gebrannt werden.
gui-secret-none-burnable-next = Exportieren Sie ein zeitbasiertes (TOTP-)Konto mit 6-stelligen Codes.
gui-secret-several = Dieser Export enthält mehrere Konten.
gui-secret-several-next = Wählen Sie das zu brennende Konto aus der Liste.
gui-log-heading = Expertenprotokoll
gui-log-copy = Expertenprotokoll kopieren
gui-log-clear = Expertenprotokoll leeren
gui-demo-token = Virtueller Token
gui-demo-power = Aus- und einschalten
gui-demo-lift = Vom Lesegerät nehmen
gui-demo-lay = Auf das Lesegerät legen
gui-demo-show-qr = Demo-QR zeigen
gui-demo-qr-hint = Das Demo-QR-Fenster spielt die Anmeldeseite: Drücken Sie „Bildschirm scannen“.
gui-demo-qr-title = Demo-Anmeldeseite — diesen QR-Code scannen
gui-demo-qr-company = Demo Company · Authenticator einrichten
gui-demo-qr-secret = Geheimschlüssel: nur im QR-Code
gui-store-label = Protokoll:
gui-store-none = kein Datenordner für die Protokolldatei
gui-store-check = Prüfen
gui-store-change = Ändern…
gui-store-checking = wird geprüft…
gui-store-ready = verbunden
gui-store-ready-waiting = verbunden; { $waiting } Ergebnisse warten auf diesem PC auf die Übertragung
gui-store-unreachable = nicht erreichbar ({ $error }); { $waiting } Ergebnisse warten auf diesem PC. Stationen warten und machen von selbst weiter.
gui-store-refused = abgelehnt: { $error }
gui-store-password-needed = Passwort nötig: unten eingeben und „Verbinden“ drücken (es bleibt nur bis zum Schließen der App)
gui-store-address = Protokollserver (oder Datei)
gui-store-password = Passwort
gui-store-password-note = Das Passwort wird nie mit den Einstellungen gespeichert: bei jedem Start eingeben oder in PGPASSWORD bzw. der pgpass-Datei angeben. Andere Server als dieser PC werden nur über geprüftes TLS erreicht (sslrootcert=…).
gui-store-connect = Verbinden
gui-store-use-file = Datei dieses PCs verwenden
gui-store-cancel = Abbrechen
gui-records-heading = Protokoll
gui-records-search = Seriennummer oder UPN suchen:
gui-records-search-hint = Teil einer Seriennummer oder eines UPN
gui-records-outcome = Ergebnis:
gui-records-batch = Durchlauf:
gui-records-all-batches = alle Durchläufe
gui-records-all-outcomes = alle Ergebnisse
gui-records-ok = ok
gui-records-failed = fehlgeschlagen
gui-records-interrupted = unterbrochen
gui-records-older = Ältere Vorgänge zeigen
gui-records-refresh = Aktualisieren
gui-records-no-match = Kein Vorgang passt zu dieser Suche.
gui-records-none = Noch keine Einträge: Brennvorgänge und Zeitabgleiche werden hier protokolliert.
gui-col-time = Zeit
gui-col-serial = Seriennummer
gui-col-model = Modell
gui-col-operation = Vorgang
gui-col-outcome = Ergebnis
gui-col-upn = UPN
gui-col-batch = Durchlauf
gui-col-reader = Lesegerät
gui-col-station = Station
gui-col-user = Benutzer
gui-col-serial-from = Seriennummer aus
gui-col-operator = Bediener
gui-col-code-now = Aktueller Code
gui-col-seconds-left = Sekunden übrig
gui-records-export = Export
gui-records-export-file = In Datei exportieren:
gui-records-export-file-hint = Pfad der zu schreibenden CSV-Datei
gui-records-export-records = Protokoll exportieren (CSV)…
gui-records-export-records-note = Alle Einträge, keine Geheimschlüssel.
gui-passphrase = Passphrase der aufbewahrten Geheimschlüssel:
gui-records-export-entra = Für Entra ID exportieren (CSV)…
gui-records-unassigned-file = Tokens ohne Benutzer in Datei (optional):
gui-records-unassigned-hint = sie fehlen in der Entra-Datei
gui-records-entra-of = Entra-ID-Export von { $batches }: die aufbewahrten Geheimschlüssel der an Benutzer ausgegebenen Tokens (SHA-1, 30 oder 60 s).
gui-records-every-batch = allen Durchläufen
gui-records-exporting = Exportiere…
gui-records-no-folder = Es wurde kein Datenordner für das Protokoll gefunden.
gui-records-no-folder-next = Starten Sie die App mit einem Datenordner (TOTP_BURNER_DATA_DIR).
gui-records-search-not-started = Die Suche konnte nicht gestartet werden.
gui-records-passphrase-needed = Der Entra-ID-Export braucht die Passphrase der aufbewahrten Geheimschlüssel.
gui-passphrase-needed-next = Geben Sie die beim Durchlauf vergebene Passphrase ein.
gui-records-no-file = Es wurde keine Zieldatei angegeben.
gui-records-no-file-next = Geben Sie unter „In Datei exportieren“ den Pfad der CSV-Datei ein.
gui-not-started = Der Vorgang konnte nicht gestartet werden.
gui-not-started-next = Versuchen Sie es erneut.
gui-records-unopenable = Das Protokoll kann nicht geöffnet werden: { $error }.
gui-records-unopenable-next = Prüfen Sie die Protokolldatei.
gui-records-unreadable = Das Protokoll kann nicht gelesen werden: { $error }.
gui-handout-heading = Ausgabe
gui-handout-intro = Geben Sie jeden gebrannten Token an seinen Benutzer aus: Die Ausgabe wird protokolliert, und der Entra-ID-Export enthält nur ausgegebene Tokens.
gui-handout-serial = Token-Seriennummer:
gui-handout-serial-hint = Token auf das Lesegerät legen oder Seriennummer eingeben
gui-handout-read-from = vom Token auf { $reader } gelesen
gui-handout-no-token = kein Token auf dem Lesegerät
gui-handout-typed = eingetippt
gui-handout-upn = Benutzer (UPN):
gui-handout-upn-hint = benutzer@domain oder Teil eines Namens aus der Liste
gui-handout-users = Benutzerliste (CSV):
gui-handout-users-hint = ein Entra-Benutzerdownload oder ein UPN pro Zeile
gui-handout-load = Liste laden
gui-handout-pick = Auswahl:
gui-handout-hand-out = Ausgeben
gui-handout-lately = Zuletzt ausgegeben
gui-handout-none = Noch kein Token ausgegeben.
gui-handout-codes = Aktivierungscodes
gui-handout-codes-intro = Entra ID fragt nach dem aktuellen Code jedes hochgeladenen Tokens: Hier stehen sie für jeden ausgegebenen Token mit aufbewahrtem Geheimschlüssel, ohne jeden Token zu drücken.
gui-handout-show-codes = Codes zeigen
gui-handout-hide-codes = Codes ausblenden
gui-handout-seconds = { $seconds } s
gui-handout-receipt = Quittung
gui-handout-receipt-file = Quittungsdatei (HTML):
gui-handout-receipt-hint = Pfad der zu druckenden Seite
gui-handout-receipt-user = Quittung für diesen Benutzer
gui-handout-receipt-batch = Quittung für den Durchlauf
gui-handout-receipt-note = Seriennummer, Benutzer, Datum und Gebrauchsanleitung; kein Geheimschlüssel, kein Code.
gui-handout-users-unreadable = Die Benutzerliste { $path } kann nicht gelesen werden ({ $error }).
gui-handout-users-unreadable-next = Prüfen Sie den Dateinamen oder geben Sie den UPN ein.
gui-handout-users-unusable = Die Benutzerliste ist nicht verwendbar: { $error }.
gui-handout-users-unusable-next = Verwenden Sie eine CSV-Datei mit einem UPN pro Zeile (oder einen Entra-Benutzerdownload).
gui-handout-codes-passphrase = Die Codes brauchen die Passphrase der aufbewahrten Geheimschlüssel.
gui-handout-choose-batch = Wählen Sie (oben) den Durchlauf für eine Durchlauf-Quittung.
gui-handout-pick-user = Geben Sie zuerst den Benutzer ein oder wählen Sie ihn aus.
gui-handout-receipt-path = Geben Sie den Pfad der zu schreibenden HTML-Datei ein.
gui-handout-receipt-not-written = Die Quittung wurde nicht geschrieben.
gui-device-records-unopenable = Das Protokoll kann nicht geöffnet werden ({ $error }), daher wird nichts gebrannt: Jeder Brennvorgang muss protokolliert werden.
gui-place-clipboard = Zwischenablage
gui-place-clipboard-image = Bild in der Zwischenablage
gui-place-dropped-image = hineingezogenes Bild
gui-place-camera = Webcam
gui-place-screen = Bildschirm ({ $backend })
gui-log-no-answer = keine Antwort
gui-log-token = Token { $serial } ({ $model }) Uhr { $clock }
gui-log-pc-clock = PC-Uhr: { $words }
gui-pc-clock-unverified = nicht geprüft (kein Zeitserver hat geantwortet)
gui-records-op-burn = Brennen
gui-records-op-sync-time = Zeitabgleich

## window renderer
renderer-fallback = Hinweis: Der wgpu-Renderer konnte nicht starten ({ $why }); das Fenster wird stattdessen mit dem glow-Renderer (OpenGL) geöffnet.

## h-wizard
gui-wizard-step-secret = Geheimschlüssel holen
gui-wizard-step-check = Prüfen
gui-wizard-step-token = Token einschalten und auflegen
gui-wizard-step-burn = Brennen
gui-wizard-step-verify = Kontrollieren
gui-wizard-step-bar = { $number }. { $title }
gui-wizard-back = Zurück
gui-wizard-next = Weiter
gui-wizard-finish = Geben Sie jetzt den Code, den der Token zeigt, in Entra (oder Ihrem Identitätsanbieter) ein, um die Registrierung abzuschließen.
gui-wizard-summary-heading = Wer registriert wird und was gebrannt wird
gui-wizard-summary-no-secret = Noch kein Geheimschlüssel: gehen Sie zum ersten Schritt zurück.
gui-wizard-summary-account = Konto
gui-wizard-summary-no-account-link = keines im Link
gui-wizard-summary-no-account-key = kein Kontoname (ein bloßer Schlüssel, kein Link)
gui-wizard-summary-issuer = Aussteller
gui-wizard-summary-no-issuer = keiner genannt
gui-wizard-summary-secret = Geheimschlüssel
gui-wizard-summary-length = { $kind ->
    [short] ein { $bits }-Bit-Schlüssel: kürzer als die 128 Bit, die der Standard verlangt. Prüfen Sie, ob der ganze Schlüssel erfasst wurde.
    [long] ein { $bits }-Bit-Schlüssel, länger als üblich
   *[usual] ein { $bits }-Bit-Schlüssel, die übliche Länge
}
gui-wizard-summary-hash = Hash (HMAC)
gui-wizard-summary-sha1 = SHA-1, das fast jeder Dienst verwendet
gui-wizard-summary-sha256 = SHA-256
gui-wizard-summary-step = Neuer Code alle
gui-wizard-summary-display = Anzeige bleibt an für
gui-wizard-seconds = { $seconds ->
    [one] { $seconds } Sekunde
   *[other] { $seconds } Sekunden
}
gui-wizard-summary-token = Token
gui-wizard-summary-token-value = { $model }, Seriennummer { $serial }
gui-wizard-summary-no-token = noch nicht auf dem Lesegerät
gui-wizard-summary-clock = Uhr
gui-wizard-summary-clock-value = wird beim Brennen auf die Zeit dieses PCs gestellt

## h-station
gui-station-title = Brennstation
gui-station-stop = Nach diesem Token anhalten
gui-station-full-screen = Vollbild (F11)
gui-station-leave-full-screen = Vollbild verlassen (F11 oder Esc)
gui-station-counters = Gebrannt: { $burned }   ·   Fehlgeschlagen: { $failed }   ·   Schon erledigt: { $already }
gui-station-run-line = Dieser Lauf: { $source } · { $hmac } / { $step } s · { $kept }. Beenden Sie ihn, um etwas zu ändern.
gui-station-run-kept = Geheimschlüssel aufbewahrt (verschlüsselt)
gui-station-run-not-kept = Geheimschlüssel nicht aufbewahrt
gui-station-badge = • läuft
gui-station-banner = Station läuft auf { $readers }: Dort aufgelegte Token brennt die Station.
gui-token-held-by-station = Der Stationslauf nutzt { $readers }: Diese Ansicht greift nicht auf dessen Token zu. Um das Lesegerät hier zu nutzen, beenden Sie den Lauf („Nach diesem Token anhalten“ oben oder in der Ansicht „Station“).
gui-station-keeping = Die Geheimschlüssel werden (verschlüsselt) im Protokoll AUFBEWAHRT, für den Export.
gui-station-source-random = Zufällige Geheimschlüssel
gui-station-source-csv = CSV-Liste von Benutzern
gui-station-source-per-user = QR-Code jedes Benutzers
gui-station-csv-file = CSV-Datei (upn,Geheimschlüssel oder upn je Zeile):
gui-station-keep-secrets = Geheimschlüssel (verschlüsselt) für den Entra-ID-Export aufbewahren
gui-station-passphrase = Passphrase:
gui-station-passphrase-again = Passphrase noch einmal (neue Protokolldatei):
gui-station-not-kept-warning = Die Geheimschlüssel werden NICHT aufbewahrt. Ohne den aufbewahrten Geheimschlüssel lassen sich diese Tokens nie in Entra ID importieren: niemand kennt den eingebrannten Geheimschlüssel, also kann sich kein Benutzer damit anmelden. Schalten Sie „Geheimschlüssel aufbewahren“ wieder ein, wenn Sie das nicht wollen.
gui-station-reburn = Mit neuem Geheimschlüssel erneut brennen: schon gebrannte Tokens bekommen einen neuen Geheimschlüssel
gui-station-no-data-folder = Es wurde kein Datenordner für das Protokoll gefunden.
gui-station-passphrase-needed = Geben Sie eine Passphrase ein, um die Geheimschlüssel aufzubewahren.
gui-station-list-unreadable = { $path } kann nicht gelesen werden ({ $error }).
gui-station-passphrase-twice = Diese Protokolldatei enthält noch keine aufbewahrten Geheimschlüssel: Geben Sie die neue Passphrase zweimal ein (mindestens { $chars } Zeichen).
gui-station-continuing = { $done } Zeilen dieser Liste wurden schon erledigt (die letzte am { $when }); weiter mit Zeile { $row }.
gui-station-list-all-done = Jede Zeile dieser Liste wurde schon erledigt.
gui-station-need-secret = Scannen Sie zuerst den QR-Code dieses Benutzers.
gui-station-waits-for-secret = { $serial } wartet auf einen Geheimschlüssel
gui-station-already-this-run = { $serial } wurde in diesem Lauf schon gebrannt.
gui-station-already-batch = { $serial } wurde schon am { $when } gebrannt (Durchlauf { $batch }): nicht erneut gebrannt.
gui-station-already-before = { $serial } wurde schon am { $when } gebrannt: nicht erneut gebrannt.
gui-station-burned = { $model } { $serial } gebrannt.
gui-station-burned-for = { $model } { $serial } für { $upn } gebrannt.
gui-station-finished = { $model } { $serial } fertig gebrannt (das Brennen war unterbrochen worden).
gui-station-finished-for = { $model } { $serial } für { $upn } fertig gebrannt (das Brennen war unterbrochen worden).
gui-station-failed-serial = { $serial }: { $problem } { $next }
gui-station-failed-text = { $problem } { $next }
gui-station-live-code = { $serial } zeigt jetzt diesen Code (zum Vergleich aus- und wieder einschalten):
gui-station-tile-last = Zuletzt: { $serial }
gui-station-tile-none = Noch kein Token
gui-station-summary-title = Lauf beendet
gui-station-summary-counts = { $burned } gebrannt · { $failed } fehlgeschlagen · { $already } schon erledigt
gui-station-summary-batch = Durchlauf: { $batch }
gui-station-summary-span = Von { $start } bis { $end } ({ $minutes } min { $seconds } s)
gui-station-summary-in-doubt = Nicht fertig (jeden erneut auf ein Lesegerät legen, um ihn fertig zu brennen): { $serials }
gui-station-summary-next-nothing = In diesem Lauf wurde nichts gebrannt.
gui-station-summary-next-per-user = Als Nächstes: jeden Token seinem Benutzer geben (Ansicht „Ausgabe“); er schließt die Anmeldung mit dem angezeigten Code ab.
gui-station-summary-next-export = Als Nächstes: die Tokens ausgeben (Ansicht „Ausgabe“), dann die aufbewahrten Geheimschlüssel für Entra ID exportieren (Ansicht „Protokoll“, „Für Entra ID exportieren (CSV)…“): Der Export nimmt die Tokens, die einen Benutzer haben.
gui-station-summary-next-not-kept = Als Nächstes: die Tokens ausgeben (Ansicht „Ausgabe“). Ihre Geheimschlüssel wurden nicht aufbewahrt, sie lassen sich also nicht in Entra ID importieren.
gui-station-summary-dismiss = Schließen (Esc)
next-up-token = Token { $number }
next-up-token-of = Token { $number } von { $total }
next-up-scanned-user = der Benutzer, dessen QR-Code gescannt wurde
next-up-list-done = nichts: die Liste ist erledigt
next-up-batch-done = nichts: der Durchlauf ist erledigt

## h-words
gui-app-name = TOTP-Brenner
gui-window-title-demo = { $name } — Demo
gui-tab-handout = Ausgabe
gui-tab-records = Protokoll
gui-tab-station = Station
gui-tab-wizard = Assistent
gui-tab-burner = Brenner
gui-status-hint = Was als Nächstes zu tun ist
gui-status-busy = Verbindung zum Token…
gui-status-service-down = Der Smartcard-Dienst läuft nicht: Starten Sie ihn (Linux: pcscd; Windows: der Dienst „Smartcard“).
gui-status-no-reader = Schließen Sie das USB-NFC-Lesegerät an.
gui-status-several-tokens = Auf mehreren Lesegeräten liegen Token: Wählen Sie das Lesegerät.
gui-status-absent = Schalten Sie den Token ein und legen Sie ihn auf das Lesegerät.
gui-status-reading = Der Token wird gelesen…
gui-status-failed = { $problem } { $next }
gui-status-token = { $model } · { $serial } · Uhr { $clock }
gui-status-token-ready = { $model } · { $serial } · Uhr { $clock } · bereit zum Brennen
gui-status-token-no-secret = { $model } · { $serial } · Uhr { $clock } · Geheimschlüssel scannen oder einfügen
gui-reader-heading = 2. Lesegerät
gui-reader-service-down = Der Smartcard-Dienst läuft nicht.
gui-reader-service-down-next = Was zu tun ist: Starten Sie den Smartcard-Dienst (Linux: sudo systemctl start pcscd; Windows: der Dienst „Smartcard“).
gui-reader-none = Kein Lesegerät gefunden. Schließen Sie das USB-NFC-Lesegerät an.
gui-reader-automatic = Automatisch (das Lesegerät, auf dem ein Token liegt)
gui-reader-line = { $reader } — { $state }
gui-token-heading = 3. Token
gui-token-absent = Schalten Sie den Token ein (Knopf drücken) und legen Sie ihn auf das Lesegerät.
gui-token-reading = Der Token wird gelesen…
gui-token-model = Modell
gui-token-serial = Seriennummer
gui-token-clock = Uhr
gui-token-clock-in-step = gleich mit diesem PC
gui-token-clock-behind = { $seconds } s hinter diesem PC
gui-token-clock-ahead = { $seconds } s vor diesem PC
gui-token-pc-clock = PC-Uhr
gui-token-time-sync = Zeitabgleich
gui-token-sync-erases = löscht den Geheimschlüssel
gui-token-sync-keeps = behält den Geheimschlüssel
gui-token-sync-unknown = unbekanntes Modell
gui-options-heading = Optionen
gui-options-hmac = HMAC
gui-options-time-step = Zeitschritt
gui-options-display-timeout = Anzeigedauer
gui-options-seconds = { $seconds } s
gui-options-pair = { $algorithm } / { $seconds } s
gui-options-differ-link = Der Link gibt { $wanted } vor: Mit diesen Optionen passen die Codes nicht zu denen des Dienstes.
gui-options-differ-standard = Der Standard für einen Schlüssel ohne Link ist { $wanted }: Mit diesen Optionen passen die Codes nicht zu denen des Dienstes.
gui-options-confirm-heading = Andere Optionen brennen als die des Geheimschlüssels?
gui-options-confirm-link = Der Link gibt { $wanted } vor; trotzdem { $chosen } brennen?
gui-options-confirm-standard = Der Standard für einen Schlüssel ohne Link ist { $wanted }; trotzdem { $chosen } brennen?
gui-options-confirm-note = Die Codes des Tokens passen dann nicht zu denen, die der Dienst erwartet.
gui-options-confirm-burn = Trotzdem { $chosen } brennen
gui-options-cancel = Abbrechen
gui-burn-burning = Brennen: { $step }…
gui-burn-no-secret = Scannen oder fügen Sie zuerst den Geheimschlüssel ein.
gui-burn-syncing = Die Uhr wird gestellt…
gui-burn-trust-pc = Trotzdem die Zeit dieses PCs schreiben
gui-burn-trust-pc-hint = Nur wenn Sie wissen, dass die Uhr dieses PCs stimmt und die Zeitserver falsch gehen; wird als Übersteuerung protokolliert.
gui-burn-reburn = Mit neuem Geheimschlüssel erneut brennen
gui-burn-reburn-hint = Ersetzt den Geheimschlüssel, den dieser Token laut Protokoll trägt: Ein Benutzer, für den er registriert wurde, kann sich damit nicht mehr anmelden.
gui-burn-records-next = Prüfen Sie, ob der Datenordner beschreibbar ist und die Festplatte Platz hat, und versuchen Sie es erneut.
gui-sync-heading = Die Uhr des Tokens abgleichen?
gui-sync-writes-options = Die Uhr wird zusammen mit den gezeigten Optionen geschrieben (HMAC, Zeitschritt, Anzeigedauer).
gui-sync-erases = Beim { $model } LÖSCHT das Stellen der Uhr den Geheimschlüssel: Der Token zeigt keinen Code mehr, bis Sie ihn erneut brennen.
gui-sync-erases-this = Bei diesem Token LÖSCHT das Stellen der Uhr den Geheimschlüssel: Der Token zeigt keinen Code mehr, bis Sie ihn erneut brennen.
gui-sync-done-erased-burn = Uhr gestellt. Dieses Modell hat seinen Geheimschlüssel gelöscht: Der Token ist leer und zeigt keinen Code. Brennen Sie ihn jetzt erneut: Brennen (Enter) drücken.
gui-sync-done-erased-scan = Uhr gestellt. Dieses Modell hat seinen Geheimschlüssel gelöscht: Der Token ist leer und zeigt keinen Code. Scannen oder fügen Sie den Geheimschlüssel erneut ein und drücken Sie dann Brennen (Enter).
gui-sync-done-kept = Uhr gestellt; der Geheimschlüssel blieb erhalten.
gui-sync-done-unknown = Uhr gestellt; brennen Sie den Token, um sicher zu sein, dass er einen Geheimschlüssel trägt.
gui-log-step = Schritt: { $step }
gui-log-burned = { $serial } gebrannt · Code { $code }
gui-log-burn-failed = Brennen fehlgeschlagen: { $problem }
renderer-started = Renderer: { $renderer }
renderer-started-chosen = Renderer: { $renderer } (in den Einstellungen oder auf der Befehlszeile gewählt)
renderer-started-fallback = Renderer: glow (OpenGL); wgpu konnte hier nicht starten ({ $why }), daher wurde das Fenster mit glow neu geöffnet
receipt-title = Quittung für Hardware-Token
receipt-heading = Ihr Hardware-Token
receipt-user = Benutzer
receipt-serial = Seriennummer des Tokens
receipt-model = Modell
receipt-model-unknown = Token2-TOTP-Token
receipt-handed-out = Ausgegeben
receipt-handed-out-at = { $date } an { $station }
receipt-received-by = Erhalten von: ______________________
time-local = { $date }, { $time }
time-local-date = { $day }. { $month } { $year }
time-month-1 = Jan.
time-month-2 = Feb.
time-month-3 = März
time-month-4 = Apr.
time-month-5 = Mai
time-month-6 = Juni
time-month-7 = Juli
time-month-8 = Aug.
time-month-9 = Sep.
time-month-10 = Okt.
time-month-11 = Nov.
time-month-12 = Dez.
secret-web-address-typed = Sie haben eine Webadresse eingegeben, keinen Geheimschlüssel.
secret-web-address-typed-next = Geben Sie stattdessen den Geheimschlüssel (oder den otpauth://-Link) ein oder fügen Sie ihn ein, oder scannen Sie den QR-Code des Geheimschlüssels auf der Anmeldeseite.
app-transport-unavailable-next = Prüfen Sie, ob das Lesegerät angeschlossen ist und der Smartcard-Dienst läuft, und versuchen Sie es erneut.
app-choose-reader-next = Wählen Sie das Lesegerät im Bereich „Lesegerät“ (oder „Automatisch“).
app-several-tokens-next = Nehmen Sie die Token weg, die Sie nicht brennen, oder wählen Sie das Lesegerät im Bereich „Lesegerät“.
app-unknown-model-next = Prüfen Sie, ob es ein programmierbares Token2-Modell mit „-i“ ist: Das Programm brennt nur die Modelle, die es kennt.
app-erase-not-confirmed-next = Brennen Sie stattdessen den Token (das stellt auch die Uhr), oder bestätigen Sie den Zeitabgleich in seinem Dialog und brennen Sie danach einen Geheimschlüssel.
app-pc-clock-off-next = Stellen Sie die Uhr dieses PCs richtig und versuchen Sie es erneut. Windows: Einstellungen > Zeit und Sprache > Datum und Uhrzeit, „Uhrzeit automatisch festlegen“ einschalten und „Jetzt synchronisieren“ klicken (oder „w32tm /resync“ als Administrator ausführen). Linux: „sudo timedatectl set-ntp true“ ausführen und prüfen, dass „timedatectl status“ „System clock synchronized: yes“ meldet (mit chrony: „sudo chronyc makestep“). Sind Sie sicher, dass dieser PC richtig geht und der Zeitserver falsch, wählen Sie „Trotzdem die Zeit dieses PCs schreiben“ (das wird protokolliert).
app-refusal-burned-before-next = Legen Sie den nächsten Token auf das Lesegerät; um den Geheimschlüssel dieses Tokens absichtlich zu ersetzen, wählen Sie „Mit neuem Geheimschlüssel erneut brennen“.
app-handout-last-burn-failed-next = Brennen Sie ihn erneut (auf das Lesegerät einer Station legen und „Erneut brennen“ wählen) und geben Sie ihn dann aus.
cli-help-about = Brennt TOTP-Geheimschlüssel über PC/SC in programmierbare Hardware-Token von Token2
cli-help-about-gui-only = Öffnet die Desktop-App TOTP-Brenner.
cli-help-about-gui = Die Desktop-App öffnen (Standard ohne Unterbefehl)
cli-help-about-info = Seriennummer, Modell und Uhr des Tokens anzeigen
cli-help-about-burn = Einen Geheimschlüssel in den Token brennen
cli-help-about-sync-time = Die Uhr des Tokens auf die Zeit dieses PCs stellen (und die Optionen schreiben)
cli-help-about-code = Die Codes zu einem Geheimschlüssel anzeigen; kein Token nötig
cli-help-about-scan = QR-Codes finden (Bild, Bildschirm, Webcam, Zwischenablage) und sagen, was sie sind
cli-help-about-readers = Die PC/SC-Lesegeräte auflisten und was auf jedem liegt
cli-help-about-batch = Token nacheinander brennen, wie sie auf das Lesegerät gelegt werden
cli-help-about-records = Das Protokoll aller Vorgänge auflisten oder exportieren
cli-help-about-emulate = Einen emulierten Token über vsmartcard-vpcd an pcscd bereitstellen
cli-help-about-records-list = Das Protokoll auflisten
cli-help-about-records-export = Das Protokoll (CSV) oder die aufbewahrten Geheimschlüssel (Entra-ID-CSV) exportieren
cli-help-about-records-assign = Einen gebrannten Token an seinen Benutzer ausgeben (protokolliert; die letzte Ausgabe gilt)
cli-help-about-records-codes = Aktuelle Codes der ausgegebenen Token mit aufbewahrtem Geheimschlüssel (für die Aktivierung in Entra ID); nie die Geheimschlüssel
cli-help-about-records-receipt = Eine druckbare Ausgabe-Quittung (HTML) je Benutzer oder je Durchlauf
cli-help-about-records-init = Das Protokoll auf einem leeren PostgreSQL-Server anlegen (ein Administrator, einmal)
cli-help-about-records-migrate = Das Schema des Protokolls auf diese Version bringen (ein Administrator, bevor Stationen dieser Version starten)
cli-help-about-records-add-station = Das Login einer Station auf einem Protokollserver anlegen (ein Administrator): es darf nur in eigenem Namen lesen und anfügen
cli-help-about-records-stock = Die bekannten Seriennummern: die Liste des Herstellers der gekauften Token
cli-help-about-records-stock-import = Die Seriennummernliste des Herstellers hinzufügen; ab dann werden Token, die nicht darauf stehen, abgelehnt
cli-help-about-records-import = Die eigene Protokolldatei einer Station in dieses Protokoll kopieren (erneut ausgeführt, fügt es nichts doppelt an)
cli-help-about-help = Diese Hilfe oder die Hilfe der angegebenen Unterbefehle anzeigen
cli-help-usage = Aufruf:
cli-help-options = Optionen:
cli-help-commands = Befehle:
cli-help-arg-help = Hilfe anzeigen
cli-help-arg-version = Version anzeigen
cli-help-arg-demo = Ein eingebautes virtuelles Lesegerät mit Token verwenden und einen Demo-QR-Code zeigen
cli-help-arg-renderer = Das Fenster mit diesem Renderer zeichnen (Standard: wgpu, und glow, wo wgpu nicht startet; die Einstellung „renderer“ bewirkt dasselbe)
cli-help-arg-reader = Das Lesegerät mit diesem Namen verwenden (oder einem eindeutigen Teil davon)
cli-help-arg-emulator = Einen eingebauten emulierten Token statt eines echten Lesegeräts verwenden
cli-help-arg-json = JSON ausgeben
cli-help-arg-secret = Base32-, Hex-, otpauth://- oder otpauth-migration://-Text. Mit `-` von der Standardeingabe lesen: TEXT selbst erscheint in Prozesslisten und im Shell-Verlauf
cli-help-arg-secret-env = Den Geheimschlüssel aus dieser Umgebungsvariablen lesen
cli-help-arg-qr-image = Den Geheimschlüssel aus dem QR-Code in einer Bilddatei nehmen
cli-help-arg-qr-screen = Den Geheimschlüssel aus dem QR-Code auf dem Bildschirm nehmen
cli-help-arg-qr-webcam = Den Geheimschlüssel aus einem QR-Code vor der Webcam nehmen
cli-help-arg-camera = Kameranummer (siehe die Kameraliste des Systems; 0 ist die erste)
cli-help-arg-webcam-timeout = Die Suche mit der Webcam nach so vielen Sekunden aufgeben
cli-help-arg-account-burn = Nummer des zu brennenden Kontos aus einem Authenticator-Export (ab 1)
cli-help-arg-account-code = Nummer des zu verwendenden Kontos aus einem Authenticator-Export (ab 1)
cli-help-arg-algorithm = HMAC-Algorithmus [Standard: laut otpauth-Link, sonst sha1]
cli-help-arg-period = Zeitschritt in Sekunden: 30 oder 60 [Standard: laut otpauth-Link, sonst 30]
cli-help-arg-display-timeout = Anzeigedauer in Sekunden: 15, 30, 60 oder 120
cli-help-arg-allow-unknown-model-burn = Einen Token brennen, dessen Seriennummer zu keinem bekannten programmierbaren Modell gehört
cli-help-arg-allow-unknown-model-sync = Einen Token abgleichen, dessen Seriennummer zu keinem bekannten programmierbaren Modell gehört
cli-help-arg-reburn = Einen Token brennen, der laut Protokoll schon gebrannt wurde (sein alter Geheimschlüssel, vielleicht für einen Benutzer registriert, hört auf zu funktionieren)
cli-help-arg-trust-pc-clock = Die Zeit dieses PCs schreiben, auch wenn die Zeitserver sagen, dass sie um mehr als die Grenze abweicht (5 s; TOTP_BURNER_PC_CLOCK_LIMIT). Wird als Übersteuerung protokolliert
cli-help-arg-erase-secret-ok = Den Zeitabgleich bei Modellen bestätigen, bei denen er den Geheimschlüssel löscht (der Token ist danach leer und muss erneut gebrannt werden)
cli-help-arg-image = In einer Bilddatei suchen (PNG, JPEG, BMP, WebP)
cli-help-arg-screen = Auf allen Bildschirmen suchen
cli-help-arg-webcam = Mit einer Webcam suchen, bis ein gültiger Geheimschlüssel erscheint
cli-help-arg-clipboard = In der Zwischenablage suchen (Text oder ein kopiertes Bild)
cli-help-arg-show-secret = Die Geheimschlüssel vollständig zeigen
cli-help-arg-random = Ein neuer zufälliger 20-Byte-Geheimschlüssel je Token
cli-help-arg-csv-batch = Eine CSV-Liste aus `upn,secret` (oder nur `upn`: zufällige Geheimschlüssel), der Reihe nach gebrannt; neu gestartet, setzt sie nach den erledigten Zeilen fort
cli-help-arg-count = Mit --random: nach N Token aufhören
cli-help-arg-start-row = Mit --csv: bei Zeile N beginnen (ab 1), auch wenn das Protokoll Zeilen ab N als erledigt führt (sie werden erneut gebrannt)
cli-help-arg-reburn-batch = Schon (in einem früheren Lauf) gebrannte Token erneut brennen, mit neuem Geheimschlüssel. Ohne diese Option werden sie abgelehnt
cli-help-arg-keep-secrets = Die Geheimschlüssel, mit einer Passphrase verschlüsselt, für den Entra-Export aufbewahren (Passphrase aus TOTP_BURNER_PASSPHRASE oder einmal abgefragt)
cli-help-arg-reader-batch = Nur dieses Lesegerät verwenden [Standard: jedes Lesegerät, ein Token auf jedem]
cli-help-arg-station-batch = Im Protokoll gespeicherter Stationsname [Standard: Rechnername]
cli-help-arg-records = Protokoll: eine Datei [Standard: records.sqlite im Datenordner des Benutzers] oder ein gemeinsamer PostgreSQL-Server (postgresql://BENUTZER@HOST/DB); TOTP_BURNER_RECORDS setzt dasselbe
cli-help-arg-station-login = Der Name des Logins (Kleinbuchstaben, Ziffern und _)
cli-help-arg-stock-list = Die Datei des Herstellers (eine Seriennummer pro Zeile, oder seine CSV)
cli-help-arg-import-source = Die Protokolldatei der Station
cli-help-arg-import-secrets = Ihre aufbewahrten Geheimschlüssel mit der Passphrase der Station öffnen und für den Schlüssel dieses Protokolls verschlüsseln (sonst ausgelassen und aufgelistet)
cli-help-arg-json-batch = Ein JSON-Objekt je Zeile statt Text
cli-help-arg-vpcd = Den Token auf diesem Port an den vpcd-Treiber von pcscd bereitstellen (35963 ist „Virtual PCD 00 00“, 35964 „Virtual PCD 00 01“)
cli-help-arg-serial-emulate = Die Seriennummer des Tokens (sein Modell folgt aus dem Präfix)
cli-help-arg-sync = Zeitabgleich-Klasse [Standard: die des Modells, uneingeschränkt, wenn unbekannt]
cli-help-arg-clock-offset = Die Uhr des Tokens minus die dieses PCs, in Sekunden
cli-help-arg-lift-after = Den Token vom Lesegerät nehmen, wenn Befehls-APDU N+1 ankommt
cli-help-arg-replace-after-ms = Nach dem Wegnehmen den Token nach MS Millisekunden wieder auflegen
cli-help-arg-as = Eine Karte spielen, die kein programmierbarer Token ist: ihr ATR, die Antworten ihrer Applets und ein Fehler auf jeden Token-Befehl
cli-help-arg-apdu-log = Jede Befehls-APDU, die das Lesegerät erhält, an DATEI anhängen, je eine Hex-Zeile (sichere Befehle nur mit Kopf und Länge)
cli-help-arg-serial-list = Nur dieser Token
cli-help-arg-csv-export = Jeder Protokolleintrag als CSV (keine Geheimschlüssel)
cli-help-arg-entra = Aufbewahrte Geheimschlüssel der ausgegebenen Token, als Entra-ID-CSV für Hardware-OATH-Token (enthält Geheimschlüssel)
cli-help-arg-unassigned = Mit --entra: die Token ohne Benutzer hierhin schreiben (gleicher Aufbau, UPN leer; enthält Geheimschlüssel)
cli-help-arg-batch-only = Nur dieser Durchlauf
cli-help-arg-serial-assign = Die Seriennummer des Tokens [Standard: vom Token auf dem Lesegerät gelesen]
cli-help-arg-reader-assign = Das Lesegerät, auf dem der Token liegt (genauer Name oder ein eindeutiger Teil)
cli-help-arg-upn-assign = Der UPN des Benutzers; mit --users ein ganzer UPN, eine Zeilennummer oder ein Teil eines UPN oder Namens, den genau ein Benutzer hat
cli-help-arg-users = Den Benutzer aus dieser CSV-Liste wählen (ein Entra-Benutzerdownload oder ein UPN je Zeile); ohne --upn wird die Liste gezeigt und eine Auswahl von der Standardeingabe gelesen
cli-help-arg-station-assign = In den Eintrag geschriebener Stationsname [Standard: der Name dieses Rechners]
cli-help-arg-html = Die zu schreibende HTML-Datei
cli-help-arg-upn-receipt = Jeder Token dieses Benutzers
cli-help-arg-batch-receipt = Jeder Token dieses Durchlaufs, der einen Benutzer hat
cli-help-arg-help-long = Hilfe anzeigen (eine Übersicht mit „-h“)
io-not-found = die Datei oder der Ordner existiert nicht ({ $detail })
io-permission-denied = der Zugriff wird verweigert ({ $detail })
io-already-exists = sie existiert bereits ({ $detail })
io-storage-full = die Festplatte ist voll ({ $detail })
io-read-only = die Festplatte ist schreibgeschützt ({ $detail })
io-not-a-directory = ein Teil des Pfads ist eine Datei, kein Ordner ({ $detail })
io-other = das System hat abgelehnt ({ $detail })
records-error-file = die Protokolldatei { $path }: { $why }
records-error-database = die Protokolldatenbank ist beschädigt, von einem anderen Programm gesperrt oder keine Protokolldatei ({ $detail })
records-error-too-new = das Protokoll stammt von einem neueren totp-burner (Schema { $found }; dieser kennt bis { $supported }): aktualisieren Sie totp-burner auf diesem PC; das Protokoll blieb unverändert
records-error-too-old = das Schema des Protokollservers ist Version { $found }, älter als dieser totp-burner braucht ({ $supported }): ein Administrator führt 'totp-burner records migrate --records ADRESSE' aus (Stationen ändern es nie)
records-error-not-initialised = der Protokollserver hat noch kein Protokoll: ein Administrator führt einmal 'totp-burner records init --records ADRESSE' aus
records-error-server = der Protokollserver: { $detail }
records-error-timed-out = der Protokollserver hat nicht innerhalb von { $seconds } s geantwortet (ein angehaltener Server oder ein gestörtes Netz); nichts wurde halb geschrieben
records-waiting = Protokollserver nicht erreichbar: es wird gewartet ({ $seconds } s); kein Token wird beschrieben. Es geht von selbst weiter, sobald der Server antwortet. ({ $error })
records-error-location = die Adresse des Protokollservers: { $detail }
records-error-tls = TLS zum Protokollserver: { $detail }
records-error-station-name = der Name eines Stations-Logins besteht aus Kleinbuchstaben, Ziffern und _ (beginnt mit einem Buchstaben, höchstens 63): { $name }
records-error-not-a-server = Stations-Logins gibt es nur auf einem Protokollserver (postgresql://…), nicht in einer Protokolldatei
err-vault-no-fleet-key = der Protokollserver hat noch keinen Schlüssel für aufbewahrte Geheimschlüssel: ein Administrator führt 'totp-burner records init' aus (es fragt nach der Passphrase, die sie öffnet)
export-records-failed = Das Protokoll konnte nicht gelesen werden: { $error }.
export-sha256 = Token { $serial } verwendet SHA-256; Entra ID nimmt nur SHA-1-TOTP-Token an.
export-period = Token { $serial } hat einen Zeitschritt, den Entra ID nicht annimmt.
export-write-failed = { $path } kann nicht geschrieben werden: { $why }.
vault-wrong-passphrase = Die Passphrase öffnet die aufbewahrten Geheimschlüssel nicht.
vault-passphrase-too-short = Die Passphrase ist kürzer als { $chars } Zeichen.
vault-crypto = Die aufbewahrten Geheimschlüssel konnten nicht ver- oder entschlüsselt werden ({ $detail }).

## h-polish
gui-secret-browse = Durchsuchen…
gui-secret-browse-hover = Das Bild des QR-Codes in einem Dateidialog auswählen
gui-secret-browse-title = Bild des QR-Codes auswählen
gui-secret-browse-filter = Bilder (PNG, JPEG, BMP, WebP)
capture-no-file-dialog = Auf diesem Computer steht kein Dateidialog zur Verfügung.
capture-no-file-dialog-next = Klicken Sie auf „Bild öffnen…“ und geben Sie den Pfad des Bildes ein, oder ziehen Sie die Datei auf das Fenster.
gui-handout-waiting-assign = die Ausgabe wird protokolliert…
gui-handout-waiting-codes = die aufbewahrten Geheimschlüssel werden geöffnet (ein, zwei Sekunden)…
gui-handout-waiting-receipt = die Quittung wird geschrieben…
gui-records-searching = das Protokoll wird durchsucht…
gui-choose-file = Auswählen…
gui-choose-file-waiting = wartet auf den Dateidialog
gui-choose-file-none = Auf diesem Computer gibt es keinen Dateidialog: Geben Sie den Pfad der Datei in das Feld ein.
gui-dialog-filter-csv = CSV-Dateien
gui-dialog-filter-html = Webseiten (HTML)
gui-dialog-export = In Datei exportieren
gui-dialog-unassigned = Datei für die Token ohne Benutzer
gui-dialog-users = Benutzerliste (CSV)
gui-dialog-receipt = Quittung (HTML)
gui-dialog-station-list = Benutzerliste der Station (CSV)

## h-errors
err-list-line-not-csv = Zeile { $line } ist kein lesbares CSV (Anführungszeichen und Kommas prüfen)
err-users-bad-upn = Zeile { $line }: „{ $upn }“ ist kein Benutzerprinzipalname (benutzer@domäne)
err-list-empty = die Liste enthält keine Benutzer
err-users-no-match = kein Benutzer passt zu „{ $text }“
err-users-several = { $count } Benutzer passen zu „{ $text }“
err-list-no-upn = Zeile { $line } hat keinen Benutzer (UPN)
err-list-bad-secret = Zeile { $line }: { $reason }
err-list-same-secret = die Zeilen { $first } und { $second } haben denselben Geheimschlüssel
err-list-same-user = die Zeilen { $first } und { $second } sind für denselben Benutzer
err-list-no-random = dieser Computer lieferte keine Zufallszahlen ({ $detail })
err-wrong-passphrase = die Passphrase öffnet die aufbewahrten Geheimschlüssel nicht
err-passphrase-too-short = die Passphrase ist kürzer als { $chars } Zeichen
err-vault-crypto = die aufbewahrten Geheimschlüssel konnten nicht ver- oder entschlüsselt werden ({ $detail })
err-service-stopped = der Smartcard-Dienst wurde beendet
err-capture-file-unreadable = { $path } kann nicht gelesen werden: { $detail }
err-capture-not-an-image = { $path } ist kein lesbares PNG-, JPEG-, BMP- oder WebP-Bild
err-capture-too-large = ein Bild mit { $width }x{ $height } Pixeln ist zu groß
err-capture-screen-unavailable = Bildschirmaufnahme nicht möglich: { $detail }
err-capture-wayland = Bildschirmaufnahme unter Wayland ist nicht verfügbar
err-capture-clipboard = Zwischenablage: { $detail }
err-capture-no-camera = keine Kamera gefunden
err-capture-camera-busy = die Kamera ist belegt
err-capture-camera-denied = Zugriff auf die Kamera verweigert
err-capture-camera = die Kamera ist ausgefallen: { $detail }
err-capture-no-webcam = Webcam-Unterstützung ist nicht eingebaut
err-capture-blank = { $backend } lieferte ein schwarzes Bild
err-capture-timeout = { $backend } antwortete nicht innerhalb von { $seconds } s
err-capture-no-file-dialog = kein Dateidialog: { $detail }
err-capture-panicked = interner Fehler bei { $during }
err-backend-x11 = X11
err-backend-portal = das Bildschirmfoto-Portal
err-backend-windows = die Windows-Bildschirmaufnahme

## h-cliwords
cli-usage-unknown-argument = unbekanntes Argument „{ $arg }“
cli-usage-unknown-subcommand = unbekannter Unterbefehl „{ $name }“
cli-usage-invalid-value = ungültiger Wert „{ $value }“ für „{ $arg }“
cli-usage-invalid-value-because = ungültiger Wert „{ $value }“ für „{ $arg }“: { $reason }
cli-usage-value-missing = „{ $arg }“ braucht einen Wert, es wurde aber keiner angegeben
cli-usage-not-a-number = keine ganze Zahl
cli-usage-missing-arguments = diese nötigen Argumente fehlen:
cli-usage-missing-subcommand = „{ $name }“ braucht einen Unterbefehl, es wurde aber keiner angegeben
cli-usage-subcommands = {"["}Unterbefehle: { $names }]
cli-usage-conflict = das Argument „{ $arg }“ kann nicht zusammen mit „{ $other }“ verwendet werden
cli-usage-conflict-several = das Argument „{ $arg }“ kann nicht zusammen mit diesen verwendet werden:
cli-usage-conflict-any = das Argument „{ $arg }“ kann nicht zusammen mit einem der anderen angegebenen Argumente verwendet werden
cli-usage-repeated = das Argument „{ $arg }“ darf nur einmal angegeben werden
cli-usage-too-many-values = unerwarteter Wert „{ $value }“ für „{ $arg }“; weitere Werte waren nicht erwartet
cli-usage-wrong-number-of-values = „{ $arg }“ braucht { $expected } Werte, angegeben wurden { $actual }
cli-usage-not-utf8 = ein Argument ist kein gültiger Text (UTF-8)
cli-usage-invalid = die Argumente sind ungültig
cli-usage-similar-argument = Tipp: ein ähnliches Argument gibt es: { $names }
cli-usage-similar-subcommand = Tipp: einen ähnlichen Unterbefehl gibt es: { $names }
cli-usage-similar-value = Tipp: einen ähnlichen Wert gibt es: { $names }
cli-usage-quoted = „{ $text }“
cli-usage-more = Mehr dazu mit „{ $help }“.
cli-usage-options-placeholder = {"["}OPTIONEN]
cli-usage-command-placeholder = BEFEHL
cli-help-possible-values = {"["}mögliche Werte: { $values }]
cli-help-default = {"["}Standard: { $value }]
cli-man-name = BEZEICHNUNG
cli-man-synopsis = ÜBERSICHT
cli-man-description = BESCHREIBUNG
cli-man-extra = WEITERES
cli-man-version = VERSION
cli-man-manual = Handbuch zu TOTP burner
cli-arg-from-one = nötig ist eine ganze Zahl ab 1
cli-value-file = DATEI
cli-value-seconds = SEKUNDEN
cli-value-camera = KAMERA
cli-value-algorithm = ALGORITHMUS
cli-value-serial = SERIENNUMMER
cli-value-card = KARTE
cli-value-name = NAME
cli-value-text = TEXT
cli-usage-tip-remove-dashes = Tipp: den Unterbefehl „{ $name }“ gibt es; um ihn zu verwenden, lassen Sie das „--“ davor weg

## h-stored
gui-result-verified-only = Der Token zeigt den richtigen Code.

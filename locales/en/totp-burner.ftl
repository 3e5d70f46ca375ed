# English: the reference catalogue and the fallback for every other language.
# Every message id used in the source must exist here (checked when building).
#
# Glossary (keep the same word for the same thing in every language):
#   token       the programmable hardware TOTP token (de: Token, fr: jeton)
#   reader      the NFC / smart-card reader (de: Lesegerät, fr: lecteur)
#   secret      the TOTP secret key, also "secret key" (de: Geheimschlüssel, fr: secret / clé secrète)
#   burn        write a secret into a token (de: brennen, fr: graver)
#   records     the station's log of operations (de: Protokoll, fr: journal)
#   batch       one run over a list of users (de: Durchlauf, fr: lot)
#   time sync   setting the token's clock (de: Zeitabgleich, fr: synchronisation de l'heure)
#
# Arguments ({ $name }) are plain values; never a secret.

i18n-self-test = Message catalogue loaded ({ $name }).
explanation-next = Next: { $next }
list-none = none

## Burn steps: phrases that fit after "while"

step-identify = reading the token
step-authenticate = unlocking the token
step-write-config = writing clock and options
step-write-seed = writing the secret
step-verify = computing the verification code

## Why a text is not a usable secret

secret-scan-right-qr = On the sign-in page choose "I want to use a different authenticator app" (or "Can't scan?") and scan the otpauth QR code it shows, or paste its secret key.
secret-empty-input = Nothing was entered or scanned.
secret-empty-input-next = Scan the QR code from the screen, or paste the secret key (Base32) or otpauth:// link.
secret-token-serial = This is the serial number { $serial } printed on a { $model } token, not a secret.
secret-token-serial-next = Scan the QR code shown by the sign-in page (the account's secret), not the barcode on the token.
secret-phone-factor = This QR code registers the Microsoft Authenticator app for push notifications; a hardware token cannot use it.
secret-fido = This QR code is for signing in with a passkey (FIDO) on a phone, not a one-time-code secret.
secret-fido-next = Close the passkey prompt and add an authenticator app method instead; scan the otpauth QR code it shows.
secret-hotp = This secret is for counter-based codes (HOTP); these tokens make time-based codes (TOTP) only.
secret-hotp-next = Ask the service for a time-based (TOTP) authenticator and scan that QR code.
secret-web-link = This QR code is a link to a web page ({ $host }), not a secret.
secret-web-link-no-host = This QR code is a link to a web page (no host), not a secret.
secret-web-link-next = Open the link in a browser if you need the page, then scan the secret QR code it shows. { secret-scan-right-qr }
secret-other-uri = This is a "{ $scheme }:" code, not an authenticator secret.
secret-other-uri-next = Scan the QR code that starts with otpauth://totp, shown when you add an authenticator app.
secret-one-time-code = This is a { $digits }-digit number, probably a one-time code, not the secret it comes from.
secret-plain-number = This is a plain { $digits }-digit number, not a secret key.
secret-plain-number-next = Scan the QR code, or type the secret key (letters A-Z and digits 2-7) shown under "Can't scan?".
secret-backup-file = This looks like the content of an authenticator app's backup file, not one secret.
secret-backup-file-next = Export the single account as a QR code from the app (or its otpauth:// link) and scan or paste that.
secret-malformed-uri = This otpauth link is damaged: { $detail }.
secret-malformed-uri-next = Scan the QR code again, or paste the secret key by itself.
secret-missing = This otpauth link has no secret in it.
secret-missing-next = Scan the QR code again; if it keeps failing, use "Can't scan?" on the sign-in page and paste the secret key.
secret-invalid-base32 = This is not a valid secret key: Base32 keys use only the letters A-Z and the digits 2-7.
secret-invalid-base32-next = Check for look-alikes (0 is O, 1 is I or L, 8 is B) and type the key again, or scan the QR code instead.
secret-truncated-base32 = This secret key has a character missing or one too many.
secret-truncated-base32-next = Compare it with the key on the screen character by character, or scan the QR code instead.
secret-invalid-hex = This is not valid hex: it needs pairs of the digits 0-9 and letters a-f.
secret-invalid-hex-next = Copy the hex key again in full, or use the Base32 key or QR code instead.
secret-empty = The secret is empty.
secret-empty-next = Scan the QR code again or paste the full secret key.
secret-too-long = This secret is { $bytes } bytes long; these tokens hold at most 63 bytes.
secret-too-long-next = Ask the service for a standard TOTP secret (20 or 32 bytes), or check that you pasted only the key.
secret-unsupported-digits = This account wants { $digits }-digit codes; these tokens always show 6 digits.
secret-unsupported-digits-next = Set the account to 6-digit codes at the service (the usual setting) and scan the new QR code.
secret-unsupported-period = This account changes codes every { $seconds } seconds; these tokens support 30 or 60 seconds.
secret-unsupported-period-next = Set the account to a 30-second time step at the service and scan the new QR code.
secret-unsupported-algorithm = This account uses { $name }; these tokens support SHA-1 and SHA-256 only.
secret-unsupported-algorithm-next = Set the account to SHA-1 (the usual setting) at the service and scan the new QR code.
secret-malformed-migration = This authenticator export code is damaged: { $detail }.
secret-malformed-migration-next = Export the account again from the authenticator app and scan the new QR code.
secret-empty-migration = This authenticator export holds no accounts.
secret-empty-migration-next = In the authenticator app, select the account to transfer, export it, and scan that QR code.
secret-unrecognised = This is not recognised as an authenticator secret.
secret-unrecognised-next = Scan the otpauth QR code from the sign-in page, or paste the secret key (Base32) it shows.
warning-short-secret = This secret is only { $bytes } bytes; RFC 4226 asks for at least 16. It will work, but check that the whole key was captured.

## Accounts of an authenticator export (never the key)

account-line = { $who }: { $kind }, { $digits }, { $state }
account-unnamed = unnamed
account-totp-unstated = TOTP (not stated)
account-digits = { $digits } digits
account-digits-unknown = unknown digits
account-usable = can be burned
account-unusable = cannot be burned: { $problem }

## Capture: files, screen, clipboard, camera

capture-file-unreadable = { $path } could not be opened ({ $detail }).
capture-file-unreadable-next = Check the file name and that you may read it, or take a new screenshot of the QR code.
capture-not-an-image = { $path } is not a PNG, JPEG, BMP or WebP picture, or it is damaged.
capture-not-an-image-next = Save the QR code as a PNG screenshot and open that.
capture-too-large = The picture is too large to search ({ $width } x { $height } pixels).
capture-too-large-next = Crop it to the area around the QR code, or take a screenshot of just that window.
capture-screen-unavailable = The screen could not be captured ({ $detail }).
capture-screen-unavailable-next = Take a screenshot yourself and use Open image or Paste, or type the secret key.
capture-wayland = This desktop (Wayland) did not let us capture the screen (no screenshot portal, or it refused).
capture-wayland-next = Take a screenshot (Print Screen) and paste it, or log in with an X11 session.
capture-clipboard = Nothing usable on the clipboard ({ $detail }).
capture-clipboard-next = Copy the QR code picture or the secret key first, then paste again.
capture-no-camera = No camera was found.
capture-no-camera-next = Plug in a webcam, or scan the QR code from the screen or an image file.
capture-camera-busy = The camera is in use by another program.
capture-camera-busy-next = Close video calls or other camera apps, then try again.
capture-camera-denied = This program may not use the camera.
capture-camera-denied-next = Allow camera access in the system privacy settings (Linux: add the user to the "video" group), then try again.
capture-camera = The camera failed ({ $detail }).
capture-camera-next = Unplug and replug the camera, or scan the QR code from the screen instead.
capture-no-webcam-support = This build has no webcam support.
capture-no-webcam-support-next = Scan the QR code from the screen or an image file instead.
capture-screen-yourself = Take a screenshot yourself (Print Screen), then paste it or use Open image; or type the secret key.
capture-blank-screen = The screen came back black through { $backend }: the desktop hid the other windows from it, or the screen is locked or off.
capture-portal-timeout = The desktop's screenshot service did not answer within { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }.
capture-portal-timeout-next = If the desktop asks whether this program may take screenshots, allow it and scan again. Otherwise take a screenshot yourself (Print Screen) and paste it.
capture-screen-timeout = Capturing the screen through { $backend } did not finish within { $seconds } seconds.
capture-also-tried = { $problem } (Also tried: { $others }.)
capture-screen-failed = The screen could not be captured.
capture-panicked = The { $during } stopped with an internal error.
capture-panicked-next = Try again. If it happens again, take a screenshot and use Open image, or type the secret key.
capture-screen-captured = Screen captured through { $backend }.
capture-screen-captured-passing-over = Screen captured through { $backend } (passed over: { $others }).

## Readers and the link to the token

transport-token-removed = The token left the reader or switched off.
transport-token-removed-during = The token left the reader or switched off while { $step }.
transport-token-removed-next = Press the token's button to wake it, lay it flat on the reader and keep it there until the burn finishes, then try again.
transport-no-token = No token is on the reader (or it is switched off).
transport-no-token-next = Switch the token on and lay it on the reader: press its button so the display lights, then lay it flat on the reader.
transport-no-reader = No smart-card reader is connected.
transport-no-reader-next = Plug in the USB NFC reader and wait for its light, then try again.
transport-reader-removed = The reader was unplugged.
transport-reader-removed-during = The reader was unplugged while { $step }.
transport-reader-removed-next = Plug the reader back in and try again.
transport-reader-busy = Another program is using the reader.
transport-reader-busy-next = Close other smart-card programs (including the vendor's burner) and try again.
transport-service-unavailable = The smart-card service is not running.
transport-service-unavailable-next = On Linux start it with "sudo systemctl start pcscd"; on Windows start the "Smart Card" service (services.msc). Then try again. (Wine has no smart-card service: run the tool on Windows itself.)
transport-timeout = The token stopped answering.
transport-timeout-during = The token stopped answering while { $step }.
transport-timeout-next = Keep the token switched on and flat on the reader, then try again.
transport-unavailable = { $what } is not available.
transport-unavailable-next = Check the reader and the smart-card service, or use --emulator to try the tool without hardware.
transport-unknown-reader = No reader matches "{ $wanted }". Readers: { $readers }.
transport-unknown-reader-next = Give --reader the exact name or a unique part of it (see `totp-burner readers`).
transport-ambiguous-reader = "{ $wanted }" matches several readers: { $readers }.
transport-ambiguous-reader-next = Give a longer part of the name (or the exact name) with --reader.
transport-several-tokens = Tokens are lying on several readers: { $readers }.
transport-several-tokens-next = Lift the tokens you are not burning, or choose the reader with --reader NAME.
transport-other = Talking to the reader failed ({ $detail }).
transport-other-during = Talking to the reader failed ({ $detail }) while { $step }.
transport-other-next = Lift the token, lay it on the reader again and retry; if it persists, unplug and replug the reader.

## What the token answered

protocol-not-a-token = The card on the reader does not answer like a programmable token (status { $status } to "get info"). Nothing was written to it.
protocol-rejected = The token rejected the command while { $step } (status { $status }).
protocol-rejected-next = Switch the token off and on and try again; if it repeats, the token model may not be supported.
protocol-nonsense = The token gave an answer that makes no sense while { $step }.
protocol-nonsense-next = Lay the token flat on the reader and try again; if it repeats, it is not a supported token.
protocol-seed-length = The secret is { $bytes } bytes; the token takes 1 to 63 bytes.
protocol-seed-length-next = Use a standard TOTP secret (20 or 32 bytes).
protocol-auth-failed = The token refused the unlock key while { $step }. Nothing was retried: repeated failed unlocks can lock a token.
protocol-auth-failed-token = The token (serial { $serial }, { $model }) refused the unlock key while { $step }. Nothing was retried: repeated failed unlocks can lock a token.
protocol-auth-failed-next = Before another attempt, check: the model name on the token ends in "-i" (only those are programmable), the serial read from it matches the one printed on the token and starts with a known Token2 prefix (8659...), and no other card lies on the reader. If all of that is right, contact Token2 support with the serial number instead of repeating the burn.

## Cards that are not programmable tokens

card-not-a-token-next = Lay a Token2 programmable token (its model name ends in "-i") on the reader, switched on (press its button), with no other card or key near the reader.
card-fido = This is a FIDO security key, not a programmable token. Nothing was written to it.
card-fido-next = Take the security key off the reader (it signs in with passkeys and cannot hold a TOTP secret). { card-not-a-token-next }
card-yubikey = This is a YubiKey (a security key with an OATH authenticator applet), not a programmable token. Nothing was written to it.
card-yubikey-next = Take the YubiKey off the reader (to keep TOTP secrets on a YubiKey, use Yubico Authenticator instead). { card-not-a-token-next }
card-piv = This is a PIV smart card (or a security key's PIV applet), not a programmable token. Nothing was written to it.
card-piv-next = Take the card off the reader (it holds certificates and cannot be burned). { card-not-a-token-next }
card-payment = This is a bank card (a payment card), not a programmable token. Nothing was written to it.
card-payment-next = Take the bank card (or the wallet holding it) off the reader (it was only asked what it is). { card-not-a-token-next }

## What a failure left on the token

state-untouched = Nothing was written; the token is unchanged.
state-config-maybe-blank = The clock and options may or may not have been written; if they were, this model erased its previous secret, so the token is blank: burn it again.
state-config-maybe-kept = The clock and options may or may not have been written; if they were, the old secret is still on the token but now runs with the new options: burn it again.
state-config-maybe-unknown = The clock and options may or may not have been written; if they were, the previous secret may have been erased: burn it again.
state-config-blank = Clock and options written, secret not written: this model erased its previous secret, so the token is blank: burn it again.
state-config-kept = Clock and options written, secret not written: the old secret is still on the token but now runs with the new options: burn it again.
state-config-unknown = Clock and options written, secret not written: the previous secret may have been erased: burn it again.
state-seed-maybe-blank = Clock and options written; the new secret may or may not have been written. The token holds either the new secret or none: burn it again to be sure.
state-seed-maybe-kept = Clock and options written; the new secret may or may not have been written. The token holds either the new secret or the old one: burn it again to be sure.
state-seed-maybe-unknown = Clock and options written; the new secret may or may not have been written. Burn it again to be sure.

## Burns and time syncs

burn-unknown-model = The token's serial { $serial } is not a known programmable model.
burn-unknown-model-next = Check the token is a Token2 "-i" programmable model; to burn it anyway use --allow-unknown-model.
burn-erase-not-confirmed = On this model ({ $model }), setting the clock erases the token's secret.
burn-erase-not-confirmed-next = Burn the token instead (that sets the clock too), or confirm with --erase-secret-ok and burn a secret afterwards.
burn-stopped = The operation was stopped before anything was written.
burn-stopped-next = The token is unchanged; lay it on the reader again.
clock-in-step = in step
clock-behind = { $seconds } s behind
clock-ahead = { $seconds } s ahead

## Secrets given on the command line

cli-secret-on-command-line = a secret given as --secret TEXT can be read by other users in the process list and stays in shell history; pipe it in with --secret - (e.g. printf %s "$KEY" | totp-burner burn --secret -) or name an environment variable with --secret-env VAR.
cli-secret-env-not-text = The environment variable { $var } does not hold text.
cli-secret-env-not-text-next = Put the secret key or otpauth:// link in it as plain text, or pipe it in with --secret -.
cli-secret-env-unset = The environment variable { $var } is not set.
cli-secret-env-unset-next = Set it first (e.g. read -rs { $var } && export { $var }), or pipe the secret in with --secret -.

## The PC clock against time servers

pc-clock-in-step = in step with { $server }
pc-clock-behind = { $seconds } s behind { $server }
pc-clock-ahead = { $seconds } s ahead of { $server }
pc-clock-no-servers = no time servers are configured ({ $var } is empty)
pc-clock-timeout = no time server answered within { $seconds } s
pc-clock-dns-failure = the time server { $server } could not be found
pc-clock-unreachable = the time server { $server } could not be reached ({ $detail })
pc-clock-bad-answer = the time server { $server } gave an unusable answer ({ $detail })
pc-clock-off = This PC's clock is { $offset } ({ $limit } s at most is allowed); every token set from it would be { $seconds } s wrong. Nothing was written; the token is unchanged.
pc-clock-off-next = Fix this PC's clock, then try again. Windows: Settings > Time & language > Date & time, turn on "Set time automatically" and click "Sync now" (or run "w32tm /resync" as administrator). Linux: run "sudo timedatectl set-ntp true" and check that "timedatectl status" says "System clock synchronized: yes" (with chrony: "sudo chronyc makestep"). If you are sure this PC is right and the time server is wrong, write it anyway with --trust-pc-clock (that is recorded).
pc-clock-check-too-far = { $offset }: more than the { $limit } s allowed, so burns and time syncs will refuse to write it; fix this PC's clock
pc-clock-check-unverified = not verified: { $reason }
pc-clock-verdict-verified = PC clock verified: { $offset }.
pc-clock-verdict-unverified = PC clock not verified: { $reason }; the token got this PC's time unchecked.
pc-clock-verdict-overridden = PC clock { $offset }, written anyway as the operator asked: the token's codes may be off.

## Records: stored error codes and token states

code-reader-error = Talking to the reader failed.
code-auth-failed = The token refused the unlock key.
code-auth-failed-next = Check it is a programmable "-i" model and that the serial matches; repeated failures can lock a token.
code-token-refused = The token rejected a command.
code-token-refused-next = Switch the token off and on and try again; if it repeats, the model may not be supported.
code-bad-answer = The token gave an answer that makes no sense.
code-seed-length = The secret's length does not fit the token (1 to 63 bytes).
code-unknown-model = The token's serial is not a known programmable model.
code-unknown-model-next = Check the token is a Token2 "-i" programmable model.
code-erase-not-confirmed = Setting the clock on this model erases the secret, and that was not confirmed.
code-erase-not-confirmed-next = Burn the token instead (that sets the clock too).
code-stopped = Stopped before anything was written.
code-wrong-card = The card on the reader is not a programmable token; nothing was written to it.
code-wrong-card-next = Lift it and lay the programmable token on the reader.
stored-state-untouched = nothing was written
stored-state-config-maybe-written = the clock and options may have been written: the token may be blank
stored-state-config-written = clock and options written, secret not: the token may be blank
stored-state-seed-maybe-written = the secret may or may not have been written
record-interrupted = interrupted: the token may be blank; lay it on again
record-interrupted-followed = interrupted (a later operation on this token follows)
record-ok = ok
record-ok-matched = ok · the token's code was checked and matched
record-ok-mismatched = ok, but the token's code did not match: it may not hold this secret
record-ok-skipped = ok · the code check was skipped: not verified on the token
record-unknown-cause = unknown cause
record-failed = failed: { $problem }
record-failed-touched = failed: { $problem } ({ $state }; lay it on again)
interrupted-count = { $count } operation(s) were interrupted: lay those tokens on a station's reader to finish them.

## Refusals before any write

refusal-burned-before = Token { $serial } was already burned on { $when }; its secret may already be registered for a user.
refusal-burned-before-batch = Token { $serial } was already burned on { $when } in batch { $batch }; its secret may already be registered for a user.
refusal-burned-before-next = Lay the next token on the reader; to replace this token's secret on purpose, choose "Burn again with a new secret" (command line: --reburn).
refusal-not-recorded = The records could not be written ({ $error }), so nothing was written to the token.
refusal-not-recorded-next = Check the disk has space and the records file is writable, then try again.
refusal-not-sealed = The secret could not be kept encrypted ({ $error }), so nothing was written to the token.
refusal-not-sealed-next = Start again with the passphrase of this records file.
refusal-other-token = Another token ({ $found }) is on the reader now; nothing was written.
refusal-other-token-next = Lay one token at a time on the reader.
refusal-not-in-stock = Token { $serial } is not on this organisation's list of known serials; nothing was written.
refusal-not-in-stock-next = Set it aside and tell the administrator: a token from elsewhere never gets a user's secret. If it was bought here, add the vendor's list with 'totp-burner records stock import FILE'.
known-serial-no-list = the records have no list of known serials (any token is taken)
known-serial-listed = on this organisation's list of known serials ({ $known } listed)
known-serial-not-listed = NOT on this organisation's list of known serials ({ $known } listed): a burn is refused
cli-info-known = Known serials: { $words }
cli-info-known-unchecked = not checked ({ $error })
gui-token-known = Known serials
outcome-spooled = The records server could not take this outcome ({ $error }): it is kept on this PC ({ $waiting } waiting) and delivered before the next token is written. Until then other stations show this token as interrupted.
outcome-not-recorded = Warning: the outcome could not be written to the records ({ $error }); they show this operation as interrupted.
station-stopped = The station stopped: { $error }.
station-stopped-next = Fix the cause and start again; the records show what was burned, and an interrupted token is finished when it is laid on again.
resuming-same = { $serial }: its burn of { $when } was interrupted (the token may be blank); finishing it with the same secret.
resuming-new = { $serial }: its burn of { $when } was interrupted (the token may be blank); finishing it with a new secret (the old one was not kept).
resuming-user-same = { $serial }: its burn of { $when } for { $upn } was interrupted (the token may be blank); finishing it with the same secret.
resuming-user-new = { $serial }: its burn of { $when } for { $upn } was interrupted (the token may be blank); finishing it with a new secret (the old one was not kept).

## Exports

export-records-next = Check the records file.
export-nothing = No kept secrets to export.
export-nothing-next = Only batches run with { $switch } can be exported for Entra ID.
export-passphrase-next = Use the passphrase given when the batch ran.
export-entra-sha1-next = Export only SHA-1 batches (30 or 60 s) for Entra ID; burn SHA-1 tokens for Entra.
export-write-next = Choose a writable file.
records-exported = Wrote { $count } records to { $path }.
entra-file-holds-secrets = This file holds the tokens' SECRETS (readable by you only): upload it to Entra ID, then delete it.
entra-file-holds-secrets-windows = This file holds the tokens' SECRETS: upload it to Entra ID, then delete it. On Windows it gets the permissions of its folder (this program does not restrict it): save it in a folder only you can read.
export-folder-permissions = On Windows this program does not restrict who can read the file: it gets the permissions of its folder. Save it in a folder only you can read (for example in your user folder).

## Readers and models

reader-state-empty = no token
reader-state-token = token present
reader-state-in-use = in use by another program
reader-state-mute = token not answering
reader-state-unavailable = unavailable
time-sync-keeps-secret = time sync keeps the secret
time-sync-erases-secret = time sync erases the secret

## Command line: common output

cli-error = error: { $problem }
cli-next = next:  { $next }
cli-window-failed = the window could not be opened ({ $error }).
cli-window-failed-next = run it on a desktop session (DISPLAY or WAYLAND_DISPLAY set), try "totp-burner gui --renderer glow", or use the command line: totp-burner --help
cli-clock-in-step = in step with this PC
cli-clock-behind = { $seconds } s behind this PC
cli-clock-ahead = { $seconds } s ahead of this PC
cli-code-now = {"  "}Code now:  { $code }   ({ $seconds } s left)
cli-code-neighbours = {"  "}previous:  { $previous }   next: { $next }
cli-code-line = { $code }   ({ $seconds } s left; previous { $previous }, next { $next })
cli-readers-none = No reader is connected. Plug in the USB NFC reader.

## Command line: burn and info

cli-burned = Burned token { $serial } ({ $model }).
cli-burned-account = Account:  { $account }
cli-burned-options = Options:  { $options }
cli-options = { $algorithm }, { $period } s step, display { $display } s
cli-burned-clock = Clock:    set to { $time } (it was { $was })
cli-burned-compare = Switch the token off and on, then compare: until then it shows its old code.
cli-info-serial = Serial:      { $serial }
cli-info-model = Model:       { $model } ({ $time_sync })
cli-info-model-unknown = Model:       unknown (not a known programmable model)
cli-info-token-clock = Token clock: { $time } ({ $difference })
cli-info-reader = Reader:      { $reader }
cli-info-pc-clock = PC clock:    { $check }
cli-warning = warning: { $warning }
cli-arg-period = the token supports a time step of 30 or 60 seconds
cli-arg-display-timeout = the token supports a display timeout of 15, 30, 60 or 120 seconds

## Command line: secrets and their options

cli-stdin-unreadable = The secret could not be read from standard input.
cli-stdin-unreadable-next = Pipe the secret into the command, e.g. `printf %s "$KEY" | totp-burner burn --secret -`.
cli-account-single-secret = --account chooses an account from an authenticator export, but this is a single secret.
cli-account-single-secret-next = Drop --account.
cli-account-missing = The export holds { $count } accounts; there is no account { $number }.
cli-account-missing-next = Choose one of the numbers listed with --account N.
cli-export-none-usable = None of the accounts in this authenticator export can be burned:
cli-export-none-usable-next = Export a time-based (TOTP) account with 6-digit codes and scan that QR code.
cli-export-several = This authenticator export holds several accounts:
cli-export-several-next = Choose the account to burn with --account N.
cli-algorithm-conflict = The otpauth link says { $link } but --algorithm says { $flag }.
cli-algorithm-conflict-next = Drop --algorithm to use the link's setting; the service computes codes with the link's.
cli-period-conflict = The otpauth link says a { $link } s time step but --period says { $flag } s.
cli-period-conflict-next = Drop --period to use the link's setting.

## Command line: sync-time

cli-sync-token = Token { $serial } ({ $model })
cli-sync-clock = Clock:   set to { $time } (it was { $was })
cli-sync-options = Options: { $options }
cli-sync-secret = Secret:  { $secret }
cli-sync-secret-erased = erased: the token is blank, burn a secret now
cli-sync-secret-kept = kept
cli-sync-secret-unknown = unknown (unknown model): burn a secret to be sure

## Command line: scan and QR sources

cli-place-screen = screen { $monitor } via { $backend }
cli-place-clipboard = clipboard
cli-place-clipboard-image = clipboard image
cli-place-camera = camera { $camera }
cli-webcam-hold = Hold the QR code up to camera { $camera } ({ $seconds } s at most)...
cli-webcam-seen-not-secret = seen, not a secret: { $problem }
cli-scan-secret = A secret: { $bytes } bytes. Ready to burn.
cli-scan-secret-for = A secret for { $who }: { $bytes } bytes. Ready to burn.
cli-scan-export = An authenticator export with { $count } accounts ({ $usable } can be burned): choose one with burn --account N.
# Followed by the key itself (only with --show-secret).
cli-scan-shown-secret = secret:
cli-scan-not-a-secret = Not a secret: { $problem }
cli-scan-none = No QR code found.
cli-scan-none-next = Make sure the whole QR code is visible and not covered, then scan again.
cli-scan-found =
    { $count ->
        [one] Found { $count } QR code:
       *[other] Found { $count } QR codes:
    }
cli-qr-none = No QR code was found.
cli-qr-none-next = Make sure the whole QR code is visible and not covered, then scan again, or paste the secret with --secret -.
cli-qr-not-a-secret = The QR code found is not a secret: { $problem }
cli-qr-several = { $count } different secrets were found.
cli-qr-several-next = Leave only one QR code visible, or run `totp-burner scan` and pass the one you want with --secret -.

## Command line: emulate (the virtual token for tests and demos)

cli-emulate-apdu-log = cannot write the APDU log { $path }: { $error }
cli-emulate-card = emulating a { $card } (ATR { $atr }) on vpcd port { $port }
cli-emulate-bad-serial = the serial must be 1 to 32 printable characters.
cli-emulate-unknown-model = unknown model
cli-emulate-token = emulating token { $serial } ({ $model }, { $time_sync }) on vpcd port { $port }
cli-emulate-display = display after a power cycle: { $code }

## Command line: batch

cli-next-short = next: { $next }
cli-file-unreadable = { $path } could not be read ({ $error }).
cli-file-unreadable-next = Check the file name.
cli-batch-continuing = Rows { $rows } were done before (the last on { $last }); continuing at row { $row }.
cli-batch-all-done = Every row of this list was done before (the last on { $last }); nothing to burn.
cli-batch-start-row-override = starting at row { $row } as asked: rows { $rows } were burned before and will be burned again, with their tokens' secrets replaced.
cli-batch-waiting = Next: { $next }. Switch the token on and lay it on the reader.
cli-batch-need-secret = { $serial }: no secret to burn yet.
cli-batch-burned-this-run = { $serial }: already burned in this run, not burned again.
cli-batch-burned-before = { $serial }: already burned on { $when }; not burned again (its secret may be registered for a user). To give it a new secret, run with --reburn.
cli-batch-burned-before-batch = { $serial }: already burned on { $when } in batch { $batch }; not burned again (its secret may be registered for a user). To give it a new secret, run with --reburn.
cli-batch-done = { $serial } { $model } { $done ->
        [finished] finished
       *[burned] burned
    } · code { $code } · { $ms } ms
cli-batch-done-user = { $serial } { $model } { $done ->
        [finished] finished
       *[burned] burned
    } for { $upn } · code { $code } · { $ms } ms
cli-batch-stopping-after-warning = Stopping the batch.
cli-batch-failed = { $serial } FAILED: { $problem }
cli-batch-failed-token = token FAILED: { $problem }
cli-batch-lift = Lift the token off the reader.
cli-batch-bad-list = The user list cannot be used: { $error }.
cli-batch-bad-list-next = Fix the list (each user and each secret may appear once) and start again.
cli-batch-keeping-secrets = Keeping the secrets, encrypted, in { $path } for the Entra export.
cli-batch-vault = The kept secrets cannot be opened: { $error }.
cli-batch-vault-next = Use the passphrase of the earlier batches of this records file (new files: at least 8 characters).
cli-batch-stopping = Stopping: a token being burned is finished first.
cli-batch-readers = Readers: { $readers } (one token on each).
cli-batch-summary = Batch { $batch }: { $burned } burned, { $failed } failed, { $refused } refused as burned before.
cli-batch-summary-resumed = Batch { $batch }: { $burned } burned ({ $resumed } of them finished after an interruption), { $failed } failed, { $refused } refused as burned before.
cli-batch-rows-left = Rows { $rows } are not burned yet: run the same command again to continue.
cli-batch-in-doubt = Left unfinished (the token may be blank): { $serials }. Lay each on a reader in a station run to finish it.

## Command line: records

cli-records-no-folder = No data folder for the records was found.
cli-records-no-folder-next = Name the records file with --records FILE.
cli-records-unopenable = The records database could not be opened ({ $error }).
cli-records-unopenable-next = Check the folder exists and is writable, or choose another file with --records FILE.
cli-records-server-unopenable = The records at { $place } could not be used ({ $error }).
cli-records-server-unopenable-next = Check the address, that the server runs and this PC reaches it, and this login's password (its pgpass file or PGPASSWORD); nothing was written to any token.
cli-records-address-next = Give the server as postgresql://LOGIN@HOST/DATABASE; a server on another machine needs ?sslrootcert=ROOT-CERTIFICATE (its TLS is always verified).
cli-records-init-exists = The records at { $place } are already set up.
cli-records-init-exists-next = Nothing was changed. To bring them up to this version, run 'totp-burner records migrate'.
cli-records-schema = Records at { $place }: schema version { $before } -> { $after }.
cli-stock-done = Known serials: { $added } added, { $already } known already; { $total } in all. Tokens not on the list are refused from now on.
cli-stock-none = No serial found in { $path } (one per line, or a CSV with the serial in a column of 10 to 20 digits).
cli-stock-next = Give the vendor's list of the tokens bought (one serial per line, or its CSV).
cli-import-done = Imported { $added } records ({ $already } were there already), { $handouts } hand-outs; { $resealed } kept secrets sealed again to this store's key.
cli-import-secrets-left-out = { $count } kept secrets were left out (no --secrets, or the passphrase did not open them): { $serials }
cli-import-failed = Nothing was imported: { $error }
cli-import-failed-next = Check the station's file and, with --secrets, its passphrase; then run the import again (it adds nothing twice).
cli-records-fleet-key = The key for kept secrets is made: stations seal to it; only this passphrase opens them (exports, codes, hand-out).
cli-station-password-prompt = Password for station login { $name }:
cli-station-added = Station login { $name } made: it may read and append records in its own name. Give it to that station as postgresql://{ $name }@HOST/DB (the password in its pgpass file or PGPASSWORD).
cli-station-add-next = Run it as the server's administrator login, with a name not used yet.
cli-passphrase-needed = A passphrase is needed for the kept secrets.
cli-passphrase-needed-next = Run it in a terminal to be asked, or set TOTP_BURNER_PASSPHRASE.
cli-passphrase-prompt = Passphrase for the kept secrets:
cli-passphrase-again = Again:
cli-passphrases-differ = The passphrases differ.
cli-passphrases-differ-next = Try again.
cli-records-none = No records.
cli-records-batch = batch { $batch }

## gui (ux)

gui-check-question = Switch the token off and on, then type the code it shows.
gui-check-code-label = Code on the token:
gui-check-code-hint = 6 digits
gui-check-button = Check
gui-check-skip = Skip the check
gui-check-skip-hint = The burn is then not confirmed on the token: if it does not show this secret's codes, its user cannot sign in. The records say the check was skipped.
gui-check-not-a-code = Type the { $digits } digits the token shows.
gui-check-first = Type the token's code (or skip the check) before the next token.
gui-check-not-recorded = The check could not be recorded: { $error }
gui-check-was-previous = (It showed the code before this one: its clock is a step behind, or the code just changed.)
gui-check-was-next = (It showed the next code: its clock is a step ahead.)
gui-check-skipped = Not checked: the token may not show this secret's codes. The records say so.
gui-check-now = Check now
gui-status-skipped = Burned, not checked. Next token: Enter.
gui-result-burned = Burned: { $model } · { $serial }
gui-result-seconds-left = { $seconds } s left
gui-result-neighbours = previous { $previous }   ·   next { $next }
gui-result-next = Next token
gui-result-next-hint = Forget this secret and go on to the next token (Enter or Ctrl+N once checked)
gui-result-verified = The token shows the right code. Type it into the service (for example Entra) now.
gui-result-copy = Copy code
gui-result-copy-hint = Cleared from the clipboard after 30 s
gui-result-mismatch = The token shows another code.
gui-result-cause-options = The options differ from the service's (HMAC, time step): check them and burn again.
gui-result-cause-token = Another token is on the reader, or this one was not switched off and on.
gui-result-check-again = Type the code again
gui-token-more = More
gui-token-burn-sets-clock = Burn already sets the token's clock: you need this only to set the clock without burning.
gui-token-sync = Sync time…
gui-burn-button = Burn (Enter)
gui-burn-sets-clock = Burn writes the secret, the options and this PC's checked time.
gui-burn-needs-secret = Burn waits for a usable secret: see 1. Secret.
gui-burn-sets-clock-unverified = Burn writes the secret, the options and this PC's time (not checked against a time server: see the token panel).
gui-burn-failed = Failed
gui-sync-cancel = Cancel
gui-sync-erase = Sync and erase the secret
gui-sync-keep = Sync the clock
gui-status-station-running = Station running: lay the tokens on { $readers } one after another; each is burned by itself.
gui-status-burned = Burned. Switch the token off and on and type the code it shows.
gui-status-verified = Burned and checked. Next token: Enter.
gui-status-mismatch = The token shows another code: see the likely causes below.
gui-result-cause-clock = The token's clock is off: Burn again sets it, then compare.
gui-result-burn-again = Burn again
gui-top-demo = DEMO · virtual token
gui-station-stopped = Not started
gui-station-starting = Opening the records…
gui-station-place-next = PLACE NEXT
gui-station-place-next-line = Next: { $next }. Switch the token on and lay it on the reader.
gui-station-done = DONE
gui-station-failed = FAILED
gui-station-already = ALREADY DONE
gui-station-lift = Lift the token.
gui-station-count = Burned in this run: { $burned }
gui-station-start = Start station

## Hand-out (explain and CLI)

handout-assign-command = totp-burner records assign --serial { $serial } --upn USER@DOMAIN
handout-assign-view = hand { $serial } out in the Hand-out view
handout-no-serial = No token serial was given.
handout-no-serial-next = Lay the token on the reader, or type the serial printed on its back.
handout-bad-serial = "{ $serial }" is not a token serial.
handout-bad-serial-next = Type the digits printed on the back of the token, or lay it on the reader.
handout-bad-upn = "{ $upn }" is not a user principal name.
handout-bad-upn-next = Type the user's sign-in name, e.g. alice@contoso.com (no spaces, commas or quotes).
handout-never-burned = Token { $serial } was never burned at this station: the records hold no secret for it.
handout-never-burned-next = Burn it first (Station view or `totp-burner batch`), or check the serial and the records file.
handout-last-burn-failed = Token { $serial } cannot be handed out: its last burn { $outcome }.
handout-last-burn-failed-next = Burn it again (lay it on a station's reader with "Burn again" / --reburn), then hand it out.
handout-interrupted = Token { $serial } cannot be handed out: its last burn was interrupted and it may be blank.
handout-interrupted-next = Lay it on a station's reader to finish the burn, then hand it out.
handout-unchecked-mismatched = Token { $serial } may not hold the secret in the records: the code it showed after its burn did not match.
handout-unchecked-skipped = Token { $serial } was not checked: the code check after its burn was skipped, so it may not hold the secret in the records.
handout-unchecked-next = Lay it on a reader and check its code (burn it again if it does not match), or hand it out anyway with --accept-unchecked.
app-handout-unchecked-next = Burn it again and check its code, or press "Hand out anyway".
export-unchecked = { $count } token(s) may not hold the secret being exported: the code check after their burn did not match or was skipped ({ $serials }).
export-unchecked-next = Check each one's code (burn it again if it does not match), or export them anyway with --accept-unchecked.
app-export-unchecked-next = Check each one's code (burn it again if it does not match), or press "Export anyway".
gui-handout-anyway = Hand out anyway
gui-export-anyway = Export anyway
cli-help-arg-accept-unchecked = Hand out or export tokens whose code check after the burn did not match or was skipped (they may not hold the secret in the records).
handout-records = The records could not be read or written ({ $error }).
handout-records-next = Check the records file and the disk, then try again.
handout-assigned-again = Token { $serial } handed out to { $upn } again.
handout-assigned-was = Token { $serial } handed out to { $upn } (it was { $previous }'s).
handout-assigned = Token { $serial } handed out to { $upn }.
handout-assigned-not-kept = Its secret was not kept, so it cannot go into the Entra ID export.
handout-no-batch = no batch
handout-one-batch = batch { $batch }
handout-many-batches = batches { $batches }
handout-entra-wrote = Wrote { $count ->
    [one] 1 token
   *[other] { $count } tokens
} of { $batches } to { $path }.
handout-entra-nobody = No token has a user yet: { $path } was not written (Entra ID needs a UPN in every row).
handout-entra-unassigned = { $count ->
    [one] 1 token has no user and is not in the Entra file; hand it out first:
   *[other] { $count } tokens have no user and are not in the Entra file; hand each out first:
}
handout-unknown-model = unknown model
handout-entra-unassigned-wrote = Wrote them to { $path } (the same layout with the UPN empty; it holds their secrets).
handout-entra-unassigned-keep = To keep them for later, export again with a file for the unassigned tokens.
handout-nobody-assigned = { $count ->
    [one] The token with a kept secret has no user yet; Entra ID needs a UPN in every row.
   *[other] None of the { $count } tokens with a kept secret has a user yet; Entra ID needs a UPN in every row.
}
handout-nobody-assigned-command = Hand them out first: totp-burner records assign --serial S --upn USER@DOMAIN (or add --unassigned FILE to write them for later).
handout-nobody-assigned-view = Hand them out first in the Hand-out view (or give a file for the unassigned tokens).
handout-receipt-step1 = Switch on
handout-receipt-step1-words = Press the token's button: it shows a 6-digit code for a few seconds.
handout-receipt-step2 = Compare the code
handout-receipt-step2-words = Check the serial on the back of the token is the one above. Each code is good for its time step only: when asked for a code, type the one the token shows now (press the button again for a fresh one).
handout-receipt-step3 = Sign in
handout-receipt-step3-words = At sign-in choose the hardware token ("verification code") and type the code it shows. Never tell anyone a code, and report a lost token to the help desk at once.
handout-receipt-nobody-user = No token is handed out to { $upn }.
handout-receipt-nobody-batch = No token of batch { $batch } has a user.
handout-receipt-nobody-next = Hand the tokens out first, then write the receipt.
handout-receipt-written = Wrote a receipt for { $count ->
    [one] 1 token
   *[other] { $count } tokens
} to { $path } (one page each; no secret on it): open it in a browser and print it.
cli-handout-records-unreadable = The records could not be read ({ $error }).
cli-handout-records-unreadable-next = Check the records file.
cli-handout-users-unreadable = The users list { $path } cannot be read ({ $error }).
cli-handout-users-unreadable-next = Check the file name, or type the user with --upn.
cli-handout-users-unusable = The users list { $path } cannot be used: { $error }.
cli-handout-users-unusable-next = Give a CSV with a UPN per row (or an Entra users download).
cli-handout-user-prompt = User (number, UPN or part of a name):
cli-handout-no-pick = No user was picked.
cli-handout-no-pick-next = Pick one with --upn (a UPN, a row number or a part of a name).
cli-handout-pick-failed = { $error } in { $path }.
cli-handout-pick-failed-next = Type more of the UPN or name, or the row number.
cli-handout-col-serial = serial
cli-handout-col-user = user
cli-handout-col-code = code
cli-handout-col-left = left

## gui (i18n2)

gui-language = Language:
gui-theme = Theme:
gui-theme-system = System
gui-theme-light = Light
gui-theme-dark = Dark
gui-language-os = System ({ $language })
gui-keep-secrets-switch = "Keep secrets" (Station view)
gui-secret-heading = 1. Secret
gui-secret-scan = Scan screen
gui-secret-scan-hover = Ctrl+Shift+S: hides this window and reads the QR code on the screen
gui-secret-webcam = Webcam
gui-secret-webcam-stop = Stop webcam
gui-secret-open-image = Open image…
gui-secret-paste = Paste
gui-secret-paste-hover = Ctrl+V: a copied key, link or QR picture
gui-secret-looking = Looking for a QR code…
gui-secret-hold-qr = Hold the QR code in front of the camera.
gui-secret-field = Secret key, otpauth link or export:
gui-secret-field-hint = Base32 key, hex, otpauth://… or drop a QR picture
gui-secret-pasted-cleared = Pasted: the clipboard is cleared so the secret does not stay there.
gui-secret-read-back = Read back: { $key }
gui-secret-show = Show secret
gui-secret-clear = Clear
gui-secret-from-typed = typed
gui-secret-from-pasted = pasted
gui-secret-from = Source: { $origin }
gui-secret-scan-took = The scan took { $ms } ms.
gui-secret-no-account = no account name
gui-secret-ready = Ready: { $who } · a { $bits }-bit key
gui-secret-also-found = Also found: { $problem }
gui-secret-what-to-do = What to do: { $next }
gui-secret-export-holds = This export holds { $count } accounts:
gui-secret-account-n = account { $n }
gui-secret-cannot-burn = { $name } (cannot be burned)
gui-secret-open-heading = Open image
gui-secret-open-path = Path of a PNG, JPEG, BMP or WebP picture of the QR code (or drop the file on the window):
gui-secret-open = Open
gui-secret-cancel = Cancel
gui-secret-no-qr = No QR code found ({ $place }).
gui-secret-no-qr-next = Make sure the whole QR code is visible and not covered, then scan again.
gui-secret-none-burnable = None of the accounts in this export can be burned.
gui-secret-none-burnable-next = Export a time-based (TOTP) account with 6-digit codes.
gui-secret-several = This export holds several accounts.
gui-secret-several-next = Choose the account to burn from the list.
gui-log-heading = Expert log
gui-log-copy = Copy log
gui-log-clear = Clear log
gui-demo-token = Virtual token
gui-demo-power = Power (off and on)
gui-demo-lift = Lift off the reader
gui-demo-lay = Lay on the reader
gui-demo-show-qr = Show demo QR
gui-demo-qr-hint = The demo QR window plays the sign-in page: press Scan screen.
gui-demo-qr-title = Demo sign-in page — scan this QR code
gui-demo-qr-company = Demo Company · set up your authenticator
gui-demo-qr-secret = Secret key: shown only in the QR code
gui-store-label = Records:
gui-store-none = no data folder for the records file
gui-store-check = Check
gui-store-change = Change…
gui-store-checking = checking…
gui-store-ready = connected
gui-store-ready-waiting = connected; { $waiting } outcomes waiting on this PC to be delivered
gui-store-unreachable = unreachable ({ $error }); { $waiting } outcomes waiting on this PC. Stations wait and go on by themselves.
gui-store-refused = refused: { $error }
gui-store-password-needed = password needed: type it below and press Connect (it is kept only until the app closes)
gui-store-address = Records server (or file)
gui-store-password = Password
gui-store-password-note = The password is never saved with the settings: type it at each start, or give it in PGPASSWORD or the pgpass file. Servers other than this PC are reached only over verified TLS (sslrootcert=…).
gui-store-connect = Connect
gui-store-use-file = Use this PC's file
gui-store-cancel = Cancel
gui-records-heading = Records
gui-records-search = Search serial or UPN:
gui-records-search-hint = part of a serial or UPN
gui-records-outcome = Outcome:
gui-records-batch = Batch:
gui-records-all-batches = all batches
gui-records-all-outcomes = all outcomes
gui-records-ok = ok
gui-records-failed = failed
gui-records-interrupted = interrupted
gui-records-older = Show older operations
gui-records-refresh = Refresh
gui-records-no-match = No operation matches this search.
gui-records-none = No records yet: burns and time syncs are recorded here.
gui-col-time = Time
gui-col-serial = Serial
gui-col-model = Model
gui-col-operation = Operation
gui-col-outcome = Outcome
gui-col-upn = UPN
gui-col-batch = Batch
gui-col-reader = Reader
gui-col-station = Station
gui-col-user = User
gui-col-serial-from = Serial from
gui-col-operator = Operator
gui-col-code-now = Code now
gui-col-seconds-left = Seconds left
gui-records-export = Export
gui-records-export-file = Export to file:
gui-records-export-file-hint = path of the CSV file to write
gui-records-export-records = Export records (CSV)…
gui-records-export-records-note = Every record, no secrets.
gui-passphrase = Passphrase of the kept secrets:
gui-records-export-entra = Export for Entra ID (CSV)…
gui-records-unassigned-file = Tokens without a user to file (optional):
gui-records-unassigned-hint = they are left out of the Entra file
gui-records-entra-of = Entra ID export of { $batches }: the kept secrets of the tokens handed out to a user (SHA-1, 30 or 60 s).
gui-records-every-batch = every batch
gui-records-exporting = Exporting…
gui-records-no-folder = No data folder for the records was found.
gui-records-no-folder-next = Start the app with a data folder (TOTP_BURNER_DATA_DIR).
gui-records-search-not-started = The search could not be started.
gui-records-passphrase-needed = The Entra ID export needs the passphrase of the kept secrets.
gui-passphrase-needed-next = Type the passphrase given when the batch ran.
gui-records-no-file = No file to write was given.
gui-records-no-file-next = Type the path of the CSV file to write in "Export to file".
gui-not-started = It could not be started.
gui-not-started-next = Try again.
gui-records-unopenable = The records cannot be opened: { $error }.
gui-records-unopenable-next = Check the records file.
gui-records-unreadable = The records cannot be read: { $error }.
gui-handout-heading = Hand-out
gui-handout-intro = Give each burned token to its user: the hand-out is recorded, and the Entra ID export holds only tokens handed out.
gui-handout-serial = Token serial:
gui-handout-serial-hint = lay the token on the reader, or type its serial
gui-handout-read-from = read from the token on { $reader }
gui-handout-no-token = no token on the reader
gui-handout-typed = typed
gui-handout-upn = User (UPN):
gui-handout-upn-hint = user@domain, or part of a name in the list
gui-handout-users = Users list (CSV):
gui-handout-users-hint = an Entra users download, or one UPN per line
gui-handout-load = Load list
gui-handout-pick = Pick:
gui-handout-hand-out = Hand out
gui-handout-lately = Handed out lately
gui-handout-none = No token handed out yet.
gui-handout-codes = Activation codes
gui-handout-codes-intro = Entra ID asks for each uploaded token's current code: here they are for every token handed out whose secret was kept, without pressing each token.
gui-handout-show-codes = Show codes
gui-handout-hide-codes = Hide codes
gui-handout-seconds = { $seconds } s
gui-handout-receipt = Receipt
gui-handout-receipt-file = Receipt file (HTML):
gui-handout-receipt-hint = path of the page to print
gui-handout-receipt-user = Receipt for this user
gui-handout-receipt-batch = Receipt for the batch
gui-handout-receipt-note = Serial, user, date and how to use the token; no secret, no code.
gui-handout-users-unreadable = The users list { $path } cannot be read ({ $error }).
gui-handout-users-unreadable-next = Check the file name, or type the UPN.
gui-handout-users-unusable = The users list cannot be used: { $error }.
gui-handout-users-unusable-next = Give a CSV with a UPN per row (or an Entra users download).
gui-handout-codes-passphrase = The codes need the passphrase of the kept secrets.
gui-handout-choose-batch = Choose the batch (above) for a batch's receipt.
gui-handout-pick-user = Type or pick the user first.
gui-handout-receipt-path = Type the path of the HTML file to write.
gui-handout-receipt-not-written = The receipt was not written.
gui-device-records-unopenable = The records cannot be opened ({ $error }), so nothing is burned: every burn must be recorded.
gui-place-clipboard = clipboard
gui-place-clipboard-image = clipboard image
gui-place-dropped-image = dropped image
gui-place-camera = camera
gui-place-screen = screen via { $backend }
gui-log-no-answer = no answer
gui-log-token = token { $serial } ({ $model }) clock { $clock }
gui-log-pc-clock = PC clock: { $words }
gui-pc-clock-unverified = not verified (no time server answered)
gui-records-op-burn = burn
gui-records-op-sync-time = time sync

## window renderer
renderer-fallback = note: the wgpu renderer could not start ({ $why }); opening the window with the glow (OpenGL) renderer instead.

## h-wizard
gui-wizard-step-secret = Get the secret
gui-wizard-step-check = Check it
gui-wizard-step-token = Switch the token on and place it
gui-wizard-step-burn = Burn
gui-wizard-step-verify = Verify
gui-wizard-step-bar = { $number }. { $title }
gui-wizard-back = Back
gui-wizard-next = Next
gui-wizard-finish = Now type the code the token shows into Entra (or your identity provider) to finish the enrolment.
gui-wizard-summary-heading = Who is enrolled, and what will be burned
gui-wizard-summary-no-secret = No secret yet: go back to the first step.
gui-wizard-summary-account = Account
gui-wizard-summary-no-account-link = none in the link
gui-wizard-summary-no-account-key = no account name (a bare key, not a link)
gui-wizard-summary-issuer = Issuer
gui-wizard-summary-no-issuer = none named
gui-wizard-summary-secret = Secret
gui-wizard-summary-length = { $kind ->
    [short] a { $bits }-bit key: shorter than the 128 bits the standard asks for. Check that the whole key was captured.
    [long] a { $bits }-bit key, longer than usual
   *[usual] a { $bits }-bit key, the usual length
}
gui-wizard-summary-hash = Hash (HMAC)
gui-wizard-summary-sha1 = SHA-1, what nearly every service uses
gui-wizard-summary-sha256 = SHA-256
gui-wizard-summary-step = New code every
gui-wizard-summary-display = Display stays on for
gui-wizard-seconds = { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}
gui-wizard-summary-token = Token
gui-wizard-summary-token-value = { $model }, serial { $serial }
gui-wizard-summary-no-token = not on the reader yet
gui-wizard-summary-clock = Clock
gui-wizard-summary-clock-value = set to this PC's time during the burn

## h-station
gui-station-title = Provisioning station
gui-station-stop = Stop after this token
gui-station-full-screen = Full screen (F11)
gui-station-leave-full-screen = Leave full screen (F11 or Esc)
gui-station-counters = Burned: { $burned }   ·   Failed: { $failed }   ·   Already done: { $already }
gui-station-run-line = This run: { $source } · { $hmac } / { $step } s · { $kept }. Stop it to change anything.
gui-station-run-kept = secrets kept (encrypted)
gui-station-run-not-kept = secrets not kept
gui-station-badge = • running
gui-station-banner = Station running on { $readers }: tokens laid there are burned by the station.
gui-token-held-by-station = The station run is using { $readers }: this view does not touch its tokens. To use the reader here, stop the run ("Stop after this token" above, or in the Station view).
gui-station-keeping = Secrets are being KEPT (encrypted) in the records for export.
gui-station-source-random = Random secrets
gui-station-source-csv = CSV list of users
gui-station-source-per-user = Each user's QR code
gui-station-csv-file = CSV file (upn,secret or upn per line):
gui-station-keep-secrets = Keep secrets (encrypted) for the Entra ID export
gui-station-passphrase = Passphrase:
gui-station-passphrase-again = Passphrase again (a new records file):
gui-station-not-kept-warning = Secrets are NOT kept. Without the kept secret these tokens can never be imported into Entra ID: nobody will know the secret burned into them, so no user can sign in with them. Turn "Keep secrets" back on unless that is what you want.
gui-station-reburn = Burn again with a new secret: tokens burned before get a new secret
gui-station-no-data-folder = No data folder for the records was found.
gui-station-passphrase-needed = Enter a passphrase to keep the secrets.
gui-station-list-unreadable = { $path } cannot be read ({ $error }).
gui-station-passphrase-twice = This records file has no kept secrets yet: type the new passphrase twice (at least { $chars } characters).
gui-station-continuing = { $done } rows of this list were done before (the last on { $when }); continuing at row { $row }.
gui-station-list-all-done = Every row of this list was done before.
gui-station-need-secret = Scan this user's QR code first.
gui-station-waits-for-secret = { $serial } waits for a secret
gui-station-already-this-run = { $serial } is already burned in this run.
gui-station-already-batch = { $serial } was already burned on { $when } (batch { $batch }): not burned again.
gui-station-already-before = { $serial } was already burned on { $when }: not burned again.
gui-station-burned = { $model } { $serial } burned.
gui-station-burned-for = { $model } { $serial } burned for { $upn }.
gui-station-finished = { $model } { $serial } finished (its burn had been interrupted).
gui-station-finished-for = { $model } { $serial } finished for { $upn } (its burn had been interrupted).
gui-station-failed-serial = { $serial }: { $problem } { $next }
gui-station-failed-text = { $problem } { $next }
gui-station-live-code = { $serial } shows this code now (switch it off and on to compare):
gui-station-tile-last = Last: { $serial }
gui-station-tile-none = No token yet
gui-station-summary-title = Run ended
gui-station-summary-counts = { $burned } burned · { $failed } failed · { $already } already done
gui-station-summary-batch = Batch: { $batch }
gui-station-summary-span = From { $start } to { $end } ({ $minutes } min { $seconds } s)
gui-station-summary-in-doubt = Unfinished (lay each on a reader again to finish it): { $serials }
gui-station-summary-next-nothing = Nothing was burned in this run.
gui-station-summary-next-per-user = Next: hand each token to its user (Hand-out view); they finish signing in with the code it shows.
gui-station-summary-next-export = Next: hand the tokens out (Hand-out view), then export the kept secrets for Entra ID (Records view, "Export for Entra ID (CSV)…"): the export takes the tokens that have a user.
gui-station-summary-next-not-kept = Next: hand the tokens out (Hand-out view). Their secrets were not kept, so they cannot be imported into Entra ID.
gui-station-summary-dismiss = Dismiss (Esc)
next-up-token = token { $number }
next-up-token-of = token { $number } of { $total }
next-up-scanned-user = the user whose QR code was scanned
next-up-list-done = nothing: the list is done
next-up-batch-done = nothing: the batch is done

## h-words
gui-app-name = TOTP burner
gui-window-title-demo = { $name } — demo
gui-tab-handout = Hand-out
gui-tab-records = Records
gui-tab-station = Station
gui-tab-wizard = Wizard
gui-tab-burner = Burner
gui-status-hint = What to do next
gui-status-busy = Talking to the token…
gui-status-service-down = The smart-card service is not running: start it (Linux: pcscd; Windows: the "Smart Card" service).
gui-status-no-reader = Plug in the USB NFC reader.
gui-status-several-tokens = Tokens lie on several readers: choose the reader to use.
gui-status-absent = Switch the token on and lay it on the reader.
gui-status-reading = Reading the token…
gui-status-failed = { $problem } { $next }
gui-status-token = { $model } · { $serial } · clock { $clock }
gui-status-token-ready = { $model } · { $serial } · clock { $clock } · ready to burn
gui-status-token-no-secret = { $model } · { $serial } · clock { $clock } · scan or paste the secret
gui-reader-heading = 2. Reader
gui-reader-service-down = The smart-card service is not running.
gui-reader-service-down-next = What to do: start the smart-card service (Linux: sudo systemctl start pcscd; Windows: the "Smart Card" service).
gui-reader-none = No reader found. Plug in the USB NFC reader.
gui-reader-automatic = Automatic (the reader holding a token)
gui-reader-line = { $reader } — { $state }
gui-token-heading = 3. Token
gui-token-absent = Switch the token on (press its button) and lay it on the reader.
gui-token-reading = Reading the token…
gui-token-model = Model
gui-token-serial = Serial
gui-token-clock = Clock
gui-token-clock-in-step = in step with this PC
gui-token-clock-behind = { $seconds } s behind this PC
gui-token-clock-ahead = { $seconds } s ahead of this PC
gui-token-pc-clock = PC clock
gui-token-time-sync = Time sync
gui-token-sync-erases = erases the secret
gui-token-sync-keeps = keeps the secret
gui-token-sync-unknown = unknown model
gui-options-heading = Options
gui-options-hmac = HMAC
gui-options-time-step = Time step
gui-options-display-timeout = Display timeout
gui-options-seconds = { $seconds } s
gui-options-pair = { $algorithm } / { $seconds } s
gui-options-differ-link = The link says { $wanted }: with these options the codes will not match the service's.
gui-options-differ-standard = The standard for a key with no link says { $wanted }: with these options the codes will not match the service's.
gui-options-confirm-heading = Burn other options than the secret's?
gui-options-confirm-link = The link says { $wanted }; burn { $chosen } anyway?
gui-options-confirm-standard = The standard for a key with no link says { $wanted }; burn { $chosen } anyway?
gui-options-confirm-note = The token's codes will not match the ones the service expects.
gui-options-confirm-burn = Burn { $chosen } anyway
gui-options-cancel = Cancel
gui-burn-burning = Burning: { $step }…
gui-burn-no-secret = Scan or paste the secret first.
gui-burn-syncing = Setting the clock…
gui-burn-trust-pc = Write this PC's time anyway
gui-burn-trust-pc-hint = Only if you know this PC's clock is right and the time servers are wrong; recorded as overridden.
gui-burn-reburn = Burn again with a new secret
gui-burn-reburn-hint = Replaces the secret the records say this token holds: a user it was registered for can no longer sign in with it.
gui-burn-records-next = Check that the data folder is writable and the disk has space, then try again.
gui-sync-heading = Sync the token's clock?
gui-sync-writes-options = The clock is written together with the options shown (HMAC, time step, display timeout).
gui-sync-erases = On the { $model }, setting the clock ERASES the secret: the token will show no code until you burn it again.
gui-sync-erases-this = On this token, setting the clock ERASES the secret: the token will show no code until you burn it again.
gui-sync-done-erased-burn = Clock set. This model erased its secret: the token is blank and shows no code. Burn it again now: press Burn (Enter).
gui-sync-done-erased-scan = Clock set. This model erased its secret: the token is blank and shows no code. Scan or paste the secret again, then press Burn (Enter).
gui-sync-done-kept = Clock set; the secret was kept.
gui-sync-done-unknown = Clock set; burn the token to be sure it holds a secret.
gui-log-step = step: { $step }
gui-log-burned = burned { $serial } · code { $code }
gui-log-burn-failed = burn failed: { $problem }
renderer-started = renderer: { $renderer }
renderer-started-chosen = renderer: { $renderer } (chosen in the settings or on the command line)
renderer-started-fallback = renderer: glow (OpenGL); wgpu could not start here ({ $why }), so the window was opened again with glow
receipt-title = Hardware token receipt
receipt-heading = Your hardware token
receipt-user = User
receipt-serial = Token serial
receipt-model = Model
receipt-model-unknown = Token2 TOTP token
receipt-handed-out = Handed out
receipt-handed-out-at = { $date } at { $station }
receipt-received-by = Received by: ______________________
time-local = { $date }, { $time }
time-local-date = { $day } { $month } { $year }
time-month-1 = Jan
time-month-2 = Feb
time-month-3 = Mar
time-month-4 = Apr
time-month-5 = May
time-month-6 = Jun
time-month-7 = Jul
time-month-8 = Aug
time-month-9 = Sep
time-month-10 = Oct
time-month-11 = Nov
time-month-12 = Dec
secret-web-address-typed = You typed a web address, not a secret key.
secret-web-address-typed-next = Type or paste the secret key (or the otpauth:// link) instead, or scan the secret's QR code from the sign-in page.
app-transport-unavailable-next = Check the reader is plugged in and the smart-card service is running, then try again.
app-choose-reader-next = Choose the reader in the Reader panel (or "Automatic").
app-several-tokens-next = Lift the tokens you are not burning, or choose the reader in the Reader panel.
app-unknown-model-next = Check the token is a Token2 "-i" programmable model: the app burns only the models it knows.
app-erase-not-confirmed-next = Burn the token instead (that sets the clock too), or confirm the sync in its dialog and burn a secret afterwards.
app-pc-clock-off-next = Fix this PC's clock, then try again. Windows: Settings > Time & language > Date & time, turn on "Set time automatically" and click "Sync now" (or run "w32tm /resync" as administrator). Linux: run "sudo timedatectl set-ntp true" and check that "timedatectl status" says "System clock synchronized: yes" (with chrony: "sudo chronyc makestep"). If you are sure this PC is right and the time server is wrong, choose "Write this PC's time anyway" (that is recorded).
app-refusal-burned-before-next = Lay the next token on the reader; to replace this token's secret on purpose, choose "Burn again with a new secret".
app-handout-last-burn-failed-next = Burn it again (lay it on a station's reader and choose "Burn again"), then hand it out.
cli-help-about = Burns TOTP secrets into Token2 programmable hardware tokens over PC/SC
cli-help-about-gui-only = Opens the TOTP burner desktop app.
cli-help-about-gui = Open the desktop app (the default with no subcommand)
cli-help-about-info = Show the token's serial, model and clock
cli-help-about-burn = Burn a secret into the token
cli-help-about-sync-time = Set the token's clock to this PC's time (and write the options)
cli-help-about-code = Show the codes for a secret; no token needed
cli-help-about-scan = Find QR codes (image, screen, webcam, clipboard) and say what they are
cli-help-about-readers = List the PC/SC readers and what each holds
cli-help-about-batch = Burn tokens one after another as they are laid on the reader
cli-help-about-records = List or export the records of every operation
cli-help-about-emulate = Serve an emulated token to pcscd through vsmartcard-vpcd
cli-help-about-records-list = List the records
cli-help-about-records-export = Export the records (CSV) or the kept secrets (Entra ID CSV)
cli-help-about-records-assign = Hand a burned token out to its user (recorded; the latest wins)
cli-help-about-records-codes = Live codes of the tokens handed out whose secret was kept (for Entra ID's activation); never the secrets
cli-help-about-records-receipt = A printable hand-out receipt (HTML) per user or per batch
cli-help-about-records-init = Make the records in an empty PostgreSQL server (an administrator, once)
cli-help-about-records-migrate = Bring the records' schema up to this version (an administrator, before stations of this version start)
cli-help-about-records-add-station = Make a station's login on a records server (an administrator): it may read and append in its own name only
cli-help-about-records-stock = The known serials: the vendor's list of the tokens bought
cli-help-about-records-stock-import = Add the vendor's list of serials; from then on tokens not on it are refused
cli-help-about-records-import = Copy a station's own records file into this store (run again, it adds nothing twice)
cli-help-about-help = Print this message or the help of the given subcommand(s)
cli-help-usage = Usage:
cli-help-options = Options:
cli-help-commands = Commands:
cli-help-arg-help = Print help
cli-help-arg-version = Print version
cli-help-arg-demo = Use a built-in virtual reader and token, and show a demo QR code
cli-help-arg-renderer = Draw the window with this renderer (default: wgpu, and glow where wgpu cannot start; the "renderer" setting does the same)
cli-help-arg-reader = Use the reader with this name (or a unique part of it)
cli-help-arg-emulator = Use a built-in emulated token instead of a real reader
cli-help-arg-json = Print JSON
cli-help-arg-secret = Base32, hex, otpauth:// or otpauth-migration:// text. Use `-` to read it from standard input: TEXT itself shows in process lists and shell history
cli-help-arg-secret-env = Read the secret text from this environment variable
cli-help-arg-qr-image = Take the secret from the QR code in an image file
cli-help-arg-qr-screen = Take the secret from the QR code on the screen
cli-help-arg-qr-webcam = Take the secret from a QR code held up to the webcam
cli-help-arg-camera = Camera number (see the system's camera list; 0 is the first)
cli-help-arg-webcam-timeout = Give up looking through the webcam after this many seconds
cli-help-arg-account-burn = Account number to burn from an authenticator export (1-based)
cli-help-arg-account-code = Account number to use from an authenticator export (1-based)
cli-help-arg-algorithm = HMAC algorithm [default: from the otpauth link, else sha1]
cli-help-arg-period = Time step in seconds: 30 or 60 [default: from the otpauth link, else 30]
cli-help-arg-display-timeout = Display timeout in seconds: 15, 30, 60 or 120
cli-help-arg-allow-unknown-model-burn = Burn a token whose serial is not a known programmable model
cli-help-arg-allow-unknown-model-sync = Sync a token whose serial is not a known programmable model
cli-help-arg-reburn = Burn a token that the records say was burned before (its old secret, perhaps registered for a user, stops working)
cli-help-arg-trust-pc-clock = Write this PC's time even when the time servers say it is off by more than the limit (5 s; TOTP_BURNER_PC_CLOCK_LIMIT). Recorded as overridden
cli-help-arg-erase-secret-ok = Confirm the sync on models where it erases the secret (the token is blank afterwards and must be burned again)
cli-help-arg-image = Look in an image file (PNG, JPEG, BMP, WebP)
cli-help-arg-screen = Look on every screen
cli-help-arg-webcam = Look through a webcam until a valid secret shows up
cli-help-arg-clipboard = Look at the clipboard (text or a copied picture)
cli-help-arg-show-secret = Show the secrets in full
cli-help-arg-random = A fresh random 20-byte secret per token
cli-help-arg-csv-batch = A CSV list of `upn,secret` (or `upn` alone: random secrets), burned in order; started again, it continues after the rows done
cli-help-arg-count = With --random: stop after N tokens
cli-help-arg-start-row = With --csv: start at row N (1-based), even if the records say rows from N on were done (they are burned again)
cli-help-arg-reburn-batch = Burn tokens that were burned before (in an earlier run) again, with a new secret. Without it they are refused
cli-help-arg-keep-secrets = Keep the secrets, encrypted under a passphrase, for the Entra export (passphrase from TOTP_BURNER_PASSPHRASE or asked once)
cli-help-arg-reader-batch = Use only this reader [default: every reader, one token on each]
cli-help-arg-station-batch = Station name stored in the records [default: host name]
cli-help-arg-records = Records: a file [default: records.sqlite in the per-user data folder] or a shared PostgreSQL server (postgresql://USER@HOST/DB); TOTP_BURNER_RECORDS sets the same
cli-help-arg-station-login = The login's name (lower-case letters, digits and _)
cli-help-arg-stock-list = The vendor's file (one serial per line, or its CSV)
cli-help-arg-import-source = The station's records file
cli-help-arg-import-secrets = Open its kept secrets with the station's passphrase and seal them to this store's key (otherwise left out and listed)
cli-help-arg-json-batch = One JSON object per line instead of text
cli-help-arg-vpcd = Serve the token to pcscd's vpcd driver on this port (35963 is "Virtual PCD 00 00", 35964 "Virtual PCD 00 01")
cli-help-arg-serial-emulate = The token's serial number (its model follows from the prefix)
cli-help-arg-sync = Time-sync class [default: the model's, unrestricted when unknown]
cli-help-arg-clock-offset = The token's clock minus this PC's, in seconds
cli-help-arg-lift-after = Lift the token off the reader when command APDU N+1 arrives
cli-help-arg-replace-after-ms = After a lift, lay the token back after MS milliseconds
cli-help-arg-as = Play a card that is not a programmable token: its ATR, its applets' answers, and an error to every token command
cli-help-arg-apdu-log = Append every command APDU the reader receives to FILE, one hex line each (secure commands as header and length only)
cli-help-arg-serial-list = Only this token
cli-help-arg-csv-export = Every record as CSV (no secrets)
cli-help-arg-entra = Kept secrets of the tokens handed out, as the Entra ID hardware OATH token CSV (holds secrets)
cli-help-arg-unassigned = With --entra: write the tokens without a user here (same layout, UPN empty; holds secrets)
cli-help-arg-batch-only = Only this batch
cli-help-arg-serial-assign = The token's serial [default: read from the token on the reader]
cli-help-arg-reader-assign = The reader holding the token (exact name or a unique part)
cli-help-arg-upn-assign = The user's UPN; with --users, a whole UPN, a row number or a part of a UPN or name that one user has
cli-help-arg-users = Pick the user from this CSV list (an Entra users download, or one UPN per line); without --upn the list is shown and a pick is read from standard input
cli-help-arg-station-assign = Station name written into the record [default: this host's name]
cli-help-arg-html = The HTML file to write
cli-help-arg-upn-receipt = Every token of this user
cli-help-arg-batch-receipt = Every token of this batch that has a user
cli-help-arg-help-long = Print help (see a summary with '-h')
io-not-found = the file or folder does not exist ({ $detail })
io-permission-denied = access is denied ({ $detail })
io-already-exists = it exists already ({ $detail })
io-storage-full = the disk is full ({ $detail })
io-read-only = the disk is read-only ({ $detail })
io-not-a-directory = a part of the path is a file, not a folder ({ $detail })
io-other = the system refused ({ $detail })
records-error-file = the records file { $path }: { $why }
records-error-database = the records database is damaged, locked by another program or not a records file ({ $detail })
records-error-too-new = the records were written by a newer totp-burner (schema { $found }; this one knows up to { $supported }): update totp-burner on this PC; the records were left as they are
records-error-too-old = the records server's schema is version { $found }, older than this totp-burner needs ({ $supported }): an administrator runs 'totp-burner records migrate --records ADDRESS' (stations never change it)
records-error-not-initialised = the records server has no records yet: an administrator runs 'totp-burner records init --records ADDRESS' once
records-error-server = the records server: { $detail }
records-error-timed-out = the records server did not answer within { $seconds } s (a stopped server or a broken network); nothing was half-written
records-waiting = Records server unreachable: waiting ({ $seconds } s); no token is written. It goes on by itself when the server answers. ({ $error })
records-error-location = the records server address: { $detail }
records-error-tls = TLS to the records server: { $detail }
records-error-station-name = a station login's name is lower-case letters, digits and _ (starting with a letter, at most 63): { $name }
records-error-not-a-server = station logins exist only on a records server (postgresql://…), not in a records file
err-vault-no-fleet-key = the records server has no key for kept secrets yet: an administrator runs 'totp-burner records init' (it asks for the passphrase that opens them)
export-records-failed = The records could not be read: { $error }.
export-sha256 = Token { $serial } uses SHA-256; Entra ID accepts only SHA-1 TOTP tokens.
export-period = Token { $serial } has a time step Entra ID does not accept.
export-write-failed = { $path } cannot be written: { $why }.
vault-wrong-passphrase = The passphrase does not open the stored secrets.
vault-passphrase-too-short = The passphrase is shorter than { $chars } characters.
vault-crypto = The stored secrets could not be encrypted or decrypted ({ $detail }).

## h-polish
gui-secret-browse = Browse…
gui-secret-browse-hover = Choose the picture of the QR code in a file dialog
gui-secret-browse-title = Choose a picture of the QR code
gui-secret-browse-filter = Pictures (PNG, JPEG, BMP, WebP)
capture-no-file-dialog = No file dialog is available on this computer.
capture-no-file-dialog-next = Click "Open image…" and type the picture's path, or drag the file onto the window.
gui-handout-waiting-assign = recording the hand-out…
gui-handout-waiting-codes = opening the kept secrets (a second or two)…
gui-handout-waiting-receipt = writing the receipt…
gui-records-searching = searching the records…
gui-choose-file = Choose…
gui-choose-file-waiting = waiting for the file dialog
gui-choose-file-none = No file dialog is available on this computer: type the file's path in the field.
gui-dialog-filter-csv = CSV files
gui-dialog-filter-html = Web pages (HTML)
gui-dialog-export = Export to file
gui-dialog-unassigned = File for the tokens without a user
gui-dialog-users = Users list (CSV)
gui-dialog-receipt = Receipt (HTML)
gui-dialog-station-list = The station's users list (CSV)

## h-errors
err-list-line-not-csv = line { $line } is not readable as CSV (check its quotes and commas)
err-users-bad-upn = line { $line }: “{ $upn }” is not a user principal name (user@domain)
err-list-empty = the list has no users
err-users-no-match = no user matches “{ $text }”
err-users-several = { $count } users match “{ $text }”
err-list-no-upn = line { $line } has no user (UPN)
err-list-bad-secret = line { $line }: { $reason }
err-list-same-secret = lines { $first } and { $second } have the same secret
err-list-same-user = lines { $first } and { $second } are for the same user
err-list-no-random = this computer gave no random numbers ({ $detail })
err-wrong-passphrase = the passphrase does not open the stored secrets
err-passphrase-too-short = the passphrase is shorter than { $chars } characters
err-vault-crypto = the stored secrets could not be encrypted or decrypted ({ $detail })
err-service-stopped = the smart-card service stopped
err-capture-file-unreadable = cannot read { $path }: { $detail }
err-capture-not-an-image = { $path } is not a readable PNG, JPEG, BMP or WebP image
err-capture-too-large = image of { $width }x{ $height } pixels is too large
err-capture-screen-unavailable = screen capture unavailable: { $detail }
err-capture-wayland = screen capture on Wayland is not available
err-capture-clipboard = clipboard: { $detail }
err-capture-no-camera = no camera found
err-capture-camera-busy = the camera is busy
err-capture-camera-denied = camera access denied
err-capture-camera = camera failed: { $detail }
err-capture-no-webcam = webcam support is not built in
err-capture-blank = { $backend } gave a black picture
err-capture-timeout = { $backend } did not answer within { $seconds } s
err-capture-no-file-dialog = no file dialog: { $detail }
err-capture-panicked = internal error during { $during }
err-backend-x11 = X11
err-backend-portal = the screenshot portal
err-backend-windows = Windows screen capture

## h-cliwords
cli-usage-unknown-argument = unexpected argument '{ $arg }' found
cli-usage-unknown-subcommand = unrecognized subcommand '{ $name }'
cli-usage-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-usage-invalid-value-because = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-usage-value-missing = a value is required for '{ $arg }' but none was supplied
cli-usage-not-a-number = not a whole number
cli-usage-missing-arguments = the following required arguments were not provided:
cli-usage-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
cli-usage-subcommands = {"["}subcommands: { $names }]
cli-usage-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-usage-conflict-several = the argument '{ $arg }' cannot be used with:
cli-usage-conflict-any = the argument '{ $arg }' cannot be used with one or more of the other specified arguments
cli-usage-repeated = the argument '{ $arg }' cannot be used multiple times
cli-usage-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-usage-wrong-number-of-values = '{ $arg }' takes { $expected } values but { $actual } were given
cli-usage-not-utf8 = an argument is not valid text (UTF-8)
cli-usage-invalid = the arguments are not valid
cli-usage-similar-argument = tip: a similar argument exists: { $names }
cli-usage-similar-subcommand = tip: a similar subcommand exists: { $names }
cli-usage-similar-value = tip: a similar value exists: { $names }
cli-usage-quoted = '{ $text }'
cli-usage-more = For more information, try '{ $help }'.
cli-usage-options-placeholder = {"["}OPTIONS]
cli-usage-command-placeholder = COMMAND
cli-help-possible-values = {"["}possible values: { $values }]
cli-help-default = {"["}default: { $value }]
cli-man-name = NAME
cli-man-synopsis = SYNOPSIS
cli-man-description = DESCRIPTION
cli-man-extra = EXTRA
cli-man-version = VERSION
cli-man-manual = TOTP burner manual
cli-arg-from-one = a whole number from 1 up is needed
cli-value-file = FILE
cli-value-seconds = SECONDS
cli-value-camera = CAMERA
cli-value-algorithm = ALGORITHM
cli-value-serial = SERIAL
cli-value-card = CARD
cli-value-name = NAME
cli-value-text = TEXT
cli-usage-tip-remove-dashes = tip: subcommand '{ $name }' exists; to use it, remove the '--' before it

## h-stored
gui-result-verified-only = The token shows the right code.

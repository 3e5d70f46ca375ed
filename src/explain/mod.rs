//! The one place where errors become words for people: what happened and
//! what to do next. Used by the CLI and the GUI alike. No message here ever
//! contains secret material.

use crate::burn::{BurnError, Failure, IdentifiedToken, Step, TokenState};
use crate::capture::CaptureError;
use crate::card::{CardKind, TransportError};
use crate::protocol::{ProtocolError, StatusWord, TimeSync};
use crate::secret::{NotASecret, Warning};
use std::fmt;

mod clock;
mod records;

pub use clock::*;
pub use records::*;

/// A problem in plain words and the next step for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// What happened.
    pub problem: String,
    /// What to do about it.
    pub next_step: String,
}

impl Explanation {
    fn new(problem: impl Into<String>, next_step: impl Into<String>) -> Explanation {
        Explanation {
            problem: problem.into(),
            next_step: next_step.into(),
        }
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\nNext: {}", self.problem, self.next_step)
    }
}

const SCAN_RIGHT_QR: &str = "On the sign-in page choose \"I want to use a different authenticator app\" (or \"Can't scan?\") and scan the otpauth QR code it shows, or paste its secret key.";

/// Why a text is not a usable secret, and what to scan instead.
pub fn not_a_secret(e: &NotASecret) -> Explanation {
    use NotASecret as N;
    match e {
        N::Empty => Explanation::new(
            "Nothing was entered or scanned.",
            "Scan the QR code from the screen, or paste the secret key (Base32) or otpauth:// link.",
        ),
        N::TokenSerial { serial, model } => Explanation::new(
            format!("This is the serial number {serial} printed on a {model} token, not a secret."),
            "Scan the QR code shown by the sign-in page (the account's secret), not the barcode on the token.",
        ),
        N::PhoneFactor => Explanation::new(
            "This QR code registers the Microsoft Authenticator app for push notifications; a hardware token cannot use it.",
            SCAN_RIGHT_QR,
        ),
        N::Fido => Explanation::new(
            "This QR code is for signing in with a passkey (FIDO) on a phone, not a one-time-code secret.",
            "Close the passkey prompt and add an authenticator app method instead; scan the otpauth QR code it shows.",
        ),
        N::Hotp => Explanation::new(
            "This secret is for counter-based codes (HOTP); these tokens make time-based codes (TOTP) only.",
            "Ask the service for a time-based (TOTP) authenticator and scan that QR code.",
        ),
        N::WebLink { host } => Explanation::new(
            format!(
                "This QR code is a link to a web page ({}), not a secret.",
                if host.is_empty() { "no host" } else { host }
            ),
            format!(
                "Open the link in a browser if you need the page, then scan the secret QR code it shows. {SCAN_RIGHT_QR}"
            ),
        ),
        N::OtherUri { scheme } => Explanation::new(
            format!("This is a \"{scheme}:\" code, not an authenticator secret."),
            "Scan the QR code that starts with otpauth://totp, shown when you add an authenticator app.",
        ),
        N::PlainNumber { digits } => Explanation::new(
            if *digits <= 8 {
                format!(
                    "This is a {digits}-digit number, probably a one-time code, not the secret it comes from."
                )
            } else {
                format!("This is a plain {digits}-digit number, not a secret key.")
            },
            "Scan the QR code, or type the secret key (letters A-Z and digits 2-7) shown under \"Can't scan?\".",
        ),
        N::BackupFile => Explanation::new(
            "This looks like the content of an authenticator app's backup file, not one secret.",
            "Export the single account as a QR code from the app (or its otpauth:// link) and scan or paste that.",
        ),
        N::MalformedUri { detail } => Explanation::new(
            format!("This otpauth link is damaged: {detail}."),
            "Scan the QR code again, or paste the secret key by itself.",
        ),
        N::MissingSecret => Explanation::new(
            "This otpauth link has no secret in it.",
            "Scan the QR code again; if it keeps failing, use \"Can't scan?\" on the sign-in page and paste the secret key.",
        ),
        N::InvalidBase32 => Explanation::new(
            "This is not a valid secret key: Base32 keys use only the letters A-Z and the digits 2-7.",
            "Check for look-alikes (0 is O, 1 is I or L, 8 is B) and type the key again, or scan the QR code instead.",
        ),
        N::TruncatedBase32 => Explanation::new(
            "This secret key has a character missing or one too many.",
            "Compare it with the key on the screen character by character, or scan the QR code instead.",
        ),
        N::InvalidHex => Explanation::new(
            "This is not valid hex: it needs pairs of the digits 0-9 and letters a-f.",
            "Copy the hex key again in full, or use the Base32 key or QR code instead.",
        ),
        N::SecretEmpty => Explanation::new(
            "The secret is empty.",
            "Scan the QR code again or paste the full secret key.",
        ),
        N::SecretTooLong { bytes } => Explanation::new(
            format!("This secret is {bytes} bytes long; these tokens hold at most 63 bytes."),
            "Ask the service for a standard TOTP secret (20 or 32 bytes), or check that you pasted only the key.",
        ),
        N::UnsupportedDigits { digits } => Explanation::new(
            format!("This account wants {digits}-digit codes; these tokens always show 6 digits."),
            "Set the account to 6-digit codes at the service (the usual setting) and scan the new QR code.",
        ),
        N::UnsupportedPeriod { seconds } => Explanation::new(
            format!(
                "This account changes codes every {seconds} seconds; these tokens support 30 or 60 seconds."
            ),
            "Set the account to a 30-second time step at the service and scan the new QR code.",
        ),
        N::UnsupportedAlgorithm { name } => Explanation::new(
            format!("This account uses {name}; these tokens support SHA-1 and SHA-256 only."),
            "Set the account to SHA-1 (the usual setting) at the service and scan the new QR code.",
        ),
        N::MalformedMigration { detail } => Explanation::new(
            format!("This authenticator export code is damaged: {detail}."),
            "Export the account again from the authenticator app and scan the new QR code.",
        ),
        N::EmptyMigration => Explanation::new(
            "This authenticator export holds no accounts.",
            "In the authenticator app, select the account to transfer, export it, and scan that QR code.",
        ),
        _ => Explanation::new(
            "This is not recognised as an authenticator secret.",
            "Scan the otpauth QR code from the sign-in page, or paste the secret key (Base32) it shows.",
        ),
    }
}

/// A capture failure: what went wrong and what to do.
pub fn capture(e: &CaptureError) -> Explanation {
    use CaptureError as C;
    match e {
        C::FileUnreadable { path, detail } => Explanation::new(
            format!("{path} could not be opened ({detail})."),
            "Check the file name and that you may read it, or take a new screenshot of the QR code.",
        ),
        C::NotAnImage { path } => Explanation::new(
            format!("{path} is not a PNG, JPEG, BMP or WebP picture, or it is damaged."),
            "Save the QR code as a PNG screenshot and open that.",
        ),
        C::TooLarge { width, height } => Explanation::new(
            format!("The picture is too large to search ({width} x {height} pixels)."),
            "Crop it to the area around the QR code, or take a screenshot of just that window.",
        ),
        C::ScreenUnavailable { detail } => Explanation::new(
            format!("The screen could not be captured ({detail})."),
            "Take a screenshot yourself and use Open image or Paste, or type the secret key.",
        ),
        C::WaylandUnsupported => Explanation::new(
            "This desktop (Wayland) did not let us capture the screen (no screenshot portal, or it refused).",
            "Take a screenshot (Print Screen) and paste it, or log in with an X11 session.",
        ),
        C::Clipboard { detail } => Explanation::new(
            format!("Nothing usable on the clipboard ({detail})."),
            "Copy the QR code picture or the secret key first, then paste again.",
        ),
        C::NoCamera => Explanation::new(
            "No camera was found.",
            "Plug in a webcam, or scan the QR code from the screen or an image file.",
        ),
        C::CameraBusy => Explanation::new(
            "The camera is in use by another program.",
            "Close video calls or other camera apps, then try again.",
        ),
        C::CameraDenied => Explanation::new(
            "This program may not use the camera.",
            "Allow camera access in the system privacy settings (Linux: add the user to the \"video\" group), then try again.",
        ),
        C::Camera { detail } => Explanation::new(
            format!("The camera failed ({detail})."),
            "Unplug and replug the camera, or scan the QR code from the screen instead.",
        ),
        C::WebcamNotBuilt => Explanation::new(
            "This build has no webcam support.",
            "Scan the QR code from the screen or an image file instead.",
        ),
        C::BlankScreen { .. }
        | C::ScreenTimedOut { .. }
        | C::ScreenFailed { .. }
        | C::Panicked { .. } => screen_trouble(e),
    }
}

/// A warning about an accepted secret.
pub fn warning(w: &Warning) -> String {
    match w {
        Warning::ShortSecret { bytes } => format!(
            "This secret is only {bytes} bytes; RFC 4226 asks for at least 16. It will work, but check that the whole key was captured."
        ),
    }
}

fn list_or_none(names: &[String]) -> String {
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

/// A reader/link failure, with the step it interrupted.
pub fn transport(e: &TransportError, step: Option<Step>) -> Explanation {
    use TransportError as T;
    let during = step
        .map(|s| format!(" while {}", s.label()))
        .unwrap_or_default();
    match e {
        T::TokenRemoved => Explanation::new(
            format!("The token left the reader or switched off{during}."),
            "Press the token's button to wake it, lay it flat on the reader and keep it there until the burn finishes, then try again.",
        ),
        T::NoToken => Explanation::new(
            "No token is on the reader (or it is switched off).",
            "Switch the token on and lay it on the reader: press its button so the display lights, then lay it flat on the reader.",
        ),
        T::NoReader => Explanation::new(
            "No smart-card reader is connected.",
            "Plug in the USB NFC reader and wait for its light, then try again.",
        ),
        T::ReaderRemoved => Explanation::new(
            format!("The reader was unplugged{during}."),
            "Plug the reader back in and try again.",
        ),
        T::ReaderBusy => Explanation::new(
            "Another program is using the reader.",
            "Close other smart-card programs (including the vendor's burner) and try again.",
        ),
        T::ServiceUnavailable => Explanation::new(
            "The smart-card service is not running.",
            "On Linux start it with \"sudo systemctl start pcscd\"; on Windows start the \"Smart Card\" service (services.msc). Then try again. (Wine has no smart-card service: run the tool on Windows itself.)",
        ),
        T::Timeout => Explanation::new(
            format!("The token stopped answering{during}."),
            "Keep the token switched on and flat on the reader, then try again.",
        ),
        T::Unavailable { what } => Explanation::new(
            format!("{what} is not available."),
            "Check the reader and the smart-card service, or use --emulator to try the tool without hardware.",
        ),
        T::UnknownReader { wanted, available } => Explanation::new(
            format!(
                "No reader matches \"{wanted}\". Readers: {}.",
                list_or_none(available)
            ),
            "Give --reader the exact name or a unique part of it (see `totp-burner readers`).",
        ),
        T::AmbiguousReader { wanted, matches } => Explanation::new(
            format!(
                "\"{wanted}\" matches several readers: {}.",
                matches.join(", ")
            ),
            "Give a longer part of the name (or the exact name) with --reader.",
        ),
        T::SeveralTokens { readers } => Explanation::new(
            format!(
                "Tokens are lying on several readers: {}.",
                readers.join(", ")
            ),
            "Lift the tokens you are not burning, or choose the reader with --reader NAME.",
        ),
        T::Other { detail } => Explanation::new(
            format!("Talking to the reader failed ({detail}){during}."),
            "Lift the token, lay it on the reader again and retry; if it persists, unplug and replug the reader.",
        ),
    }
}

fn protocol(e: &ProtocolError, step: Step, token: Option<&IdentifiedToken>) -> Explanation {
    match e {
        ProtocolError::Status {
            sw: StatusWord::AuthenticationFailed,
            ..
        } => authentication_failed(token, step),
        ProtocolError::Status { sw, .. } if step == Step::Identify => Explanation::new(
            format!(
                "The card on the reader does not answer like a programmable token (status {sw} to \"get info\"). Nothing was written to it."
            ),
            NOT_A_TOKEN_NEXT,
        ),
        ProtocolError::Status { sw, .. } => Explanation::new(
            format!(
                "The token rejected the command while {} (status {sw}).",
                step.label()
            ),
            "Switch the token off and on and try again; if it repeats, the token model may not be supported.",
        ),
        ProtocolError::ResponseTooShort { .. } | ProtocolError::Info(_) => Explanation::new(
            format!(
                "The token gave an answer that makes no sense while {}.",
                step.label()
            ),
            "Lay the token flat on the reader and try again; if it repeats, it is not a supported token.",
        ),
        ProtocolError::SeedLength { len } => Explanation::new(
            format!("The secret is {len} bytes; the token takes 1 to 63 bytes."),
            "Use a standard TOTP secret (20 or 32 bytes).",
        ),
    }
}

const NOT_A_TOKEN_NEXT: &str = "Lay a Token2 programmable token (its model name ends in \"-i\") on the reader, switched on (press its button), with no other card or key near the reader.";

/// The token refused the unlock key (`69 83`). Never "try again": repeated
/// failures can lock a token, so the user checks first.
fn authentication_failed(token: Option<&IdentifiedToken>, step: Step) -> Explanation {
    let which = token
        .map(|t| format!(" (serial {}, {})", t.serial, t.model_name()))
        .unwrap_or_default();
    Explanation::new(
        format!(
            "The token{which} refused the unlock key while {}. Nothing was retried: repeated failed unlocks can lock a token.",
            step.label()
        ),
        "Before another attempt, check: the model name on the token ends in \"-i\" (only those are programmable), the serial read from it matches the one printed on the token and starts with a known Token2 prefix (8659...), and no other card lies on the reader. If all of that is right, contact Token2 support with the serial number instead of repeating the burn.",
    )
}

/// A card that is not a programmable token, in plain words.
pub fn wrong_card(kind: CardKind) -> Explanation {
    let (what, short, note) = match kind {
        CardKind::FidoKey => (
            "a FIDO security key",
            "security key",
            "it signs in with passkeys and cannot hold a TOTP secret",
        ),
        CardKind::YubiKey => (
            "a YubiKey (a security key with an OATH authenticator applet)",
            "YubiKey",
            "to keep TOTP secrets on a YubiKey, use Yubico Authenticator instead",
        ),
        CardKind::PivCard => (
            "a PIV smart card (or a security key's PIV applet)",
            "card",
            "it holds certificates and cannot be burned",
        ),
        CardKind::PaymentCard => (
            "a bank card (a payment card)",
            "bank card (or the wallet holding it)",
            "it was only asked what it is",
        ),
    };
    Explanation::new(
        format!("This is {what}, not a programmable token. Nothing was written to it."),
        format!("Take the {short} off the reader ({note}). {NOT_A_TOKEN_NEXT}"),
    )
}

/// What the token holds after a failure, in one or two sentences.
pub fn token_state(s: &TokenState) -> String {
    let blank = "this model erased its previous secret, so the token is blank: burn it again";
    let kept =
        "the old secret is still on the token but now runs with the new options: burn it again";
    let unknown = "the previous secret may have been erased: burn it again";
    let secret_fate = |t: &Option<TimeSync>| match t {
        Some(TimeSync::ErasesSecret) => blank,
        Some(TimeSync::KeepsSecret) => kept,
        None => unknown,
    };
    match s {
        TokenState::Untouched => "Nothing was written; the token is unchanged.".into(),
        TokenState::ConfigMaybeWritten { time_sync } => format!(
            "The clock and options may or may not have been written; if they were, {}.",
            secret_fate(time_sync)
        ),
        TokenState::ConfigWritten { time_sync } => format!(
            "Clock and options written, secret not written: {}.",
            secret_fate(time_sync)
        ),
        TokenState::SeedMaybeWritten { time_sync } => format!(
            "Clock and options written; the new secret may or may not have been written. {}",
            match time_sync {
                Some(TimeSync::ErasesSecret) =>
                    "The token holds either the new secret or none: burn it again to be sure.",
                Some(TimeSync::KeepsSecret) =>
                    "The token holds either the new secret or the old one: burn it again to be sure.",
                None => "Burn it again to be sure.",
            }
        ),
    }
}

/// A failed operation: the problem, what the token holds, what to do.
pub fn burn_error(e: &BurnError) -> Explanation {
    let mut x = match &e.cause {
        Failure::Transport(t) => transport(t, Some(e.step)),
        Failure::Protocol(p) => protocol(p, e.step, e.token.as_deref()),
        Failure::WrongCard { kind, .. } => wrong_card(*kind),
        Failure::UnknownModel { serial } => Explanation::new(
            format!("The token's serial {serial} is not a known programmable model."),
            "Check the token is a Token2 \"-i\" programmable model; to burn it anyway use --allow-unknown-model.",
        ),
        Failure::EraseNotConfirmed { model } => Explanation::new(
            format!("On this model ({model}), setting the clock erases the token's secret."),
            "Burn the token instead (that sets the clock too), or confirm with --erase-secret-ok and burn a secret afterwards.",
        ),
        Failure::Stopped => Explanation::new(
            "The operation was stopped before anything was written.",
            "The token is unchanged; lay it on the reader again.",
        ),
    };
    let mid_conversation = matches!(
        e.cause,
        Failure::Transport(
            TransportError::TokenRemoved
                | TransportError::Timeout
                | TransportError::ReaderRemoved
                | TransportError::Other { .. }
        )
    );
    if e.token_state.is_touched() || mid_conversation {
        x.problem = format!("{} {}", x.problem, token_state(&e.token_state));
    }
    x
}

/// "in step", "3 s behind", "5 s ahead".
pub fn clock_words(diff: i64) -> String {
    match diff {
        0 => "in step".into(),
        d if d < 0 => format!("{} s behind", d.unsigned_abs()),
        d => format!("{d} s ahead"),
    }
}

/// One account of an authenticator export: who, counter- or time-based,
/// digits, and whether it can be burned (or why not). Never the key.
pub fn export_account(a: &crate::secret::MigrationAccount) -> String {
    use crate::secret::migration::OtpType;
    let who = match (&a.issuer, &a.account) {
        (Some(i), Some(n)) => format!("{i} ({n})"),
        (Some(x), None) | (None, Some(x)) => x.clone(),
        (None, None) => "unnamed".into(),
    };
    let kind = match a.otp_type {
        OtpType::Totp => "TOTP",
        OtpType::Hotp => "HOTP",
        OtpType::Unspecified => "TOTP (not stated)",
    };
    let digits = match a.digits {
        Some(d) => format!("{d} digits"),
        None => "unknown digits".into(),
    };
    let state = match &a.usable {
        Ok(_) => "can be burned".to_string(),
        Err(e) => format!("cannot be burned: {}", not_a_secret(e).problem),
    };
    format!("{who}: {kind}, {digits}, {state}")
}

/// The one-line warning for a secret typed as `--secret TEXT`.
pub fn secret_on_command_line() -> &'static str {
    "a secret given as --secret TEXT can be read by other users in the process list and stays in shell history; pipe it in with --secret - (e.g. printf %s \"$KEY\" | totp-burner burn --secret -) or name an environment variable with --secret-env VAR."
}

/// Why `--secret-env VAR` gave no secret (`set`: the variable exists but is
/// not text).
pub fn secret_env_unusable(var: &str, set: bool) -> Explanation {
    if set {
        Explanation::new(
            format!("The environment variable {var} does not hold text."),
            "Put the secret key or otpauth:// link in it as plain text, or pipe it in with --secret -.",
        )
    } else {
        Explanation::new(
            format!("The environment variable {var} is not set."),
            format!(
                "Set it first (e.g. read -rs {var} && export {var}), or pipe the secret in with --secret -."
            ),
        )
    }
}

/// The screen-capture failures of the backend fallback (see
/// [`crate::capture::screen::capture_with`]) and caught panics.
fn screen_trouble(e: &CaptureError) -> Explanation {
    use crate::capture::screen::Backend;
    use CaptureError as C;
    const YOURSELF: &str = "Take a screenshot yourself (Print Screen), then paste it or use Open image; or type the secret key.";
    match e {
        C::BlankScreen { backend } => Explanation::new(
            format!(
                "The screen came back black through {backend}: the desktop hid the other windows from it, or the screen is locked or off."
            ),
            YOURSELF,
        ),
        C::ScreenTimedOut {
            backend: Backend::Portal,
            after,
        } => Explanation::new(
            format!(
                "The desktop's screenshot service did not answer within {} seconds.",
                after.as_secs()
            ),
            "If the desktop asks whether this program may take screenshots, allow it and scan again. Otherwise take a screenshot yourself (Print Screen) and paste it.",
        ),
        C::ScreenTimedOut { backend, after } => Explanation::new(
            format!(
                "Capturing the screen through {backend} did not finish within {} seconds.",
                after.as_secs()
            ),
            YOURSELF,
        ),
        C::ScreenFailed { attempts } => match attempts.split_first() {
            Some(((_, first), rest)) => {
                let best = capture(first);
                let others: Vec<String> = rest.iter().map(|(_, e)| e.to_string()).collect();
                Explanation::new(
                    format!("{} (Also tried: {}.)", best.problem, others.join("; ")),
                    best.next_step,
                )
            }
            None => Explanation::new("The screen could not be captured.", YOURSELF),
        },
        C::Panicked { during } => Explanation::new(
            format!("The {during} stopped with an internal error."),
            "Try again. If it happens again, take a screenshot and use Open image, or type the secret key.",
        ),
        other => Explanation::new(other.to_string(), YOURSELF),
    }
}

/// Which way the screen was captured, and what was passed over first
/// (the CLI prints it; the app shows it as the scan's place).
pub fn screen_captured(capture: &crate::capture::screen::ScreenCapture) -> String {
    let mut line = format!("Screen captured through {}", capture.backend);
    if !capture.passed_over.is_empty() {
        let why: Vec<String> = capture
            .passed_over
            .iter()
            .map(|(_, e)| e.to_string())
            .collect();
        line.push_str(&format!(" (passed over: {})", why.join("; ")));
    }
    line.push('.');
    line
}

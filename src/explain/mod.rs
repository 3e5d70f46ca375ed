//! The one place where errors become words for people: what happened and
//! what to do next. Used by the CLI and the GUI alike. No message here ever
//! contains secret material.

use crate::burn::{BurnError, Failure, IdentifiedToken, Step, TokenState};
use crate::capture::CaptureError;
use crate::card::{CardKind, TransportError};
use crate::protocol::{ProtocolError, StatusWord, TimeSync};
use crate::secret::{NotASecret, Warning};
use crate::tr;
use std::fmt;

mod clock;
mod handout;
mod io;
mod records;
mod time;

pub use clock::*;
pub use handout::*;
pub use io::*;
pub use records::*;
pub use time::*;

/// A problem in plain words and the next step for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// What happened.
    pub problem: String,
    /// What to do about it.
    pub next_step: String,
}

impl Explanation {
    pub(crate) fn new(problem: impl Into<String>, next_step: impl Into<String>) -> Explanation {
        Explanation {
            problem: problem.into(),
            next_step: next_step.into(),
        }
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}\n{}",
            self.problem,
            tr!("explanation-next", next = self.next_step.as_str())
        )
    }
}

static FOR_THE_APP: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// From now on the words are for the desktop app: next steps name its
/// buttons and lists, never a command-line option (the app calls this once
/// as it starts; the command line never does).
pub fn speak_to_the_app() {
    FOR_THE_APP.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// The next step for the command line or, once [`speak_to_the_app`] was
/// called, the app's.
pub(crate) fn next_for(cli: impl FnOnce() -> String, app: impl FnOnce() -> String) -> String {
    match FOR_THE_APP.load(std::sync::atomic::Ordering::Relaxed) {
        true => app(),
        false => cli(),
    }
}

/// Where a text that is not a secret came from: the words differ ("You
/// typed a web address" against "This QR code is a link").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Typed or pasted as text.
    Typed,
    /// Read from a QR code (screen, image, webcam).
    Scanned,
}

/// Why a text from `origin` is not a usable secret, and what to do instead.
pub fn not_a_secret_from(e: &NotASecret, origin: Origin) -> Explanation {
    match (e, origin) {
        (NotASecret::WebLink { .. }, Origin::Typed) => Explanation::new(
            tr!("secret-web-address-typed"),
            tr!("secret-web-address-typed-next"),
        ),
        _ => not_a_secret(e),
    }
}

/// Why a text (read from a QR code) is not a usable secret, and what to
/// scan instead.
pub fn not_a_secret(e: &NotASecret) -> Explanation {
    use NotASecret as N;
    match e {
        N::Empty => Explanation::new(tr!("secret-empty-input"), tr!("secret-empty-input-next")),
        N::TokenSerial { serial, model } => Explanation::new(
            tr!(
                "secret-token-serial",
                serial = serial.as_str(),
                model = model.to_string()
            ),
            tr!("secret-token-serial-next"),
        ),
        N::PhoneFactor => Explanation::new(tr!("secret-phone-factor"), tr!("secret-scan-right-qr")),
        N::Fido => Explanation::new(tr!("secret-fido"), tr!("secret-fido-next")),
        N::Hotp => Explanation::new(tr!("secret-hotp"), tr!("secret-hotp-next")),
        N::WebLink { host } => Explanation::new(
            if host.is_empty() {
                tr!("secret-web-link-no-host")
            } else {
                tr!("secret-web-link", host = host.as_str())
            },
            tr!("secret-web-link-next"),
        ),
        N::OtherUri { scheme } => Explanation::new(
            tr!("secret-other-uri", scheme = scheme.as_str()),
            tr!("secret-other-uri-next"),
        ),
        N::PlainNumber { digits } => Explanation::new(
            if *digits <= 8 {
                tr!("secret-one-time-code", digits = *digits)
            } else {
                tr!("secret-plain-number", digits = *digits)
            },
            tr!("secret-plain-number-next"),
        ),
        N::BackupFile => {
            Explanation::new(tr!("secret-backup-file"), tr!("secret-backup-file-next"))
        }
        N::MalformedUri { detail } => Explanation::new(
            tr!("secret-malformed-uri", detail = *detail),
            tr!("secret-malformed-uri-next"),
        ),
        N::MissingSecret => Explanation::new(tr!("secret-missing"), tr!("secret-missing-next")),
        N::InvalidBase32 => Explanation::new(
            tr!("secret-invalid-base32"),
            tr!("secret-invalid-base32-next"),
        ),
        N::TruncatedBase32 => Explanation::new(
            tr!("secret-truncated-base32"),
            tr!("secret-truncated-base32-next"),
        ),
        N::InvalidHex => {
            Explanation::new(tr!("secret-invalid-hex"), tr!("secret-invalid-hex-next"))
        }
        N::SecretEmpty => Explanation::new(tr!("secret-empty"), tr!("secret-empty-next")),
        N::SecretTooLong { bytes } => Explanation::new(
            tr!("secret-too-long", bytes = *bytes),
            tr!("secret-too-long-next"),
        ),
        N::UnsupportedDigits { digits } => Explanation::new(
            tr!("secret-unsupported-digits", digits = *digits),
            tr!("secret-unsupported-digits-next"),
        ),
        N::UnsupportedPeriod { seconds } => Explanation::new(
            tr!("secret-unsupported-period", seconds = *seconds),
            tr!("secret-unsupported-period-next"),
        ),
        N::UnsupportedAlgorithm { name } => Explanation::new(
            tr!("secret-unsupported-algorithm", name = name.as_str()),
            tr!("secret-unsupported-algorithm-next"),
        ),
        N::MalformedMigration { detail } => Explanation::new(
            tr!("secret-malformed-migration", detail = *detail),
            tr!("secret-malformed-migration-next"),
        ),
        N::EmptyMigration => Explanation::new(
            tr!("secret-empty-migration"),
            tr!("secret-empty-migration-next"),
        ),
        _ => Explanation::new(tr!("secret-unrecognised"), tr!("secret-unrecognised-next")),
    }
}

/// A capture failure: what went wrong and what to do.
pub fn capture(e: &CaptureError) -> Explanation {
    use CaptureError as C;
    match e {
        C::FileUnreadable { path, detail } => Explanation::new(
            tr!(
                "capture-file-unreadable",
                path = path.as_str(),
                detail = detail
            ),
            tr!("capture-file-unreadable-next"),
        ),
        C::NotAnImage { path } => Explanation::new(
            tr!("capture-not-an-image", path = path.as_str()),
            tr!("capture-not-an-image-next"),
        ),
        C::TooLarge { width, height } => Explanation::new(
            tr!("capture-too-large", width = *width, height = *height),
            tr!("capture-too-large-next"),
        ),
        C::ScreenUnavailable { detail } => Explanation::new(
            tr!("capture-screen-unavailable", detail = detail),
            tr!("capture-screen-unavailable-next"),
        ),
        C::WaylandUnsupported => {
            Explanation::new(tr!("capture-wayland"), tr!("capture-wayland-next"))
        }
        C::Clipboard { detail } => Explanation::new(
            tr!("capture-clipboard", detail = detail),
            tr!("capture-clipboard-next"),
        ),
        C::NoCamera => Explanation::new(tr!("capture-no-camera"), tr!("capture-no-camera-next")),
        C::CameraBusy => {
            Explanation::new(tr!("capture-camera-busy"), tr!("capture-camera-busy-next"))
        }
        C::CameraDenied => Explanation::new(
            tr!("capture-camera-denied"),
            tr!("capture-camera-denied-next"),
        ),
        C::Camera { detail } => Explanation::new(
            tr!("capture-camera", detail = detail),
            tr!("capture-camera-next"),
        ),
        C::WebcamNotBuilt => Explanation::new(
            tr!("capture-no-webcam-support"),
            tr!("capture-no-webcam-support-next"),
        ),
        C::NoFileDialog { .. } => Explanation::new(
            tr!("capture-no-file-dialog"),
            tr!("capture-no-file-dialog-next"),
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
        Warning::ShortSecret { bytes } => tr!("warning-short-secret", bytes = *bytes),
    }
}

fn list_or_none(names: &[String]) -> String {
    if names.is_empty() {
        tr!("list-none")
    } else {
        names.join(", ")
    }
}

/// A reader/link failure, with the step it interrupted.
pub fn transport(e: &TransportError, step: Option<Step>) -> Explanation {
    use TransportError as T;
    // The message for a failure that can interrupt a step, with and without it.
    let during = |plain: fn() -> String, with: fn(String) -> String| match step {
        Some(s) => with(s.label()),
        None => plain(),
    };
    match e {
        T::TokenRemoved => Explanation::new(
            during(
                || tr!("transport-token-removed"),
                |step| tr!("transport-token-removed-during", step = step),
            ),
            tr!("transport-token-removed-next"),
        ),
        T::NoToken => Explanation::new(tr!("transport-no-token"), tr!("transport-no-token-next")),
        T::NoReader => {
            Explanation::new(tr!("transport-no-reader"), tr!("transport-no-reader-next"))
        }
        T::ReaderRemoved => Explanation::new(
            during(
                || tr!("transport-reader-removed"),
                |step| tr!("transport-reader-removed-during", step = step),
            ),
            tr!("transport-reader-removed-next"),
        ),
        T::ReaderBusy => Explanation::new(
            tr!("transport-reader-busy"),
            tr!("transport-reader-busy-next"),
        ),
        T::ServiceUnavailable => Explanation::new(
            tr!("transport-service-unavailable"),
            tr!("transport-service-unavailable-next"),
        ),
        T::Timeout => Explanation::new(
            during(
                || tr!("transport-timeout"),
                |step| tr!("transport-timeout-during", step = step),
            ),
            tr!("transport-timeout-next"),
        ),
        T::Unavailable { what } => Explanation::new(
            tr!("transport-unavailable", what = what.to_string()),
            next_for(
                || tr!("transport-unavailable-next"),
                || tr!("app-transport-unavailable-next"),
            ),
        ),
        T::UnknownReader { wanted, available } => Explanation::new(
            tr!(
                "transport-unknown-reader",
                wanted = wanted.as_str(),
                readers = list_or_none(available)
            ),
            next_for(
                || tr!("transport-unknown-reader-next"),
                || tr!("app-choose-reader-next"),
            ),
        ),
        T::AmbiguousReader { wanted, matches } => Explanation::new(
            tr!(
                "transport-ambiguous-reader",
                wanted = wanted.as_str(),
                readers = matches.join(", ")
            ),
            next_for(
                || tr!("transport-ambiguous-reader-next"),
                || tr!("app-choose-reader-next"),
            ),
        ),
        T::SeveralTokens { readers } => Explanation::new(
            tr!("transport-several-tokens", readers = readers.join(", ")),
            next_for(
                || tr!("transport-several-tokens-next"),
                || tr!("app-several-tokens-next"),
            ),
        ),
        T::Other { detail } => {
            let detail = detail.as_str();
            Explanation::new(
                match step {
                    Some(s) => tr!("transport-other-during", detail = detail, step = s.label()),
                    None => tr!("transport-other", detail = detail),
                },
                tr!("transport-other-next"),
            )
        }
    }
}

fn protocol(e: &ProtocolError, step: Step, token: Option<&IdentifiedToken>) -> Explanation {
    match e {
        ProtocolError::Status {
            sw: StatusWord::AuthenticationFailed,
            ..
        } => authentication_failed(token, step),
        ProtocolError::Status { sw, .. } if step == Step::Identify => Explanation::new(
            tr!("protocol-not-a-token", status = sw.to_string()),
            tr!("card-not-a-token-next"),
        ),
        ProtocolError::Status { sw, .. } => Explanation::new(
            tr!(
                "protocol-rejected",
                step = step.label(),
                status = sw.to_string()
            ),
            tr!("protocol-rejected-next"),
        ),
        ProtocolError::ResponseTooShort { .. } | ProtocolError::Info(_) => Explanation::new(
            tr!("protocol-nonsense", step = step.label()),
            tr!("protocol-nonsense-next"),
        ),
        ProtocolError::SeedLength { len } => Explanation::new(
            tr!("protocol-seed-length", bytes = *len),
            tr!("protocol-seed-length-next"),
        ),
    }
}

/// The token refused the unlock key (`69 83`). Never "try again": repeated
/// failures can lock a token, so the user checks first.
fn authentication_failed(token: Option<&IdentifiedToken>, step: Step) -> Explanation {
    Explanation::new(
        match token {
            Some(t) => tr!(
                "protocol-auth-failed-token",
                serial = t.serial.to_string(),
                model = t.model_name().to_string(),
                step = step.label()
            ),
            None => tr!("protocol-auth-failed", step = step.label()),
        },
        tr!("protocol-auth-failed-next"),
    )
}

/// A card that is not a programmable token, in plain words.
pub fn wrong_card(kind: CardKind) -> Explanation {
    match kind {
        CardKind::FidoKey => Explanation::new(tr!("card-fido"), tr!("card-fido-next")),
        CardKind::YubiKey => Explanation::new(tr!("card-yubikey"), tr!("card-yubikey-next")),
        CardKind::PivCard => Explanation::new(tr!("card-piv"), tr!("card-piv-next")),
        CardKind::PaymentCard => Explanation::new(tr!("card-payment"), tr!("card-payment-next")),
    }
}

/// What the token holds after a failure, in one or two sentences.
pub fn token_state(s: &TokenState) -> String {
    use TimeSync::{ErasesSecret as Erases, KeepsSecret as Keeps};
    match s {
        TokenState::Untouched => tr!("state-untouched"),
        TokenState::ConfigMaybeWritten { time_sync } => match time_sync {
            Some(Erases) => tr!("state-config-maybe-blank"),
            Some(Keeps) => tr!("state-config-maybe-kept"),
            None => tr!("state-config-maybe-unknown"),
        },
        TokenState::ConfigWritten { time_sync } => match time_sync {
            Some(Erases) => tr!("state-config-blank"),
            Some(Keeps) => tr!("state-config-kept"),
            None => tr!("state-config-unknown"),
        },
        TokenState::SeedMaybeWritten { time_sync } => match time_sync {
            Some(Erases) => tr!("state-seed-maybe-blank"),
            Some(Keeps) => tr!("state-seed-maybe-kept"),
            None => tr!("state-seed-maybe-unknown"),
        },
    }
}

/// A failed operation: the problem, what the token holds, what to do.
pub fn burn_error(e: &BurnError) -> Explanation {
    let mut x = match &e.cause {
        Failure::Transport(t) => transport(t, Some(e.step)),
        Failure::Protocol(p) => protocol(p, e.step, e.token.as_deref()),
        Failure::WrongCard { kind, .. } => wrong_card(*kind),
        Failure::UnknownModel { serial } => Explanation::new(
            tr!("burn-unknown-model", serial = serial.to_string()),
            next_for(
                || tr!("burn-unknown-model-next"),
                || tr!("app-unknown-model-next"),
            ),
        ),
        Failure::EraseNotConfirmed { model } => Explanation::new(
            tr!("burn-erase-not-confirmed", model = model.to_string()),
            next_for(
                || tr!("burn-erase-not-confirmed-next"),
                || tr!("app-erase-not-confirmed-next"),
            ),
        ),
        Failure::Stopped => Explanation::new(tr!("burn-stopped"), tr!("burn-stopped-next")),
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
        0 => tr!("clock-in-step"),
        d if d < 0 => tr!("clock-behind", seconds = d.unsigned_abs()),
        d => tr!("clock-ahead", seconds = d),
    }
}

/// One account of an authenticator export: who, counter- or time-based,
/// digits, and whether it can be burned (or why not). Never the key.
pub fn export_account(a: &crate::secret::MigrationAccount) -> String {
    use crate::secret::migration::OtpType;
    let who = match (&a.issuer, &a.account) {
        (Some(i), Some(n)) => format!("{i} ({n})"),
        (Some(x), None) | (None, Some(x)) => x.clone(),
        (None, None) => tr!("account-unnamed"),
    };
    let kind = match a.otp_type {
        OtpType::Totp => "TOTP".to_string(),
        OtpType::Hotp => "HOTP".to_string(),
        OtpType::Unspecified => tr!("account-totp-unstated"),
    };
    let digits = match a.digits {
        Some(d) => tr!("account-digits", digits = d),
        None => tr!("account-digits-unknown"),
    };
    let state = match &a.usable {
        Ok(_) => tr!("account-usable"),
        Err(e) => tr!("account-unusable", problem = not_a_secret(e).problem),
    };
    tr!(
        "account-line",
        who = who,
        kind = kind,
        digits = digits,
        state = state
    )
}

/// The one-line warning for a secret typed as `--secret TEXT`.
pub fn secret_on_command_line() -> String {
    tr!("cli-secret-on-command-line")
}

/// Why `--secret-env VAR` gave no secret (`set`: the variable exists but is
/// not text).
pub fn secret_env_unusable(var: &str, set: bool) -> Explanation {
    if set {
        Explanation::new(
            tr!("cli-secret-env-not-text", var = var),
            tr!("cli-secret-env-not-text-next"),
        )
    } else {
        Explanation::new(
            tr!("cli-secret-env-unset", var = var),
            tr!("cli-secret-env-unset-next", var = var),
        )
    }
}

/// The screen-capture failures of the backend fallback (see
/// [`crate::capture::screen::capture_with`]) and caught panics.
fn screen_trouble(e: &CaptureError) -> Explanation {
    use crate::capture::screen::Backend;
    use CaptureError as C;
    let yourself = || tr!("capture-screen-yourself");
    match e {
        C::BlankScreen { backend } => Explanation::new(
            tr!("capture-blank-screen", backend = backend.to_string()),
            yourself(),
        ),
        C::ScreenTimedOut {
            backend: Backend::Portal,
            after,
        } => Explanation::new(
            tr!("capture-portal-timeout", seconds = after.as_secs()),
            tr!("capture-portal-timeout-next"),
        ),
        C::ScreenTimedOut { backend, after } => Explanation::new(
            tr!(
                "capture-screen-timeout",
                backend = backend.to_string(),
                seconds = after.as_secs()
            ),
            yourself(),
        ),
        C::ScreenFailed { attempts } => match attempts.split_first() {
            Some(((_, first), rest)) => {
                let best = capture(first);
                let others: Vec<String> = rest.iter().map(|(_, e)| e.to_string()).collect();
                Explanation::new(
                    tr!(
                        "capture-also-tried",
                        problem = best.problem,
                        others = others.join("; ")
                    ),
                    best.next_step,
                )
            }
            None => Explanation::new(tr!("capture-screen-failed"), yourself()),
        },
        C::Panicked { during } => Explanation::new(
            tr!("capture-panicked", during = during.to_string()),
            tr!("capture-panicked-next"),
        ),
        other => Explanation::new(other.to_string(), yourself()),
    }
}

/// Which way the screen was captured, and what was passed over first
/// (the CLI prints it; the app shows it as the scan's place).
pub fn screen_captured(capture: &crate::capture::screen::ScreenCapture) -> String {
    let backend = capture.backend.to_string();
    if capture.passed_over.is_empty() {
        return tr!("capture-screen-captured", backend = backend);
    }
    let why: Vec<String> = capture
        .passed_over
        .iter()
        .map(|(_, e)| e.to_string())
        .collect();
    tr!(
        "capture-screen-captured-passing-over",
        backend = backend,
        others = why.join("; ")
    )
}

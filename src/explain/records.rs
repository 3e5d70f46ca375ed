//! Words for the records and the station: stored error codes and token
//! states, interrupted operations, refusals before a write, exports, and
//! why a station run stopped.

use super::{Explanation, TransportError, burn_error, clock_off, transport};

/// A stored error code in words (records list, records view, exports).
pub fn error_code(code: crate::burn::ErrorCode) -> Explanation {
    use crate::burn::ErrorCode as C;
    let t = |e: TransportError| transport(&e, None);
    match code {
        C::TokenRemoved => t(TransportError::TokenRemoved),
        C::NoToken => t(TransportError::NoToken),
        C::NoReader => t(TransportError::NoReader),
        C::ReaderBusy => t(TransportError::ReaderBusy),
        C::ServiceDown => t(TransportError::ServiceUnavailable),
        C::Timeout => t(TransportError::Timeout),
        C::ReaderError => Explanation::new(
            "Talking to the reader failed.",
            "Lift the token, lay it on the reader again and retry; if it persists, unplug and replug the reader.",
        ),
        C::AuthFailed => Explanation::new(
            "The token refused the unlock key.",
            "Check it is a programmable \"-i\" model and that the serial matches; repeated failures can lock a token.",
        ),
        C::TokenRefused => Explanation::new(
            "The token rejected a command.",
            "Switch the token off and on and try again; if it repeats, the model may not be supported.",
        ),
        C::BadAnswer => Explanation::new(
            "The token gave an answer that makes no sense.",
            "Lay the token flat on the reader and try again; if it repeats, it is not a supported token.",
        ),
        C::SeedLength => Explanation::new(
            "The secret's length does not fit the token (1 to 63 bytes).",
            "Use a standard TOTP secret (20 or 32 bytes).",
        ),
        C::UnknownModel => Explanation::new(
            "The token's serial is not a known programmable model.",
            "Check the token is a Token2 \"-i\" programmable model.",
        ),
        C::EraseNotConfirmed => Explanation::new(
            "Setting the clock on this model erases the secret, and that was not confirmed.",
            "Burn the token instead (that sets the clock too).",
        ),
        C::Stopped => Explanation::new(
            "Stopped before anything was written.",
            "The token is unchanged; lay it on the reader again.",
        ),
        C::WrongCard => Explanation::new(
            "The card on the reader is not a programmable token; nothing was written to it.",
            "Lift it and lay the programmable token on the reader.",
        ),
    }
}

/// A stored token state ("seed-maybe-written") in words.
pub fn stored_token_state(state: &str) -> &'static str {
    match state {
        "untouched" => "nothing was written",
        "config-maybe-written" => {
            "the clock and options may have been written: the token may be blank"
        }
        "config-written" => "clock and options written, secret not: the token may be blank",
        "seed-maybe-written" => "the secret may or may not have been written",
        _ => "unknown",
    }
}

/// What "interrupted" means, for records lists and the records view.
pub const INTERRUPTED: &str = "interrupted: the token may be blank; lay it on again";

/// One operation from the records in words: "ok", "failed: …", "interrupted: …".
pub fn record_outcome(r: &crate::station::records::Record) -> String {
    if r.needs_finishing() {
        return INTERRUPTED.into();
    }
    if r.interrupted() {
        return "interrupted (a later operation on this token follows)".into();
    }
    if r.outcome == "ok" {
        return "ok".into();
    }
    let problem = r
        .error_code
        .as_deref()
        .and_then(crate::burn::ErrorCode::parse)
        .map(|c| error_code(c).problem)
        .or_else(|| r.error.clone())
        .unwrap_or_else(|| "unknown cause".into());
    match r.token_state.as_deref() {
        Some(state) if state != "untouched" => {
            format!(
                "failed: {problem} ({}; lay it on again)",
                stored_token_state(state)
            )
        }
        _ => format!("failed: {problem}"),
    }
}

/// An operation refused before any write, in words.
pub fn refusal(r: &crate::station::operation::Refusal) -> Explanation {
    use crate::station::operation::Refusal as R;
    match r {
        R::BurnedBefore {
            serial,
            when,
            batch,
        } => Explanation::new(
            format!(
                "Token {serial} was already burned on {}{}; its secret may already be registered for a user.",
                crate::clock::rfc3339((*when).max(0) as u64),
                batch
                    .as_ref()
                    .map(|b| format!(" in batch {b}"))
                    .unwrap_or_default()
            ),
            "Lay the next token on the reader; to replace this token's secret on purpose, choose \"Burn again with a new secret\" (command line: --reburn).",
        ),
        R::NotRecorded(e) => Explanation::new(
            format!("The records could not be written ({e}), so nothing was written to the token."),
            "Check the disk has space and the records file is writable, then try again.",
        ),
        R::NotSealed(e) => Explanation::new(
            format!(
                "The secret could not be kept encrypted ({e}), so nothing was written to the token."
            ),
            "Start again with the passphrase of this records file.",
        ),
        R::PcClockOff(off) => clock_off(off),
        R::OtherToken { found } => Explanation::new(
            format!("Another token ({found}) is on the reader now; nothing was written."),
            "Lay one token at a time on the reader.",
        ),
    }
}

/// A recorded operation's failure in words.
pub fn operation_error(e: &crate::station::operation::OperationError) -> Explanation {
    use crate::station::operation::OperationError as O;
    match e {
        O::Token(b) => burn_error(b),
        O::Refused(r) => refusal(r),
    }
}

/// The outcome of a done operation could not be recorded.
pub fn outcome_not_recorded(e: &crate::station::records::RecordsError) -> String {
    format!(
        "Warning: the outcome could not be written to the records ({e}); they show this operation as interrupted."
    )
}
/// Why a station run stopped.
pub fn station_error(e: &crate::station::run::StationError) -> Explanation {
    use crate::station::run::StationError as S;
    match e {
        S::PcClockOff(off) => clock_off(off),
        S::ServiceLost => transport(&TransportError::ServiceUnavailable, None),
        other => Explanation::new(
            format!("The station stopped: {other}."),
            "Fix the cause and start again; the records show what was burned, and an interrupted token is finished when it is laid on again.",
        ),
    }
}

/// An export that could not be made (CLI and records view alike);
/// `keep_switch` names how secrets are kept in that front-end
/// ("--keep-secrets", or the station's checkbox).
pub fn export_error(e: &crate::station::export::ExportError, keep_switch: &str) -> Explanation {
    use crate::station::export::ExportError as E;
    match e {
        E::Records(_) => Explanation::new(e.to_string(), "Check the records file."),
        E::Nothing => Explanation::new(
            "No kept secrets to export.",
            format!("Only batches run with {keep_switch} can be exported for Entra ID."),
        ),
        E::WrongPassphrase | E::Vault(_) => Explanation::new(
            format!("{e}."),
            "Use the passphrase given when the batch ran.",
        ),
        E::Sha256 { .. } | E::Period { .. } => Explanation::new(
            format!("{e}."),
            "Export only SHA-1 batches (30 or 60 s) for Entra ID; burn SHA-1 tokens for Entra.",
        ),
        E::Write { .. } => Explanation::new(e.to_string(), "Choose a writable file."),
    }
}

/// The records export was written.
pub fn records_exported(count: usize, path: &std::path::Path) -> String {
    format!("Wrote {count} records to {}.", path.display())
}

/// What to do with a written Entra ID file. Elsewhere it is created
/// readable by its owner only; on Windows (`windows`) this program sets
/// no permission of its own, so the folder's apply.
pub fn entra_file_holds_secrets(windows: bool) -> &'static str {
    if windows {
        "This file holds the tokens' SECRETS: upload it to Entra ID, then delete it. On Windows it gets the permissions of its folder (this program does not restrict it): save it in a folder only you can read."
    } else {
        "This file holds the tokens' SECRETS (readable by you only): upload it to Entra ID, then delete it."
    }
}

/// How many listed operations were interrupted and still need their token.
pub fn interrupted_count(count: usize) -> String {
    format!(
        "{count} operation(s) were interrupted: lay those tokens on a station's reader to finish them."
    )
}

/// Where an export is saved, on Windows: this program sets no permission
/// of its own there, the folder's apply.
pub fn export_folder_permissions() -> &'static str {
    "On Windows this program does not restrict who can read the file: it gets the permissions of its folder. Save it in a folder only you can read (for example in your user folder)."
}

/// A station finishing a token whose burn was interrupted.
pub fn resuming(serial: &str, when: i64, upn: Option<&str>, same_secret: bool) -> String {
    format!(
        "{serial}: its burn of {}{} was interrupted (the token may be blank); finishing it {}.",
        crate::clock::rfc3339(when.max(0) as u64),
        upn.map(|u| format!(" for {u}")).unwrap_or_default(),
        if same_secret {
            "with the same secret"
        } else {
            "with a new secret (the old one was not kept)"
        }
    )
}

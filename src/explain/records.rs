//! Words for the records and the station: stored error codes and token
//! states, interrupted operations, refusals before a write, exports, and
//! why a station run stopped.

use super::{Explanation, TransportError, burn_error, clock_off, transport};
use crate::station::records::{Check, HeldState, Operation, Status};
use crate::tr;

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
        C::ReaderError => Explanation::new(tr!("code-reader-error"), tr!("transport-other-next")),
        C::AuthFailed => Explanation::new(tr!("code-auth-failed"), tr!("code-auth-failed-next")),
        C::TokenRefused => {
            Explanation::new(tr!("code-token-refused"), tr!("code-token-refused-next"))
        }
        C::BadAnswer => Explanation::new(tr!("code-bad-answer"), tr!("protocol-nonsense-next")),
        C::SeedLength => {
            Explanation::new(tr!("code-seed-length"), tr!("protocol-seed-length-next"))
        }
        C::UnknownModel => {
            Explanation::new(tr!("code-unknown-model"), tr!("code-unknown-model-next"))
        }
        C::EraseNotConfirmed => Explanation::new(
            tr!("code-erase-not-confirmed"),
            tr!("code-erase-not-confirmed-next"),
        ),
        C::Stopped => Explanation::new(tr!("code-stopped"), tr!("burn-stopped-next")),
        C::WrongCard => Explanation::new(tr!("code-wrong-card"), tr!("code-wrong-card-next")),
    }
}

/// A recorded token state in words.
pub fn stored_token_state(state: HeldState) -> String {
    match state {
        HeldState::Untouched => tr!("stored-state-untouched"),
        HeldState::ConfigMaybeWritten => tr!("stored-state-config-maybe-written"),
        HeldState::ConfigWritten => tr!("stored-state-config-written"),
        HeldState::SeedMaybeWritten => tr!("stored-state-seed-maybe-written"),
    }
}

/// What "interrupted" means, for records lists and the records view.
pub fn interrupted() -> String {
    tr!("record-interrupted")
}

/// A recorded operation in words, for the records view and `records list`.
pub fn operation_name(operation: Operation) -> String {
    match operation {
        Operation::Burn => tr!("gui-records-op-burn"),
        Operation::SyncTime => tr!("gui-records-op-sync-time"),
    }
}

/// One operation from the records in words: "ok", "failed: …", "interrupted: …".
pub fn record_outcome(r: &crate::station::records::Record) -> String {
    if r.needs_finishing() {
        return interrupted();
    }
    if r.interrupted() {
        return tr!("record-interrupted-followed");
    }
    if r.outcome == Status::Ok {
        return match r.check {
            None => tr!("record-ok"),
            Some(Check::Matched) => tr!("record-ok-matched"),
            Some(Check::Mismatched) => tr!("record-ok-mismatched"),
            Some(Check::Skipped) => tr!("record-ok-skipped"),
        };
    }
    let problem = r
        .error_code
        .as_deref()
        .and_then(crate::burn::ErrorCode::parse)
        .map(|c| error_code(c).problem)
        .or_else(|| r.error.clone())
        .unwrap_or_else(|| tr!("record-unknown-cause"));
    match r.token_state {
        Some(state) if state != HeldState::Untouched => tr!(
            "record-failed-touched",
            problem = problem,
            state = stored_token_state(state)
        ),
        _ => tr!("record-failed", problem = problem),
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
        } => {
            let when = super::local_time(*when);
            Explanation::new(
                match batch {
                    Some(b) => tr!(
                        "refusal-burned-before-batch",
                        serial = serial.as_str(),
                        when = when,
                        batch = b.as_str()
                    ),
                    None => tr!(
                        "refusal-burned-before",
                        serial = serial.as_str(),
                        when = when
                    ),
                },
                super::next_for(
                    || tr!("refusal-burned-before-next"),
                    || tr!("app-refusal-burned-before-next"),
                ),
            )
        }
        R::NotRecorded(e) => Explanation::new(
            tr!("refusal-not-recorded", error = super::records_error(e)),
            tr!("refusal-not-recorded-next"),
        ),
        R::NotSealed(e) => Explanation::new(
            tr!("refusal-not-sealed", error = e.to_string()),
            tr!("refusal-not-sealed-next"),
        ),
        R::PcClockOff(off) => clock_off(off),
        R::NotInStock { serial } => Explanation::new(
            tr!("refusal-not-in-stock", serial = serial.as_str()),
            tr!("refusal-not-in-stock-next"),
        ),
        R::OtherToken { found } => Explanation::new(
            tr!("refusal-other-token", found = found.to_string()),
            tr!("refusal-other-token-next"),
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

/// The records cannot be reached and the station waits (it goes on by
/// itself): said with how long, and that no token is written meanwhile.
pub fn records_waiting(e: &crate::station::records::RecordsError, seconds: u64) -> String {
    tr!(
        "records-waiting",
        seconds = seconds,
        error = super::records_error(e)
    )
}

/// The records server could not take a done operation's outcome: it is
/// kept on this PC (`waiting` outcomes in all) and delivered first.
pub fn outcome_spooled(e: &crate::station::records::RecordsError, waiting: usize) -> String {
    tr!(
        "outcome-spooled",
        waiting = waiting,
        error = super::records_error(e)
    )
}

/// A token's serial against the records' known serials.
pub fn known_serial(k: &crate::station::records::KnownSerial) -> String {
    use crate::station::records::KnownSerial as K;
    match k {
        K::NoList => tr!("known-serial-no-list"),
        K::Listed { known } => tr!("known-serial-listed", known = *known),
        K::NotListed { known } => tr!("known-serial-not-listed", known = *known),
    }
}

/// The outcome of a done operation could not be recorded.
pub fn outcome_not_recorded(e: &crate::station::records::RecordsError) -> String {
    tr!("outcome-not-recorded", error = super::records_error(e))
}
/// Why a station run stopped.
pub fn station_error(e: &crate::station::run::StationError) -> Explanation {
    use crate::station::run::StationError as S;
    match e {
        S::PcClockOff(off) => clock_off(off),
        S::ServiceLost => transport(&TransportError::ServiceUnavailable, None),
        S::Refused(e) => operation_error(e),
        other => Explanation::new(
            tr!("station-stopped", error = other.to_string()),
            tr!("station-stopped-next"),
        ),
    }
}

/// An export that could not be made (CLI and records view alike);
/// `keep_switch` names how secrets are kept in that front-end
/// ("--keep-secrets", or the station's checkbox).
pub fn export_error(e: &crate::station::export::ExportError, keep_switch: &str) -> Explanation {
    use crate::station::export::ExportError as E;
    match e {
        E::Records(r) => Explanation::new(
            tr!("export-records-failed", error = super::records_error(r)),
            tr!("export-records-next"),
        ),
        E::Nothing => Explanation::new(
            tr!("export-nothing"),
            tr!("export-nothing-next", switch = keep_switch),
        ),
        E::WrongPassphrase => Explanation::new(
            super::vault_error(&crate::station::vault::VaultError::WrongPassphrase),
            tr!("export-passphrase-next"),
        ),
        E::Vault(v) => Explanation::new(super::vault_error(v), tr!("export-passphrase-next")),
        E::Unchecked { serials } => Explanation::new(
            tr!(
                "export-unchecked",
                count = serials.len(),
                serials = serials.join(", ")
            ),
            super::next_for(
                || tr!("export-unchecked-next"),
                || tr!("app-export-unchecked-next"),
            ),
        ),
        E::Sha256 { serial } => Explanation::new(
            tr!("export-sha256", serial = serial.as_str()),
            tr!("export-entra-sha1-next"),
        ),
        E::Period { serial } => Explanation::new(
            tr!("export-period", serial = serial.as_str()),
            tr!("export-entra-sha1-next"),
        ),
        E::Write { path, source } => Explanation::new(
            tr!(
                "export-write-failed",
                path = path.as_str(),
                why = super::io_words(source)
            ),
            tr!("export-write-next"),
        ),
    }
}

/// The records export was written.
pub fn records_exported(count: usize, path: &std::path::Path) -> String {
    tr!(
        "records-exported",
        count = count,
        path = path.display().to_string()
    )
}

/// What to do with a written Entra ID file. Elsewhere it is created
/// readable by its owner only; on Windows (`windows`) this program sets
/// no permission of its own, so the folder's apply.
pub fn entra_file_holds_secrets(windows: bool) -> String {
    if windows {
        tr!("entra-file-holds-secrets-windows")
    } else {
        tr!("entra-file-holds-secrets")
    }
}

/// How many listed operations were interrupted and still need their token.
pub fn interrupted_count(count: usize) -> String {
    tr!("interrupted-count", count = count)
}

/// Where an export is saved, on Windows: this program sets no permission
/// of its own there, the folder's apply.
pub fn export_folder_permissions() -> String {
    tr!("export-folder-permissions")
}

/// A station finishing a token whose burn was interrupted.
pub fn resuming(serial: &str, when: i64, upn: Option<&str>, same_secret: bool) -> String {
    let when = super::local_time(when);
    match (upn, same_secret) {
        (Some(upn), true) => tr!(
            "resuming-user-same",
            serial = serial,
            when = when,
            upn = upn
        ),
        (Some(upn), false) => tr!("resuming-user-new", serial = serial, when = when, upn = upn),
        (None, true) => tr!("resuming-same", serial = serial, when = when),
        (None, false) => tr!("resuming-new", serial = serial, when = when),
    }
}

/// What the next token laid on a station's reader gets.
pub fn next_up(n: &crate::station::run::NextUp) -> String {
    use crate::station::run::NextUp as N;
    match n {
        N::Token { number, of: None } => tr!("next-up-token", number = *number),
        N::Token {
            number,
            of: Some(of),
        } => tr!("next-up-token-of", number = *number, total = *of),
        N::User(upn) => upn.clone(),
        N::ScannedUser => tr!("next-up-scanned-user"),
        N::ListDone => tr!("next-up-list-done"),
        N::BatchDone => tr!("next-up-batch-done"),
    }
}

//! Words for the hand-out: refused hand-outs, a recorded one, what an
//! Entra export wrote (and which tokens it left out for want of a user),
//! and the hand-out receipt's instructions.

use super::{Explanation, record_outcome};
use crate::station::export::EntraSummary;
use crate::station::handout::{Assigned, HandoutError};
use std::path::Path;

/// How a front-end says "hand this token out": the CLI command or the
/// app's view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignHow {
    /// `totp-burner records assign --serial S --upn USER@DOMAIN`.
    Command,
    /// The app's Hand-out view.
    HandoutView,
}

impl AssignHow {
    /// The next step for one token without a user.
    pub fn for_serial(self, serial: &str) -> String {
        match self {
            AssignHow::Command => {
                format!("totp-burner records assign --serial {serial} --upn USER@DOMAIN")
            }
            AssignHow::HandoutView => format!("hand {serial} out in the Hand-out view"),
        }
    }
}

/// A hand-out that was refused, with what to do instead.
pub fn handout_error(e: &HandoutError) -> Explanation {
    use HandoutError as H;
    match e {
        H::NoSerial => Explanation::new(
            "No token serial was given.",
            "Lay the token on the reader, or type the serial printed on its back.",
        ),
        H::BadSerial { serial } => Explanation::new(
            format!("\"{serial}\" is not a token serial."),
            "Type the digits printed on the back of the token, or lay it on the reader.",
        ),
        H::BadUpn { upn } => Explanation::new(
            format!("\"{upn}\" is not a user principal name."),
            "Type the user's sign-in name, e.g. alice@contoso.com (no spaces, commas or quotes).",
        ),
        H::NeverBurned { serial } => Explanation::new(
            format!(
                "Token {serial} was never burned at this station: the records hold no secret for it."
            ),
            "Burn it first (Station view or `totp-burner batch`), or check the serial and the records file.",
        ),
        H::LastBurnFailed { serial, record } => Explanation::new(
            format!(
                "Token {serial} cannot be handed out: its last burn {}.",
                record_outcome(record)
            ),
            "Burn it again (lay it on a station's reader with \"Burn again\" / --reburn), then hand it out.",
        ),
        H::Interrupted { serial, .. } => Explanation::new(
            format!(
                "Token {serial} cannot be handed out: its last burn was interrupted and it may be blank."
            ),
            "Lay it on a station's reader to finish the burn, then hand it out.",
        ),
        H::Records(e) => Explanation::new(
            format!("The records could not be read or written ({e})."),
            "Check the records file and the disk, then try again.",
        ),
    }
}

/// A recorded hand-out, in one or two sentences.
pub fn assigned(a: &Assigned) -> String {
    let mut s = match &a.previous {
        Some(p) if p.eq_ignore_ascii_case(&a.upn) => {
            format!("Token {} handed out to {} again.", a.serial, a.upn)
        }
        Some(p) => format!("Token {} handed out to {} (it was {p}'s).", a.serial, a.upn),
        None => format!("Token {} handed out to {}.", a.serial, a.upn),
    };
    if !a.secret_kept {
        s.push_str(" Its secret was not kept, so it cannot go into the Entra ID export.");
    }
    s
}

fn batches(list: &[String]) -> String {
    match list {
        [] => "no batch".into(),
        [one] => format!("batch {one}"),
        many => format!("batches {}", many.join(", ")),
    }
}

/// What an Entra export did, line by line: the rows written and for which
/// batches, then every token left out for want of a user with how to hand
/// it out, and where those were written.
pub fn entra_exported(
    s: &EntraSummary,
    path: &Path,
    unassigned_path: Option<&Path>,
    how: AssignHow,
) -> Vec<String> {
    let mut lines = Vec::new();
    if s.written > 0 {
        lines.push(format!(
            "Wrote {} token(s) of {} to {}.",
            s.written,
            batches(&s.batches),
            path.display()
        ));
    } else {
        lines.push(format!(
            "No token has a user yet: {} was not written (Entra ID needs a UPN in every row).",
            path.display()
        ));
    }
    if !s.unassigned.is_empty() {
        lines.push(format!(
            "{} token(s) have no user and are not in the Entra file; hand each out first:",
            s.unassigned.len()
        ));
        for u in &s.unassigned {
            lines.push(format!(
                "  {} ({}{}): {}",
                u.serial,
                u.model.as_deref().unwrap_or("unknown model"),
                u.batch
                    .as_ref()
                    .map(|b| format!(", batch {b}"))
                    .unwrap_or_default(),
                how.for_serial(&u.serial)
            ));
        }
        match (s.unassigned_written, unassigned_path) {
            (true, Some(p)) => lines.push(format!(
                "Wrote them to {} (the same layout with the UPN empty; it holds their secrets).",
                p.display()
            )),
            _ => lines.push(
                "To keep them for later, export again with a file for the unassigned tokens."
                    .into(),
            ),
        }
    }
    lines
}

/// No token of the export has a user, and no file for them was asked for.
pub fn nobody_assigned(unassigned: usize, how: AssignHow) -> Explanation {
    Explanation::new(
        format!(
            "None of the {unassigned} token(s) with a kept secret has a user yet; Entra ID needs a UPN in every row."
        ),
        match how {
            AssignHow::Command => {
                "Hand them out first: totp-burner records assign --serial S --upn USER@DOMAIN (or add --unassigned FILE to write them for later)."
            }
            AssignHow::HandoutView => {
                "Hand them out first in the Hand-out view (or give a file for the unassigned tokens)."
            }
        },
    )
}

/// The receipt's three steps for the user.
pub const RECEIPT_STEPS: [(&str, &str); 3] = [
    (
        "Switch on",
        "Press the token's button: it shows a 6-digit code for a few seconds.",
    ),
    (
        "Compare the code",
        "Check the serial on the back of the token is the one above. Each code is good for its time step only: when asked for a code, type the one the token shows now (press the button again for a fresh one).",
    ),
    (
        "Sign in",
        "At sign-in choose the hardware token (\"verification code\") and type the code it shows. Never tell anyone a code, and report a lost token to the help desk at once.",
    ),
];

/// A receipt with no token on it.
pub fn receipt_nothing(of: crate::station::receipt::ReceiptFor<'_>) -> Explanation {
    use crate::station::receipt::ReceiptFor as F;
    Explanation::new(
        match of {
            F::User(u) => format!("No token is handed out to {u}."),
            F::Batch(b) => format!("No token of batch {b} has a user."),
        },
        "Hand the tokens out first, then write the receipt.",
    )
}

/// A receipt was written.
pub fn receipt_written(count: usize, path: &Path) -> String {
    format!(
        "Wrote a receipt for {count} token(s) to {} (one page each; no secret on it): open it in a browser and print it.",
        path.display()
    )
}

//! Words for the hand-out: refused hand-outs, a recorded one, what an
//! Entra export wrote (and which tokens it left out for want of a user),
//! and the hand-out receipt's instructions.

use super::{Explanation, record_outcome};
use crate::station::export::EntraSummary;
use crate::station::handout::{Assigned, HandoutError};
use crate::tr;
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
            AssignHow::Command => tr!("handout-assign-command", serial = serial),
            AssignHow::HandoutView => tr!("handout-assign-view", serial = serial),
        }
    }
}

/// A hand-out that was refused, with what to do instead.
pub fn handout_error(e: &HandoutError) -> Explanation {
    use HandoutError as H;
    match e {
        H::NoSerial => Explanation::new(tr!("handout-no-serial"), tr!("handout-no-serial-next")),
        H::BadSerial { serial } => Explanation::new(
            tr!("handout-bad-serial", serial = serial.as_str()),
            tr!("handout-bad-serial-next"),
        ),
        H::BadUpn { upn } => Explanation::new(
            tr!("handout-bad-upn", upn = upn.as_str()),
            tr!("handout-bad-upn-next"),
        ),
        H::NeverBurned { serial } => Explanation::new(
            tr!("handout-never-burned", serial = serial.as_str()),
            tr!("handout-never-burned-next"),
        ),
        H::LastBurnFailed { serial, record } => Explanation::new(
            tr!(
                "handout-last-burn-failed",
                serial = serial.as_str(),
                outcome = record_outcome(record)
            ),
            super::next_for(
                || tr!("handout-last-burn-failed-next"),
                || tr!("app-handout-last-burn-failed-next"),
            ),
        ),
        H::Interrupted { serial, .. } => Explanation::new(
            tr!("handout-interrupted", serial = serial.as_str()),
            tr!("handout-interrupted-next"),
        ),
        H::Unchecked { serial, check } => Explanation::new(
            match check {
                crate::station::records::Check::Skipped => {
                    tr!("handout-unchecked-skipped", serial = serial.as_str())
                }
                _ => tr!("handout-unchecked-mismatched", serial = serial.as_str()),
            },
            super::next_for(
                || tr!("handout-unchecked-next"),
                || tr!("app-handout-unchecked-next"),
            ),
        ),
        H::Records(e) => Explanation::new(
            tr!("handout-records", error = super::records_error(e)),
            tr!("handout-records-next"),
        ),
    }
}

/// A recorded hand-out, in one or two sentences.
pub fn assigned(a: &Assigned) -> String {
    let mut s = match &a.previous {
        Some(p) if p.eq_ignore_ascii_case(&a.upn) => {
            tr!(
                "handout-assigned-again",
                serial = a.serial.as_str(),
                upn = a.upn.as_str()
            )
        }
        Some(p) => tr!(
            "handout-assigned-was",
            serial = a.serial.as_str(),
            upn = a.upn.as_str(),
            previous = p.as_str()
        ),
        None => tr!(
            "handout-assigned",
            serial = a.serial.as_str(),
            upn = a.upn.as_str()
        ),
    };
    if !a.secret_kept {
        s.push(' ');
        s.push_str(&tr!("handout-assigned-not-kept"));
    }
    s
}

fn batches(list: &[String]) -> String {
    match list {
        [] => tr!("handout-no-batch"),
        [one] => tr!("handout-one-batch", batch = one.as_str()),
        many => tr!("handout-many-batches", batches = many.join(", ")),
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
        lines.push(tr!(
            "handout-entra-wrote",
            count = s.written,
            batches = batches(&s.batches),
            path = path.display().to_string()
        ));
    } else {
        lines.push(tr!(
            "handout-entra-nobody",
            path = path.display().to_string()
        ));
    }
    if !s.unassigned.is_empty() {
        lines.push(tr!("handout-entra-unassigned", count = s.unassigned.len()));
        for u in &s.unassigned {
            lines.push(format!(
                "  {} ({}{}): {}",
                u.serial,
                u.model
                    .clone()
                    .unwrap_or_else(|| tr!("handout-unknown-model")),
                u.batch
                    .as_ref()
                    .map(|b| format!(", {}", tr!("handout-one-batch", batch = b.as_str())))
                    .unwrap_or_default(),
                how.for_serial(&u.serial)
            ));
        }
        match (s.unassigned_written, unassigned_path) {
            (true, Some(p)) => lines.push(tr!(
                "handout-entra-unassigned-wrote",
                path = p.display().to_string()
            )),
            _ => lines.push(tr!("handout-entra-unassigned-keep")),
        }
    }
    lines
}

/// No token of the export has a user, and no file for them was asked for.
pub fn nobody_assigned(unassigned: usize, how: AssignHow) -> Explanation {
    Explanation::new(
        tr!("handout-nobody-assigned", count = unassigned),
        match how {
            AssignHow::Command => tr!("handout-nobody-assigned-command"),
            AssignHow::HandoutView => tr!("handout-nobody-assigned-view"),
        },
    )
}

/// The receipt's three steps for the user: a heading and its words.
pub fn receipt_steps() -> [(String, String); 3] {
    [
        (
            tr!("handout-receipt-step1"),
            tr!("handout-receipt-step1-words"),
        ),
        (
            tr!("handout-receipt-step2"),
            tr!("handout-receipt-step2-words"),
        ),
        (
            tr!("handout-receipt-step3"),
            tr!("handout-receipt-step3-words"),
        ),
    ]
}

/// A receipt with no token on it.
pub fn receipt_nothing(of: crate::station::receipt::ReceiptFor<'_>) -> Explanation {
    use crate::station::receipt::ReceiptFor as F;
    Explanation::new(
        match of {
            F::User(u) => tr!("handout-receipt-nobody-user", upn = u),
            F::Batch(b) => tr!("handout-receipt-nobody-batch", batch = b),
        },
        tr!("handout-receipt-nobody-next"),
    )
}

/// A receipt was written.
pub fn receipt_written(count: usize, path: &Path) -> String {
    tr!(
        "handout-receipt-written",
        count = count,
        path = path.display().to_string()
    )
}

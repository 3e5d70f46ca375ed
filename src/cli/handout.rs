//! `totp-burner records assign | codes | receipt`: hand a burned token out
//! to its user (serial from the reader or typed; UPN typed or picked from
//! a users list), show the live codes of the tokens handed out (for Entra
//! ID's activation, one code per token), and write a printable receipt.

use super::args::TargetArgs;
use super::output;
use super::records::{RecordsFile, passphrase};
use super::target;
use crate::burn::read_info;
use crate::clock::{Clock, SystemClock};
use crate::explain::{self, AssignHow, Explanation};
use crate::station::export::{self, ExportError};
use crate::station::handout::{self, HandoutError};
use crate::station::receipt::{self, ReceiptFor};
use crate::station::users;
use crate::tr;
use clap::Args;
use serde_json::json;
use std::path::PathBuf;

/// Arguments of `records assign`.
#[derive(Debug, Args)]
pub struct AssignArgs {
    /// The token's serial [default: read from the token on the reader].
    #[arg(long, value_name = "SERIAL", conflicts_with = "reader")]
    serial: Option<String>,
    /// The reader holding the token (exact name or a unique part).
    #[arg(long, value_name = "NAME")]
    reader: Option<String>,
    /// The user's UPN; with --users, a whole UPN, a row number or a part of
    /// a UPN or name that one user has.
    #[arg(long, value_name = "UPN", required_unless_present = "users")]
    upn: Option<String>,
    /// Pick the user from this CSV list (an Entra users download, or one
    /// UPN per line); without --upn the list is shown and a pick is read
    /// from standard input.
    #[arg(long, value_name = "FILE")]
    users: Option<PathBuf>,
    /// Station name written into the record [default: this host's name].
    #[arg(long, value_name = "NAME")]
    station: Option<String>,
    /// Hand it out although its code check after the burn did not match
    /// or was skipped.
    #[arg(long)]
    accept_unchecked: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    file: RecordsFile,
}

/// Arguments of `records codes`.
#[derive(Debug, Args)]
pub struct CodesArgs {
    /// Only this batch.
    #[arg(long, value_name = "ID")]
    batch: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    file: RecordsFile,
}

/// Arguments of `records receipt`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("whom").required(true).args(["upn", "batch"])))]
pub struct ReceiptArgs {
    /// The HTML file to write.
    #[arg(long, value_name = "FILE")]
    html: PathBuf,
    /// Every token of this user.
    #[arg(long, value_name = "UPN")]
    upn: Option<String>,
    /// Every token of this batch that has a user.
    #[arg(long, value_name = "ID")]
    batch: Option<String>,
    #[command(flatten)]
    file: RecordsFile,
}

fn records_problem(e: impl std::fmt::Display) -> Explanation {
    Explanation {
        problem: tr!("cli-handout-records-unreadable", error = e.to_string()),
        next_step: tr!("cli-handout-records-unreadable-next"),
    }
}

/// The UPN: typed, or picked from the users list.
fn chosen_upn(a: &AssignArgs) -> Result<String, Explanation> {
    let Some(path) = &a.users else {
        return Ok(a.upn.clone().unwrap_or_default());
    };
    let text = std::fs::read_to_string(path).map_err(|e| Explanation {
        problem: tr!(
            "cli-handout-users-unreadable",
            path = path.display().to_string(),
            error = crate::explain::io_words(&e)
        ),
        next_step: tr!("cli-handout-users-unreadable-next"),
    })?;
    let list = users::parse_users(&text).map_err(|e| Explanation {
        problem: tr!(
            "cli-handout-users-unusable",
            path = path.display().to_string(),
            error = e.to_string()
        ),
        next_step: tr!("cli-handout-users-unusable-next"),
    })?;
    let wanted = match &a.upn {
        Some(u) => u.clone(),
        None => {
            for (i, u) in list.iter().enumerate() {
                eprintln!("{:>4}  {}", i + 1, u.label());
            }
            eprint!("{} ", tr!("cli-handout-user-prompt"));
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|_| Explanation {
                    problem: tr!("cli-handout-no-pick"),
                    next_step: tr!("cli-handout-no-pick-next"),
                })?;
            line
        }
    };
    users::pick(&list, &wanted)
        .map(|u| u.upn.clone())
        .map_err(|e| Explanation {
            problem: tr!(
                "cli-handout-pick-failed",
                error = e.to_string(),
                path = path.display().to_string()
            ),
            next_step: tr!("cli-handout-pick-failed-next"),
        })
}

/// Run `records assign`.
pub fn assign(a: &AssignArgs) -> i32 {
    let fail = |x: Explanation, code| output::report_input_error(&x, a.json, code);
    let upn = match chosen_upn(a) {
        Ok(u) => u,
        Err(x) => return fail(x, super::EXIT_USAGE),
    };
    if let Err(e) = handout::clean_upn(&upn) {
        return fail(explain::handout_error(&e), super::EXIT_USAGE);
    }
    let store = match a.file.open(a.station.as_deref()) {
        Ok(s) => s,
        Err(x) => return fail(x, super::EXIT_FAILED),
    };
    let (serial, reader) = match &a.serial {
        Some(s) => (s.clone(), None),
        None => {
            let target = TargetArgs {
                reader: a.reader.clone(),
                emulator: false,
            };
            let read = target::with_transport(&target, |t| {
                read_info(t, &SystemClock, &mut |_| {}).map(|i| (i.serial, t.reader_name()))
            });
            match read {
                Ok((serial, reader)) => (serial, Some(reader)),
                Err(e) => return output::report_failure(&e, a.json),
            }
        }
    };
    match handout::assign(&store, &serial, &upn, reader.as_deref(), a.accept_unchecked) {
        Ok(done) => {
            if a.json {
                output::print_json(&json!({
                    "ok": true,
                    "serial": done.serial,
                    "upn": done.upn,
                    "previous": done.previous,
                    "reader": reader,
                    "secret_kept": done.secret_kept,
                    "batch": done.burn.batch,
                }));
            } else {
                println!("{}", explain::assigned(&done));
            }
            super::EXIT_OK
        }
        Err(e) => {
            let code = match e {
                HandoutError::BadSerial { .. }
                | HandoutError::BadUpn { .. }
                | HandoutError::NoSerial => super::EXIT_USAGE,
                _ => super::EXIT_FAILED,
            };
            fail(explain::handout_error(&e), code)
        }
    }
}

fn export_failed(e: &ExportError, json_out: bool) -> i32 {
    let x = explain::export_error(e, "--keep-secrets");
    output::report_input_error(&x, json_out, super::EXIT_FAILED)
}

/// Run `records codes`: the passphrase is asked once, the codes printed
/// with the seconds each stays valid; never a secret.
pub fn codes(a: &CodesArgs) -> i32 {
    let store = match a.file.open(None) {
        Ok(s) => s,
        Err(x) => return output::report_input_error(&x, a.json, super::EXIT_FAILED),
    };
    // Nothing to show: say so before asking for a passphrase.
    match export::kept_tokens(&store, a.batch.as_deref()) {
        Ok(k) if k.iter().any(|k| k.upn.is_some()) => {}
        Ok(k) => {
            let x = if k.is_empty() {
                explain::export_error(&ExportError::Nothing, "--keep-secrets")
            } else {
                explain::nobody_assigned(k.len(), AssignHow::Command)
            };
            return output::report_input_error(&x, a.json, super::EXIT_FAILED);
        }
        Err(e) => return export_failed(&e, a.json),
    }
    let p = match passphrase(false) {
        Ok(p) => p,
        Err(x) => return output::report_input_error(&x, a.json, super::EXIT_FAILED),
    };
    let tokens = match handout::live_tokens(&store, &p, a.batch.as_deref()) {
        Ok(t) => t,
        Err(e) => return export_failed(&e, a.json),
    };
    let now = SystemClock.now();
    if a.json {
        let list: Vec<_> = tokens
            .iter()
            .map(|t| {
                let c = t.codes(now);
                json!({"serial": t.serial, "upn": t.upn, "model": t.model, "batch": t.batch,
                       "code": c.current, "next": c.next, "seconds_left": c.seconds_left})
            })
            .collect();
        output::print_json(&json!({"ok": true, "at": now, "tokens": list}));
        return super::EXIT_OK;
    }
    let width = tokens.iter().map(|t| t.upn.len()).max().unwrap_or(4);
    println!(
        "{:<16}{:<width$}  {:<9}{}",
        tr!("cli-handout-col-serial"),
        tr!("cli-handout-col-user"),
        tr!("cli-handout-col-code"),
        tr!("cli-handout-col-left")
    );
    for t in &tokens {
        let c = t.codes(now);
        println!(
            "{:<16}{:<width$}  {:<9}{} s",
            t.serial,
            t.upn,
            output::group(&c.current),
            c.seconds_left
        );
    }
    super::EXIT_OK
}

/// Run `records receipt`.
pub fn receipt(a: &ReceiptArgs) -> i32 {
    let fail = |x: Explanation| output::report_input_error(&x, false, super::EXIT_FAILED);
    let store = match a.file.open(None) {
        Ok(s) => s,
        Err(x) => return fail(x),
    };
    let of = match (&a.upn, &a.batch) {
        (Some(u), _) => ReceiptFor::User(u),
        (None, Some(b)) => ReceiptFor::Batch(b),
        (None, None) => return super::EXIT_USAGE,
    };
    let tokens = match receipt::receipt_tokens(&store, of) {
        Ok(t) => t,
        Err(e) => return fail(records_problem(e)),
    };
    if tokens.is_empty() {
        return fail(explain::receipt_nothing(of));
    }
    let html = receipt::receipt_html(&tokens);
    match export::write_plain(&a.html, html.as_bytes()) {
        Ok(()) => {
            println!("{}", explain::receipt_written(tokens.len(), &a.html));
            super::EXIT_OK
        }
        Err(e) => export_failed(&e, false),
    }
}

//! `totp-burner batch` (burn tokens as they are laid on the reader) and
//! `totp-burner records` (list, export). One progress line per token.

use super::args::{CodeOptionArgs, DisplayArgs};
use super::output;
use crate::card::connector::PcscConnector;
use crate::card::watch::ReaderWatcher;
use crate::clock::SystemClock;
use crate::explain::Explanation;
use crate::params::TokenOptions;
use crate::station::export::{self, EntraRow};
use crate::station::records::{self, Store};
use crate::station::run::{BatchConfig, BatchSource, StationEvent, WatchedPresence, run_batch};
use crate::station::source::parse_user_list;
use crate::station::vault::{OpenVault, Vault};
use age::secrecy::SecretString;
use clap::{Args, Subcommand};
use serde_json::json;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

/// Where the records are.
#[derive(Debug, Clone, Args)]
pub struct RecordsFile {
    /// Records database [default: records.sqlite in the per-user data folder].
    #[arg(long, value_name = "FILE")]
    records: Option<PathBuf>,
}

impl RecordsFile {
    fn open(&self, station: Option<&str>) -> Result<Store, Explanation> {
        let path = self
            .records
            .clone()
            .or_else(records::default_path)
            .ok_or_else(|| Explanation {
                problem: "No data folder for the records was found.".into(),
                next_step: "Name the records file with --records FILE.".into(),
            })?;
        Store::open(&path, station).map_err(|e| Explanation {
            problem: format!("The records database could not be opened ({e})."),
            next_step: "Check the folder exists and is writable, or choose another file with --records FILE.".into(),
        })
    }
}

/// Arguments of `batch`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("source").required(true).multiple(false)))]
pub struct BatchArgs {
    /// A fresh random 20-byte secret per token.
    #[arg(long, group = "source")]
    random: bool,
    /// A CSV list of `upn,secret` (or `upn` alone: random secrets), burned in order.
    #[arg(long, value_name = "FILE", group = "source")]
    csv: Option<PathBuf>,
    /// With --random: stop after N tokens.
    #[arg(long, value_name = "N")]
    count: Option<usize>,
    /// With --csv: start at row N (1-based; to retry or skip after a failure).
    #[arg(long, value_name = "N", default_value_t = 1)]
    start_row: usize,
    /// Keep the secrets, encrypted under a passphrase, for the Entra export
    /// (passphrase from TOTP_BURNER_PASSPHRASE or asked once).
    #[arg(long)]
    keep_secrets: bool,
    /// Use only this reader.
    #[arg(long, value_name = "NAME")]
    reader: Option<String>,
    /// Station name stored in the records [default: host name].
    #[arg(long, value_name = "NAME")]
    station: Option<String>,
    #[command(flatten)]
    options: CodeOptionArgs,
    #[command(flatten)]
    display: DisplayArgs,
    #[command(flatten)]
    file: RecordsFile,
    /// One JSON object per line instead of text.
    #[arg(long)]
    json: bool,
}

/// Arguments of `records`.
#[derive(Debug, Args)]
pub struct RecordsArgs {
    #[command(subcommand)]
    command: RecordsCommand,
}

/// `records` subcommands.
#[derive(Debug, Subcommand)]
pub enum RecordsCommand {
    /// List the records.
    List {
        /// Only this token.
        #[arg(long, value_name = "SERIAL")]
        serial: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        file: RecordsFile,
    },
    /// Export the records (CSV) or the kept secrets (Entra ID CSV).
    Export {
        /// Every record as CSV (no secrets).
        #[arg(
            long,
            value_name = "FILE",
            group = "what",
            required_unless_present = "entra"
        )]
        csv: Option<PathBuf>,
        /// Kept secrets as the Entra ID hardware OATH token CSV (holds secrets).
        #[arg(long, value_name = "FILE", group = "what")]
        entra: Option<PathBuf>,
        /// Only this batch.
        #[arg(long, value_name = "ID")]
        batch: Option<String>,
        #[command(flatten)]
        file: RecordsFile,
    },
}

fn passphrase(confirm: bool) -> Result<SecretString, Explanation> {
    if let Ok(p) = std::env::var("TOTP_BURNER_PASSPHRASE") {
        return Ok(SecretString::from(p));
    }
    let none = || Explanation {
        problem: "A passphrase is needed for the kept secrets.".into(),
        next_step: "Run it in a terminal to be asked, or set TOTP_BURNER_PASSPHRASE.".into(),
    };
    let p = rpassword::prompt_password("Passphrase for the kept secrets: ").map_err(|_| none())?;
    if p.is_empty() {
        return Err(none());
    }
    if confirm {
        let again = rpassword::prompt_password("Again: ").map_err(|_| none())?;
        if again != p {
            return Err(Explanation {
                problem: "The passphrases differ.".into(),
                next_step: "Try again.".into(),
            });
        }
    }
    Ok(SecretString::from(p))
}

fn grouped(code: &str) -> String {
    if code.len() == 6 {
        format!("{} {}", &code[..3], &code[3..])
    } else {
        code.to_string()
    }
}

/// Run `batch`.
pub fn run_batch_cmd(a: &BatchArgs) -> i32 {
    let fail = |x: Explanation| output::report_input_error(&x, false, super::EXIT_FAILED);
    let store = match a.file.open(a.station.as_deref()) {
        Ok(s) => s,
        Err(x) => return fail(x),
    };
    let source = match &a.csv {
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(t) => zeroize::Zeroizing::new(t),
                Err(e) => {
                    return fail(Explanation {
                        problem: format!("{} could not be read ({e}).", path.display()),
                        next_step: "Check the file name.".into(),
                    });
                }
            };
            match parse_user_list(&text) {
                Ok(rows) => BatchSource::Users(rows),
                Err(e) => {
                    return output::report_input_error(
                        &Explanation {
                            problem: format!("The user list cannot be used: {e}."),
                            next_step:
                                "Fix that line (each secret may appear once) and start again."
                                    .into(),
                        },
                        false,
                        super::EXIT_USAGE,
                    );
                }
            }
        }
        None => BatchSource::Random { count: a.count },
    };
    let options = TokenOptions {
        algorithm: a.options.algorithm.map(Into::into).unwrap_or_default(),
        period: a.options.period.unwrap_or_default(),
        display_timeout: a.display.display_timeout,
    };
    let vault = if a.keep_secrets {
        let p = match passphrase(store.keys().map(|k| k.is_empty()).unwrap_or(true)) {
            Ok(p) => p,
            Err(x) => return fail(x),
        };
        match Vault::unlock_or_create(&store, &p) {
            Ok(v) => {
                eprintln!(
                    "Keeping the secrets, encrypted, in {} for the Entra export.",
                    store.path().display()
                );
                Some(v)
            }
            Err(e) => {
                return fail(Explanation {
                    problem: format!("The kept secrets cannot be opened: {e}."),
                    next_step: "Use the passphrase of the earlier batches of this records file."
                        .into(),
                });
            }
        }
    } else {
        None
    };
    let batch_id = format!(
        "{}-{}",
        records::host_name(),
        crate::clock::rfc3339(crate::clock::Clock::now(&SystemClock))
    );
    let config = BatchConfig {
        source,
        options,
        reader: a.reader.clone(),
        vault,
        batch_id: batch_id.clone(),
        start_row: a.start_row.saturating_sub(1),
    };
    let (tx, rx) = std::sync::mpsc::channel();
    let watcher = match ReaderWatcher::spawn(move |e| {
        let _ = tx.send(e);
    }) {
        Ok(w) => w,
        Err(e) => return fail(crate::explain::transport(&e, None)),
    };
    let mut presence = WatchedPresence::new(rx);
    let stop = AtomicBool::new(false);
    let json_out = a.json;
    let total = match &config.source {
        BatchSource::Users(rows) => Some(rows.len()),
        BatchSource::Random { count } => *count,
    };
    let mut n = 0usize;
    let result = run_batch(
        &config,
        &store,
        &mut presence,
        &mut PcscConnector,
        &SystemClock,
        &stop,
        &mut |e| {
            if json_out {
                let v = match &e {
                    StationEvent::Waiting { next } => json!({"event": "waiting", "next": next}),
                    StationEvent::AlreadyBurned { serial } => {
                        json!({"event": "already-burned", "serial": serial})
                    }
                    StationEvent::BurnedBefore {
                        serial,
                        when,
                        failed,
                    } => {
                        json!({"event": "burned-before", "serial": serial, "when": when, "failed": failed})
                    }
                    StationEvent::Burned {
                        token,
                        upn,
                        code,
                        took,
                    } => json!({"event": "burned", "serial": token.serial,
                    "model": token.model_name(), "upn": upn, "code": code, "ms": took.as_millis() as u64}),
                    StationEvent::Failed {
                        serial,
                        why,
                        token_state,
                    } => json!({"event": "failed", "serial": serial,
                    "error": why.problem, "next_step": why.next_step, "token_state": token_state}),
                    StationEvent::LiftIt => json!({"event": "lift"}),
                };
                println!("{v}");
                return;
            }
            match e {
                StationEvent::Waiting { next } => {
                    eprintln!("Next: {next}. Switch the token on and lay it on the reader.")
                }
                StationEvent::AlreadyBurned { serial } => {
                    println!("{serial}: already burned in this batch, not burned again.")
                }
                StationEvent::BurnedBefore {
                    serial,
                    when,
                    failed,
                } => println!(
                    "{serial}: {} on {}.",
                    if failed {
                        "its last burn FAILED (it may hold no secret)"
                    } else {
                        "burned before"
                    },
                    crate::clock::rfc3339(when.max(0) as u64)
                ),
                StationEvent::Burned {
                    token,
                    upn,
                    code,
                    took,
                } => {
                    n += 1;
                    let of = total.map(|t| format!("/{t}")).unwrap_or_default();
                    println!(
                        "[{n}{of}] {} {} burned{} · code {} · {} ms",
                        token.serial,
                        token.model_name(),
                        upn.map(|u| format!(" for {u}")).unwrap_or_default(),
                        grouped(&code),
                        took.as_millis()
                    );
                }
                StationEvent::Failed { serial, why, .. } => {
                    println!(
                        "{} FAILED: {}",
                        serial.as_deref().unwrap_or("token"),
                        why.problem
                    );
                    println!("   next: {}", why.next_step);
                }
                StationEvent::LiftIt => eprintln!("Lift the token off the reader."),
            }
        },
    );
    watcher.stop();
    match result {
        Ok(s) => {
            if !json_out {
                println!(
                    "Batch {batch_id}: {} burned, {} failed.",
                    s.burned, s.failed
                );
            }
            if s.stopped_on_failure {
                let row = s.next_row + 1;
                eprintln!(
                    "Row {row} failed. To retry it, lay the same token on the reader and run again with --start-row {row}; to skip it, use --start-row {}.",
                    row + 1
                );
                return super::EXIT_TOKEN_CHANGED;
            }
            if s.failed > 0 {
                super::EXIT_TOKEN_CHANGED
            } else {
                super::EXIT_OK
            }
        }
        Err(e) => fail(Explanation {
            problem: format!("The batch stopped: {e}."),
            next_step: "Fix the cause and run the batch again; the records show what was burned."
                .into(),
        }),
    }
}

/// Run `records`.
pub fn run_records_cmd(a: &RecordsArgs) -> i32 {
    let fail = |x: Explanation| output::report_input_error(&x, false, super::EXIT_FAILED);
    match &a.command {
        RecordsCommand::List {
            serial,
            json: j,
            file,
        } => {
            let store = match file.open(None) {
                Ok(s) => s,
                Err(x) => return fail(x),
            };
            let list = match store.list(serial.as_deref()) {
                Ok(l) => l,
                Err(e) => {
                    return fail(Explanation {
                        problem: e.to_string(),
                        next_step: "Check the records file.".into(),
                    });
                }
            };
            if *j {
                output::print_json(&json!({"ok": true, "records": list}));
            } else if list.is_empty() {
                println!("No records.");
            } else {
                for r in &list {
                    println!(
                        "{} {} {} {} {}{}{}",
                        crate::clock::rfc3339(r.time.max(0) as u64),
                        r.serial.as_deref().unwrap_or("-"),
                        r.model.as_deref().unwrap_or("-"),
                        r.operation,
                        r.outcome,
                        r.upn.as_ref().map(|u| format!(" {u}")).unwrap_or_default(),
                        r.error
                            .as_ref()
                            .map(|e| format!(" ({e})"))
                            .unwrap_or_default()
                    );
                }
            }
            super::EXIT_OK
        }
        RecordsCommand::Export {
            csv,
            entra,
            batch,
            file,
        } => {
            let store = match file.open(None) {
                Ok(s) => s,
                Err(x) => return fail(x),
            };
            if let Some(path) = csv {
                let list = store.list(None).unwrap_or_default();
                return match export::write_plain(path, export::records_csv(&list).as_bytes()) {
                    Ok(()) => {
                        println!("Wrote {} records to {}.", list.len(), path.display());
                        super::EXIT_OK
                    }
                    Err(e) => fail(Explanation {
                        problem: e.to_string(),
                        next_step: "Choose a writable file.".into(),
                    }),
                };
            }
            let Some(path) = entra else {
                return super::EXIT_USAGE;
            };
            let kept = match store.kept_secrets(batch.as_deref()) {
                Ok(k) => k,
                Err(e) => {
                    return fail(Explanation {
                        problem: e.to_string(),
                        next_step: "Check the records file.".into(),
                    });
                }
            };
            if kept.is_empty() {
                return fail(Explanation {
                    problem: "No kept secrets to export.".into(),
                    next_step: "Only batches run with --keep-secrets can be exported for Entra ID."
                        .into(),
                });
            }
            let p = match passphrase(false) {
                Ok(p) => p,
                Err(x) => return fail(x),
            };
            let vault = match OpenVault::open(&store, &p) {
                Ok(v) => v,
                Err(e) => {
                    return fail(Explanation {
                        problem: format!("{e}."),
                        next_step: "Use the passphrase given when the batch ran.".into(),
                    });
                }
            };
            let mut secrets = Vec::with_capacity(kept.len());
            for (_, blob, key) in &kept {
                match vault.unseal(*key, blob) {
                    Ok(s) => secrets.push(crate::secret::Secret::from_zeroizing(s).to_base32()),
                    Err(e) => {
                        return fail(Explanation {
                            problem: format!("{e}."),
                            next_step: "Use the passphrase given when the batch ran.".into(),
                        });
                    }
                }
            }
            let rows: Vec<EntraRow<'_>> = kept
                .iter()
                .zip(&secrets)
                .map(|((record, _, _), s)| EntraRow {
                    record,
                    secret_base32: s,
                })
                .collect();
            let text = match export::entra_csv(&rows) {
                Ok(t) => t,
                Err(e) => {
                    return output::report_input_error(
                        &Explanation { problem: format!("{e}."), next_step: "Export only SHA-1 batches (30 or 60 s) for Entra ID; burn SHA-1 tokens for Entra.".into() },
                        false,
                        super::EXIT_USAGE,
                    );
                }
            };
            match export::write_private(path, text.as_bytes()) {
                Ok(()) => {
                    println!("Wrote {} tokens to {}.", rows.len(), path.display());
                    println!(
                        "This file holds the tokens' SECRETS (readable by you only): upload it to Entra ID, then delete it."
                    );
                    super::EXIT_OK
                }
                Err(e) => fail(Explanation {
                    problem: e.to_string(),
                    next_step: "Choose a writable file.".into(),
                }),
            }
        }
    }
}

/// Append a single `burn` or `sync-time` to the records (real readers only;
/// a records problem is a warning, the operation itself is done).
pub fn record_single(
    target: &super::args::TargetArgs,
    operation: &str,
    options: &TokenOptions,
    reader: Option<String>,
    outcome: Result<&crate::burn::IdentifiedToken, &crate::burn::BurnError>,
) {
    if target.emulator {
        return;
    }
    let Some(path) = records::default_path() else {
        return;
    };
    let store = match Store::open(&path, None) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("warning: the operation was not recorded ({e}).");
            return;
        }
    };
    let token = match outcome {
        Ok(t) => Some(t),
        Err(e) => e.token.as_deref(),
    };
    let record = records::NewRecord {
        reader: reader
            .or_else(|| target.reader.clone())
            .unwrap_or_else(|| "PC/SC".into()),
        serial: token.map(|t| t.serial.clone()),
        model: token.map(|t| t.model_name().to_string()),
        operation: operation.into(),
        algorithm: Some(options.algorithm.name().into()),
        period: Some(options.period.seconds() as i64),
        display_timeout: Some(options.display_timeout.seconds() as i64),
        ok: outcome.is_ok(),
        error: outcome.err().map(|e| crate::explain::burn_error(e).problem),
        ..Default::default()
    };
    if let Err(e) = store.add(&record) {
        eprintln!("warning: the operation was not recorded ({e}).");
    }
}

//! `totp-burner batch`: burn tokens as they are laid on the readers (one
//! loop per reader, see `station::run`). One progress line per token;
//! Ctrl+C stops after the token on the reader is finished.

use super::args::{CodeOptionArgs, DisplayArgs};
use super::output;
use super::records::RecordsFile;
use crate::card::pcsc::PcscReaders;
use crate::card::select::choose_reader;
use crate::clock::SystemClock;
use crate::explain::Explanation;
use crate::params::TokenOptions;
use crate::station::records;
use crate::station::run::{BatchConfig, BatchSource, StationEvent, pcsc_reader_loops, run_batch};
use crate::station::source::{list_id, parse_user_list};
use crate::station::vault::Vault;
use crate::tr;
use clap::Args;
use serde_json::json;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Arguments of `batch`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("source").required(true).multiple(false)))]
pub struct BatchArgs {
    /// A fresh random 20-byte secret per token.
    #[arg(long, group = "source")]
    random: bool,
    /// A CSV list of `upn,secret` (or `upn` alone: random secrets), burned
    /// in order; started again, it continues after the rows done.
    #[arg(long, value_name = "FILE", group = "source")]
    csv: Option<PathBuf>,
    /// With --random: stop after N tokens.
    #[arg(long, value_name = "N")]
    count: Option<usize>,
    /// With --csv: start at row N (1-based), even if the records say rows
    /// from N on were done (they are burned again).
    #[arg(long, value_name = "N", value_parser = super::args::parse_from_one::<u64>)]
    start_row: Option<u64>,
    /// Burn tokens that were burned before (in an earlier run) again, with
    /// a new secret. Without it they are refused.
    #[arg(long)]
    reburn: bool,
    /// Keep the secrets, encrypted under a passphrase, for the Entra export
    /// (passphrase from TOTP_BURNER_PASSPHRASE or asked once).
    #[arg(long)]
    keep_secrets: bool,
    /// Use only this reader [default: every reader, one token on each].
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

fn rows_words(rows: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let start = rows[i];
        let mut end = start;
        while i + 1 < rows.len() && rows[i + 1] == end + 1 {
            i += 1;
            end = rows[i];
        }
        parts.push(if end > start {
            format!("{}-{}", start + 1, end + 1)
        } else {
            format!("{}", start + 1)
        });
        i += 1;
    }
    parts.join(", ")
}

fn date(secs: i64) -> String {
    crate::clock::rfc3339(secs.max(0) as u64)
}

fn event_json(e: &StationEvent) -> serde_json::Value {
    match e {
        StationEvent::Continuing { done, last, next } => json!({"event": "continuing",
            "done_rows": done.iter().map(|r| r + 1).collect::<Vec<_>>(), "last": last,
            "next_row": next.map(|r| r + 1)}),
        StationEvent::StartRowOverride { row, done_again } => json!({"event": "start-row-override",
            "row": row + 1, "done_again": done_again.iter().map(|r| r + 1).collect::<Vec<_>>()}),
        StationEvent::Waiting { reader, next } => {
            json!({"event": "waiting", "reader": reader, "next": next.to_string()})
        }
        StationEvent::NeedSecret { reader, serial } => {
            json!({"event": "need-secret", "reader": reader, "serial": serial})
        }
        StationEvent::AlreadyBurned {
            reader,
            serial,
            when,
            batch,
            this_run,
        } => json!({"event": "already-burned", "reader": reader, "serial": serial,
            "when": when, "batch": batch, "this_run": this_run}),
        StationEvent::Resuming {
            reader,
            serial,
            when,
            upn,
            same_secret,
        } => json!({"event": "resuming", "reader": reader, "serial": serial, "when": when,
            "upn": upn, "same_secret": same_secret}),
        StationEvent::Burned {
            reader,
            token,
            upn,
            row,
            code,
            took,
            resumed,
            not_recorded,
            ..
        } => json!({"event": "burned", "reader": reader, "serial": token.serial,
            "model": token.model_name(), "upn": upn, "row": row.map(|r| r + 1), "code": code,
            "ms": took.as_millis() as u64, "resumed": resumed,
            "not_recorded": not_recorded.as_deref().map(crate::explain::outcome_not_recorded)}),
        StationEvent::Failed {
            reader,
            serial,
            code,
            error,
            token_state,
        } => {
            let why = crate::explain::operation_error(error);
            json!({"event": "failed", "reader": reader, "serial": serial, "code": code,
                "error": why.problem, "next_step": why.next_step, "token_state": token_state})
        }
        StationEvent::LiftIt { reader } => json!({"event": "lift", "reader": reader}),
        StationEvent::OutcomeSpooled {
            reader,
            serial,
            error,
            waiting,
        } => json!({"event": "outcome-spooled", "reader": reader, "serial": serial,
            "waiting": waiting, "error": crate::explain::outcome_spooled(error, *waiting)}),
        StationEvent::RecordsWaiting {
            reader,
            error,
            waited,
        } => json!({"event": "records-waiting", "reader": reader, "waited_s": waited.as_secs(),
            "error": crate::explain::records_waiting(error, waited.as_secs())}),
    }
}

fn print_event(e: &StationEvent, many_readers: bool, n: &AtomicUsize, total: Option<usize>) {
    let at = |reader: &str| {
        if many_readers {
            format!("[{reader}] ")
        } else {
            String::new()
        }
    };
    match e {
        StationEvent::Continuing { done, last, next } => match next {
            Some(row) => println!(
                "{}",
                tr!(
                    "cli-batch-continuing",
                    rows = rows_words(done),
                    last = date(*last),
                    row = row + 1
                )
            ),
            None => println!("{}", tr!("cli-batch-all-done", last = date(*last))),
        },
        StationEvent::StartRowOverride { row, done_again } => {
            if !done_again.is_empty() {
                let warning = tr!(
                    "cli-batch-start-row-override",
                    row = row + 1,
                    rows = rows_words(done_again)
                );
                eprintln!("{}", tr!("cli-warning", warning = warning));
            }
        }
        StationEvent::Waiting { reader, next } => eprintln!(
            "{}{}",
            at(reader),
            tr!("cli-batch-waiting", next = crate::explain::next_up(next))
        ),
        StationEvent::NeedSecret { reader, serial } => eprintln!(
            "{}{}",
            at(reader),
            tr!("cli-batch-need-secret", serial = serial.as_str())
        ),
        StationEvent::AlreadyBurned {
            reader,
            serial,
            when,
            batch,
            this_run,
        } => {
            if *this_run {
                println!(
                    "{}{}",
                    at(reader),
                    tr!("cli-batch-burned-this-run", serial = serial.as_str())
                )
            } else {
                let when = date(*when);
                let serial = serial.as_str();
                let words = match batch {
                    Some(b) => tr!(
                        "cli-batch-burned-before-batch",
                        serial = serial,
                        when = when,
                        batch = b.as_str()
                    ),
                    None => tr!("cli-batch-burned-before", serial = serial, when = when),
                };
                println!("{}{words}", at(reader))
            }
        }
        StationEvent::Resuming {
            reader,
            serial,
            when,
            upn,
            same_secret,
        } => println!(
            "{}{}",
            at(reader),
            crate::explain::resuming(serial, *when, upn.as_deref(), *same_secret)
        ),
        StationEvent::Burned {
            reader,
            token,
            upn,
            code,
            took,
            resumed,
            not_recorded,
            ..
        } => {
            let k = n.fetch_add(1, Ordering::SeqCst) + 1;
            let of = total.map(|t| format!("/{t}")).unwrap_or_default();
            let serial = token.serial.to_string();
            let model = token.model_name().to_string();
            let code = output::group(code);
            let ms = took.as_millis() as u64;
            // A selector value, not words: the catalogue says "burned" or "finished".
            let done = if *resumed { "finished" } else { "burned" };
            let words = match upn {
                Some(u) => tr!(
                    "cli-batch-done-user",
                    serial = serial,
                    model = model,
                    done = done,
                    upn = u.as_str(),
                    code = code,
                    ms = ms
                ),
                None => tr!(
                    "cli-batch-done",
                    serial = serial,
                    model = model,
                    done = done,
                    code = code,
                    ms = ms
                ),
            };
            println!("{}[{k}{of}] {words}", at(reader));
            if let Some(e) = not_recorded {
                let w = crate::explain::outcome_not_recorded(e);
                eprintln!("{w} {}", tr!("cli-batch-stopping-after-warning"));
            }
        }
        StationEvent::Failed {
            reader,
            serial,
            error,
            ..
        } => {
            let why = crate::explain::operation_error(error);
            let problem = why.problem.as_str();
            let words = match serial {
                Some(s) => tr!("cli-batch-failed", serial = s.as_str(), problem = problem),
                None => tr!("cli-batch-failed-token", problem = problem),
            };
            println!("{}{words}", at(reader));
            println!(
                "   {}",
                tr!("cli-next-short", next = why.next_step.as_str())
            );
        }
        StationEvent::LiftIt { reader } => {
            eprintln!("{}{}", at(reader), tr!("cli-batch-lift"))
        }
        StationEvent::OutcomeSpooled {
            reader,
            error,
            waiting,
            ..
        } => eprintln!(
            "{}{}",
            at(reader),
            crate::explain::outcome_spooled(error, *waiting)
        ),
        StationEvent::RecordsWaiting {
            reader,
            error,
            waited,
        } => eprintln!(
            "{}{}",
            at(reader),
            crate::explain::records_waiting(error, waited.as_secs())
        ),
    }
}

fn passphrase_for(store: &records::Store) -> Result<age::secrecy::SecretString, Explanation> {
    super::records::passphrase(store.keys().map(|k| k.is_empty()).unwrap_or(true))
}

/// Run `batch`.
pub fn run(a: &BatchArgs) -> i32 {
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
                        problem: tr!(
                            "cli-file-unreadable",
                            path = path.display().to_string(),
                            error = crate::explain::io_words(&e)
                        ),
                        next_step: tr!("cli-file-unreadable-next"),
                    });
                }
            };
            match parse_user_list(&text) {
                Ok(rows) => BatchSource::Users {
                    list_id: list_id(&rows),
                    rows,
                },
                Err(e) => {
                    return output::report_input_error(
                        &Explanation {
                            problem: tr!("cli-batch-bad-list", error = e.to_string()),
                            next_step: tr!("cli-batch-bad-list-next"),
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
        // A fleet's station seals to the fleet's key and never opens it (no
        // passphrase); a station on its own file holds its key.
        let vault = if store.location().is_server() {
            Vault::sealing_only(&store)
        } else {
            match passphrase_for(&store) {
                Ok(p) => Vault::unlock_or_create(&store, &p),
                Err(x) => return fail(x),
            }
        };
        match vault {
            Ok(v) => {
                eprintln!(
                    "{}",
                    tr!(
                        "cli-batch-keeping-secrets",
                        path = store.location().to_string()
                    )
                );
                Some(v)
            }
            Err(e) => {
                return fail(Explanation {
                    problem: tr!("cli-batch-vault", error = e.to_string()),
                    next_step: tr!("cli-batch-vault-next"),
                });
            }
        }
    } else {
        None
    };
    // The readers to run a loop on.
    let listed = match PcscReaders::establish().and_then(|r| r.list()) {
        Ok(l) => l,
        Err(e) => return fail(crate::explain::transport(&e, None)),
    };
    let names: Vec<String> = match &a.reader {
        Some(w) => match choose_reader(&listed, Some(w)) {
            Ok(r) => vec![r.name.clone()],
            Err(e) => return fail(crate::explain::transport(&e, None)),
        },
        None if listed.is_empty() => {
            return fail(crate::explain::transport(
                &crate::card::TransportError::NoReader,
                None,
            ));
        }
        None => listed.iter().map(|r| r.name.clone()).collect(),
    };
    let batch_id = format!(
        "{}-{}",
        store.station(),
        crate::clock::rfc3339(crate::clock::Clock::now(&SystemClock))
    );
    let total = match &source {
        BatchSource::Users { rows, .. } => Some(rows.len()),
        BatchSource::Random { count } => *count,
        BatchSource::Handed(_) => None,
    };
    let config = BatchConfig {
        source,
        options,
        vault,
        batch_id: batch_id.clone(),
        start_row: a.start_row.map(|r| (r - 1) as usize),
        reburn: a.reburn,
        time_servers: crate::clockcheck::NtpConfig::from_env(),
    };
    let (loops, watcher) = match pcsc_reader_loops(&names) {
        Ok(l) => l,
        Err(e) => return fail(crate::explain::transport(&e, None)),
    };
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        let _ = ctrlc::set_handler(move || {
            if !stop.swap(true, Ordering::SeqCst) {
                eprintln!("{}", tr!("cli-batch-stopping"));
            }
        });
    }
    let json_out = a.json;
    let many = names.len() > 1;
    if many && !json_out {
        eprintln!("{}", tr!("cli-batch-readers", readers = names.join(", ")));
    }
    let n = AtomicUsize::new(0);
    let print_lock = std::sync::Mutex::new(());
    let result = run_batch(
        &config,
        &store,
        loops,
        &SystemClock,
        &stop,
        &|e: StationEvent| {
            let _g = print_lock.lock();
            if json_out {
                println!("{}", event_json(&e));
            } else {
                print_event(&e, many, &n, total);
            }
        },
    );
    watcher.stop();
    match result {
        Ok(s) => {
            if !json_out {
                let batch = batch_id.as_str();
                let summary = if s.resumed > 0 {
                    tr!(
                        "cli-batch-summary-resumed",
                        batch = batch,
                        burned = s.burned,
                        resumed = s.resumed,
                        failed = s.failed,
                        refused = s.refused
                    )
                } else {
                    tr!(
                        "cli-batch-summary",
                        batch = batch,
                        burned = s.burned,
                        failed = s.failed,
                        refused = s.refused
                    )
                };
                println!("{summary}");
                if !s.rows_left.is_empty() {
                    println!(
                        "{}",
                        tr!("cli-batch-rows-left", rows = rows_words(&s.rows_left))
                    );
                }
            }
            if !s.in_doubt.is_empty() {
                eprintln!(
                    "{}",
                    tr!("cli-batch-in-doubt", serials = s.in_doubt.join(", "))
                );
                return super::EXIT_TOKEN_CHANGED;
            }
            super::EXIT_OK
        }
        Err(e) => fail(crate::explain::station_error(&e)),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn rows_are_told_as_ranges() {
        assert_eq!(super::rows_words(&[0, 1, 2, 4, 6, 7]), "1-3, 5, 7-8");
        assert_eq!(super::rows_words(&[]), "");
    }
}

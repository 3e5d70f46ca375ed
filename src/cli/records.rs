//! `totp-burner records`: list the operations (interrupted ones said as
//! such) and export them (records CSV, Entra ID CSV of kept secrets of the
//! tokens handed out); the hand-out commands live in `handout`. The
//! records file shared by `batch`, `burn` and `sync-time`.

use super::handout;
use super::output;
use crate::explain::{self, AssignHow, Explanation};
use crate::station::export;
use crate::station::records::{self, Store};
use crate::tr;
use age::secrecy::SecretString;
use clap::{Args, Subcommand};
use std::path::PathBuf;

/// Where the records are.
#[derive(Debug, Clone, Args)]
pub struct RecordsFile {
    /// Records: a file [default: records.sqlite in the per-user data
    /// folder], or a shared PostgreSQL server (postgresql://USER@HOST/DB);
    /// TOTP_BURNER_RECORDS sets the same.
    #[arg(long, value_name = "FILE|URL")]
    pub records: Option<PathBuf>,
}

impl RecordsFile {
    /// Where the records are: `--records`, else `TOTP_BURNER_RECORDS`,
    /// else the default file.
    pub fn location(&self) -> Result<records::StoreLocation, Explanation> {
        let given = self
            .records
            .clone()
            .or_else(|| std::env::var_os("TOTP_BURNER_RECORDS").map(PathBuf::from))
            .filter(|p| !p.as_os_str().is_empty());
        let unusable = |e: records::LocationError| Explanation {
            problem: tr!(
                "cli-records-unopenable",
                error = records::RecordsError::from(e).to_string()
            ),
            next_step: tr!("cli-records-address-next"),
        };
        match given {
            Some(p) => match p.to_str() {
                Some(text) => records::StoreLocation::parse(text).map_err(unusable),
                None => Ok(records::StoreLocation::File(p)),
            },
            None => records::default_path()
                .map(records::StoreLocation::File)
                .ok_or_else(|| Explanation {
                    problem: tr!("cli-records-no-folder"),
                    next_step: tr!("cli-records-no-folder-next"),
                }),
        }
    }

    pub fn open(&self, station: Option<&str>) -> Result<Store, Explanation> {
        let location = self.location()?;
        Store::open_at(&location, station).map_err(|e| unopenable(&location, &e))
    }
}

/// The records at `location` could not be opened: the words, with the
/// server's address (never its password) and a next step for a server.
pub fn unopenable(location: &records::StoreLocation, e: &records::RecordsError) -> Explanation {
    if location.is_server() {
        Explanation {
            problem: tr!(
                "cli-records-server-unopenable",
                place = location.to_string(),
                error = e.to_string()
            ),
            next_step: tr!("cli-records-server-unopenable-next"),
        }
    } else {
        Explanation {
            problem: tr!("cli-records-unopenable", error = e.to_string()),
            next_step: tr!("cli-records-unopenable-next"),
        }
    }
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
    /// Make the records' schema in an empty store (an administrator, once
    /// per PostgreSQL server; a file is made by any first use).
    Init {
        #[command(flatten)]
        file: RecordsFile,
    },
    /// Bring the store's schema up to this version of totp-burner (an
    /// administrator, before stations of the new version start).
    Migrate {
        #[command(flatten)]
        file: RecordsFile,
    },
    /// Make a station's login on a records server (an administrator): it
    /// may read and append records in its own name, nothing else.
    AddStation {
        /// The login's name (lower-case letters, digits, _).
        name: String,
        #[command(flatten)]
        file: RecordsFile,
    },
    /// Copy a station's own records file into this store (idempotent: run
    /// it again and nothing is added twice).
    Import {
        /// The station's records file.
        #[arg(value_name = "FILE")]
        source: PathBuf,
        /// Open its kept secrets with the station's passphrase
        /// (TOTP_BURNER_PASSPHRASE, or asked) and seal them to this store's
        /// key; without it they are left out and listed.
        #[arg(long)]
        secrets: bool,
        #[command(flatten)]
        file: RecordsFile,
    },
    /// The known serials (the vendor's list of the tokens bought).
    Stock {
        #[command(subcommand)]
        command: StockCommand,
    },
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
        /// Kept secrets of the tokens handed out, as the Entra ID hardware
        /// OATH token CSV (holds secrets).
        #[arg(long, value_name = "FILE", group = "what")]
        entra: Option<PathBuf>,
        /// With --entra: write the tokens without a user here (same layout,
        /// UPN empty; holds secrets).
        #[arg(long, value_name = "FILE", requires = "entra")]
        unassigned: Option<PathBuf>,
        /// With --entra: also the tokens whose code check after the burn
        /// did not match or was skipped.
        #[arg(long, requires = "entra")]
        accept_unchecked: bool,
        /// Only this batch.
        #[arg(long, value_name = "ID")]
        batch: Option<String>,
        #[command(flatten)]
        file: RecordsFile,
    },
    /// Hand a burned token out to its user (recorded; the latest wins).
    Assign(handout::AssignArgs),
    /// Live codes of the tokens handed out whose secret was kept (for
    /// Entra ID's activation); never the secrets.
    Codes(handout::CodesArgs),
    /// A printable hand-out receipt (HTML) per user or per batch.
    Receipt(handout::ReceiptArgs),
}

/// The vault passphrase: TOTP_BURNER_PASSPHRASE, or asked (twice for a
/// new vault).
pub fn passphrase(confirm: bool) -> Result<SecretString, Explanation> {
    if let Ok(p) = std::env::var("TOTP_BURNER_PASSPHRASE") {
        return Ok(SecretString::from(p));
    }
    let none = || Explanation {
        problem: tr!("cli-passphrase-needed"),
        next_step: tr!("cli-passphrase-needed-next"),
    };
    let p = rpassword::prompt_password(format!("{} ", tr!("cli-passphrase-prompt")))
        .map_err(|_| none())?;
    if p.is_empty() {
        return Err(none());
    }
    if confirm {
        let again = rpassword::prompt_password(format!("{} ", tr!("cli-passphrase-again")))
            .map_err(|_| none())?;
        if again != p {
            return Err(Explanation {
                problem: tr!("cli-passphrases-differ"),
                next_step: tr!("cli-passphrases-differ-next"),
            });
        }
    }
    Ok(SecretString::from(p))
}

/// `records stock` subcommands.
#[derive(Debug, Subcommand)]
pub enum StockCommand {
    /// Add the vendor's list of serials (one per line, or its CSV): from
    /// then on the store refuses tokens not on it.
    Import {
        /// The vendor's file.
        #[arg(value_name = "FILE")]
        list: PathBuf,
        #[command(flatten)]
        file: RecordsFile,
    },
}

/// Run `records`.
pub fn run(a: &RecordsArgs) -> i32 {
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
            match list_paged(&store, serial.as_deref(), *j) {
                Ok(()) => {}
                Err(e) => {
                    return fail(Explanation {
                        problem: e.to_string(),
                        next_step: tr!("export-records-next"),
                    });
                }
            }
            super::EXIT_OK
        }
        RecordsCommand::Export {
            csv,
            entra,
            unassigned,
            accept_unchecked,
            batch,
            file,
        } => {
            let store = match file.open(None) {
                Ok(s) => s,
                Err(x) => return fail(x),
            };
            let export_failed = |e: &export::ExportError| {
                let code = match e {
                    export::ExportError::Sha256 { .. } | export::ExportError::Period { .. } => {
                        super::EXIT_USAGE
                    }
                    _ => super::EXIT_FAILED,
                };
                output::report_input_error(&explain::export_error(e, "--keep-secrets"), false, code)
            };
            if let Some(path) = csv {
                return match export::export_records(&store, path) {
                    Ok(n) => {
                        println!("{}", explain::records_exported(n, path));
                        super::EXIT_OK
                    }
                    Err(e) => export_failed(&e),
                };
            }
            let Some(path) = entra else {
                return super::EXIT_USAGE;
            };
            // Nothing kept, or nobody to upload: say so before asking
            // for a passphrase.
            match export::entra_count(&store, batch.as_deref(), *accept_unchecked) {
                Err(e) => return export_failed(&e),
                Ok((0, without)) if unassigned.is_none() => {
                    let x = explain::nobody_assigned(without, AssignHow::Command);
                    return output::report_input_error(&x, false, super::EXIT_FAILED);
                }
                Ok(_) => {}
            }
            let p = match passphrase(false) {
                Ok(p) => p,
                Err(x) => return fail(x),
            };
            let (batch, rest) = (batch.as_deref(), unassigned.as_deref());
            match export::export_entra(&store, &p, batch, path, rest, *accept_unchecked) {
                Ok(s) => {
                    for line in
                        explain::entra_exported(&s, path, unassigned.as_deref(), AssignHow::Command)
                    {
                        println!("{line}");
                    }
                    if s.written > 0 || s.unassigned_written {
                        println!("{}", explain::entra_file_holds_secrets(cfg!(windows)));
                    }
                    if s.written > 0 {
                        super::EXIT_OK
                    } else {
                        super::EXIT_FAILED
                    }
                }
                Err(e) => export_failed(&e),
            }
        }
        RecordsCommand::Init { file } => schema(file, true),
        RecordsCommand::AddStation { name, file } => add_station(name, file),
        RecordsCommand::Stock {
            command: StockCommand::Import { list, file },
        } => stock_import(list, file),
        RecordsCommand::Import {
            source,
            secrets,
            file,
        } => import(source, *secrets, file),
        RecordsCommand::Migrate { file } => schema(file, false),
        RecordsCommand::Assign(a) => handout::assign(a),
        RecordsCommand::Codes(a) => handout::codes(a),
        RecordsCommand::Receipt(a) => handout::receipt(a),
    }
}

/// `records init` (`fresh`: only an empty store) and `records migrate`.
fn schema(file: &RecordsFile, fresh: bool) -> i32 {
    let fail = |x: Explanation| output::report_input_error(&x, false, super::EXIT_FAILED);
    let location = match file.location() {
        Ok(l) => l,
        Err(x) => return fail(x),
    };
    let unopenable = |e: records::RecordsError| unopenable(&location, &e);
    if fresh && let Ok(store) = Store::open_at(&location, None) {
        drop(store);
        return fail(Explanation {
            problem: tr!("cli-records-init-exists", place = location.to_string()),
            next_step: tr!("cli-records-init-exists-next"),
        });
    }
    let (before, after) = match Store::migrate_at(&location) {
        Ok(v) => v,
        Err(e) => return fail(unopenable(e)),
    };
    println!(
        "{}",
        tr!(
            "cli-records-schema",
            place = location.to_string(),
            before = before,
            after = after
        )
    );
    // A new server gets the fleet's key for kept secrets now: stations
    // seal to it, only this passphrase opens it.
    if fresh && location.is_server() {
        let store = match Store::open_at(&location, None) {
            Ok(s) => s,
            Err(e) => return fail(unopenable(e)),
        };
        let made = passphrase(true).and_then(|p| {
            crate::station::vault::Vault::unlock_or_create(&store, &p).map_err(|e| Explanation {
                problem: tr!("cli-batch-vault", error = e.to_string()),
                next_step: tr!("cli-batch-vault-next"),
            })
        });
        if let Err(x) = made {
            return fail(x);
        }
        println!("{}", tr!("cli-records-fleet-key"));
    }
    super::EXIT_OK
}

/// `records stock import FILE`.
fn stock_import(list: &std::path::Path, file: &RecordsFile) -> i32 {
    let fail = |x: Explanation| output::report_input_error(&x, false, super::EXIT_FAILED);
    let text = match std::fs::read_to_string(list) {
        Ok(t) => t,
        Err(e) => {
            return fail(Explanation {
                problem: tr!(
                    "records-error-file",
                    path = list.display().to_string(),
                    why = explain::io_words(&e)
                ),
                next_step: tr!("cli-stock-next"),
            });
        }
    };
    let serials = records::parse_stock(&text);
    if serials.is_empty() {
        return fail(Explanation {
            problem: tr!("cli-stock-none", path = list.display().to_string()),
            next_step: tr!("cli-stock-next"),
        });
    }
    let store = match file.open(None) {
        Ok(s) => s,
        Err(x) => return fail(x),
    };
    let source = list
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match store.import_stock(&serials, &source) {
        Ok((added, already)) => {
            println!(
                "{}",
                tr!(
                    "cli-stock-done",
                    added = added,
                    already = already,
                    total = store.stock_count().unwrap_or(0)
                )
            );
            super::EXIT_OK
        }
        Err(e) => fail(Explanation {
            problem: tr!("cli-records-unopenable", error = e.to_string()),
            next_step: tr!("cli-stock-next"),
        }),
    }
}

/// `records import FILE`.
fn import(source: &std::path::Path, secrets: bool, file: &RecordsFile) -> i32 {
    let fail = |x: Explanation| output::report_input_error(&x, false, super::EXIT_FAILED);
    let failed = |error: String| Explanation {
        problem: tr!("cli-import-failed", error = error),
        next_step: tr!("cli-import-failed-next"),
    };
    if !source.is_file() {
        return fail(failed(tr!(
            "records-error-file",
            path = source.display().to_string(),
            why = tr!("io-not-found", detail = "")
        )));
    }
    let target = match file.open(None) {
        Ok(s) => s,
        Err(x) => return fail(x),
    };
    let from = match Store::open(source, None) {
        Ok(s) => s,
        Err(e) => return fail(failed(e.to_string())),
    };
    let passphrase = if secrets {
        match passphrase(false) {
            Ok(p) => Some(p),
            Err(x) => return fail(x),
        }
    } else {
        None
    };
    match target.import_from(&from, passphrase.as_ref()) {
        Ok(r) => {
            println!(
                "{}",
                tr!(
                    "cli-import-done",
                    added = r.records,
                    already = r.already,
                    handouts = r.assignments,
                    resealed = r.resealed
                )
            );
            if !r.secrets_left_out.is_empty() {
                println!(
                    "{}",
                    tr!(
                        "cli-import-secrets-left-out",
                        count = r.secrets_left_out.len(),
                        serials = r.secrets_left_out.join(", ")
                    )
                );
            }
            super::EXIT_OK
        }
        Err(e) => fail(failed(e.to_string())),
    }
}

/// `records add-station NAME`: the password from
/// TOTP_BURNER_STATION_PASSWORD, or asked twice.
fn add_station(name: &str, file: &RecordsFile) -> i32 {
    let fail = |x: Explanation| output::report_input_error(&x, false, super::EXIT_FAILED);
    let store = match file.open(None) {
        Ok(s) => s,
        Err(x) => return fail(x),
    };
    let password = match std::env::var("TOTP_BURNER_STATION_PASSWORD") {
        Ok(p) if !p.is_empty() => zeroize::Zeroizing::new(p),
        _ => {
            let ask = |prompt: String| rpassword::prompt_password(format!("{prompt} ")).ok();
            let first = ask(tr!("cli-station-password-prompt", name = name));
            let again = ask(tr!("cli-passphrase-again"));
            match (first, again) {
                (Some(a), Some(b)) if a == b && !a.is_empty() => zeroize::Zeroizing::new(a),
                _ => {
                    return fail(Explanation {
                        problem: tr!("cli-passphrases-differ"),
                        next_step: tr!("cli-passphrases-differ-next"),
                    });
                }
            }
        }
    };
    match store.add_station_login(name, &password) {
        Ok(()) => {
            println!("{}", tr!("cli-station-added", name = name));
            super::EXIT_OK
        }
        Err(e) => fail(Explanation {
            problem: tr!("cli-records-unopenable", error = e.to_string()),
            next_step: tr!("cli-station-add-next"),
        }),
    }
}

/// The records of a single `burn` or `sync-time`: the default records file
/// for real readers, none for the built-in emulator (nothing to audit).
pub fn for_single(target: &super::args::TargetArgs) -> Result<Option<Store>, Explanation> {
    if target.emulator {
        return Ok(None);
    }
    RecordsFile { records: None }.open(None).map(Some)
}

/// How many operations `records list` reads at a time: its memory does not
/// grow with the history, and the first lines come at once.
const LIST_PAGE: usize = 1000;

/// Print every operation (optionally of one serial), oldest first, a page
/// at a time: text lines, or one JSON document written as it goes.
fn list_paged(
    store: &Store,
    serial: Option<&str>,
    json: bool,
) -> Result<(), records::RecordsError> {
    use std::io::Write;
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let (mut after, mut shown, mut interrupted) = (0i64, 0usize, 0usize);
    if json {
        let _ = write!(out, "{{\n  \"ok\": true,\n  \"records\": [");
    }
    loop {
        let page = store.list_page(serial, after, LIST_PAGE)?;
        for r in &page {
            if json {
                let sep = if shown == 0 { "\n    " } else { ",\n    " };
                let text = serde_json::to_string(r).unwrap_or_else(|_| "{}".into());
                let _ = write!(out, "{sep}{text}");
            } else {
                let _ = writeln!(
                    out,
                    "{} {} {} {} {}{}{}",
                    crate::clock::rfc3339(r.time.max(0) as u64),
                    r.serial.as_deref().unwrap_or("-"),
                    r.model.as_deref().unwrap_or("-"),
                    explain::operation_name(r.operation),
                    explain::record_outcome(r),
                    r.upn.as_ref().map(|u| format!(" {u}")).unwrap_or_default(),
                    r.batch
                        .as_ref()
                        .map(|b| format!(" [{}]", tr!("cli-records-batch", batch = b.as_str())))
                        .unwrap_or_default()
                );
            }
            shown += 1;
            interrupted += usize::from(r.needs_finishing());
        }
        match page.last() {
            Some(last) if page.len() == LIST_PAGE => after = last.id,
            _ => break,
        }
    }
    if json {
        let end = if shown == 0 { "]\n}" } else { "\n  ]\n}" };
        let _ = writeln!(out, "{end}");
    } else if shown == 0 {
        let _ = writeln!(out, "{}", tr!("cli-records-none"));
    }
    let _ = out.flush();
    if interrupted > 0 {
        eprintln!("{}", explain::interrupted_count(interrupted));
    }
    Ok(())
}

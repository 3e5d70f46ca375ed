//! `totp-burner sync-time`: set the token's clock to this PC's time. The
//! token's config command sets clock and options together, so the options
//! are written too; on models whose time sync erases the secret an explicit
//! `--erase-secret-ok` is required.

use super::args::{CodeOptionArgs, DisplayArgs, TargetArgs};
use super::output::{self, clock_difference, token_json, utc};
use super::target;
use crate::clock::SystemClock;
use crate::params::TokenOptions;
use crate::station::operation::{self, OperationError, Recording};
use crate::tr;
use clap::Args;
use serde_json::json;

/// Arguments of `sync-time`.
#[derive(Debug, Args)]
pub struct SyncTimeArgs {
    #[command(flatten)]
    target: TargetArgs,
    #[command(flatten)]
    options: CodeOptionArgs,
    #[command(flatten)]
    display: DisplayArgs,
    /// Confirm the sync on models where it erases the secret (the token is
    /// blank afterwards and must be burned again).
    #[arg(long)]
    erase_secret_ok: bool,
    /// Sync a token whose serial is not a known programmable model.
    #[arg(long)]
    allow_unknown_model: bool,
    #[command(flatten)]
    pc_clock: super::pc_clock::PcClockArgs,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Run `sync-time`.
pub fn run(a: &SyncTimeArgs) -> i32 {
    let options = TokenOptions {
        algorithm: a.options.algorithm.map(Into::into).unwrap_or_default(),
        period: a.options.period.unwrap_or_default(),
        display_timeout: a.display.display_timeout,
    };
    let (pc_clock, store) =
        match super::pc_clock::before_single_write(&a.pc_clock, &a.target, a.json) {
            Ok(x) => x,
            Err(code) => return code,
        };
    let mut outcome_problem = None;
    let mut outcome_spooled = None;
    let result = target::with_transport(&a.target, |t| {
        let rec = Recording {
            store: store.as_ref(),
            reader: t.reader_name(),
            flags: super::pc_clock::flags(&pc_clock, false),
            ..Default::default()
        };
        let done = operation::sync_time(
            t,
            &options,
            a.allow_unknown_model,
            a.erase_secret_ok,
            &SystemClock,
            &mut |_| {},
            &rec,
        );
        outcome_problem = done.outcome_not_recorded;
        outcome_spooled = done.outcome_spooled;
        Ok(done.result)
    });
    if let (Some(e), Some(store)) = (&outcome_spooled, &store) {
        let waiting = store.spooled_outcomes();
        eprintln!("{}", crate::explain::outcome_spooled(e, waiting));
    }
    if let Some(e) = &outcome_problem {
        eprintln!("{}", crate::explain::outcome_not_recorded(e));
    }
    let report = match result {
        Ok(Ok(r)) => r,
        Ok(Err(OperationError::Token(e))) | Err(e) => return output::report_failure(&e, a.json),
        Ok(Err(e)) => {
            return output::report_input_error(
                &crate::explain::operation_error(&e),
                a.json,
                super::EXIT_FAILED,
            );
        }
    };
    let secret = match report.secret_erased {
        Some(true) => tr!("cli-sync-secret-erased"),
        Some(false) => tr!("cli-sync-secret-kept"),
        None => tr!("cli-sync-secret-unknown"),
    };
    if a.json {
        output::print_json(&json!({
            "ok": true,
            "token": token_json(&report.token),
            "serial": report.token.serial,
            "model": report.token.model.map(|m| m.name),
            "clock_written": report.clock_written,
            "secret_erased": report.secret_erased,
            "algorithm": report.options.algorithm,
            "period": report.options.period,
            "display_timeout": report.options.display_timeout,
            "pc_clock_check": super::pc_clock::verdict_json(&pc_clock),
        }));
    } else {
        println!(
            "{}",
            tr!(
                "cli-sync-token",
                serial = report.token.serial.to_string(),
                model = report.token.model_name().to_string()
            )
        );
        println!(
            "{}",
            tr!(
                "cli-sync-clock",
                time = utc(report.clock_written),
                was = clock_difference(report.token.clock_difference())
            )
        );
        println!("         {}", crate::explain::clock_verdict(&pc_clock));
        println!(
            "{}",
            tr!(
                "cli-sync-options",
                options = output::options_words(&report.options)
            )
        );
        println!("{}", tr!("cli-sync-secret", secret = secret));
    }
    super::EXIT_OK
}

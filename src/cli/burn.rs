//! `totp-burner burn`: burn a secret into the token and print the codes it
//! will show once switched off and on.

use super::args::{CodeOptionArgs, DisplayArgs, TargetArgs};
use super::output::{self, clock_difference, print_codes, token_json, utc};
use super::{secret_input, target};
use crate::burn::BurnPlan;
use crate::clock::SystemClock;
use crate::params::TokenOptions;
use crate::station::operation::{self, OperationError, Recording};
use crate::tr;
use clap::Args;
use serde_json::json;

/// Arguments of `burn`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("input").required(true).multiple(false)))]
pub struct BurnArgs {
    #[command(flatten)]
    target: TargetArgs,
    /// Base32, hex, otpauth:// or otpauth-migration:// text. Use `-` to read
    /// it from standard input: TEXT itself shows in process lists and shell
    /// history.
    #[arg(long, value_name = "TEXT", group = "input")]
    secret: Option<String>,
    /// Read the secret text from this environment variable.
    #[arg(long, value_name = "VAR", group = "input")]
    secret_env: Option<String>,
    /// Take the secret from the QR code in an image file.
    #[arg(long, value_name = "FILE", group = "input")]
    qr_image: Option<std::path::PathBuf>,
    /// Take the secret from the QR code on the screen.
    #[arg(long, group = "input")]
    qr_screen: bool,
    /// Take the secret from a QR code held up to the webcam.
    #[arg(long, group = "input")]
    qr_webcam: bool,
    #[command(flatten)]
    webcam: super::scan::WebcamArgs,
    /// Account number to burn from an authenticator export (1-based).
    #[arg(long, value_name = "N", value_parser = super::args::parse_from_one::<u32>)]
    account: Option<u32>,
    #[command(flatten)]
    options: CodeOptionArgs,
    #[command(flatten)]
    display: DisplayArgs,
    /// Burn a token whose serial is not a known programmable model.
    #[arg(long)]
    allow_unknown_model: bool,
    /// Burn a token that the records say was burned before (its old secret,
    /// perhaps registered for a user, stops working).
    #[arg(long)]
    reburn: bool,
    #[command(flatten)]
    pc_clock: super::pc_clock::PcClockArgs,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// The secret text from --secret, --secret-env or a QR code.
fn secret_text(a: &BurnArgs) -> Result<zeroize::Zeroizing<String>, crate::explain::Explanation> {
    use super::qr_source::{QrSource, collect};
    let source = if let Some(p) = &a.qr_image {
        QrSource::Image(p.clone())
    } else if a.qr_screen {
        QrSource::Screen
    } else if a.qr_webcam {
        QrSource::Webcam {
            camera: a.webcam.camera,
            timeout: std::time::Duration::from_secs(a.webcam.webcam_timeout),
        }
    } else {
        return secret_input::read_secret(a.secret.as_deref(), a.secret_env.as_deref());
    };
    super::scan::single_usable(collect(&source)?)
}

/// Run `burn`.
pub fn run(a: &BurnArgs) -> i32 {
    let fail = |x| output::report_input_error(&x, a.json, super::EXIT_USAGE);
    let text = match secret_text(a) {
        Ok(t) => t,
        Err(x) => return fail(x),
    };
    let info = match secret_input::resolve(&text, a.account) {
        Ok(i) => i,
        Err(x) => return fail(x),
    };
    drop(text);
    let (algorithm, period) = match secret_input::merge_options(&info, &a.options) {
        Ok(o) => o,
        Err(x) => return fail(x),
    };
    secret_input::print_warnings(&info);
    let plan = BurnPlan {
        secret: info.secret.clone(),
        options: TokenOptions {
            algorithm,
            period,
            display_timeout: a.display.display_timeout,
        },
        allow_unknown_model: a.allow_unknown_model,
    };
    let (pc_clock, store) =
        match super::pc_clock::before_single_write(&a.pc_clock, &a.target, a.json) {
            Ok(x) => x,
            Err(code) => return code,
        };
    let show_steps = !a.json;
    let mut outcome_problem = None;
    let mut outcome_spooled = None;
    let result = target::with_transport(&a.target, |t| {
        let rec = Recording {
            store: store.as_ref(),
            reader: t.reader_name(),
            upn: info.account.clone(),
            reburn: a.reburn,
            flags: super::pc_clock::flags(&pc_clock, a.reburn),
            ..Default::default()
        };
        let done = operation::burn(
            t,
            &plan,
            &SystemClock,
            &mut |p| {
                if let (true, crate::burn::Progress::Step(s)) = (show_steps, &p) {
                    eprintln!("... {}", s.label());
                }
            },
            &rec,
        );
        outcome_problem = done.outcome_not_recorded;
        outcome_spooled = done.outcome_spooled;
        Ok((done.result, rec.reader))
    });
    if let (Some(e), Some(store)) = (&outcome_spooled, &store) {
        let waiting = store.spooled_outcomes();
        eprintln!("{}", crate::explain::outcome_spooled(e, waiting));
    }
    if let Some(e) = &outcome_problem {
        eprintln!("{}", crate::explain::outcome_not_recorded(e));
    }
    let (report, reader) = match result {
        Ok((Ok(report), reader)) => (report, reader),
        Ok((Err(OperationError::Token(e)), _)) | Err(e) => {
            return output::report_failure(&e, a.json);
        }
        Ok((Err(e), _)) => {
            return output::report_input_error(
                &crate::explain::operation_error(&e),
                a.json,
                super::EXIT_FAILED,
            );
        }
    };
    let t = &report.token;
    if a.json {
        output::print_json(&json!({
            "ok": true,
            "serial": t.serial,
            "model": t.model.map(|m| m.name),
            "token": token_json(t),
            "reader": reader,
            "issuer": info.issuer,
            "account": info.account,
            "code": report.codes.current,
            "previous_code": report.codes.previous,
            "next_code": report.codes.next,
            "seconds_left": report.codes.seconds_left,
            "algorithm": report.options.algorithm,
            "period": report.options.period,
            "display_timeout": report.options.display_timeout,
            "clock_written": report.clock_written,
            "pc_clock_check": super::pc_clock::verdict_json(&pc_clock),
        }));
    } else {
        println!(
            "{}",
            tr!(
                "cli-burned",
                serial = t.serial.to_string(),
                model = t.model_name().to_string()
            )
        );
        if let Some(label) = info.issuer.as_ref().or(info.account.as_ref()) {
            println!("{}", tr!("cli-burned-account", account = label.as_str()));
        }
        println!(
            "{}",
            tr!(
                "cli-burned-options",
                options = output::options_words(&report.options)
            )
        );
        println!(
            "{}",
            tr!(
                "cli-burned-clock",
                time = utc(report.clock_written),
                was = clock_difference(t.clock_difference())
            )
        );
        println!("          {}", crate::explain::clock_verdict(&pc_clock));
        println!();
        print_codes(&report.codes);
        println!();
        println!("{}", tr!("cli-burned-compare"));
    }
    super::EXIT_OK
}

//! `totp-burner code`: the codes a secret gives now; no token needed.

use super::args::CodeOptionArgs;
use super::output::{self, group};
use super::secret_input;
use crate::clock::{Clock, SystemClock};
use crate::secret::totp::codes_at;
use crate::tr;
use clap::Args;
use serde_json::json;

/// Arguments of `code`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("input").required(true).multiple(false)))]
pub struct CodeArgs {
    /// Base32, hex, otpauth:// or otpauth-migration:// text. Use `-` to read
    /// it from standard input: TEXT itself shows in process lists and shell
    /// history.
    #[arg(long, value_name = "TEXT", group = "input")]
    secret: Option<String>,
    /// Read the secret text from this environment variable.
    #[arg(long, value_name = "VAR", group = "input")]
    secret_env: Option<String>,
    /// Account number to use from an authenticator export (1-based).
    #[arg(long, value_name = "N", value_parser = super::args::parse_from_one::<u32>)]
    account: Option<u32>,
    #[command(flatten)]
    options: CodeOptionArgs,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Run `code`.
pub fn run(a: &CodeArgs) -> i32 {
    let fail = |x| output::report_input_error(&x, a.json, super::EXIT_USAGE);
    let text = match secret_input::read_secret(a.secret.as_deref(), a.secret_env.as_deref()) {
        Ok(t) => t,
        Err(x) => return fail(x),
    };
    let info = match secret_input::resolve(&text, a.account) {
        Ok(i) => i,
        Err(x) => return fail(x),
    };
    let (algorithm, period) = match secret_input::merge_options(&info, &a.options) {
        Ok(o) => o,
        Err(x) => return fail(x),
    };
    secret_input::print_warnings(&info);
    let codes = codes_at(&info.secret, algorithm, period, SystemClock.now());
    if a.json {
        output::print_json(&json!({
            "ok": true,
            "code": codes.current,
            "previous_code": codes.previous,
            "next_code": codes.next,
            "seconds_left": codes.seconds_left,
            "algorithm": algorithm,
            "period": period,
            "issuer": info.issuer,
            "account": info.account,
        }));
    } else {
        println!(
            "{}",
            tr!(
                "cli-code-line",
                code = group(&codes.current),
                seconds = codes.seconds_left,
                previous = group(&codes.previous),
                next = group(&codes.next)
            )
        );
    }
    super::EXIT_OK
}

//! `totp-burner info`: serial, model, time-sync class and clock of the token.

use super::args::TargetArgs;
use super::output::{self, clock_difference, token_json, utc};
use super::target;
use crate::burn::read_info;
use crate::clock::SystemClock;
use crate::tr;
use clap::Args;

/// Arguments of `info`.
#[derive(Debug, Args)]
pub struct InfoArgs {
    #[command(flatten)]
    target: TargetArgs,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Run `info`.
pub fn run(a: &InfoArgs) -> i32 {
    let result = target::with_transport(&a.target, |t| {
        read_info(t, &SystemClock, &mut |_| {}).map(|info| (info, t.reader_name()))
    });
    let (token, reader) = match result {
        Ok(r) => r,
        Err(e) => return output::report_failure(&e, a.json),
    };
    let ntp = crate::clockcheck::NtpConfig::from_env();
    let pc_clock = crate::clockcheck::check_pc_clock(&ntp);
    if a.json {
        let mut v = token_json(&token);
        v["ok"] = true.into();
        v["reader"] = reader.clone().into();
        v["pc_clock_check"] = super::pc_clock::check_json(&pc_clock, &ntp);
        output::print_json(&v);
    } else {
        println!(
            "{}",
            tr!("cli-info-serial", serial = token.serial.to_string())
        );
        match token.model {
            Some(m) => println!(
                "{}",
                tr!(
                    "cli-info-model",
                    model = m.name,
                    time_sync = m.time_sync.describe()
                )
            ),
            None => println!("{}", tr!("cli-info-model-unknown")),
        }
        println!(
            "{}",
            tr!(
                "cli-info-token-clock",
                time = utc(token.token_clock),
                difference = clock_difference(token.clock_difference())
            )
        );
        println!("{}", tr!("cli-info-reader", reader = reader.as_str()));
        println!(
            "{}",
            tr!(
                "cli-info-pc-clock",
                check = crate::explain::clock_check(&pc_clock, ntp.limit)
            )
        );
    }
    super::EXIT_OK
}

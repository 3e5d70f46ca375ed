//! `totp-burner info`: serial, model, time-sync class and clock of the token,
//! and whether the records' known serials list it (a token from elsewhere
//! would be refused there).

use super::args::TargetArgs;
use super::output::{self, clock_difference, token_json, utc};
use super::target;
use crate::burn::read_info;
use crate::clock::SystemClock;
use crate::station::records::KnownSerial;
use crate::tr;
use clap::Args;

/// Arguments of `info`.
#[derive(Debug, Args)]
pub struct InfoArgs {
    #[command(flatten)]
    target: TargetArgs,
    #[command(flatten)]
    records: super::records::RecordsFile,
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
    let known = (!a.target.emulator).then(|| known_serial(&a.records, &token.serial));
    let ntp = crate::clockcheck::NtpConfig::from_env();
    let pc_clock = crate::clockcheck::check_pc_clock(&ntp);
    if a.json {
        let mut v = token_json(&token);
        v["ok"] = true.into();
        v["reader"] = reader.clone().into();
        v["pc_clock_check"] = super::pc_clock::check_json(&pc_clock, &ntp);
        v["known_serial"] = match &known {
            None | Some(Err(_)) => serde_json::Value::Null,
            Some(Ok(KnownSerial::NoList)) => "no-list".into(),
            Some(Ok(KnownSerial::Listed { .. })) => "listed".into(),
            Some(Ok(KnownSerial::NotListed { .. })) => "not-listed".into(),
        };
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
        if let Some(k) = &known {
            let words = match k {
                Ok(k) => crate::explain::known_serial(k),
                Err(e) => tr!("cli-info-known-unchecked", error = e.as_str()),
            };
            println!("{}", tr!("cli-info-known", words = words));
        }
    }
    super::EXIT_OK
}

/// The serial against the records' known serials (the default records, or
/// `--records`): a records file that does not exist yet has no list and is
/// not made for a look. Err: the records could not be read (words).
fn known_serial(r: &super::records::RecordsFile, serial: &str) -> Result<KnownSerial, String> {
    let at = r.location().map_err(|x| x.problem)?;
    if !at.may_hold_records() {
        return Ok(KnownSerial::NoList);
    }
    crate::station::records::Store::open_at(&at, None)
        .and_then(|s| s.known_serial(serial))
        .map_err(|e| crate::explain::records_error(&e))
}

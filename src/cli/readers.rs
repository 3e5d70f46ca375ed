//! `totp-burner readers`: the PC/SC readers and what each holds.

use super::output;
use crate::card::pcsc::PcscReaders;
use crate::explain;
use clap::Args;
use serde_json::json;

/// Arguments of `readers`.
#[derive(Debug, Args)]
pub struct ReadersArgs {
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Run `readers`.
pub fn run(a: &ReadersArgs) -> i32 {
    let listed = PcscReaders::establish().and_then(|r| r.list());
    let readers = match listed {
        Ok(r) => r,
        Err(e) => {
            let x = explain::transport(&e, None);
            return output::report_input_error(&x, a.json, super::EXIT_FAILED);
        }
    };
    if a.json {
        output::print_json(&json!({ "ok": true, "readers": readers }));
        return super::EXIT_OK;
    }
    if readers.is_empty() {
        println!("{}", crate::tr!("cli-readers-none"));
    }
    for r in &readers {
        println!("{:<40} {}", r.name, r.state.describe());
    }
    super::EXIT_OK
}

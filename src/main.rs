//! Entry point: hand the arguments to the CLI (the GUI joins later).
#![forbid(unsafe_code)]

fn main() {
    totp_burner::process_start();
    std::process::exit(totp_burner::cli::main_with_args(std::env::args_os()));
}

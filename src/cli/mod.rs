//! The command-line front end: one file per subcommand over the library.
//! Human output by default, `--json` for scripts; errors go to stderr in
//! plain words. Exit codes: 0 success, 1 failed with the token unchanged
//! (or no token involved), 2 bad usage, 3 failed after the token may have
//! changed (it needs another burn).

mod args;
mod batch;
mod burn;
mod code;
mod emulate;
mod handout;
mod help;
mod info;
mod man;
mod output;
mod pc_clock;
mod qr_source;
mod readers;
mod records;
mod scan;
mod secret_input;
mod sync_time;
mod target;
mod usage_error;

use crate::tr;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// Exit code: success.
pub const EXIT_OK: i32 = 0;
/// Exit code: failed, token unchanged.
pub const EXIT_FAILED: i32 = 1;
/// Exit code: bad usage or input.
pub const EXIT_USAGE: i32 = 2;
/// Exit code: failed after the token may have changed.
pub const EXIT_TOKEN_CHANGED: i32 = 3;

/// Burns TOTP secrets into Token2 programmable hardware tokens.
#[derive(Debug, Parser)]
#[command(name = "totp-burner", version, about, long_about = None)]
pub struct Cli {
    /// What to do (no subcommand: open the desktop app).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Arguments of `gui`.
#[derive(Debug, clap::Args)]
pub struct GuiArgs {
    /// Use a built-in virtual reader and token, and show a demo QR code.
    #[arg(long)]
    pub demo: bool,
    /// Draw the window with this renderer (default: wgpu, and glow where
    /// wgpu cannot start; the `renderer` setting does the same).
    #[arg(long, value_enum, value_name = "RENDERER")]
    pub renderer: Option<crate::app::Renderer>,
}

/// The GUI-only program (`totp-burner-gui`): `gui`'s arguments alone.
#[derive(Debug, Parser)]
#[command(name = "totp-burner-gui", version, about = "Opens the TOTP burner desktop app.", long_about = None)]
pub struct GuiCli {
    /// The same arguments as `totp-burner gui`.
    #[command(flatten)]
    pub args: GuiArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the desktop app (the default with no subcommand).
    Gui(GuiArgs),
    /// Show the token's serial, model and clock.
    Info(info::InfoArgs),
    /// Burn a secret into the token.
    Burn(burn::BurnArgs),
    /// Set the token's clock to this PC's time (and write the options).
    SyncTime(sync_time::SyncTimeArgs),
    /// Show the codes for a secret; no token needed.
    Code(code::CodeArgs),
    /// Find QR codes (image, screen, webcam, clipboard) and say what they are.
    Scan(scan::ScanArgs),
    /// List the PC/SC readers and what each holds.
    Readers(readers::ReadersArgs),
    /// Burn tokens one after another as they are laid on the reader.
    Batch(batch::BatchArgs),
    /// List or export the records of every operation.
    Records(records::RecordsArgs),
    /// Serve an emulated token to pcscd through vsmartcard-vpcd.
    Emulate(emulate::EmulateArgs),
}

/// Parse the process arguments, run, and return the exit code.
pub fn main_with_args<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let parsed = command()
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return usage_error::report(&e),
    };
    match cli.command {
        None => gui(false, None),
        Some(Command::Gui(a)) => gui(a.demo, a.renderer),
        Some(Command::Info(a)) => info::run(&a),
        Some(Command::Burn(a)) => burn::run(&a),
        Some(Command::SyncTime(a)) => sync_time::run(&a),
        Some(Command::Code(a)) => code::run(&a),
        Some(Command::Readers(a)) => readers::run(&a),
        Some(Command::Scan(a)) => scan::run(&a),
        Some(Command::Emulate(a)) => emulate::run(&a),
        Some(Command::Batch(a)) => batch::run(&a),
        Some(Command::Records(a)) => records::run(&a),
    }
}

/// `totp-burner-gui`: parse `gui`'s arguments, open the window, return
/// the exit code.
pub fn gui_main_with_args<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let parsed = help::localized_gui(GuiCli::command())
        .try_get_matches_from(args)
        .and_then(|m| GuiCli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => gui(cli.args.demo, cli.args.renderer),
        Err(e) => usage_error::report(&e),
    }
}

pub use help::localized;
pub use man::{localized_man_page, man_manual};

/// The program's command as parsed and shown (help, man pages): every word
/// from the catalogue, in the current language.
pub fn command() -> clap::Command {
    help::localized(Cli::command())
}

fn gui(demo: bool, renderer: Option<crate::app::Renderer>) -> i32 {
    match crate::app::run(demo, renderer) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            let problem = tr!("cli-window-failed", error = e.to_string());
            let next = tr!("cli-window-failed-next");
            eprintln!("{}", tr!("cli-error", problem = problem.clone()));
            eprintln!("{}", tr!("cli-next", next = next.clone()));
            crate::app::error_box::show("TOTP burner", &format!("{problem}\n\n{next}"));
            EXIT_FAILED
        }
    }
}

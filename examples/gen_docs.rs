//! Writes the man pages (one per subcommand) and the shell completions
//! from the clap definitions, for the Linux package:
//! `cargo run --example gen_docs -- OUT_DIR` fills `OUT_DIR/man/*.1` and
//! `OUT_DIR/completions/{totp-burner.bash,_totp-burner,totp-burner.fish}`.
//! An example, not a subcommand: clap_mangen and clap_complete stay
//! dev-dependencies, out of the shipped binary, and nothing is generated
//! by hand.

use clap::CommandFactory;
use clap_complete::Shell;
use std::path::PathBuf;
use totp_burner::cli::Cli;

fn main() -> std::io::Result<()> {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: cargo run --example gen_docs -- OUT_DIR");
        std::process::exit(2);
    };
    let man = out.join("man");
    let completions = out.join("completions");
    std::fs::create_dir_all(&man)?;
    std::fs::create_dir_all(&completions)?;

    let source = format!("totp-burner {}", env!("CARGO_PKG_VERSION"));
    let manual = "TOTP burner manual";
    let mut cli = Cli::command().disable_help_subcommand(true);
    cli.build();
    write_man_pages(&cli, &man, &source, manual)?;

    for (shell, name) in [
        (Shell::Bash, "totp-burner.bash"),
        (Shell::Zsh, "_totp-burner"),
        (Shell::Fish, "totp-burner.fish"),
    ] {
        let mut file = std::fs::File::create(completions.join(name))?;
        clap_complete::generate(shell, &mut Cli::command(), "totp-burner", &mut file);
    }
    Ok(())
}

/// One page for the command and one for each (nested) subcommand:
/// `totp-burner.1`, `totp-burner-burn.1`, `totp-burner-records-list.1`, ...
fn write_man_pages(
    cmd: &clap::Command,
    dir: &std::path::Path,
    source: &str,
    manual: &str,
) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_man_pages(sub, dir, source, manual)?;
    }
    clap_mangen::Man::new(cmd.clone())
        .source(source)
        .manual(manual)
        .generate_to(dir)?;
    Ok(())
}

//! Writes the man pages (one per subcommand and language) and the shell
//! completions from the clap definitions, for the Linux package:
//! `cargo run --example gen_docs -- OUT_DIR` fills `OUT_DIR/man/*.1`
//! (English), `OUT_DIR/man/<lang>/*.1` (every other shipped language,
//! installed under /usr/share/man/<lang>/man1) and
//! `OUT_DIR/completions/{totp-burner.bash,_totp-burner,totp-burner.fish}`.
//! An example, not a subcommand: clap_mangen and clap_complete stay
//! dev-dependencies, out of the shipped binary, and nothing is generated
//! by hand.

mod man;

use clap::CommandFactory;
use clap_complete::Shell;
use std::path::PathBuf;
use totp_burner::cli::Cli;
use totp_burner::i18n::Lang;

fn main() -> std::io::Result<()> {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: cargo run --example gen_docs -- OUT_DIR");
        std::process::exit(2);
    };
    let man = out.join("man");
    for lang in Lang::ALL {
        let dir = match lang {
            Lang::En => man.clone(),
            other => man.join(other.code()),
        };
        man::write_man_pages(lang, &dir)?;
    }

    let completions = out.join("completions");
    std::fs::create_dir_all(&completions)?;
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

//! The man pages of one language, from the catalogue-built command (also
//! used by tests/i18n.rs to read a German page).

use clap::CommandFactory;
use std::path::Path;
use totp_burner::cli::Cli;
use totp_burner::i18n::Lang;

/// Writes one page for the command and one for each (nested) subcommand,
/// in `lang`, into `dir`: `totp-burner.1`, `totp-burner-burn.1`,
/// `totp-burner-records-list.1`, ... (The language is the process's: it is
/// left set to `lang`.)
pub fn write_man_pages(lang: Lang, dir: &Path) -> std::io::Result<()> {
    totp_burner::i18n::set_language(lang);
    std::fs::create_dir_all(dir)?;
    let mut cli = totp_burner::cli::localized(Cli::command().disable_help_subcommand(true));
    cli.build();
    let source = format!("totp-burner {}", env!("CARGO_PKG_VERSION"));
    write_tree(&cli, dir, &source, &totp_burner::cli::man_manual())
}

fn write_tree(cmd: &clap::Command, dir: &Path, source: &str, manual: &str) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_tree(sub, dir, source, manual)?;
    }
    let man = clap_mangen::Man::new(cmd.clone())
        .source(source.to_string())
        .manual(manual.to_string());
    let mut roff = Vec::new();
    man.render(&mut roff)?;
    let page = totp_burner::cli::localized_man_page(&String::from_utf8_lossy(&roff));
    std::fs::write(dir.join(man.get_filename()), page)
}

//! The man pages' own words. examples/gen_docs.rs writes a page per
//! (sub)command and language with clap_mangen from [`super::localized`];
//! clap_mangen's section names (NAME, SYNOPSIS, ...) are English, these
//! are the catalogue's.

use crate::tr;

/// The manual's name in the pages' header ("TOTP burner manual").
pub fn man_manual() -> String {
    tr!("cli-man-manual")
}

/// A page as clap_mangen wrote it, its section headings in the current
/// language (and in capitals, as man pages write them). Its header keeps
/// the empty date as `""`: written as nothing, it moved the source into
/// the date's place and the manual's name out of the page header.
pub fn localized_man_page(roff: &str) -> String {
    let names = [
        ("NAME", tr!("cli-man-name")),
        ("SYNOPSIS", tr!("cli-man-synopsis")),
        ("DESCRIPTION", tr!("cli-man-description")),
        ("EXTRA", tr!("cli-man-extra")),
        ("VERSION", tr!("cli-man-version")),
    ];
    let mut out = String::with_capacity(roff.len());
    for line in roff.lines() {
        if line.starts_with(".TH ") && line.contains("  ") {
            out.push_str(&line.replacen("  ", " \"\" ", 1));
            out.push('\n');
            continue;
        }
        match line.strip_prefix(".SH ") {
            Some(heading) => {
                let bare = heading.trim_matches('"').trim();
                let said = names
                    .iter()
                    .find(|(english, _)| *english == bare)
                    .map_or_else(|| bare.to_uppercase(), |(_, said)| said.to_uppercase());
                if said.contains(' ') {
                    out.push_str(&format!(".SH \"{said}\""));
                } else {
                    out.push_str(&format!(".SH {said}"));
                }
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_names_are_the_catalogues_and_in_capitals() {
        let page =
            ".TH x 1  \"x 0.1\" \"M\"\n.SH NAME\nx \\- y\n.SH \"Befehle\"\n.TP\n.SH \"OPTIONS \"\n";
        let out = localized_man_page(page);
        assert!(out.starts_with(".TH x 1 \"\" \"x 0.1\" \"M\"\n"), "{out}");
        assert!(
            out.contains("\nx \\- y\n.SH BEFEHLE\n.TP\n.SH OPTIONS\n"),
            "{out}"
        );
    }
}

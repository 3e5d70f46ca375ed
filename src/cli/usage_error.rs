//! Usage errors (an unknown argument, a missing or invalid value, ...) in
//! the current language. clap finds them; this says them from the error's
//! kind and context, in clap's layout: the problem, a tip, the usage line
//! and where to read more. Exit code 2 ([`super::EXIT_USAGE`]).

use super::{EXIT_OK, EXIT_USAGE, help};
use crate::tr;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Print what a failed parse says (or the help or version clap was asked
/// for) and return the exit code.
pub fn report(e: &clap::Error) -> i32 {
    match e.kind() {
        // The help and version are already the catalogue's (help.rs).
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            EXIT_OK
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            EXIT_USAGE
        }
        _ => {
            eprint!("{}", render(e));
            if e.use_stderr() { EXIT_USAGE } else { EXIT_OK }
        }
    }
}

/// The whole message, as clap lays it out.
pub(super) fn render(e: &clap::Error) -> String {
    let mut out = tr!("cli-error", problem = problem(e));
    let tips = tips(e);
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            out.push_str("\n  ");
            out.push_str(&tip);
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        out.push_str("\n\n");
        out.push_str(&help::localized_usage(&usage.to_string()));
    }
    out.push_str("\n\n");
    out.push_str(&tr!("cli-usage-more", help = "--help"));
    out.push('\n');
    out
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Option<Vec<String>> {
    match e.get(kind) {
        Some(ContextValue::Strings(s)) => Some(s.clone()),
        Some(ContextValue::String(s)) => Some(vec![s.clone()]),
        _ => None,
    }
}

fn number(e: &clap::Error, kind: ContextKind) -> Option<isize> {
    match e.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    }
}

/// `text` and each of `lines` on its own indented line.
fn with_list(text: String, lines: &[String]) -> String {
    lines.iter().fold(text, |out, l| format!("{out}\n  {l}"))
}

/// What is wrong, in one sentence (and the list it names).
fn problem(e: &clap::Error) -> String {
    use ContextKind as K;
    let arg = string(e, K::InvalidArg);
    let value = string(e, K::InvalidValue);
    let said = match e.kind() {
        ErrorKind::UnknownArgument => arg.map(|arg| tr!("cli-usage-unknown-argument", arg = arg)),
        ErrorKind::InvalidSubcommand => string(e, K::InvalidSubcommand)
            .map(|name| tr!("cli-usage-unknown-subcommand", name = name)),
        ErrorKind::InvalidValue => arg.zip(value).map(|(arg, value)| {
            let text = if value.is_empty() {
                tr!("cli-usage-value-missing", arg = arg)
            } else {
                tr!("cli-usage-invalid-value", value = value, arg = arg)
            };
            match strings(e, K::ValidValue).filter(|v| !v.is_empty()) {
                Some(values) => with_list(
                    text,
                    &[tr!("cli-help-possible-values", values = values.join(", "))],
                ),
                None => text,
            }
        }),
        ErrorKind::ValueValidation => arg.zip(value).map(|(arg, value)| {
            match std::error::Error::source(e) {
                Some(reason) => {
                    // Our value parsers say why in the catalogue's words;
                    // the standard number parsers in English.
                    let reason = if reason.is::<std::num::ParseIntError>() {
                        tr!("cli-usage-not-a-number")
                    } else {
                        reason.to_string()
                    };
                    tr!(
                        "cli-usage-invalid-value-because",
                        value = value,
                        arg = arg,
                        reason = reason
                    )
                }
                None => tr!("cli-usage-invalid-value", value = value, arg = arg),
            }
        }),
        ErrorKind::MissingRequiredArgument => strings(e, K::InvalidArg)
            .map(|missing| with_list(tr!("cli-usage-missing-arguments"), &missing)),
        ErrorKind::MissingSubcommand => string(e, K::InvalidSubcommand).map(|name| {
            let text = tr!("cli-usage-missing-subcommand", name = name);
            match strings(e, K::ValidSubcommand).filter(|v| !v.is_empty()) {
                Some(names) => with_list(
                    text,
                    &[tr!("cli-usage-subcommands", names = names.join(", "))],
                ),
                None => text,
            }
        }),
        ErrorKind::ArgumentConflict => arg.map(|arg| match e.get(K::PriorArg) {
            Some(ContextValue::String(prior)) if *prior == arg => {
                tr!("cli-usage-repeated", arg = arg)
            }
            Some(ContextValue::String(prior)) => {
                tr!("cli-usage-conflict", arg = arg, other = prior.clone())
            }
            Some(ContextValue::Strings(prior)) => {
                with_list(tr!("cli-usage-conflict-several", arg = arg), prior)
            }
            _ => tr!("cli-usage-conflict-any", arg = arg),
        }),
        ErrorKind::TooManyValues => arg
            .zip(value)
            .map(|(arg, value)| tr!("cli-usage-too-many-values", value = value, arg = arg)),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let expected = number(e, K::ExpectedNumValues).or_else(|| number(e, K::MinValues));
            match (arg, expected, number(e, K::ActualNumValues)) {
                (Some(arg), Some(expected), Some(actual)) => Some(tr!(
                    "cli-usage-wrong-number-of-values",
                    arg = arg,
                    expected = expected,
                    actual = actual
                )),
                _ => None,
            }
        }
        ErrorKind::InvalidUtf8 => Some(tr!("cli-usage-not-utf8")),
        _ => None,
    };
    said.unwrap_or_else(|| tr!("cli-usage-invalid"))
}

/// "tip: a similar argument exists: '--secret'", and clap's free-form tips
/// said again (one it words differently is left out: it would be English).
fn tips(e: &clap::Error) -> Vec<String> {
    let quoted = |names: Vec<String>| {
        names
            .into_iter()
            .map(|text| tr!("cli-usage-quoted", text = text))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = Vec::new();
    if let Some(n) = strings(e, ContextKind::SuggestedSubcommand).filter(|n| !n.is_empty()) {
        out.push(tr!("cli-usage-similar-subcommand", names = quoted(n)));
    }
    if let Some(n) = strings(e, ContextKind::SuggestedArg).filter(|n| !n.is_empty()) {
        out.push(tr!("cli-usage-similar-argument", names = quoted(n)));
    }
    if let Some(n) = strings(e, ContextKind::SuggestedValue).filter(|n| !n.is_empty()) {
        out.push(tr!("cli-usage-similar-value", names = quoted(n)));
    }
    if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
        out.extend(tips.iter().filter_map(|t| free_tip(&t.to_string())));
    }
    out
}

/// One of clap's free-form tips (clap_builder's error/mod.rs) in the
/// catalogue's words: the one this command line can meet (`totp-burner --
/// burn`); its others need positional arguments or flags that only a
/// subcommand has.
fn free_tip(english: &str) -> Option<String> {
    let rest = english.strip_prefix("subcommand '")?;
    let name = rest.strip_suffix("' exists; to use it, remove the '--' before it")?;
    Some(tr!("cli-usage-tip-remove-dashes", name = name))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// clap's free-form tip is recognised (a new clap wording would drop
    /// it silently: this says so).
    #[test]
    fn clap_free_form_tip_is_said_again() {
        let said = |args: &[&str]| {
            let e = super::super::command()
                .try_get_matches_from(args)
                .unwrap_err();
            render(&e)
        };
        let out = said(&["totp-burner", "--", "burn"]);
        assert!(
            out.contains(
                "\n  tip: subcommand 'burn' exists; to use it, remove the '--' before it\n"
            ),
            "{out}"
        );
    }
}

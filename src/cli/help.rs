//! `--help` in the current language. The derive gives the structure (and
//! the English of the doc comments); before parsing, every about, argument
//! help, heading and the usage line are set again from the catalogue, and
//! an argument's possible values and default are said by us ("[default:
//! 30]" is clap's own English otherwise). Usage errors: `usage_error.rs`.

use crate::tr;
use clap::Command;

/// The command (top-level or a subcommand at `path`, e.g. "records list")
/// with its about, its arguments' help and its headings from the catalogue,
/// its subcommands too.
pub fn localized(mut cmd: Command) -> Command {
    cmd.build();
    // clap takes headings as `&'static str` (without its `string`
    // feature): the two are made once per process.
    let headings = Headings {
        commands: Box::leak(heading(tr!("cli-help-commands")).into_boxed_str()),
        options: Box::leak(heading(tr!("cli-help-options")).into_boxed_str()),
        command: Box::leak(tr!("cli-usage-command-placeholder").into_boxed_str()),
        values: Box::leak(
            VALUE_NAMES
                .iter()
                .map(|&english| {
                    let said: &'static str = Box::leak(value_name(english).into_boxed_str());
                    (english, said)
                })
                .collect::<Vec<_>>()
                .into_boxed_slice(),
        ),
    };
    localize(cmd, "", headings)
}

#[derive(Clone, Copy)]
struct Headings {
    commands: &'static str,
    options: &'static str,
    /// `COMMAND` in `totp-burner [COMMAND]`.
    command: &'static str,
    /// The placeholders of values (`--records <FILE>`): English, said.
    values: &'static [(&'static str, &'static str)],
}

/// The value placeholders that read differently in some language (`N`,
/// `VAR`, `UPN`, ... read the same everywhere).
const VALUE_NAMES: [&str; 8] = [
    "FILE",
    "SECONDS",
    "CAMERA",
    "ALGORITHM",
    "SERIAL",
    "CARD",
    "NAME",
    "TEXT",
];

fn value_name(english: &str) -> String {
    match english {
        "FILE" => tr!("cli-value-file"),
        "SECONDS" => tr!("cli-value-seconds"),
        "CAMERA" => tr!("cli-value-camera"),
        "ALGORITHM" => tr!("cli-value-algorithm"),
        "SERIAL" => tr!("cli-value-serial"),
        "CARD" => tr!("cli-value-card"),
        "NAME" => tr!("cli-value-name"),
        "TEXT" => tr!("cli-value-text"),
        other => other.to_string(),
    }
}

fn localize(mut cmd: Command, path: &str, headings: Headings) -> Command {
    if let Some(about) = about(path) {
        cmd = cmd.about(about);
    }
    cmd = cmd
        .subcommand_help_heading(headings.commands)
        .subcommand_value_name(headings.command);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = arg_help(path, &id);
        cmd = cmd.mut_arg(&id, |a| {
            let help = help
                .or_else(|| a.get_help().map(|h| h.to_string()))
                .map(|h| with_values(h, &a));
            let mut a = a
                .help_heading(headings.options)
                .hide_possible_values(true)
                .hide_default_value(true);
            // Each argument has one placeholder; those not in the table
            // read the same in every language and stay.
            let said: Option<Vec<&'static str>> = a.get_value_names().and_then(|names| {
                names
                    .iter()
                    .map(|n| {
                        headings
                            .values
                            .iter()
                            .find(|(english, _)| *english == n.as_str())
                            .map(|(_, said)| *said)
                    })
                    .collect()
            });
            if let Some(said) = said {
                a = a.value_names(said);
            }
            match help {
                // The help flag's own long form says where the summary is.
                Some(h) if id == "help" && a.get_long_help().is_some() => {
                    a.help(h).long_help(tr!("cli-help-arg-help-long"))
                }
                Some(h) => a.help(h),
                None => a,
            }
        });
    }
    // The usage line (with the placeholders said above) as text: clap's `{usage}` would say "[OPTIONS]".
    let usage = localized_usage(&cmd.render_usage().to_string());
    let template = format!("{{about-with-newline}}\n{usage}\n\n{{all-args}}{{after-help}}");
    cmd = cmd.help_template(template);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = match path {
            "" => name.clone(),
            p => format!("{p} {name}"),
        };
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &sub_path, headings));
    }
    cmd
}

/// `help` followed by what clap would add in English: the argument's
/// default and its possible values, in the catalogue's words.
fn with_values(mut help: String, a: &clap::Arg) -> String {
    if !a.get_action().takes_values() {
        return help;
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() {
        let value = defaults.join(",");
        help = format!("{help} {}", tr!("cli-help-default", value = value));
    }
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && !a.is_hide_possible_values_set() {
        let values = values.join(", ");
        help = format!(
            "{help} {}",
            tr!("cli-help-possible-values", values = values)
        );
    }
    help
}

/// clap's "Usage: totp-burner burn [OPTIONS] <...>" (from `render_usage` or
/// an error's usage) in the catalogue's words.
pub(super) fn localized_usage(clap_usage: &str) -> String {
    let rest = clap_usage.trim().trim_start_matches("Usage:").trim_start();
    let rest = rest.replace("[OPTIONS]", &tr!("cli-usage-options-placeholder"));
    format!("{} {rest}", tr!("cli-help-usage"))
}

/// "Options:" as clap wants a heading: without its colon.
fn heading(words: String) -> String {
    words.trim_end().trim_end_matches(':').to_string()
}

/// The about of the command at `path` ("" is the program itself).
fn about(path: &str) -> Option<String> {
    Some(match path {
        "" => tr!("cli-help-about"),
        "gui" => tr!("cli-help-about-gui"),
        "info" => tr!("cli-help-about-info"),
        "burn" => tr!("cli-help-about-burn"),
        "sync-time" => tr!("cli-help-about-sync-time"),
        "code" => tr!("cli-help-about-code"),
        "scan" => tr!("cli-help-about-scan"),
        "readers" => tr!("cli-help-about-readers"),
        "batch" => tr!("cli-help-about-batch"),
        "records" => tr!("cli-help-about-records"),
        "emulate" => tr!("cli-help-about-emulate"),
        "records list" => tr!("cli-help-about-records-list"),
        "records export" => tr!("cli-help-about-records-export"),
        "records assign" => tr!("cli-help-about-records-assign"),
        "records codes" => tr!("cli-help-about-records-codes"),
        "records receipt" => tr!("cli-help-about-records-receipt"),
        "records init" => tr!("cli-help-about-records-init"),
        "records migrate" => tr!("cli-help-about-records-migrate"),
        "records add-station" => tr!("cli-help-about-records-add-station"),
        "records import" => tr!("cli-help-about-records-import"),
        "records stock" => tr!("cli-help-about-records-stock"),
        "records stock import" => tr!("cli-help-about-records-stock-import"),
        p if p == "help" || p.ends_with(" help") => tr!("cli-help-about-help"),
        // `help burn`: the help subcommand's own copy of `burn`.
        p if p.split(' ').any(|w| w == "help") => {
            let real: Vec<&str> = p.split(' ').filter(|w| *w != "help").collect();
            return about(&real.join(" "));
        }
        _ => return None,
    })
}

/// The help of argument `id` of the command at `path`: the same words
/// wherever an argument means the same, its own where it differs.
fn arg_help(path: &str, id: &str) -> Option<String> {
    Some(match (path, id) {
        (_, "help") => tr!("cli-help-arg-help"),
        (_, "version") => tr!("cli-help-arg-version"),
        ("batch", "reader") => tr!("cli-help-arg-reader-batch"),
        ("batch", "station") => tr!("cli-help-arg-station-batch"),
        ("batch", "json") => tr!("cli-help-arg-json-batch"),
        ("batch", "csv") => tr!("cli-help-arg-csv-batch"),
        ("batch", "reburn") => tr!("cli-help-arg-reburn-batch"),
        ("code", "account") => tr!("cli-help-arg-account-code"),
        ("sync-time", "allow_unknown_model") => tr!("cli-help-arg-allow-unknown-model-sync"),
        ("emulate", "serial") => tr!("cli-help-arg-serial-emulate"),
        ("records list", "serial") => tr!("cli-help-arg-serial-list"),
        ("records add-station", "name") => tr!("cli-help-arg-station-login"),
        ("records import", "source") => tr!("cli-help-arg-import-source"),
        ("records import", "secrets") => tr!("cli-help-arg-import-secrets"),
        ("records stock import", "list") => tr!("cli-help-arg-stock-list"),
        ("records export", "csv") => tr!("cli-help-arg-csv-export"),
        ("records assign", "serial") => tr!("cli-help-arg-serial-assign"),
        ("records assign", "reader") => tr!("cli-help-arg-reader-assign"),
        ("records assign", "upn") => tr!("cli-help-arg-upn-assign"),
        ("records assign", "station") => tr!("cli-help-arg-station-assign"),
        ("records receipt", "upn") => tr!("cli-help-arg-upn-receipt"),
        ("records receipt", "batch") => tr!("cli-help-arg-batch-receipt"),
        (_, "batch") => tr!("cli-help-arg-batch-only"),
        (_, "demo") => tr!("cli-help-arg-demo"),
        (_, "renderer") => tr!("cli-help-arg-renderer"),
        (_, "reader") => tr!("cli-help-arg-reader"),
        (_, "emulator") => tr!("cli-help-arg-emulator"),
        (_, "json") => tr!("cli-help-arg-json"),
        (_, "secret") => tr!("cli-help-arg-secret"),
        (_, "secret_env") => tr!("cli-help-arg-secret-env"),
        (_, "qr_image") => tr!("cli-help-arg-qr-image"),
        (_, "qr_screen") => tr!("cli-help-arg-qr-screen"),
        (_, "qr_webcam") => tr!("cli-help-arg-qr-webcam"),
        (_, "camera") => tr!("cli-help-arg-camera"),
        (_, "webcam_timeout") => tr!("cli-help-arg-webcam-timeout"),
        (_, "account") => tr!("cli-help-arg-account-burn"),
        (_, "algorithm") => tr!("cli-help-arg-algorithm"),
        (_, "period") => tr!("cli-help-arg-period"),
        (_, "display_timeout") => tr!("cli-help-arg-display-timeout"),
        (_, "allow_unknown_model") => tr!("cli-help-arg-allow-unknown-model-burn"),
        (_, "reburn") => tr!("cli-help-arg-reburn"),
        (_, "trust_pc_clock") => tr!("cli-help-arg-trust-pc-clock"),
        (_, "erase_secret_ok") => tr!("cli-help-arg-erase-secret-ok"),
        (_, "image") => tr!("cli-help-arg-image"),
        (_, "screen") => tr!("cli-help-arg-screen"),
        (_, "webcam") => tr!("cli-help-arg-webcam"),
        (_, "clipboard") => tr!("cli-help-arg-clipboard"),
        (_, "show_secret") => tr!("cli-help-arg-show-secret"),
        (_, "random") => tr!("cli-help-arg-random"),
        (_, "count") => tr!("cli-help-arg-count"),
        (_, "start_row") => tr!("cli-help-arg-start-row"),
        (_, "keep_secrets") => tr!("cli-help-arg-keep-secrets"),
        (_, "records") => tr!("cli-help-arg-records"),
        (_, "vpcd") => tr!("cli-help-arg-vpcd"),
        (_, "sync") => tr!("cli-help-arg-sync"),
        (_, "clock_offset") => tr!("cli-help-arg-clock-offset"),
        (_, "lift_after") => tr!("cli-help-arg-lift-after"),
        (_, "replace_after_ms") => tr!("cli-help-arg-replace-after-ms"),
        (_, "card") => tr!("cli-help-arg-as"),
        (_, "apdu_log") => tr!("cli-help-arg-apdu-log"),
        (_, "entra") => tr!("cli-help-arg-entra"),
        (_, "unassigned") => tr!("cli-help-arg-unassigned"),
        (_, "users") => tr!("cli-help-arg-users"),
        (_, "html") => tr!("cli-help-arg-html"),
        (_, "accept_unchecked") => tr!("cli-help-arg-accept-unchecked"),
        _ => return None,
    })
}

/// The GUI-only program's command, localized: its about is its own.
pub fn localized_gui(cmd: Command) -> Command {
    localized(cmd).about(tr!("cli-help-about-gui-only"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command, every argument shown in --help (and the help
    /// subcommands) has its words in the catalogue.
    fn missing(cmd: &Command, path: &str, out: &mut Vec<String>) {
        if about(path).is_none() {
            out.push(format!("about of {path:?}"));
        }
        for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            if arg_help(path, a.get_id().as_str()).is_none() {
                out.push(format!("{path:?} {}", a.get_id()));
            }
        }
        for s in cmd.get_subcommands() {
            let p = match path {
                "" => s.get_name().to_string(),
                p => format!("{p} {}", s.get_name()),
            };
            missing(s, &p, out);
        }
    }

    #[test]
    fn every_command_and_argument_has_catalogue_words() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let mut out = Vec::new();
        missing(&cmd, "", &mut out);
        assert!(out.is_empty(), "no words for: {out:?}");
        let mut gui = crate::cli::GuiCli::command();
        gui.build();
        let mut out = Vec::new();
        for a in gui.get_arguments() {
            if arg_help("", a.get_id().as_str()).is_none() {
                out.push(a.get_id().to_string());
            }
        }
        assert!(out.is_empty(), "no words for: {out:?}");
    }

    #[test]
    fn the_localized_help_keeps_the_structure() {
        let cmd = localized(crate::cli::Cli::command());
        let help = cmd.clone().render_help().to_string();
        assert!(help.contains("Usage: totp-burner"), "{help}");
        assert!(
            help.contains("Commands:") && help.contains("Options:"),
            "{help}"
        );
        assert!(help.contains("Burn a secret into the token"), "{help}");
        let m = cmd
            .try_get_matches_from(["totp-burner", "code", "--secret", "x", "--period", "60"])
            .unwrap();
        assert_eq!(m.subcommand_name(), Some("code"));
    }
}

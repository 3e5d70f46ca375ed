//! The message catalogue (`locales/<lang>/totp-burner.ftl`): every shipped
//! language parses, holds exactly the English messages with the same
//! arguments, every message is used somewhere, and the CLI speaks German
//! when asked. (That every message id the source uses exists in English,
//! with exactly the arguments it passes, is checked when building: `tr!`
//! goes through i18n-embed-fl's `fl!`.)

mod common;
/// The man pages' generator (examples/gen_docs/), to read a German page.
#[path = "../examples/gen_docs/man.rs"]
mod man;

use common::text;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;
use totp_burner::i18n::Lang;

/// What a message uses: its variables and the other messages it includes.
#[derive(Debug, Default, PartialEq, Eq)]
struct Uses {
    variables: BTreeSet<String>,
    messages: BTreeSet<String>,
}

fn inline(e: &ast::InlineExpression<&str>, u: &mut Uses) {
    use ast::InlineExpression as I;
    match e {
        I::VariableReference { id } => {
            u.variables.insert(id.name.to_string());
        }
        I::MessageReference { id, .. } => {
            u.messages.insert(id.name.to_string());
        }
        I::FunctionReference { arguments, .. } => {
            arguments.positional.iter().for_each(|a| inline(a, u));
            arguments.named.iter().for_each(|a| inline(&a.value, u));
        }
        I::Placeable { expression } => expr(expression, u),
        I::StringLiteral { .. } | I::NumberLiteral { .. } | I::TermReference { .. } => {}
    }
}

fn expr(e: &ast::Expression<&str>, u: &mut Uses) {
    match e {
        ast::Expression::Inline(i) => inline(i, u),
        ast::Expression::Select { selector, variants } => {
            inline(selector, u);
            variants.iter().for_each(|v| pattern(&v.value, u));
        }
    }
}

fn pattern(p: &ast::Pattern<&str>, u: &mut Uses) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr(expression, u);
        }
    }
}

/// The catalogue's messages by id, or the parse errors.
fn messages(lang: Lang) -> BTreeMap<String, Uses> {
    let res = fluent_syntax::parser::parse(lang.catalogue())
        .unwrap_or_else(|(_, errors)| panic!("{}: parse errors: {errors:#?}", lang.code()));
    let mut out = BTreeMap::new();
    for entry in &res.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut u = Uses::default();
                match &m.value {
                    Some(p) => pattern(p, &mut u),
                    None => panic!("{}: {} has no value", lang.code(), m.id.name),
                }
                let id = m.id.name.to_string();
                assert!(
                    out.insert(id.clone(), u).is_none(),
                    "{}: {id} is defined twice",
                    lang.code()
                );
            }
            ast::Entry::Junk { content } => panic!("{}: junk: {content}", lang.code()),
            _ => {}
        }
    }
    out
}

#[test]
fn every_language_parses_and_holds_exactly_the_english_messages_with_their_arguments() {
    let en = messages(Lang::En);
    assert!(en.len() > 300, "{} English messages", en.len());
    let mut failures = Vec::new();
    for (id, u) in &en {
        for m in &u.messages {
            if !en.contains_key(m) {
                failures.push(format!("en: {id} includes the unknown message {m}"));
            }
        }
    }
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let tr = messages(lang);
        let code = lang.code();
        for id in en.keys().filter(|id| !tr.contains_key(*id)) {
            failures.push(format!("{code}: missing {id}"));
        }
        for (id, u) in &tr {
            match en.get(id) {
                None => failures.push(format!("{code}: {id} is not an English message")),
                Some(want) if want != u => failures.push(format!(
                    "{code}: {id} uses {:?} / {:?}, English uses {:?} / {:?}",
                    u.variables, u.messages, want.variables, want.messages
                )),
                Some(_) => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every `.rs` file under `dir`, as text.
fn sources(dir: &std::path::Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn every_english_message_is_used() {
    let mut src = String::new();
    sources(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut src,
    );
    let en = messages(Lang::En);
    let included: BTreeSet<&String> = en.values().flat_map(|u| &u.messages).collect();
    let unused: Vec<&String> = en
        .keys()
        .filter(|id| !included.contains(id) && !src.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "messages nothing uses: {unused:?}");
}

/// The language is the process's: the tests that switch it take turns.
static LANGUAGE: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn german_and_french_words_arrive_whole_without_isolation_marks() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    for (lang, want) in [
        (Lang::De, "Nachrichtenkatalog geladen (x)."),
        (Lang::Fr, "Catalogue de messages chargé (x)."),
        (Lang::En, "Message catalogue loaded (x)."),
    ] {
        totp_burner::i18n::set_language(lang);
        assert_eq!(totp_burner::i18n::language(), lang);
        assert_eq!(totp_burner::tr!("i18n-self-test", name = "x"), want);
    }
}

/// The binary in `lang` (no time servers: nothing goes to the network).
fn bin_in(lang: &str) -> Command {
    let mut c = common::bin();
    c.env("TOTP_BURNER_LANG", lang)
        .env(totp_burner::clockcheck::SERVERS_VAR, "");
    c
}

/// Standard error of `code --secret -` with nothing on standard input
/// (the "nothing was entered" error) in `lang`.
fn nothing_entered(lang: &str, os_lang: Option<&str>) -> String {
    let mut c = bin_in(lang);
    if let Some(os) = os_lang {
        c.env("LANG", os)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE");
    }
    let o = c
        .args(["code", "--secret", "-"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    text(&o.stderr)
}

#[test]
fn the_cli_speaks_german_when_asked() {
    let o = bin_in("de")
        .args(["code", "--secret-env", "TOTP_BURNER_I18N_UNSET"])
        .env_remove("TOTP_BURNER_I18N_UNSET")
        .output()
        .unwrap();
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("Fehler: Die Umgebungsvariable TOTP_BURNER_I18N_UNSET ist nicht gesetzt.")
            && err.contains("Weiter: Setzen Sie sie zuerst"),
        "{err}"
    );

    let err = nothing_entered("de_DE.UTF-8", None);
    assert!(
        err.contains("Fehler: Es wurde nichts eingegeben oder gescannt.")
            && !err.contains("Nothing was entered"),
        "{err}"
    );

    let missing = common::run_dir("i18n").join("missing.png");
    let o = bin_in("de")
        .args(["scan", "--image"])
        .arg(&missing)
        .output()
        .unwrap();
    let err = text(&o.stderr);
    assert!(err.contains("konnte nicht geöffnet werden"), "{err}");
}

#[test]
fn the_cli_speaks_french_and_falls_back_to_english_for_unknown_languages() {
    let err = nothing_entered("fr", None);
    assert!(
        err.contains("Erreur : Rien n'a été saisi ni scanné.") && !err.contains("error:"),
        "{err}"
    );

    let err = nothing_entered("es", Some("C"));
    assert!(
        err.contains("error: Nothing was entered or scanned."),
        "{err}"
    );
}

/// POSIX locales (LC_ALL/LANG); Windows reads the user's locale from the
/// system instead, which a test cannot set.
#[cfg(unix)]
#[test]
fn the_language_follows_the_os_without_an_override() {
    let o = Command::new(common::BIN)
        .env_remove("TOTP_BURNER_LANG")
        .env_remove("LANGUAGE")
        .env_remove("LC_MESSAGES")
        .env("LC_ALL", "de_DE.UTF-8")
        .env("LANG", "de_DE.UTF-8")
        .env(totp_burner::clockcheck::SERVERS_VAR, "")
        .args(["code", "--secret", "-"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let err = text(&o.stderr);
    assert!(err.contains("Fehler:"), "{err}");
}

#[test]
fn help_speaks_german_for_the_program_and_its_subcommands() {
    let help = |args: &[&str]| {
        let o = bin_in("de").args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        text(&o.stdout)
    };
    let top = help(&["--help"]);
    for want in [
        "Brennt TOTP-Geheimschlüssel",
        "Aufruf: totp-burner",
        "Befehle:",
        "Einen Geheimschlüssel in den Token brennen",
        "Optionen:",
        "Hilfe anzeigen",
    ] {
        assert!(top.contains(want), "{want} in:\n{top}");
    }
    assert!(
        !top.contains("Burn a secret") && !top.contains("Print help"),
        "{top}"
    );
    for args in [&["burn", "--help"][..], &["burn", "-h"], &["help", "burn"]] {
        let burn = help(args);
        assert!(
            burn.contains("Einen Geheimschlüssel in den Token brennen")
                && burn.contains("Das Lesegerät mit diesem Namen verwenden")
                && burn.contains("Zeitschritt in Sekunden: 30 oder 60")
                && !burn.contains("Use the reader with this name"),
            "{args:?}:\n{burn}"
        );
    }
    let list = help(&["records", "list", "--help"]);
    assert!(
        list.contains("Das Protokoll auflisten") && list.contains("Nur dieser Token"),
        "{list}"
    );
    // English stays English; parsing is unchanged.
    let o = bin_in("en").arg("--help").output().unwrap();
    assert!(text(&o.stdout).contains("Burn a secret into the token"));
}

/// clap's own words (usage errors, "Usage:", "[default: …]", possible
/// values) come from the catalogue too; the exit code stays 2.
#[test]
fn usage_errors_and_help_details_speak_german() {
    // clap names the program as it was started: "totp-burner.exe" on Windows.
    let plain = |s: String| s.replace("totp-burner.exe", "totp-burner");
    let run = |args: &[&str]| {
        let o = bin_in("de").args(args).output().unwrap();
        (
            o.status.code(),
            plain(text(&o.stdout)),
            plain(text(&o.stderr)),
        )
    };
    let english = [
        "error:",
        "Usage:",
        "unexpected argument",
        "required arguments",
        "For more information",
        "tip:",
        "invalid value",
        "possible values",
        "[OPTIONS]",
    ];
    let no_english = |s: &str| {
        for word in english {
            assert!(!s.contains(word), "{word:?} in:\n{s}");
        }
    };

    let (code, out, err) = run(&["burn", "--frobnicate"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.starts_with("Fehler: unbekanntes Argument „--frobnicate“")
            && err.contains("Aufruf: totp-burner burn [OPTIONEN] <--secret <TEXT>|")
            && err.contains("|--qr-image <DATEI>|")
            && err.contains("Mehr dazu mit „--help“."),
        "{err}"
    );
    no_english(&err);

    let (code, _, err) = run(&["burn", "--secrt", "x"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("Tipp: ein ähnliches Argument gibt es: „--secret“"),
        "{err}"
    );
    no_english(&err);

    let (code, _, err) = run(&["--", "burn"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("Tipp: den Unterbefehl „burn“ gibt es; um ihn zu verwenden, lassen Sie das „--“ davor weg"),
        "{err}"
    );
    no_english(&err);

    let (code, _, err) = run(&["code"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.starts_with(
            "Fehler: diese nötigen Argumente fehlen:\n  <--secret <TEXT>|--secret-env <VAR>>"
        ) && err.contains("Aufruf: totp-burner code <--secret"),
        "{err}"
    );
    no_english(&err);

    let (code, _, err) = run(&["code", "--secret", "-", "--algorithm", "md5"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("ungültiger Wert „md5“ für „--algorithm <ALGORITHMUS>“")
            && err.contains("[mögliche Werte: sha1, sha256]"),
        "{err}"
    );
    no_english(&err);

    let (code, _, err) = run(&["code", "--secret", "-", "--account", "0"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("nötig ist eine ganze Zahl ab 1"), "{err}");
    no_english(&err);

    let (code, out, err) = run(&["burn", "--help"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("Aufruf: totp-burner burn [OPTIONEN]")
            && out.contains("Optionen:")
            && out.contains("--display-timeout <SEKUNDEN>")
            && out.contains("[Standard: 30]")
            && out.contains("[mögliche Werte: sha1, sha256]"),
        "{out}"
    );
    for word in [
        "Possible values",
        "[default",
        "Print help",
        "Options:",
        "Usage",
    ] {
        assert!(!out.contains(word), "{word:?} in:\n{out}");
    }
    let (_, out, _) = run(&["--help"]);
    assert!(
        out.contains("Aufruf: totp-burner [BEFEHL]") && out.contains("Befehle:"),
        "{out}"
    );
    assert!(
        !out.contains("Commands:") && !out.contains("COMMAND"),
        "{out}"
    );

    // English keeps clap's words.
    let o = bin_in("en")
        .args(["burn", "--frobnicate"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = plain(text(&o.stderr));
    assert!(
        err.starts_with(
            "error: unexpected argument '--frobnicate' found\n\nUsage: totp-burner burn [OPTIONS] <"
        ) && err.ends_with("\n\nFor more information, try '--help'.\n"),
        "{err}"
    );
}

/// The packaged German man pages are German: what gen_docs writes.
#[test]
fn the_german_man_pages_are_german() {
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let dir = common::run_dir("i18n-man");
    let written = man::write_man_pages(Lang::De, &dir);
    totp_burner::i18n::set_language(Lang::En);
    written.unwrap();
    let page = std::fs::read_to_string(dir.join("totp-burner-burn.1")).unwrap();
    for want in [
        "\"Handbuch zu TOTP burner\"",
        ".SH BEZEICHNUNG\ntotp\\-burner\\-burn \\- Einen Geheimschlüssel in den Token brennen\n",
        ".SH ÜBERSICHT\n",
        ".SH BESCHREIBUNG\n",
        ".SH OPTIONEN\n",
        "Das Lesegerät mit diesem Namen verwenden",
        "[Standard: 30]",
        "[mögliche Werte: sha1, sha256]",
        "Hilfe anzeigen",
        "\\fI<SEKUNDEN>\\fR",
    ] {
        assert!(page.contains(want), "{want:?} in:\n{page}");
    }
    for english in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH DESCRIPTION",
        ".SH OPTIONS",
        "[default",
        "Possible values",
        "Print help",
        "Burn a secret",
    ] {
        assert!(!page.contains(english), "{english:?} in:\n{page}");
    }
    let top = std::fs::read_to_string(dir.join("totp-burner.1")).unwrap();
    assert!(
        top.contains(".SH BEFEHLE\n") && top.contains("Brennt TOTP\\-Geheimschlüssel"),
        "{top}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_typed_web_address_is_not_called_a_qr_code() {
    use totp_burner::app::secret_input::SecretInput;
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    totp_burner::i18n::set_language(Lang::En);
    let mut s = SecretInput::default();
    s.set_text("https://aka.ms/mfasetup", "typed");
    let typed = s.problem().unwrap();
    assert_eq!(typed.problem, "You typed a web address, not a secret key.");
    assert!(
        typed.next_step.contains("secret key"),
        "{}",
        typed.next_step
    );
    s.set_text("https://aka.ms/mfasetup", "screen via X11");
    let scanned = s.problem().unwrap();
    assert!(
        scanned
            .problem
            .starts_with("This QR code is a link to a web page (aka.ms)"),
        "{}",
        scanned.problem
    );
    // The command line: a typed --secret is typed.
    let o = bin_in("en")
        .args(["code", "--secret", "https://aka.ms/mfasetup"])
        .output()
        .unwrap();
    let err = text(&o.stderr);
    assert!(
        err.contains("You typed a web address, not a secret key."),
        "{err}"
    );
    assert!(!err.contains("QR code is a link"), "{err}");
}

#[test]
fn times_are_local_and_in_words() {
    use totp_burner::explain::{local_date, local_time};
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    // 15 Nov 2026, 12:00 UTC: the 15th or 16th, November, in any time zone.
    let t = 1_794_744_000;
    let shape = |s: &str, day_suffix: &str, month: &str| {
        let (date, time) = s.split_once(", ").unwrap_or_else(|| panic!("{s}"));
        let mut w = date.split(' ');
        let day = w.next().unwrap().strip_suffix(day_suffix).unwrap_or("x");
        assert!(["15", "16"].contains(&day), "{s}");
        assert_eq!(w.next(), Some(month), "{s}");
        assert_eq!(w.next(), Some("2026"), "{s}");
        let (h, m) = time.split_once(':').unwrap_or_else(|| panic!("{s}"));
        assert!(
            h.len() == 2 && m.len() == 2 && h.parse::<u8>().unwrap() < 24,
            "{s}"
        );
        assert!(!s.contains('T') && !s.contains('Z'), "not RFC 3339: {s}");
    };
    for (lang, suffix, month) in [
        (Lang::En, "", "Nov"),
        (Lang::De, ".", "Nov."),
        (Lang::Fr, "", "nov."),
    ] {
        totp_burner::i18n::set_language(lang);
        shape(&local_time(t), suffix, month);
        let date = local_date(t);
        assert!(date.ends_with(&format!(" {month} 2026")), "{date}");
    }
    totp_burner::i18n::set_language(Lang::Fr);
    assert!(local_date(t).contains("nov. 2026"));
    totp_burner::i18n::set_language(Lang::En);
}

/// Standard error (and exit code) of the binary in German with `args`,
/// its records in `dir` (no reader is reached: every case fails before).
fn german_error(dir: &std::path::Path, args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let o = bin_in("de")
        .args(args)
        .arg("--records")
        .arg(dir.join("records.sqlite"))
        .env("TOTP_BURNER_PASSPHRASE", "kurz")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    (o.status.code(), text(&o.stderr))
}

#[test]
fn error_texts_inside_sentences_speak_german_too() {
    let dir = common::run_dir("i18n-errors");
    std::fs::create_dir_all(&dir).unwrap();
    let os = |s: &'static str| std::ffi::OsStr::new(s);

    // A users list with a row that holds no UPN (records assign --users).
    let users = dir.join("users.csv");
    std::fs::write(
        &users,
        "displayName,userPrincipalName\nAlice,alice-at-contoso\n",
    )
    .unwrap();
    let assign = [
        os("records"),
        os("assign"),
        os("--serial"),
        os("86596220000001"),
        os("--upn"),
        os("alice"),
        os("--users"),
        users.as_os_str(),
    ];
    let (code, err) = german_error(&dir, &assign);
    assert_ne!(code, Some(0), "{err}");
    assert!(
        err.contains("Zeile 2: „alice-at-contoso“ ist kein Benutzerprinzipalname")
            && !err.contains("is not a user principal name"),
        "{err}"
    );
    // A pick that matches nobody.
    std::fs::write(
        &users,
        "displayName,userPrincipalName\nAlice,alice@contoso.com\n",
    )
    .unwrap();
    let mut nobody = assign;
    nobody[5] = os("bob");
    let (_, err) = german_error(&dir, &nobody);
    assert!(
        err.contains("kein Benutzer passt zu „bob“") && !err.contains("no user matches"),
        "{err}"
    );

    // A batch list (CSV source) that repeats a secret, and one with a row
    // without a user.
    let list = dir.join("list.csv");
    std::fs::write(&list, "a@x,JBSWY3DPEHPK3PXP\nb@x,jbswy3dpehpk3pxp\n").unwrap();
    let batch = [os("batch"), os("--csv"), list.as_os_str()];
    let (code, err) = german_error(&dir, &batch);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("Die Zeilen 1 und 2 haben denselben Geheimschlüssel")
            || err.contains("die Zeilen 1 und 2 haben denselben Geheimschlüssel"),
        "{err}"
    );
    assert!(
        !err.contains("same secret") && !err.contains("JBSW"),
        "{err}"
    );
    std::fs::write(&list, "a@x\n,JBSWY3DPEHPK3PXP\n").unwrap();
    let (code, err) = german_error(&dir, &batch);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("Zeile 2 hat keinen Benutzer (UPN)") && !err.contains("no user"),
        "{err}"
    );

    // Kept secrets (vault): a new records file's passphrase that is too short.
    let (code, err) = german_error(&dir, &[os("batch"), os("--random"), os("--keep-secrets")]);
    assert_ne!(code, Some(0), "{err}");
    assert!(
        err.contains("die Passphrase ist kürzer als 8 Zeichen")
            && !err.contains("passphrase is shorter"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Why a running station stopped (the CLI's `batch` and the station view
/// both say it through `explain::station_error`), in German.
#[test]
fn a_station_stop_reason_speaks_german() {
    use totp_burner::station::{
        batch::StationError, records::RecordsError, source::BatchListError, vault::VaultError,
    };
    let _one = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    totp_burner::i18n::set_language(Lang::De);
    let said = |e: StationError| totp_burner::explain::station_error(&e).problem;
    let vault = said(StationError::Vault(VaultError::WrongPassphrase));
    let records = said(StationError::Records(RecordsError::File {
        path: "/nirgends/records.sqlite".into(),
        source: std::io::Error::from(std::io::ErrorKind::NotFound),
    }));
    let list = said(StationError::List(BatchListError::Empty));
    let lost = said(StationError::ServiceLost);
    totp_burner::i18n::set_language(Lang::En);
    assert!(
        vault.contains("die Passphrase öffnet die aufbewahrten Geheimschlüssel nicht"),
        "{vault}"
    );
    assert!(
        records.contains("/nirgends/records.sqlite") && !records.contains("records file"),
        "{records}"
    );
    assert!(list.contains("die Liste enthält keine Benutzer"), "{list}");
    assert!(!lost.contains("smart-card service"), "{lost}");
    for s in [&vault, &records, &list, &lost] {
        assert!(!s.contains("the "), "English left in: {s}");
    }
}

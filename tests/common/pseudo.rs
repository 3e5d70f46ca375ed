//! The pseudo-language check shared by the GUI tests: in the hidden
//! pseudo-language every catalogue message is wrapped in ⟦…⟧, so any
//! visible text in the accessibility tree outside the brackets that is
//! not data did not come from the catalogue.

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use std::collections::BTreeSet;
use std::sync::Mutex;
use totp_burner::app::BurnerApp;

/// The language is the process's: one test at a time per binary.
pub static LANGUAGE: Mutex<()> = Mutex::new(());

/// The text of every node shown: a label's value, other widgets' labels
/// and (except text fields, which hold what was typed) their values.
pub fn shown_texts(h: &Harness<'_, BurnerApp>) -> Vec<String> {
    let mut out = Vec::new();
    for n in h.query_all(By::new()) {
        let a = n.accesskit_node();
        let role = a.role();
        let texts = match role {
            Role::Label => vec![a.value()],
            // A wrapped label's lines: the label holds the whole text.
            Role::TextRun => continue,
            Role::TextInput | Role::MultilineTextInput | Role::PasswordInput => vec![a.label()],
            _ => vec![a.label(), a.value()],
        };
        out.extend(texts.into_iter().flatten().filter(|t| !t.trim().is_empty()));
    }
    out
}

/// The text outside any ⟦…⟧ (nested ones included).
pub fn outside_brackets(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '⟦' => depth += 1,
            '⟧' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether `text` is pure data or wholly catalogue text.
pub fn is_catalogue_or_data(text: &str, data: &[&str]) -> bool {
    let rest = outside_brackets(text);
    let rest = rest.trim();
    let word = |w: &str| {
        !w.chars().any(char::is_alphabetic)
            || data.contains(&w)
            || w.contains('@')
            || w.contains('/')
            // A Windows path (the records file shown in the Records view).
            || w.contains('\\')
            || w == "(!)"
    };
    rest.is_empty() || data.contains(&rest) || rest.split_whitespace().all(word)
}

/// The shown texts that are neither catalogue text nor data.
pub fn plain(h: &Harness<'_, BurnerApp>, data: &[&str]) -> BTreeSet<String> {
    shown_texts(h)
        .into_iter()
        .filter(|t| !is_catalogue_or_data(t, data))
        .collect()
}

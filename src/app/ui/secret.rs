//! The secret panel: scan the screen, webcam, open an image, paste, or type;
//! the secret masked with a reveal toggle; issuer/account; export accounts
//! to choose from; every wrong kind explained with what to do instead.

use crate::app::action::Action;
use crate::app::clipboard_wipe::clear_if_unchanged;
use crate::app::secret_input::SecretInput;
use crate::app::workers::Workers;
use crate::app::zeroizing_text::{no_undo, secret_field};
use crate::secret::Candidate;
use crate::tr;
use eframe::egui;
use std::time::Duration;
use zeroize::Zeroizing;

/// Id of the "Open image" dialog's open flag.
fn dialog_id() -> egui::Id {
    egui::Id::unique("open-image-dialog")
}

/// The panel over a view's own secret (edited in place: the field, the
/// reveal toggle, the export's account); the rest comes back as actions.
/// Headed "1. Secret", the burner's numbering.
pub fn show(secret: &mut SecretInput, w: &Workers, ui: &mut egui::Ui) -> Vec<Action> {
    show_headed(Some(tr!("gui-secret-heading")), secret, w, ui)
}

/// The panel under its own heading, or none (the wizard's step bar names
/// and numbers the step instead).
pub fn show_headed(
    heading: Option<String>,
    secret: &mut SecretInput,
    w: &Workers,
    ui: &mut egui::Ui,
) -> Vec<Action> {
    let mut actions = Vec::new();
    if let Some(h) = heading {
        ui.heading(h);
    }
    ui.horizontal_wrapped(|ui| {
        let ctx = ui.ctx().clone();
        if ui
            .add(super::ScanButton(secret.chosen().is_none()))
            .on_hover_text(tr!("gui-secret-scan-hover"))
            .clicked()
        {
            actions.push(Action::ScanScreen);
        }
        let webcam_label = if w.webcam_on {
            tr!("gui-secret-webcam-stop")
        } else {
            tr!("gui-secret-webcam")
        };
        if ui.button(webcam_label).clicked() {
            actions.push(Action::ToggleWebcam);
        }
        if ui.button(tr!("gui-secret-open-image")).clicked() {
            ctx.data_mut(|d| d.insert_temp(dialog_id(), true));
        }
        // The platform's own file dialog (it opens on a thread of its own).
        let browse = ui
            .add_enabled(
                !w.capture.is_browsing(),
                egui::Button::new(tr!("gui-secret-browse")),
            )
            .on_hover_text(tr!("gui-secret-browse-hover"));
        if browse.clicked() {
            actions.push(Action::BrowseImage);
        }
        if ui
            .button(tr!("gui-secret-paste"))
            .on_hover_text(tr!("gui-secret-paste-hover"))
            .clicked()
        {
            actions.push(Action::PasteClipboard);
        }
    });
    if w.capture.is_busy() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr!("gui-secret-looking"));
        });
    }
    if let Some(tex) = &w.webcam_frame {
        ui.add(egui::Image::new(tex).max_width(320.0));
        ui.label(tr!("gui-secret-hold-qr"));
    }

    let label = ui.label(tr!("gui-secret-field"));
    let id = egui::Id::unique("secret-field");
    // No undo history: Ctrl+Z after "Next token" must bring nothing back.
    no_undo(ui.ctx(), id);
    let edit = secret_field(&mut secret.text, id, secret.reveal)
        .hint_text(tr!("gui-secret-field-hint"))
        .desired_width(f32::INFINITY);
    let response = ui.add(edit).labelled_by(label.id);
    let pasted = pasted_text(ui);
    if response.changed() {
        secret.origin = Some(if pasted.is_some() { "pasted" } else { "typed" }.into());
        secret.reparse();
        actions.push(Action::SecretEdited);
    }
    // Pasted into the field or onto the window: the secret is in the field
    // now, so it need not stay on the clipboard.
    if let Some(p) = pasted
        && !p.trim().is_empty()
        && secret.text.contains(p.trim())
    {
        clear_if_unchanged(p, Duration::ZERO);
        secret.note = Some(tr!("gui-secret-pasted-cleared"));
    }
    ui.horizontal(|ui| {
        ui.checkbox(&mut secret.reveal, tr!("gui-secret-show"));
        if !secret.text.is_empty() && ui.button(tr!("gui-secret-clear")).clicked() {
            actions.push(Action::NextToken);
        }
        if let Some(origin) = &secret.origin {
            let from = ui.weak(tr!(
                "gui-secret-from",
                origin = crate::app::secret_input::place_words(origin)
            ));
            // How long the scan took is for the curious, not the flow.
            if let Some(t) = secret.last_scan {
                from.on_hover_text(tr!("gui-secret-scan-took", ms = t.as_millis() as u64));
            }
        }
    });
    // A key typed by hand, shown: read back in groups of four, so a typo
    // (a valid but wrong Base32 key would burn and "match" locally) is
    // caught against the service's screen before Burn.
    if secret.reveal && secret.origin.as_deref() == Some("typed") {
        let text = secret.text.trim_start();
        let link = text
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("otpauth"));
        // Built in one wiped buffer, reserved up front (no reallocation
        // leaves a copy behind).
        let mut groups = zeroize::Zeroizing::new(String::with_capacity(text.len() * 2 + 8));
        let keep = |c: &char| !c.is_whitespace() && *c != '-';
        for (i, c) in text.chars().filter(keep).enumerate() {
            if i > 0 && i % 4 == 0 {
                groups.push(' ');
            }
            groups.push(c.to_ascii_uppercase());
        }
        if !link && !groups.is_empty() {
            let words = zeroize::Zeroizing::new(tr!("gui-secret-read-back", key = groups.as_str()));
            ui.add(egui::Label::new(egui::RichText::new(words.as_str()).monospace()).wrap());
        }
    }
    if let Some(n) = &secret.note {
        ui.weak(n);
    }

    actions.extend(accounts(secret, ui));
    if let Some(info) = secret.chosen() {
        let who = match (&info.issuer, &info.account) {
            (Some(i), Some(a)) => format!("{i} · {a}"),
            (Some(x), None) | (None, Some(x)) => x.clone(),
            _ => tr!("gui-secret-no-account"),
        };
        ui.label(
            egui::RichText::new(tr!(
                "gui-secret-ready",
                who = who,
                bits = info.secret.len() * 8
            ))
            .color(super::theme::success(ui.visuals())),
        );
        for w in &info.warnings {
            ui.colored_label(ui.visuals().warn_fg_color, crate::explain::warning(w));
        }
    }
    if let Some(x) = secret.problem() {
        explanation(ui, &x);
    }
    for x in &secret.others {
        ui.weak(tr!("gui-secret-also-found", problem = x.problem.as_str()));
    }
    if let Some(x) = &secret.capture_note {
        explanation(ui, x);
    }
    actions
}

/// The text pasted this frame, if any (into the field or onto the window).
fn pasted_text(ui: &egui::Ui) -> Option<Zeroizing<String>> {
    ui.input(|i| {
        i.events.iter().find_map(|e| match e {
            egui::Event::Paste(t) => Some(Zeroizing::new(t.clone())),
            _ => None,
        })
    })
}

/// A problem and its next step, in the error colour.
pub fn explanation(ui: &mut egui::Ui, x: &crate::explain::Explanation) {
    ui.colored_label(ui.visuals().error_fg_color, &x.problem);
    ui.label(tr!("gui-secret-what-to-do", next = x.next_step.as_str()));
}

fn accounts(secret: &mut SecretInput, ui: &mut egui::Ui) -> Option<Action> {
    let Some(Ok(Candidate::Migration(batch))) = &secret.parsed else {
        return None;
    };
    ui.label(tr!("gui-secret-export-holds", count = batch.accounts.len()));
    let mut chosen = secret.account;
    for (i, a) in batch.accounts.iter().enumerate() {
        let name = match (&a.issuer, &a.account) {
            (Some(x), Some(y)) => format!("{x} · {y}"),
            (Some(x), None) | (None, Some(x)) => x.clone(),
            _ => tr!("gui-secret-account-n", n = i + 1),
        };
        let usable = a.usable.is_ok();
        let text = if usable {
            name
        } else {
            tr!("gui-secret-cannot-burn", name = name)
        };
        ui.add_enabled_ui(usable, |ui| {
            ui.radio_value(&mut chosen, Some(i), text);
        });
    }
    if chosen == secret.account {
        return None;
    }
    secret.account = chosen;
    Some(Action::SecretEdited)
}

/// Whether the "Open image" dialog is open (Enter then belongs to it).
pub fn dialog_open(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(dialog_id()).unwrap_or(false))
}

/// The "Open image" dialog: a path field (no native dialog needed); files
/// can also be dropped on the window.
pub fn open_image_dialog(ctx: &egui::Context) -> Option<Action> {
    let open = ctx.data(|d| d.get_temp::<bool>(dialog_id()).unwrap_or(false));
    if !open {
        return None;
    }
    let mut action = None;
    let path_id = egui::Id::unique("open-image-path");
    let mut path = ctx.data(|d| d.get_temp::<String>(path_id).unwrap_or_default());
    let mut close = false;
    egui::Modal::new(egui::Id::unique("open-image-modal")).show(ctx, |ui| {
        ui.heading(tr!("gui-secret-open-heading"));
        ui.label(tr!("gui-secret-open-path"));
        let r = ui.add(egui::TextEdit::singleline(&mut path).desired_width(420.0));
        r.request_focus();
        ui.horizontal(|ui| {
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button(tr!("gui-secret-open")).clicked() || enter) && !path.trim().is_empty() {
                action = Some(Action::OpenImage(std::path::PathBuf::from(path.trim())));
                close = true;
            }
            if ui.button(tr!("gui-secret-cancel")).clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                close = true;
            }
        });
    });
    ctx.data_mut(|d| {
        d.insert_temp(path_id, path);
        d.insert_temp(dialog_id(), !close);
    });
    action
}

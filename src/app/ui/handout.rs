//! The hand-out view: which token (read from the reader or typed), which
//! user (typed or picked from a users list), "Hand out"; the hand-outs
//! recorded lately; the live codes of the tokens handed out, for Entra
//! ID's activation (codes only, never a secret); and the printable
//! receipt. The work runs on workers (`app::handout`); this only draws.

use crate::app::handout::{HandoutProblem, HandoutState, Note, ReceiptMissing, UsersProblem};
use crate::app::state::TokenStatus;
use crate::app::workers::Workers;
use crate::explain::{self, Explanation};
use crate::station::handout::{self, HandoutError};
use crate::station::receipt::ReceiptFor;
use crate::tr;
use eframe::egui;

/// How many matching users are offered under the UPN field.
const USERS_OFFERED: usize = 8;

pub fn show(h: &mut HandoutState, w: &Workers, ui: &mut egui::Ui) {
    let on_reader = match &w.token {
        TokenStatus::Known(t) => Some((
            t.serial.clone(),
            w.readers
                .target()
                .map(|r| r.name.clone())
                .unwrap_or_default(),
        )),
        _ => None,
    };
    let now = w.clock.now();
    let ctx = ui.ctx().clone();
    let repaint = move || ctx.request_repaint();
    h.poll(repaint.clone());
    h.token_on_reader(on_reader.as_ref().map(|(s, r)| (s.as_str(), r.as_str())));
    if h.shown(ui.ctx().cumulative_frame_nr()) {
        h.refresh(repaint.clone());
    }
    ui.heading(tr!("gui-handout-heading"));
    ui.label(tr!("gui-handout-intro"));
    if let Some(words) = w.token.held_words() {
        let text = egui::RichText::new(words).color(ui.visuals().warn_fg_color);
        ui.add(egui::Label::new(text).wrap());
    }
    if let Some(p) = &h.problem {
        ui.colored_label(
            ui.visuals().error_fg_color,
            super::records::problem_words(p),
        );
    }
    ui.group(|ui| token_and_user(h, ui, &repaint));
    ui.add_space(6.0);
    recent(h, ui);
    ui.separator();
    codes(h, ui, now, &repaint);
    ui.separator();
    receipt(h, ui, &repaint);
}

/// The note of one action; `waiting` says what its spinner waits for.
fn note(ui: &mut egui::Ui, n: &Option<Note>, waiting: &str) {
    match n {
        None => {}
        Some(Note::Running) => {
            ui.spinner();
            ui.label(waiting);
        }
        Some(Note::Assigned(a)) => {
            let done = egui::RichText::new(explain::assigned(a)).color(theme_success(ui));
            ui.add(egui::Label::new(done).wrap());
        }
        Some(Note::ReceiptWritten { count, path }) => {
            ui.label(explain::receipt_written(*count, path));
        }
        Some(Note::Failed(p)) => {
            let x = problem_words(p);
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("{} {}", x.problem, x.next_step),
            );
        }
    }
}

fn token_and_user(
    h: &mut HandoutState,
    ui: &mut egui::Ui,
    repaint: &(impl Fn() + Clone + Send + 'static),
) {
    ui.horizontal(|ui| {
        let label = ui.label(tr!("gui-handout-serial"));
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut h.serial)
                    .hint_text(tr!("gui-handout-serial-hint"))
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
        if field.changed() {
            h.serial_typed();
        }
        match &h.serial_reader {
            Some(r) => ui.label(tr!("gui-handout-read-from", reader = r.as_str())),
            None if h.serial.trim().is_empty() => ui.label(tr!("gui-handout-no-token")),
            None => ui.label(tr!("gui-handout-typed")),
        };
    });
    ui.horizontal(|ui| {
        let label = ui.label(tr!("gui-handout-upn"));
        ui.add(
            egui::TextEdit::singleline(&mut h.upn)
                .hint_text(tr!("gui-handout-upn-hint"))
                .desired_width(280.0),
        )
        .labelled_by(label.id);
    });
    let (label, hint) = (tr!("gui-handout-users"), tr!("gui-handout-users-hint"));
    let entered = h.users_picker.row(ui, &label, &mut h.users_path, &hint);
    if ui.button(tr!("gui-handout-load")).clicked() || entered {
        h.load_users(repaint.clone());
    }
    if let Some(p) = &h.users_problem {
        let x = users_words(p);
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("{} {}", x.problem, x.next_step),
        );
    }
    if !h.users.is_empty() {
        let matching: Vec<(String, String)> = h
            .matching_users()
            .into_iter()
            .filter(|u| !u.upn.eq_ignore_ascii_case(h.upn.trim()))
            .take(USERS_OFFERED)
            .map(|u| (u.upn.clone(), u.label()))
            .collect();
        if !matching.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(tr!("gui-handout-pick"));
                for (upn, label) in matching {
                    if ui.button(label).clicked() {
                        h.upn = upn;
                    }
                }
            });
        }
    }
    ui.horizontal(|ui| {
        let ready = !h.serial.trim().is_empty() && !h.upn.trim().is_empty() && !h.assigning();
        // The view's main action: filled when it can be taken, plain (and
        // so seen as disabled) when not.
        let v = ui.visuals().clone();
        let button = match ready {
            true => super::theme::primary(tr!("gui-handout-hand-out"), 16.0, &v),
            false => egui::Button::new(tr!("gui-handout-hand-out")),
        };
        if ui.add_enabled(ready, button).clicked() {
            h.assign(repaint.clone());
        }
        note(ui, &h.assign_note, &tr!("gui-handout-waiting-assign"));
    });
    // A token whose code check did not match or was skipped: handed out
    // only when the technician says so, for this serial.
    let unchecked = matches!(
        &h.assign_note,
        Some(Note::Failed(HandoutProblem::Handout(HandoutError::Unchecked { serial, .. })))
            if handout::clean_serial(&h.serial).is_ok_and(|s| &s == serial)
    );
    if unchecked && !h.assigning() && ui.button(tr!("gui-handout-anyway")).clicked() {
        h.accept_unchecked = Some(h.serial.clone());
        h.assign(repaint.clone());
    }
}

fn recent(h: &HandoutState, ui: &mut egui::Ui) {
    ui.strong(tr!("gui-handout-lately"));
    if h.recent.is_empty() {
        ui.label(tr!("gui-handout-none"));
        return;
    }
    egui::Grid::new("handout-recent")
        .num_columns(6)
        .spacing([14.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for head in [
                tr!("gui-col-time"),
                tr!("gui-col-serial"),
                tr!("gui-col-user"),
                tr!("gui-col-serial-from"),
                tr!("gui-col-station"),
                tr!("gui-col-operator"),
            ] {
                ui.strong(head);
            }
            ui.end_row();
            for a in &h.recent {
                ui.label(crate::explain::local_time(a.time));
                ui.label(&a.serial);
                ui.label(&a.upn);
                ui.label(a.reader.clone().unwrap_or_else(|| tr!("gui-handout-typed")));
                ui.label(&a.station);
                ui.label(&a.operator);
                ui.end_row();
            }
        });
}

fn batch_choice(h: &mut HandoutState, ui: &mut egui::Ui) {
    let label = ui.label(tr!("gui-records-batch"));
    egui::ComboBox::from_id_salt("handout-batch")
        .selected_text(
            h.codes_batch
                .clone()
                .unwrap_or_else(|| tr!("gui-records-all-batches")),
        )
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut h.codes_batch, None, tr!("gui-records-all-batches"));
            for b in h.batches.clone() {
                let text = b.clone();
                ui.selectable_value(&mut h.codes_batch, Some(b), text);
            }
        })
        .response
        .labelled_by(label.id);
}

fn codes(
    h: &mut HandoutState,
    ui: &mut egui::Ui,
    now: u64,
    repaint: &(impl Fn() + Clone + Send + 'static),
) {
    ui.strong(tr!("gui-handout-codes"));
    ui.label(tr!("gui-handout-codes-intro"));
    ui.horizontal(|ui| {
        batch_choice(h, ui);
        let label = ui.label(tr!("gui-passphrase"));
        ui.add(
            egui::TextEdit::singleline(&mut h.passphrase)
                .password(true)
                .desired_width(200.0),
        )
        .labelled_by(label.id);
        if ui.button(tr!("gui-handout-show-codes")).clicked() {
            h.show_codes(repaint.clone());
        }
        if !h.live.is_empty() && ui.button(tr!("gui-handout-hide-codes")).clicked() {
            h.hide_codes();
        }
    });
    note(ui, &h.codes_note, &tr!("gui-handout-waiting-codes"));
    if h.live.is_empty() {
        return;
    }
    egui::Grid::new("handout-codes")
        .num_columns(4)
        .spacing([18.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for head in [
                tr!("gui-col-serial"),
                tr!("gui-col-user"),
                tr!("gui-col-code-now"),
                tr!("gui-col-seconds-left"),
            ] {
                ui.strong(head);
            }
            ui.end_row();
            for t in &h.live {
                let c = t.codes(now);
                ui.label(&t.serial);
                ui.label(&t.upn);
                ui.label(
                    egui::RichText::new(super::result::grouped(&c.current))
                        .monospace()
                        .size(18.0),
                );
                ui.label(tr!("gui-handout-seconds", seconds = c.seconds_left));
                ui.end_row();
            }
        });
    // One repaint a second while codes are shown.
    super::repaint_next_second(ui.ctx());
}

fn receipt(
    h: &mut HandoutState,
    ui: &mut egui::Ui,
    repaint: &(impl Fn() + Clone + Send + 'static),
) {
    ui.strong(tr!("gui-handout-receipt"));
    let (label, hint) = (
        tr!("gui-handout-receipt-file"),
        tr!("gui-handout-receipt-hint"),
    );
    h.receipt_picker.row(ui, &label, &mut h.receipt_path, &hint);
    ui.horizontal(|ui| {
        if ui.button(tr!("gui-handout-receipt-user")).clicked() {
            h.write_receipt(false, repaint.clone());
        }
        if ui.button(tr!("gui-handout-receipt-batch")).clicked() {
            h.write_receipt(true, repaint.clone());
        }
        ui.label(tr!("gui-handout-receipt-note"));
    });
    note(ui, &h.receipt_note, &tr!("gui-handout-waiting-receipt"));
}

/// Why an action was refused or failed, in the current language.
fn problem_words(p: &HandoutProblem) -> Explanation {
    let keep = || tr!("gui-keep-secrets-switch");
    match p {
        HandoutProblem::NotStarted => {
            Explanation::new(tr!("gui-not-started"), tr!("gui-not-started-next"))
        }
        HandoutProblem::Handout(e) => explain::handout_error(e),
        HandoutProblem::CodesPassphrase => Explanation::new(
            tr!("gui-handout-codes-passphrase"),
            tr!("gui-passphrase-needed-next"),
        ),
        HandoutProblem::Export(e) => explain::export_error(e, &keep()),
        HandoutProblem::NobodyAssigned(n) => {
            explain::nobody_assigned(*n, explain::AssignHow::HandoutView)
        }
        HandoutProblem::ReceiptNothing { batch: true, of } => {
            explain::receipt_nothing(ReceiptFor::Batch(of))
        }
        HandoutProblem::ReceiptNothing { batch: false, of } => {
            explain::receipt_nothing(ReceiptFor::User(of))
        }
        HandoutProblem::ReceiptNotWritten(missing) => Explanation::new(
            tr!("gui-handout-receipt-not-written"),
            match missing {
                ReceiptMissing::Batch => tr!("gui-handout-choose-batch"),
                ReceiptMissing::User => tr!("gui-handout-pick-user"),
                ReceiptMissing::Path => tr!("gui-handout-receipt-path"),
            },
        ),
    }
}

/// Why the users list cannot be used, in the current language.
fn users_words(p: &UsersProblem) -> Explanation {
    match p {
        UsersProblem::Unreadable { path, error } => Explanation::new(
            tr!(
                "gui-handout-users-unreadable",
                path = path.display().to_string(),
                error = explain::io_words(error)
            ),
            tr!("gui-handout-users-unreadable-next"),
        ),
        UsersProblem::Unusable(e) => Explanation::new(
            tr!("gui-handout-users-unusable", error = e.to_string()),
            tr!("gui-handout-users-unusable-next"),
        ),
    }
}

fn theme_success(ui: &egui::Ui) -> egui::Color32 {
    super::theme::success(ui.visuals())
}

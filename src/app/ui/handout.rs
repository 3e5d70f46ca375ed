//! The hand-out view: which token (read from the reader or typed), which
//! user (typed or picked from a users list), "Hand out"; the hand-outs
//! recorded lately; the live codes of the tokens handed out, for Entra
//! ID's activation (codes only, never a secret); and the printable
//! receipt. The work runs on workers (`app::handout`); this only draws.

use crate::app::handout::{HandoutState, Note};
use crate::app::state::TokenStatus;
use crate::app::workers::Workers;
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
    ui.heading("Hand-out");
    ui.label("Give each burned token to its user: the hand-out is recorded, and the Entra ID export holds only tokens handed out.");
    if let Some(p) = &h.problem {
        ui.colored_label(ui.visuals().error_fg_color, p);
    }
    ui.group(|ui| token_and_user(h, ui, &repaint));
    ui.add_space(6.0);
    recent(h, ui);
    ui.separator();
    codes(h, ui, now, &repaint);
    ui.separator();
    receipt(h, ui, &repaint);
}

fn note(ui: &mut egui::Ui, n: &Option<Note>) {
    match n {
        None => {}
        Some(Note::Running) => {
            ui.spinner();
        }
        Some(Note::Done(text)) => {
            ui.label(text);
        }
        Some(Note::Failed(x)) => {
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
        let label = ui.label("Token serial:");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut h.serial)
                    .hint_text("lay the token on the reader, or type its serial")
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
        if field.changed() {
            h.serial_typed();
        }
        match &h.serial_reader {
            Some(r) => ui.label(format!("read from the token on {r}")),
            None if h.serial.trim().is_empty() => ui.label("no token on the reader"),
            None => ui.label("typed"),
        };
    });
    ui.horizontal(|ui| {
        let label = ui.label("User (UPN):");
        ui.add(
            egui::TextEdit::singleline(&mut h.upn)
                .hint_text("user@domain, or part of a name in the list")
                .desired_width(280.0),
        )
        .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let label = ui.label("Users list (CSV):");
        ui.add(
            egui::TextEdit::singleline(&mut h.users_path)
                .hint_text("an Entra users download, or one UPN per line")
                .desired_width(280.0),
        )
        .labelled_by(label.id);
        if ui.button("Load list").clicked() {
            h.load_users(repaint.clone());
        }
    });
    if let Some(x) = &h.users_problem {
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
                ui.label("Pick:");
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
        if ui
            .add_enabled(ready, egui::Button::new("Hand out"))
            .clicked()
        {
            h.assign(repaint.clone());
        }
        note(ui, &h.assign_note);
    });
}

fn recent(h: &HandoutState, ui: &mut egui::Ui) {
    ui.strong("Handed out lately");
    if h.recent.is_empty() {
        ui.label("No token handed out yet.");
        return;
    }
    egui::Grid::new("handout-recent")
        .num_columns(6)
        .spacing([14.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for head in [
                "Time",
                "Serial",
                "User",
                "Serial from",
                "Station",
                "Operator",
            ] {
                ui.strong(head);
            }
            ui.end_row();
            for a in &h.recent {
                ui.label(super::records::local_time(a.time));
                ui.label(&a.serial);
                ui.label(&a.upn);
                ui.label(a.reader.as_deref().unwrap_or("typed"));
                ui.label(&a.station);
                ui.label(&a.operator);
                ui.end_row();
            }
        });
}

fn batch_choice(h: &mut HandoutState, ui: &mut egui::Ui) {
    let label = ui.label("Batch:");
    egui::ComboBox::from_id_salt("handout-batch")
        .selected_text(h.codes_batch.as_deref().unwrap_or("all batches"))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut h.codes_batch, None, "all batches");
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
    ui.strong("Activation codes");
    ui.label("Entra ID asks for each uploaded token's current code: here they are for every token handed out whose secret was kept, without pressing each token.");
    ui.horizontal(|ui| {
        batch_choice(h, ui);
        let label = ui.label("Passphrase of the kept secrets:");
        ui.add(
            egui::TextEdit::singleline(&mut h.passphrase)
                .password(true)
                .desired_width(200.0),
        )
        .labelled_by(label.id);
        if ui.button("Show codes").clicked() {
            h.show_codes(repaint.clone());
        }
        if !h.live.is_empty() && ui.button("Hide codes").clicked() {
            h.hide_codes();
        }
    });
    note(ui, &h.codes_note);
    if h.live.is_empty() {
        return;
    }
    egui::Grid::new("handout-codes")
        .num_columns(4)
        .spacing([18.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for head in ["Serial", "User", "Code now", "Seconds left"] {
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
                ui.label(format!("{} s", c.seconds_left));
                ui.end_row();
            }
        });
    // One repaint a second while codes are shown.
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .subsec_millis();
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(u64::from(1005 - ms)));
}

fn receipt(
    h: &mut HandoutState,
    ui: &mut egui::Ui,
    repaint: &(impl Fn() + Clone + Send + 'static),
) {
    ui.strong("Receipt");
    ui.horizontal(|ui| {
        let label = ui.label("Receipt file (HTML):");
        ui.add(
            egui::TextEdit::singleline(&mut h.receipt_path)
                .hint_text("path of the page to print")
                .desired_width(320.0),
        )
        .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        if ui.button("Receipt for this user").clicked() {
            h.write_receipt(false, repaint.clone());
        }
        if ui.button("Receipt for the batch").clicked() {
            h.write_receipt(true, repaint.clone());
        }
        ui.label("Serial, user, date and how to use the token; no secret, no code.");
    });
    note(ui, &h.receipt_note);
}

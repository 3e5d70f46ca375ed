//! The records in use, at the top of the Records view: where they are
//! (this PC's file, or a server: never its password), their state
//! (connected, unreachable, outcomes waiting on this PC), and the editor
//! to enter a server's address and password or go back to the file. The
//! connection is tried on a worker (`app::store_choice`); this only draws.

use crate::app::state::BurnerApp;
use crate::app::store_choice::{StoreChoice, StoreState};
use crate::tr;
use eframe::egui;

/// The line and, when open, the editor. Applies a new choice everywhere.
pub fn show(app: &mut BurnerApp, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    let repaint = move || ctx.request_repaint();
    if let Some(at) = app.store.poll() {
        app.apply_records(at);
    }
    // The line says what the records table reads.
    let read = app.records.location().map(ToString::to_string);
    if read != app.store.location.as_ref().map(ToString::to_string) {
        app.store.follow(app.records.location().cloned());
    }
    if matches!(app.store.state, StoreState::Unchecked) {
        app.store.check(repaint.clone());
    }
    let s = &mut app.store;
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!("gui-store-label"));
        ui.strong(match &s.location {
            Some(at) => at.to_string(),
            None => tr!("gui-store-none"),
        });
        state_line(s, ui);
        if matches!(s.state, StoreState::Checking) {
            // The state line beside it says "checking…".
            ui.spinner();
        } else if ui.button(tr!("gui-store-check")).clicked() {
            s.check(repaint.clone());
        }
        if !s.editing && ui.button(tr!("gui-store-change")).clicked() {
            s.editing = true;
        }
    });
    if s.editing {
        let chosen = editor(s, ui, &repaint);
        if let Some(at) = chosen {
            app.apply_records(at);
        }
    }
    ui.separator();
}

fn state_line(s: &StoreChoice, ui: &mut egui::Ui) {
    let (words, bad) = match &s.state {
        StoreState::Unchecked | StoreState::Checking => (tr!("gui-store-checking"), false),
        StoreState::Ready { waiting: 0 } => (tr!("gui-store-ready"), false),
        StoreState::Ready { waiting } => (tr!("gui-store-ready-waiting", waiting = *waiting), true),
        StoreState::Unreachable { error, waiting } => (
            tr!(
                "gui-store-unreachable",
                waiting = *waiting,
                error = crate::explain::records_error(error)
            ),
            true,
        ),
        StoreState::Refused(e) => (
            tr!(
                "gui-store-refused",
                error = crate::explain::records_error(e)
            ),
            true,
        ),
        StoreState::PasswordNeeded => (tr!("gui-store-password-needed"), true),
        StoreState::NoFolder => (tr!("gui-store-none"), true),
    };
    if bad {
        ui.colored_label(ui.visuals().warn_fg_color, words);
    } else {
        ui.label(words);
    }
}

/// The address and password fields; the records chosen, when "Use this
/// PC's file" is pressed (a server is applied once it answered).
fn editor(
    s: &mut StoreChoice,
    ui: &mut egui::Ui,
    repaint: &(impl Fn() + Clone + Send + 'static),
) -> Option<crate::station::records::StoreLocation> {
    let mut chosen = None;
    egui::Grid::new("store-editor")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label(tr!("gui-store-address"));
            ui.add(
                egui::TextEdit::singleline(&mut s.address)
                    .hint_text("postgresql://station@server/records?sslrootcert=…")
                    .desired_width(420.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(tr!("gui-store-password"));
            ui.add(
                egui::TextEdit::singleline(&mut *s.password)
                    .password(true)
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
    ui.label(tr!("gui-store-password-note"));
    ui.horizontal(|ui| {
        let busy = matches!(s.state, StoreState::Checking);
        if ui
            .add_enabled(!busy, egui::Button::new(tr!("gui-store-connect")))
            .clicked()
        {
            s.connect(repaint.clone());
        }
        if ui.button(tr!("gui-store-use-file")).clicked() {
            chosen = s.use_this_pc();
        }
        if ui.button(tr!("gui-store-cancel")).clicked() {
            s.editing = false;
            s.problem = None;
        }
    });
    if let Some(p) = &s.problem {
        ui.colored_label(
            ui.visuals().error_fg_color,
            crate::explain::records_error(p),
        );
    }
    chosen
}

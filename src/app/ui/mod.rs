//! Drawing the app: the frame loop (events, keys, drops), the burner view's
//! layout, and the panels in their own files. Panels draw from a view's
//! state and return [`Action`]s; no device or capture call happens here.

mod demo;
mod handout;
pub mod language;
mod log;
mod panels;
mod records;
mod result;
mod secret;
mod station;
mod wizard;

use super::action::Action;
use super::bench::Bench;
use super::capture::CaptureRequest;
use super::state::{BurnerApp, View};
use super::workers::Workers;
use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

/// Ctrl+Shift+S: scan the screen.
pub const SCAN_SHORTCUT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);

impl eframe::App for BurnerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if !self.first_frame_noted {
            self.first_frame_noted = true;
            let ms = crate::process_start().elapsed().as_millis();
            self.workers
                .note_event(&format!("first frame {ms} ms after start"));
        }
        self.poll(&ctx);
        self.guard_close(&ctx);
        self.handle_keys(&ctx);
        self.handle_drops(&ctx);

        // The panels draw from the state and return actions, applied in one
        // place: the view's before its dialogs are drawn (a dialog asked
        // for shows this frame), the top bar's last (a view switch comes
        // after what the view shown this frame asked for).
        let mut actions: Vec<Action> = Vec::new();
        let switch = egui::Panel::top("top")
            .show(ui, |ui| top_bar(self, ui))
            .inner;
        egui::Panel::bottom("log").show(ui, |ui| {
            actions.extend(log::show(&self.workers.log, ui));
        });
        if let Some(demo) = &mut self.workers.demo {
            egui::Panel::right("demo").show(ui, |ui| demo::token_panel(demo, ui));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                let w = &self.workers;
                match self.view {
                    View::Burner => actions.extend(burner_view(&mut self.burner.bench, w, ui)),
                    View::Wizard => actions.extend(wizard::show(&mut self.wizard, w, ui)),
                    View::Station => actions.extend(station::show(&mut self.station, w, ui)),
                    View::Records => records::show(&mut self.records, ui),
                    View::Handout => handout::show(&mut self.handout, w, ui),
                }
            });
        });
        for a in actions.drain(..) {
            self.apply(&ctx, a);
        }
        if let Some(bench) = self.shown_bench() {
            actions.extend(panels::sync_confirmation(bench, &self.workers, &ctx));
        }
        actions.extend(secret::open_image_dialog(&ctx));
        if let Some(demo) = &mut self.workers.demo {
            demo::qr_window(demo, &ctx);
        }
        for a in actions.into_iter().chain(switch) {
            self.apply(&ctx, a);
        }
        self.workers.save_settings_if_changed();

        // Repaint on purpose: once a second while a live code is shown,
        // otherwise only when a worker or the user wakes us.
        if self.shown_bench().is_some_and(|b| b.result.is_some()) {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            let to_next_second = 1000 - (now.as_millis() % 1000) as u64;
            ctx.request_repaint_after(std::time::Duration::from_millis(to_next_second + 5));
        }
    }
}

/// The view tabs and the status line.
fn top_bar(app: &BurnerApp, ui: &mut egui::Ui) -> Option<Action> {
    let mut action = None;
    ui.horizontal(|ui| {
        ui.heading("TOTP burner");
        if app.workers.demo.is_some() {
            ui.label(
                egui::RichText::new("DEMO · virtual token")
                    .strong()
                    .color(ui.visuals().warn_fg_color),
            );
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            for (view, label) in [
                (View::Handout, "Hand-out"),
                (View::Records, "Records"),
                (View::Station, "Station"),
                (View::Wizard, "Wizard"),
                (View::Burner, "Burner"),
            ] {
                let shown = app.view == view;
                if ui.selectable_label(shown, label).clicked() && !shown {
                    action = Some(Action::Show(view));
                }
            }
        });
    });
    let status = app.status_line();
    ui.label(egui::RichText::new(status).size(15.0))
        .on_hover_text("What to do next");
    ui.add_space(2.0);
    action
}

/// The burner view: every panel on one screen.
fn burner_view(bench: &mut Bench, w: &Workers, ui: &mut egui::Ui) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.columns(2, |cols| {
        cols[0].group(|ui| actions.extend(secret::show(&mut bench.secret, w, ui)));
        cols[0].add_space(6.0);
        cols[0].group(|ui| panels::options(&mut bench.options, &bench.secret, ui));
        cols[1].group(|ui| actions.extend(panels::readers(&w.readers, ui)));
        cols[1].add_space(6.0);
        cols[1].group(|ui| actions.extend(panels::token(w, ui)));
    });
    ui.add_space(8.0);
    actions.extend(panels::burn_button(bench, w, ui));
    ui.add_space(8.0);
    actions.extend(result::show(bench.result.as_ref(), &*w.clock, ui));
    actions
}

impl BurnerApp {
    /// Closing the window never cuts a token's burn in half: while the
    /// station or a burn runs, the close waits until that token is done.
    fn guard_close(&mut self, ctx: &egui::Context) {
        let busy = self.station.running() || self.workers.busy();
        if ctx.input(|i| i.viewport().close_requested()) && busy {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.station.stop();
            self.station.close_when_stopped = true;
            self.workers
                .note_event("close requested: finishing the token on the reader first");
        }
        if self.station.close_when_stopped && !busy {
            self.station.close_when_stopped = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Keys act on the view shown: the scan shortcut and pastes go to its
    /// secret panel, Enter burns (the burner, the wizard's burn step),
    /// Escape closes or dismisses.
    fn handle_keys(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|i| i.consume_shortcut(&SCAN_SHORTCUT))
            && let Some(desk) = self.shown_desk()
        {
            self.workers.scan_screen(ctx, desk);
        }
        let text_focused = ctx.memory(|m| m.focused().is_some());
        let confirm_sync = self.shown_bench().is_some_and(|b| b.confirm_sync);
        if ctx.input(|i| i.key_pressed(Key::Enter)) && !confirm_sync && !secret::dialog_open(ctx) {
            let burns = match self.view {
                View::Burner => true,
                View::Wizard => self.wizard.step == super::wizard::BURN,
                // The station burns as tokens are laid on; Enter in the
                // records' search field is not a burn.
                View::Station | View::Records | View::Handout => false,
            };
            if burns {
                self.apply(ctx, Action::Burn);
            }
        }
        if ctx.input(|i| i.key_pressed(Key::Escape)) {
            if confirm_sync {
                self.apply(ctx, Action::CancelSync);
            } else if self.workers.webcam_on {
                self.workers.stop_webcam();
            } else {
                self.apply(ctx, Action::DismissOutcome);
            }
        }
        // Pasting with nothing focused puts the text in the secret field.
        if !text_focused {
            let pasted = ctx.input(|i| {
                i.events.iter().find_map(|e| match e {
                    egui::Event::Paste(t) => Some(zeroize::Zeroizing::new(t.clone())),
                    _ => None,
                })
            });
            match pasted {
                Some(t) if !t.trim().is_empty() => self.paste_text(&t),
                _ => {
                    // Ctrl+V with a picture (no text) on the clipboard.
                    let ctrl_v = ctx.input(|i| i.modifiers.command && i.key_pressed(Key::V));
                    if ctrl_v {
                        self.capture_for_shown(CaptureRequest::Clipboard);
                    }
                }
            }
        }
    }

    fn handle_drops(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        for f in dropped {
            let path = f.path();
            if path.is_file() {
                self.capture_for_shown(CaptureRequest::File(path.to_path_buf()));
            } else if let Ok(bytes) = f.bytes() {
                // Decoded (and refused when oversize) on the capture worker.
                self.capture_for_shown(CaptureRequest::ImageBytes(bytes.into()));
            }
        }
    }
}

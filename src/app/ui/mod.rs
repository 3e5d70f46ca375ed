//! Drawing the app: the frame loop (events, keys, drops), the burner view's
//! layout, and the panels in their own files. No device or capture call
//! happens here: actions go to the workers through `BurnerApp`.

mod demo;
mod handout;
mod log;
mod panels;
mod records;
mod result;
mod secret;
mod station;
mod wizard;

use super::state::{BurnerApp, Operation, View};
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
            self.note_event(&format!("first frame {ms} ms after start"));
        }
        self.poll(&ctx);
        self.guard_close(&ctx);
        self.handle_keys(&ctx);
        self.handle_drops(&ctx);

        egui::Panel::top("top").show(ui, |ui| self.top_bar(ui));
        egui::Panel::bottom("log").show(ui, |ui| log::show(self, ui));
        if self.demo.is_some() {
            egui::Panel::right("demo").show(ui, |ui| demo::token_panel(self, ui));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| match self.view {
                View::Burner => self.burner_view(ui),
                View::Wizard(step) => wizard::show(self, ui, step),
                View::Station => station::show(self, ui),
                View::Records => records::show(self, ui),
                View::Handout => handout::show(self, ui),
            });
        });
        panels::sync_confirmation(self, &ctx);
        self.save_settings_if_changed();
        secret::open_image_dialog(self, &ctx);
        demo::qr_window(self, &ctx);

        // Repaint on purpose: once a second while a live code is shown,
        // otherwise only when a worker or the user wakes us.
        if self.result.is_some() {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            let to_next_second = 1000 - (now.as_millis() % 1000) as u64;
            ctx.request_repaint_after(std::time::Duration::from_millis(to_next_second + 5));
        }
    }
}

impl BurnerApp {
    /// Closing the window never cuts a token's burn in half: while the
    /// station or a burn runs, the close waits until that token is done.
    fn guard_close(&mut self, ctx: &egui::Context) {
        let busy = self.station.running() || self.device.is_busy();
        if ctx.input(|i| i.viewport().close_requested()) && busy {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.station.stop();
            self.station.close_when_stopped = true;
            self.note_event("close requested: finishing the token on the reader first");
        }
        if self.station.close_when_stopped && !busy {
            self.station.close_when_stopped = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.heading("TOTP burner");
            if self.demo.is_some() {
                ui.label(
                    egui::RichText::new("DEMO · virtual token")
                        .strong()
                        .color(ui.visuals().warn_fg_color),
                );
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let handout = self.view == View::Handout;
                if ui.selectable_label(handout, "Hand-out").clicked() && !handout {
                    self.view = View::Handout;
                }
                let records = self.view == View::Records;
                if ui.selectable_label(records, "Records").clicked() && !records {
                    self.view = View::Records;
                }
                let station = self.view == View::Station;
                if ui.selectable_label(station, "Station").clicked() && !station {
                    self.view = View::Station;
                }
                let wizard = matches!(self.view, View::Wizard(_));
                if ui.selectable_label(wizard, "Wizard").clicked() && !wizard {
                    self.view = View::Wizard(0);
                    self.settings.wizard = true;
                }
                let burner = self.view == View::Burner;
                if ui.selectable_label(burner, "Burner").clicked() && !burner {
                    self.view = View::Burner;
                    self.settings.wizard = false;
                }
            });
        });
        let status = self.status_line();
        ui.label(egui::RichText::new(status).size(15.0))
            .on_hover_text("What to do next");
        ui.add_space(2.0);
    }

    fn burner_view(&mut self, ui: &mut egui::Ui) {
        ui.columns(2, |cols| {
            cols[0].group(|ui| secret::show(self, ui));
            cols[0].add_space(6.0);
            cols[0].group(|ui| panels::options(self, ui));
            cols[1].group(|ui| panels::readers(self, ui));
            cols[1].add_space(6.0);
            cols[1].group(|ui| panels::token(self, ui));
        });
        ui.add_space(8.0);
        panels::burn_button(self, ui);
        ui.add_space(8.0);
        result::show(self, ui);
    }

    fn handle_keys(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|i| i.consume_shortcut(&SCAN_SHORTCUT)) {
            self.scan_screen(ctx);
        }
        let text_focused = ctx.memory(|m| m.focused().is_some());
        if ctx.input(|i| i.key_pressed(Key::Enter))
            && !self.confirm_sync
            && !secret::dialog_open(ctx)
        {
            match self.view {
                View::Wizard(step) if step != 3 => {}
                // Enter in the records' search field is not a burn.
                View::Records | View::Handout => {}
                _ => self.start_burn(),
            }
        }
        if ctx.input(|i| i.key_pressed(Key::Escape)) {
            if self.confirm_sync {
                self.confirm_sync = false;
            } else if self.webcam_on {
                self.toggle_webcam();
            } else if matches!(
                self.operation,
                Operation::Failed { .. } | Operation::Synced(_)
            ) {
                self.operation = Operation::Idle;
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
                Some(t) if !t.trim().is_empty() => {
                    self.secret.set_text(&t, "pasted");
                    self.apply_secret_options();
                }
                _ => {
                    // Ctrl+V with a picture (no text) on the clipboard.
                    let ctrl_v = ctx.input(|i| i.modifiers.command && i.key_pressed(Key::V));
                    if ctrl_v {
                        self.capture.send(super::capture::CaptureRequest::Clipboard);
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
                self.open_image(path.to_path_buf());
            } else if let Ok(bytes) = f.bytes() {
                // Decoded (and refused when oversize) on the capture worker.
                self.decode_image_bytes(bytes.into());
            }
        }
    }
}

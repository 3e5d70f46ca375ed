//! Drawing the app: the frame loop (events, keys, drops), the burner view's
//! layout, and the panels in their own files. Panels draw from a view's
//! state and return [`Action`]s; no device or capture call happens here.

mod demo;
mod enrolment;
mod handout;
pub mod language;
mod log;
mod panels;
mod records;
mod result;
mod secret;
mod station;
mod station_card;
mod store_choice;
pub mod theme;
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

/// Ctrl+N: the next token (after a burn, as Enter and Esc).
pub const NEXT_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);

impl eframe::App for BurnerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if !self.first_frame_noted {
            self.first_frame_noted = true;
            // A theme chosen in the app wins over what the window opened
            // with (none chosen: the OS's, as eframe starts).
            if self.workers.settings.theme.is_some() {
                self.workers.settings.apply_theme(&ctx);
            }
            let ms = crate::process_start().elapsed().as_millis();
            self.workers
                .note_event(&format!("first frame {ms} ms after start"));
        }
        self.poll(&ctx);
        retitle(&ctx, self.workers.demo.is_some());
        self.guard_close(&ctx);
        self.handle_keys(&ctx);
        self.handle_drops(&ctx);
        // The window follows the station's full-screen choice (asked once,
        // at the start of the frame after it changed).
        if self.station.window_full_screen != self.station.full_screen {
            self.station.window_full_screen = self.station.full_screen;
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.station.full_screen));
        }
        if self.view == View::Station && self.station.full_screen {
            // The station card alone, readable across the room.
            let mut actions = Vec::new();
            egui::CentralPanel::default().show(ui, |ui| {
                actions = station::full_screen(&self.station, &self.workers, ui);
            });
            for a in actions {
                self.apply(&ctx, a);
            }
            return;
        }

        // The panels draw from the state and return actions, applied in one
        // place: the view's before its dialogs are drawn (a dialog asked
        // for shows this frame), the top bar's last (a view switch comes
        // after what the view shown this frame asked for).
        let mut actions: Vec<Action> = Vec::new();
        let top = egui::Panel::top("top").show(ui, |ui| top_bar(self, ui));
        let switch = top.inner;
        let log_rect = egui::Panel::bottom("log")
            .show(ui, |ui| {
                // The language menu sits with the expert log: chosen once,
                // not part of the technician's flow.
                ui.horizontal_wrapped(|ui| {
                    language::combo(&mut self.workers.settings, ui);
                    language::theme_combo(&mut self.workers.settings, ui);
                });
                actions.extend(log::show(&self.workers.log, ui));
            })
            .response
            .rect;
        let mut rects = PanelRects(vec![("top", top.response.rect), ("log", log_rect)]);
        if self.view == View::Burner {
            // The action bar, always in view whatever the window's size (the
            // panels above scroll): Burn and what it is doing, or once
            // burned the success state and its verification.
            let bench = &mut self.burner.bench;
            let workers = &self.workers;
            let bar = egui::Panel::bottom("actions").show(ui, |ui| {
                ui.add_space(4.0);
                if let Some(r) = &mut bench.result {
                    let clock = &*workers.clock;
                    actions.extend(result::show(Some(r), result::Place::Burner, clock, ui));
                    panels::record_warning(bench, ui);
                } else {
                    actions.extend(panels::burn_button(bench, workers, ui));
                }
            });
            rects.0.push(("actions", bar.response.rect));
            // The bar takes its content's new height a frame later; redo
            // this frame at once rather than show its last row cut.
            let h = bar.response.rect.height();
            let id = egui::Id::unique("action-bar-height");
            let last = ctx.data(|d| d.get_temp::<f32>(id));
            ctx.data_mut(|d| d.insert_temp(id, h));
            if last.is_some_and(|l| (l - h).abs() > 0.5) {
                ctx.request_discard("action bar resized");
            }
        }
        if let Some(demo) = &mut self.workers.demo {
            // At most a quarter of the window: the view comes first.
            let most = (ctx.content_rect().width() * 0.25).max(160.0);
            let panel = egui::Panel::right("demo").max_size(most).show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("demo-scroll")
                    .min_scrolled_height(0.0)
                    .max_height(ui.available_height())
                    .show(ui, |ui| demo::token_panel(demo, ui));
            });
            rects.0.push(("demo", panel.response.rect));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                let w = &self.workers;
                match self.view {
                    View::Burner => {
                        let bench = &mut self.burner.bench;
                        actions.extend(burner_view(bench, w, ui, &mut rects));
                    }
                    View::Wizard => actions.extend(wizard::show(&mut self.wizard, w, ui)),
                    View::Station => actions.extend(station::show(&mut self.station, w, ui)),
                    View::Records => {
                        store_choice::show(self, ui);
                        records::show(&mut self.records, ui);
                    }
                    View::Handout => handout::show(&mut self.handout, w, ui),
                }
            });
        });
        ctx.data_mut(|d| d.insert_temp(egui::Id::NULL, rects));
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
        self.follow_wizard(&ctx);

        // Repaint on purpose: once a second while a live code is shown,
        // otherwise only when a worker or the user wakes us.
        if self.shown_bench().is_some_and(|b| b.result.is_some()) {
            repaint_next_second(&ctx);
        }
        if self.workers.unmapped_for_scan() {
            // Nothing painted now is seen (the frame that asked for the
            // scan, and any until the result), and painting it (Mesa's
            // software renderers: most of a frame's time) would hold up
            // the frame that takes the result: only the background is
            // painted. The layout and the widgets' state are kept.
            ctx.graphics_mut(|g| *g = Default::default());
        }
    }
}

/// Ask for a repaint just after the next second starts (a live code shown).
pub(super) fn repaint_next_second(ctx: &egui::Context) {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .subsec_millis();
    ctx.request_repaint_after(std::time::Duration::from_millis(u64::from(1005 - ms)));
}

/// The window's title follows the language: set again when it changed.
fn retitle(ctx: &egui::Context, demo: bool) {
    let title = super::window_title(demo);
    let id = egui::Id::unique("window-title");
    if ctx.data(|d| d.get_temp::<String>(id)).as_ref() != Some(&title) {
        ctx.data_mut(|d| d.insert_temp(id, title.clone()));
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(title));
    }
}

/// The view tabs and the status line.
fn top_bar(app: &BurnerApp, ui: &mut egui::Ui) -> Option<Action> {
    let mut action = None;
    let running = app.station.running();
    // In reading order; laid out right to left on the title's row, so
    // drawn reversed there (wrapped on their own row they keep the order).
    let order = [
        (View::Burner, crate::tr!("gui-tab-burner")),
        (View::Wizard, crate::tr!("gui-tab-wizard")),
        (View::Station, crate::tr!("gui-tab-station")),
        (View::Records, crate::tr!("gui-tab-records")),
        (View::Handout, crate::tr!("gui-tab-handout")),
    ];
    let mut tabs = |ui: &mut egui::Ui, reversed: bool| {
        let mut drawn: Vec<&(View, String)> = order.iter().collect();
        if reversed {
            drawn.reverse();
        }
        for (view, label) in drawn {
            let shown = app.view == *view;
            let badge = |ui: &mut egui::Ui| {
                // The station's run is visible from every view: a badge
                // beside its tab (words, not only a colour).
                if *view == View::Station && running {
                    ui.label(
                        egui::RichText::new(crate::tr!("gui-station-badge"))
                            .strong()
                            .color(theme::success(ui.visuals())),
                    );
                }
            };
            if reversed {
                badge(ui);
            }
            if ui.selectable_label(shown, label.as_str()).clicked() && !shown {
                action = Some(Action::Show(*view));
            }
            if !reversed {
                badge(ui);
            }
        }
    };
    // The tabs share the title's row when it fits, else get their own.
    let one_row = ui.available_width() >= 760.0;
    ui.horizontal(|ui| {
        ui.heading(crate::tr!("gui-app-name"));
        if app.workers.demo.is_some() {
            ui.label(
                egui::RichText::new(crate::tr!("gui-top-demo"))
                    .strong()
                    .color(ui.visuals().warn_fg_color),
            );
        }
        if one_row {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                tabs(ui, true)
            });
        }
    });
    if !one_row {
        ui.horizontal_wrapped(|ui| tabs(ui, false));
    }
    // A station run holds the readers: said in every view but its own,
    // with its Stop, so no token is laid on for the wrong purpose.
    if running && app.view != View::Station {
        ui.horizontal_wrapped(|ui| {
            let readers = app.station_readers().join(", ");
            let words = crate::tr!("gui-station-banner", readers = readers);
            ui.label(
                egui::RichText::new(words)
                    .strong()
                    .color(ui.visuals().warn_fg_color),
            );
            if ui.button(crate::tr!("gui-station-stop")).clicked() {
                action = Some(Action::StopStation);
            }
        });
    }
    let status = app.status_line();
    ui.add(egui::Label::new(egui::RichText::new(status).size(15.0)).wrap())
        .on_hover_text(crate::tr!("gui-status-hint"));
    ui.add_space(2.0);
    action
}

/// "Scan screen": the primary action (filled) while there is no secret,
/// and where keyboard focus starts — Enter or Space scans; once a secret
/// is there it lets the focus go, so Enter burns instead of scanning again.
pub(super) struct ScanButton(pub bool);

impl egui::Widget for ScanButton {
    fn ui(self, ui: &mut egui::Ui) -> egui::Response {
        let needed = self.0;
        let v = ui.visuals().clone();
        let text = crate::tr!("gui-secret-scan");
        let r = if needed {
            ui.add(theme::primary(text, 15.0, &v))
        } else {
            ui.button(text)
        };
        let nothing_focused = ui.ctx().memory(|m| m.focused().is_none());
        if needed && nothing_focused {
            r.request_focus();
        } else if !needed && r.has_focus() {
            r.surrender_focus();
        }
        r
    }
}

/// Where the burner view's panels were drawn in the last frame, by name
/// (screen points): the layout tests check that none overlaps another.
#[derive(Debug, Clone, Default)]
pub struct PanelRects(pub Vec<(&'static str, egui::Rect)>);

/// Below this width (points) the burner's panels stack in one column.
const TWO_COLUMNS_FROM: f32 = 960.0;

/// The burner view's panels, in two columns on a wide window and one on a
/// narrow or zoomed one. The burn button and the result live in the action
/// bar below.
fn burner_view(
    bench: &mut Bench,
    w: &Workers,
    ui: &mut egui::Ui,
    rects: &mut PanelRects,
) -> Vec<Action> {
    let mut actions = Vec::new();
    rects.0.push(("view", ui.clip_rect()));
    let full = |ui: &mut egui::Ui,
                name: &'static str,
                rects: &mut PanelRects,
                f: &mut dyn FnMut(&mut egui::Ui)| {
        let r = ui.group(|ui| {
            ui.set_width(ui.available_width());
            f(ui)
        });
        // What shows of it: the scroll area clips the rest.
        rects
            .0
            .push((name, r.response.rect.intersect(ui.clip_rect())));
    };
    let mut left = |ui: &mut egui::Ui, rects: &mut PanelRects| {
        full(ui, "secret", rects, &mut |ui| {
            actions.extend(secret::show(&mut bench.secret, w, ui))
        });
        ui.add_space(6.0);
        full(ui, "options", rects, &mut |ui| {
            panels::options(&mut bench.options, &bench.secret, ui)
        });
    };
    let mut right_actions = Vec::new();
    let mut right = |ui: &mut egui::Ui, rects: &mut PanelRects| {
        full(ui, "reader", rects, &mut |ui| {
            right_actions.extend(panels::readers(&w.readers, ui))
        });
        ui.add_space(6.0);
        full(ui, "token", rects, &mut |ui| {
            right_actions.extend(panels::token(w, ui))
        });
    };
    if ui.available_width() >= TWO_COLUMNS_FROM {
        ui.columns(2, |cols| {
            left(&mut cols[0], rects);
            right(&mut cols[1], rects);
        });
    } else {
        left(ui, rects);
        ui.add_space(6.0);
        right(ui, rects);
    }
    actions.extend(right_actions);
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
    /// secret panel; Enter does the primary action (burn; the wizard's
    /// Next; after a burn, the check in the code field, then the next
    /// token); Esc closes a dialog, stops the webcam, leaves a checked
    /// burn's result for the next token or dismisses a failure; Ctrl+N is
    /// the next token once the burn is checked. Until a burn has its
    /// verdict (matched, didn't match, skipped) no key leaves it.
    fn handle_keys(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|i| i.consume_shortcut(&SCAN_SHORTCUT))
            && let Some(desk) = self.shown_desk()
        {
            self.workers.scan_screen(ctx, desk);
        }
        let text_focused = ctx.text_edit_focused();
        let bench = self.shown_bench();
        let has_bench = bench.is_some();
        let confirm_sync = bench.is_some_and(|b| b.confirm_sync);
        let confirm = bench.is_some_and(|b| b.confirm_sync || b.confirm_options);
        let burned = bench.is_some_and(|b| b.result.is_some());
        let checked = bench.is_some_and(|b| b.result.as_ref().is_some_and(|r| r.may_leave()));
        let dialog = confirm || secret::dialog_open(ctx);
        if ctx.input_mut(|i| i.consume_shortcut(&NEXT_SHORTCUT)) && has_bench && !dialog {
            self.apply(ctx, Action::NextToken);
            return;
        }
        // A button reached with Tab takes Enter itself (egui clicks it):
        // the wizard's Back, Matches... do what they say, not Next too.
        let button_focused = !text_focused && ctx.memory(|m| m.focused().is_some());
        if ctx.input(|i| i.key_pressed(Key::Enter)) && !dialog {
            let action = match self.view {
                View::Wizard if button_focused => None,
                View::Burner | View::Wizard if checked => Some(Action::NextToken),
                // The code field takes Enter itself (it checks the code).
                View::Burner | View::Wizard if burned => None,
                View::Burner => Some(Action::Burn),
                View::Wizard => wizard::enter_action(&self.wizard, &self.workers),
                // The station burns as tokens are laid on; Enter in the
                // records' search field is not a burn.
                View::Station | View::Records | View::Handout => None,
            };
            if let Some(a) = action {
                self.apply(ctx, a);
            }
        }
        // F11: the station card full screen (and back); Esc leaves it.
        if self.view == View::Station {
            let f11 = ctx.input(|i| i.key_pressed(Key::F11));
            let esc = ctx.input(|i| i.key_pressed(Key::Escape));
            if f11 || (esc && self.station.full_screen) {
                self.apply(ctx, Action::FullScreen(!self.station.full_screen));
                return;
            }
        }
        if ctx.input(|i| i.key_pressed(Key::Escape)) {
            if confirm_sync {
                self.apply(ctx, Action::CancelSync);
            } else if self.workers.webcam_on {
                self.workers.stop_webcam();
            } else if checked && !dialog {
                self.apply(ctx, Action::NextToken);
            } else if burned {
                // Nothing to dismiss while the check is asked.
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

    /// Let the wizard go on by itself when a step is satisfied (a secret
    /// typed in its field counts once the technician leaves the field);
    /// the step it goes to shows at once.
    fn follow_wizard(&mut self, ctx: &egui::Context) {
        let typing =
            ctx.text_edit_focused() && self.wizard.bench.secret.origin.as_deref() == Some("typed");
        let step = self.wizard.step;
        self.wizard.follow(&self.workers.token, typing);
        if self.wizard.step != step {
            ctx.request_repaint();
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

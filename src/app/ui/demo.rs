//! Demo mode's extras: the virtual token (its display and power button,
//! and lifting it off the reader) and the demo QR window to scan.

use super::theme;
use crate::app::demo::DemoState;
use crate::emulator::lock;
use crate::tr;
use eframe::egui;

/// The demo hardware's own controls (its power button, lifting it off the
/// reader): they act on the virtual token, not on any view's state.
pub fn token_panel(demo: &mut DemoState, ui: &mut egui::Ui) {
    ui.heading(tr!("gui-demo-token"));
    let (shown, left) = {
        let t = lock(&demo.token);
        (t.displayed_code(), t.displayed_seconds_left())
    };
    let text = shown.unwrap_or_else(|| "------".into());
    let margin = 12.0;
    // The whole code, never cut: as large as the panel's width allows
    // (up to 34 points), measured rather than guessed.
    let wide = ui.ctx().fonts_mut(|f| {
        f.layout_no_wrap(text.clone(), egui::FontId::monospace(34.0), theme::LCD_TEXT)
            .size()
            .x
    });
    let room = ui.available_width() - 2.0 * margin;
    // Whole points only: every new size rasterises its glyphs anew, and a
    // panel whose width moves by a fraction would do that every frame.
    let size = if wide > room {
        (34.0 * room / wide).floor().max(10.0)
    } else {
        34.0
    };
    egui::Frame::new()
        .fill(theme::LCD_FILL)
        .corner_radius(8.0)
        .inner_margin(margin)
        .show(ui, |ui| {
            ui.add(
                egui::Label::new(
                    egui::RichText::new(text)
                        .size(size)
                        .monospace()
                        .color(theme::LCD_TEXT),
                )
                .extend(),
            );
        });
    if ui.button(tr!("gui-demo-power")).clicked() {
        lock(&demo.token).power_cycle();
    }
    let present = demo.link.is_present();
    let label = if present {
        tr!("gui-demo-lift")
    } else {
        tr!("gui-demo-lay")
    };
    if ui.button(label).clicked() {
        demo.link.set_present(!present);
    }
    ui.separator();
    ui.checkbox(&mut demo.show_qr, tr!("gui-demo-show-qr"));
    ui.weak(tr!("gui-demo-qr-hint"));
    // Like the real token, the display changes once per time step: repaint
    // then, not every second.
    if let Some(l) = left {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(l * 1000 + 20));
    }
}

pub fn qr_window(demo: &mut DemoState, ctx: &egui::Context) {
    if !demo.show_qr {
        return;
    }
    let Some(tex) = demo.qr_texture(ctx) else {
        return;
    };
    let mut open = true;
    ctx.show_viewport_immediate(
        egui::ViewportId::from_hash_of("demo-qr"),
        egui::ViewportBuilder::default()
            .with_title(tr!("gui-demo-qr-title"))
            .with_inner_size([400.0, 460.0])
            .with_position([1000.0, 60.0]),
        |ui, _class| {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.label(tr!("gui-demo-qr-company"));
                ui.add(egui::Image::new(&tex).fit_to_exact_size(egui::vec2(360.0, 360.0)));
                ui.weak(tr!("gui-demo-qr-secret"));
            });
            if ui.ctx().input(|i| i.viewport().close_requested()) {
                open = false;
            }
        },
    );
    if !open {
        demo.show_qr = false;
    }
}

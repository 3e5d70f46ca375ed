//! Where the clickable widgets are, for the end-to-end tests that drive the
//! real window with xdotool (tests/pcsc_window.rs). Only when the event log
//! is on (`TOTP_BURNER_EVENT_LOG`): each frame whose clickable widgets
//! changed appends one line to it,
//! `widgets | Matches @ 120,640 | Copy code @ 260,640 off | …`:
//! each label, its centre in window pixels, ` on`/` off` for a checkbox and
//! ` disabled`. It reads egui's accessibility tree (switched on for this):
//! labels of buttons, tabs and checkboxes only, never a field's value.

use eframe::egui::{self, accesskit};
use std::io::Write;

/// Appends the widget lines to the event log.
pub struct WidgetMap {
    log: std::fs::File,
    last: String,
}

/// Add the widget map to `ctx` when the event log is on.
pub fn install(ctx: &egui::Context) {
    let Some(path) = std::env::var_os("TOTP_BURNER_EVENT_LOG") else {
        return;
    };
    let Ok(log) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    else {
        return;
    };
    ctx.enable_accesskit();
    ctx.add_plugin(WidgetMap {
        log,
        last: String::new(),
    });
}

impl egui::Plugin for WidgetMap {
    fn debug_name(&self) -> &'static str {
        "widget map"
    }

    fn output_hook(&mut self, ctx: &egui::Context, output: &mut egui::FullOutput) {
        let Some(update) = &output.platform_output.accesskit_update else {
            return;
        };
        let ppp = f64::from(ctx.pixels_per_point());
        let mut line = String::from("widgets");
        for (_, node) in &update.nodes {
            let text_field = matches!(
                node.role(),
                accesskit::Role::TextInput
                    | accesskit::Role::MultilineTextInput
                    | accesskit::Role::PasswordInput
            );
            if text_field || !node.supports_action(accesskit::Action::Click) {
                continue;
            }
            let (Some(label), Some(b)) = (node.label(), node.bounds()) else {
                continue;
            };
            let (x, y) = ((b.x0 + b.x1) / 2.0 * ppp, (b.y0 + b.y1) / 2.0 * ppp);
            line.push_str(&format!(
                " | {} @ {},{}",
                label.trim(),
                x.round(),
                y.round()
            ));
            match node.toggled() {
                Some(accesskit::Toggled::True) => line.push_str(" on"),
                Some(_) => line.push_str(" off"),
                None => {}
            }
            if node.is_disabled() {
                line.push_str(" disabled");
            }
        }
        if line != self.last {
            let _ = writeln!(self.log, "{line}");
            self.last = line;
        }
    }
}

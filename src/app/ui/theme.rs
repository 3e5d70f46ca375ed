//! The app's colours and its two button styles. egui's default light theme
//! has warning, error and link colours at 2.8–4:1 on its pale panels and a
//! 1 px focus ring; these visuals keep every text colour at WCAG AA (4.5:1)
//! on every fill it is drawn on, in dark and light (tests/gui_layout.rs
//! computes it), and draw focus with a thicker accent stroke.

use eframe::egui::{self, Color32, Stroke, Theme, Visuals};

/// The app's visuals for the dark or the light theme.
pub fn visuals(theme: Theme) -> Visuals {
    let dark = theme == Theme::Dark;
    let mut v = match theme {
        Theme::Dark => Visuals::dark(),
        Theme::Light => Visuals::light(),
    };
    let (text, weak) = if dark {
        (Color32::from_gray(200), Color32::from_gray(160))
    } else {
        (Color32::from_gray(40), Color32::from_gray(90))
    };
    v.widgets.noninteractive.fg_stroke.color = text;
    v.widgets.inactive.fg_stroke.color = text;
    v.weak_text_color = Some(weak);
    if !dark {
        v.warn_fg_color = Color32::from_rgb(160, 75, 0);
        v.error_fg_color = Color32::from_rgb(190, 0, 0);
        v.hyperlink_color = Color32::from_rgb(0, 85, 170);
    } else {
        v.error_fg_color = Color32::from_rgb(255, 100, 100);
    }
    // A focus ring that is seen: the accent, thick.
    let ring = Stroke::new(2.5, accent(dark));
    v.widgets.active.bg_stroke = ring;
    // The selection's stroke is also the text drawn on the selection fill
    // (the selected tab, the progress bar's "20 s left"): a darker blue than
    // the accent in light, which reaches only 4.35:1 on that pale fill.
    let on_selection = if dark {
        text
    } else {
        Color32::from_rgb(0, 70, 150)
    };
    v.selection.stroke = Stroke::new(2.0, on_selection);
    v.selection.bg_fill = if dark {
        Color32::from_rgb(0, 80, 120)
    } else {
        Color32::from_rgb(170, 210, 245)
    };
    // Fields and buttons show where they are: a boundary of 3:1 or more
    // against the panel (WCAG 1.4.11), not a white field on a near-white
    // panel (1.06:1).
    let edge = Stroke::new(1.0, boundary(dark));
    v.widgets.inactive.bg_stroke = edge;
    v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, boundary(dark));
    v
}

/// A control's boundary: 3:1 or more against the panel, dark and light.
pub fn boundary(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(125)
    } else {
        Color32::from_gray(118)
    }
}

/// Use the app's visuals for both themes (the OS picks which one shows).
pub fn apply(ctx: &egui::Context) {
    for theme in [Theme::Dark, Theme::Light] {
        ctx.set_visuals_of(theme, visuals(theme));
    }
}

fn accent(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0, 110, 160)
    } else {
        Color32::from_rgb(0, 90, 170)
    }
}

/// The fill of the primary action's button (white text on it).
pub fn primary_fill(v: &Visuals) -> Color32 {
    accent(v.dark_mode)
}

/// The fill of a destructive action's button (white text on it).
pub fn danger_fill(_v: &Visuals) -> Color32 {
    Color32::from_rgb(175, 30, 30)
}

/// Text saying something worked (✓).
pub fn success(v: &Visuals) -> Color32 {
    if v.dark_mode {
        Color32::from_rgb(90, 210, 110)
    } else {
        Color32::from_rgb(0, 115, 40)
    }
}

/// Text saying "careful" that is not a failure (already done).
pub fn amber(v: &Visuals) -> Color32 {
    if v.dark_mode {
        Color32::from_rgb(255, 190, 40)
    } else {
        Color32::from_rgb(145, 85, 0)
    }
}

/// The station card's fill for DONE (white text on it), whatever the theme.
pub const CARD_GREEN: Color32 = Color32::from_rgb(27, 110, 45);
/// The station card's fill for FAILED (white text on it).
pub const CARD_RED: Color32 = Color32::from_rgb(180, 30, 30);
/// The station card's fill for ALREADY DONE (black text on it).
pub const CARD_AMBER: Color32 = Color32::from_rgb(250, 190, 20);

/// The demo token's display: dark digits on a pale LCD green, whatever the
/// theme (it shows a piece of hardware).
pub const LCD_FILL: Color32 = Color32::from_rgb(190, 205, 170);
/// The digits on [`LCD_FILL`].
pub const LCD_TEXT: Color32 = Color32::from_rgb(20, 30, 20);

/// The button of the action to take now: filled with the accent.
pub fn primary(text: impl Into<String>, size: f32, v: &Visuals) -> egui::Button<'static> {
    filled(text.into(), size, primary_fill(v))
}

/// A destructive action's button: red, never the default.
pub fn danger(text: impl Into<String>, v: &Visuals) -> egui::Button<'static> {
    filled(text.into(), 14.0, danger_fill(v))
}

fn filled(text: String, size: f32, fill: Color32) -> egui::Button<'static> {
    egui::Button::new(
        egui::RichText::new(text)
            .size(size)
            .strong()
            .color(Color32::WHITE),
    )
    .fill(fill)
    .min_size(egui::vec2(size * 6.0, size * 2.0))
}

/// WCAG contrast ratio of two opaque colours (1..21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn lum(c: Color32) -> f32 {
        let lin = |u: u8| {
            let s = u as f32 / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// A drawn ✓ (`ok`) or ✗ mark, `size` points square, in `color` (the
/// bundled fonts have neither glyph).
pub fn mark(ui: &mut egui::Ui, ok: bool, size: f32, color: Color32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    let stroke = Stroke::new((size / 7.0).max(2.0), color);
    let r = rect.shrink(size * 0.15);
    let p = ui.painter();
    if ok {
        let corner = egui::pos2(r.left() + r.width() * 0.38, r.bottom());
        p.line_segment([egui::pos2(r.left(), r.center().y), corner], stroke);
        p.line_segment([corner, r.right_top()], stroke);
    } else {
        p.line_segment([r.left_top(), r.right_bottom()], stroke);
        p.line_segment([r.right_top(), r.left_bottom()], stroke);
    }
    response
}

/// A ✓ or ✗ mark followed by a heading in the same colour.
pub fn marked_heading(ui: &mut egui::Ui, ok: bool, size: f32, color: Color32, text: String) {
    ui.horizontal_wrapped(|ui| {
        mark(ui, ok, size * 1.2, color);
        ui.label(egui::RichText::new(text).size(size).strong().color(color));
    });
}

/// A drawn warning triangle with "!", `size` points square (the bundled
/// fonts have no ⚠).
pub fn warning_sign(ui: &mut egui::Ui, size: f32, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    let r = rect.shrink(size * 0.1);
    let stroke = Stroke::new((size / 9.0).max(1.5), color);
    let p = ui.painter();
    let corners = vec![r.center_top(), r.right_bottom(), r.left_bottom()];
    p.add(egui::Shape::closed_line(corners, stroke));
    let x = r.center().x;
    let bar_top = r.top() + r.height() * 0.35;
    let bar_end = r.top() + r.height() * 0.68;
    p.line_segment([egui::pos2(x, bar_top), egui::pos2(x, bar_end)], stroke);
    p.circle_filled(
        egui::pos2(x, r.top() + r.height() * 0.82),
        stroke.width * 0.6,
        color,
    );
}

/// A warning sign followed by a heading in the same colour: a state told
/// by shape as well as colour.
pub fn warned_heading(ui: &mut egui::Ui, size: f32, color: Color32, text: String) {
    ui.horizontal_wrapped(|ui| {
        warning_sign(ui, size * 1.2, color);
        ui.label(egui::RichText::new(text).size(size).strong().color(color));
    });
}

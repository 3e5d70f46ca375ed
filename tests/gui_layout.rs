//! Issue 13: a GUI read at a glance. The burner view at 800x600, 1280x800
//! and 1920x1080 pixels, zoom 1.0 and 1.5, dark and light: no two panels
//! overlap or run off the window's right edge, and the primary action of
//! each moment (Scan screen, Burn, Matches, Next token) is there, enabled
//! and on screen. The theme's text colours reach WCAG AA (4.5:1) on every
//! fill they are drawn on. Keyboard: focus starts on Scan screen; Enter
//! burns, then never burns again; Esc and Ctrl+N go to the next token.

mod common;

use common::gui::{
    CODE_FIELD, burner_bench, check_code, click, has, pump, settings_file, token_identified,
    type_into, type_secret,
};
use eframe::egui::{self, Color32, Rect, Theme};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::sync::Arc;
use totp_burner::app::bench::Operation;
use totp_burner::app::demo::DEMO_URI;
use totp_burner::app::theme::{self, contrast};
use totp_burner::app::{BurnerApp, PanelRects};
use totp_burner::clock::ManualClock;
use totp_burner::emulator::lock;

const NOW: u64 = 1_800_000_010;

/// The demo app in a window of `px` pixels at `zoom`, in `theme`.
fn app_at(clock: &ManualClock, px: (f32, f32), zoom: f32, t: Theme) -> Harness<'static, BurnerApp> {
    let clock = Arc::new(clock.clone());
    let settings = settings_file();
    let mut h = Harness::builder()
        .with_size(egui::vec2(px.0 / zoom, px.1 / zoom))
        .with_pixels_per_point(zoom)
        .with_theme(t)
        .build_eframe(move |cc| BurnerApp::new(&cc.egui_ctx, clock, true, settings));
    h.state_mut().workers.demo.as_mut().unwrap().show_qr = false;
    h
}

/// The panels drawn in the last frame.
fn panel_rects(h: &Harness<'_, BurnerApp>) -> Vec<(&'static str, Rect)> {
    h.ctx
        .data(|d| d.get_temp::<PanelRects>(egui::Id::NULL))
        .expect("the burner view records its panels")
        .0
}

/// No two panels intersect; none runs past the window's right edge.
/// (A panel whose content grew takes its new size a frame later, as in a
/// real window: the check comes after the layout settled.)
fn assert_no_overlap(h: &mut Harness<'_, BurnerApp>, at: &str) {
    for _ in 0..3 {
        h.step();
    }
    let screen = h.ctx.content_rect();
    let rects: Vec<_> = panel_rects(h)
        .into_iter()
        .filter(|(n, _)| *n != "view")
        .collect();
    assert!(rects.len() >= 7, "{at}: panels recorded {rects:?}");
    for (i, (a, ra)) in rects.iter().enumerate() {
        assert!(
            ra.right() <= screen.right() + 0.5 && ra.left() >= screen.left() - 0.5,
            "{at}: panel {a} {ra:?} runs out of the window {screen:?}"
        );
        for (b, rb) in &rects[i + 1..] {
            // Touching edges are fine; a shared area is an overlap.
            let shared = ra.intersect(*rb);
            assert!(
                shared.width() <= 0.5 || shared.height() <= 0.5,
                "{at}: panels {a} {ra:?} and {b} {rb:?} overlap; all: {rects:?}"
            );
        }
    }
}

/// Texts drawn in the last frame that are elided ("…") or cut: at the
/// left or right edge of what clips them anywhere, and at any edge in the
/// action bar (which never scrolls; a panel that scrolls cuts texts at its
/// top and bottom on purpose). A text field scrolls its own text: not cut.
fn cut_texts(h: &Harness<'_, BurnerApp>) -> Vec<String> {
    fn walk(shape: &egui::Shape, clip: Rect, skip: &[Rect], out: &mut Vec<String>) {
        match shape {
            egui::Shape::Vec(v) => v.iter().for_each(|s| walk(s, clip, skip, out)),
            egui::Shape::Text(t) => {
                let r = t.visual_bounding_rect();
                let shown = r.intersect(clip);
                let (bar, fields) = (skip[0], &skip[1..]);
                let in_field = fields.iter().any(|f| f.expand(0.5).contains_rect(shown));
                if t.galley.text().trim().is_empty() || !shown.is_positive() || in_field {
                    return;
                }
                let sideways = r.left() < clip.left() - 0.5 || r.right() > clip.right() + 0.5;
                let in_bar = bar.expand(0.5).contains_rect(shown);
                let vertically = r.top() < clip.top() - 0.5 || r.bottom() > clip.bottom() + 0.5;
                if t.galley.elided || sideways || (in_bar && vertically) || broken_word(&t.galley) {
                    out.push(format!(
                        "{:?} at {r:?} clipped to {clip:?}",
                        t.galley.text()
                    ));
                }
            }
            _ => {}
        }
    }
    let bar = panel_rects(h)
        .into_iter()
        .find(|(n, _)| *n == "actions")
        .map_or(Rect::NOTHING, |(_, r)| r);
    let mut skip = vec![bar];
    skip.extend(
        h.query_all_by_role(egui::accesskit::Role::TextInput)
            .chain(h.query_all_by_role(egui::accesskit::Role::MultilineTextInput))
            .chain(h.query_all_by_role(egui::accesskit::Role::PasswordInput))
            .map(|n| n.rect()),
    );
    let mut out = Vec::new();
    for c in &h.output().shapes {
        walk(&c.shape, c.clip_rect, &skip, &mut out);
    }
    out
}

/// A word wrapped in its middle: a row that does not end a line stops on
/// a letter or digit and the next row goes on with one ("13271" / "6").
fn broken_word(g: &egui::Galley) -> bool {
    g.rows.windows(2).any(|pair| {
        let last = pair[0].glyphs.last().map(|g| g.chr);
        let first = pair[1].glyphs.first().map(|g| g.chr);
        !pair[0].ends_with_newline
            && last.is_some_and(char::is_alphanumeric)
            && first.is_some_and(char::is_alphanumeric)
    })
}

/// Nothing on screen is elided or cut, and the action bar's last row keeps
/// a visible gap above the panel below it (the expert log).
fn assert_nothing_cut(h: &Harness<'_, BurnerApp>, at: &str) {
    let cut = cut_texts(h);
    assert!(cut.is_empty(), "{at}: texts cut: {cut:#?}");
    let rects = panel_rects(h);
    let find = |name: &str| rects.iter().find(|(n, _)| *n == name).map(|(_, r)| *r);
    let (Some(bar), Some(log)) = (find("actions"), find("log")) else {
        return;
    };
    // Where the bar shows: it may claim more than the room above the log.
    let edge = bar.bottom().min(log.top());
    let lowest = h
        .query_all_by_role(egui::accesskit::Role::Button)
        .map(|n| n.rect())
        .filter(|r| bar.intersects(*r))
        .map(|r| r.bottom())
        .fold(f32::MIN, f32::max);
    assert!(
        lowest <= edge - 4.0,
        "{at}: the action bar's buttons end at {lowest}, {} from its visible edge at {edge}",
        edge - lowest,
    );
}

/// The button labelled `label` is enabled and wholly in view: inside the
/// action bar or the visible part of the view, not under another panel.
fn assert_primary_on_screen(h: &Harness<'_, BurnerApp>, label: &str, at: &str) {
    let Some(node) = h.query_by_label(label) else {
        panic!("{at}: no {label}");
    };
    assert!(
        !node.accesskit_node().is_disabled(),
        "{at}: {label} disabled"
    );
    let r = node.rect();
    let rects = panel_rects(h);
    let seen = rects.iter().any(|(name, area)| {
        ["actions", "view"].contains(name) && area.expand(0.5).contains_rect(r)
    });
    assert!(seen, "{at}: {label} {r:?} is not wholly in view: {rects:?}");
}

/// The view tabs read in their order (Burner first), on one row or
/// wrapped onto the next: never reversed.
fn assert_tabs_in_order(h: &Harness<'_, BurnerApp>, at: &str) {
    let tabs = ["Burner", "Wizard", "Station", "Records", "Hand-out"];
    let rects: Vec<Rect> = tabs.iter().map(|t| h.get_by_label(t).rect()).collect();
    for (i, pair) in rects.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        let same_row = (a.center().y - b.center().y).abs() < a.height() / 2.0;
        let in_order = if same_row {
            a.left() < b.left()
        } else {
            a.top() < b.top()
        };
        assert!(
            in_order,
            "{at}: {} comes before {}: {a:?} {b:?}",
            tabs[i],
            tabs[i + 1]
        );
    }
}

/// The widget labelled `label` is enabled and wholly in view.
fn assert_on_screen(h: &Harness<'_, BurnerApp>, label: &str, at: &str) {
    assert_primary_on_screen(h, label, at);
}

#[test]
fn panels_never_overlap_and_the_primary_action_is_on_screen() {
    let clock = ManualClock::new(NOW);
    let mut snapshots = egui_kittest::SnapshotResults::new();
    for px in [(800.0, 600.0), (1280.0, 800.0), (1920.0, 1080.0)] {
        for zoom in [1.0, 1.5] {
            for t in [Theme::Light, Theme::Dark] {
                let at = format!("{}x{} zoom {zoom} {t:?}", px.0, px.1);
                let mut h = app_at(&clock, px, zoom, t);
                pump(&mut h, "the token to be read", token_identified);
                assert_tabs_in_order(&h, &at);
                assert_no_overlap(&mut h, &at);
                assert_nothing_cut(&h, &at);
                assert_primary_on_screen(&h, "Scan screen", &at);
                type_secret(&mut h, DEMO_URI);
                assert_no_overlap(&mut h, &at);
                assert_nothing_cut(&h, &at);
                assert_primary_on_screen(&h, "Burn (Enter)", &at);
                click(&mut h, "Burn (Enter)");
                pump(&mut h, "the burn", |h| burner_bench(h).result.is_some());
                assert_no_overlap(&mut h, &at);
                assert_nothing_cut(&h, &at);
                assert_primary_on_screen(&h, "Check", &at);
                assert_on_screen(&h, CODE_FIELD, &at);
                assert_on_screen(&h, "Skip the check", &at);
                // The code scales with the window: larger on a larger one.
                check_code(&mut h);
                // Right after the check too: the action bar that grew
                // shows its last row whole in the frame the user sees.
                assert_nothing_cut(&h, &at);
                if px == (800.0, 600.0) && zoom == 1.5 && t == Theme::Light {
                    snapshots.add(h.try_snapshot("layout_800x600_zoom15_light_verified"));
                }
                if px == (1920.0, 1080.0) && zoom == 1.0 && t == Theme::Dark {
                    snapshots.add(h.try_snapshot("layout_1920x1080_dark_verified"));
                }
                assert_no_overlap(&mut h, &at);
                assert_nothing_cut(&h, &at);
                assert_primary_on_screen(&h, "Next token", &at);
                assert_primary_on_screen(&h, "Copy code", &at);
            }
        }
    }
}

/// Click `label` once the layout settled (the action bar grows a frame
/// after its content does; a click meanwhile lands on the old layout).
fn press(h: &mut Harness<'_, BurnerApp>, label: &str) {
    for _ in 0..3 {
        h.step();
    }
    click(h, label);
}

#[test]
fn the_verification_asks_and_copy_comes_only_after_matches() {
    let clock = ManualClock::new(NOW);
    let mut h = app_at(&clock, (1280.0, 800.0), 1.0, Theme::Light);
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, DEMO_URI);
    h.key_press(egui::Key::Enter);
    pump(&mut h, "the burn", |h| burner_bench(h).result.is_some());
    assert!(has(&h, "Burned: OTPC-P2-i · 86596220000001"));
    assert!(has(
        &h,
        "Switch the token off and on, then type the code it shows."
    ));
    assert!(
        has(
            &h,
            "Burned. Switch the token off and on and type the code it shows."
        ),
        "status line"
    );
    assert!(
        h.query_by_label("Copy code").is_none(),
        "no copy before the check"
    );
    type_into(&mut h, CODE_FIELD, "000000");
    press(&mut h, "Check");
    assert!(has(&h, "The token shows another code."));
    assert!(has(&h, "The token's clock is off"));
    assert!(has(&h, "The options differ"));
    assert!(has(&h, "Another token is on the reader"));
    assert!(h.query_by_label("Copy code").is_none());
    press(&mut h, "Type the code again");
    check_code(&mut h);
    assert!(has(&h, "The token shows the right code"));
    assert!(h.query_by_label("Copy code").is_some());
    h.snapshot("08_verified_matches");
}

#[test]
fn keyboard_focus_starts_on_scan_and_enter_esc_ctrl_n_move_on() {
    let clock = ManualClock::new(NOW);
    let mut h = app_at(&clock, (1280.0, 800.0), 1.0, Theme::Dark);
    pump(&mut h, "the token to be read", token_identified);
    assert!(
        h.get_by_label("Scan screen").is_focused(),
        "focus starts on Scan screen"
    );

    // Enter burns once; after the burn the code field has the keyboard
    // and Enter checks the code typed (on an empty field: nothing, and
    // never a second burn, which would move the token's write counter);
    // once checked, Enter is the next token.
    type_secret(&mut h, DEMO_URI);
    h.key_press(egui::Key::Enter);
    pump(&mut h, "the burn", |h| burner_bench(h).result.is_some());
    let seed = lock(&common::gui::demo(&h).token)
        .seed_for_tests()
        .map(<[u8]>::to_vec);
    h.key_press(egui::Key::Enter);
    h.step();
    h.step();
    assert!(
        burner_bench(&h).result.is_some(),
        "Enter on an empty code field: still the check"
    );
    assert!(
        h.get_by_label(CODE_FIELD).is_focused(),
        "the code field has the keyboard after a burn"
    );
    check_code(&mut h);
    h.key_press(egui::Key::Enter);
    h.step();
    h.step();
    assert!(
        burner_bench(&h).result.is_none(),
        "Enter after the check: next token"
    );
    assert!(burner_bench(&h).secret.text.is_empty());
    assert!(
        matches!(burner_bench(&h).operation, Operation::Idle) && !h.state().busy(),
        "no second burn started"
    );
    let after = lock(&common::gui::demo(&h).token)
        .seed_for_tests()
        .map(<[u8]>::to_vec);
    assert!(after == seed, "the token holds the same seed");
    h.step();
    assert!(
        h.get_by_label("Scan screen").is_focused(),
        "focus back on Scan screen"
    );

    // Esc, and Ctrl+N, after a checked burn: next token.
    for (modifiers, key) in [
        (egui::Modifiers::NONE, egui::Key::Escape),
        (egui::Modifiers::COMMAND, egui::Key::N),
    ] {
        type_secret(&mut h, DEMO_URI);
        h.key_press(egui::Key::Enter);
        pump(&mut h, "the burn", |h| burner_bench(h).result.is_some());
        check_code(&mut h);
        h.key_press_modifiers(modifiers, key);
        h.step();
        h.step();
        assert!(
            burner_bench(&h).result.is_none(),
            "{modifiers:?} {key:?} after a burn: next token"
        );
    }
}

#[test]
fn every_text_colour_reaches_4_5_to_1_in_dark_and_light() {
    let mut failures = Vec::new();
    for t in [Theme::Dark, Theme::Light] {
        let v = theme::visuals(t);
        let faint = |base: Color32| {
            // faint_bg_color is drawn over the panel (premultiplied).
            let f = v.faint_bg_color;
            let add = |b: u8, a: u8| b.saturating_add(a);
            Color32::from_rgb(
                add(base.r(), f.r()),
                add(base.g(), f.g()),
                add(base.b(), f.b()),
            )
        };
        let fills = [
            ("panel", v.panel_fill),
            ("window", v.window_fill),
            ("text field", v.text_edit_bg_color()),
            ("faint", faint(v.panel_fill)),
        ];
        let texts = [
            ("text", v.text_color()),
            ("weak", v.weak_text_color()),
            ("strong", v.strong_text_color()),
            ("warn", v.warn_fg_color),
            ("error", v.error_fg_color),
            ("link", v.hyperlink_color),
            ("success", theme::success(&v)),
            ("amber", theme::amber(&v)),
        ];
        for (fill_name, fill) in fills {
            for (text_name, text) in texts {
                let c = contrast(text, fill);
                if c < 4.5 {
                    failures.push(format!("{t:?}: {text_name} on {fill_name} {c:.2}"));
                }
            }
        }
        for (name, fg, bg) in [
            (
                "button text",
                v.widgets.inactive.fg_stroke.color,
                v.widgets.inactive.weak_bg_fill,
            ),
            (
                "hovered button",
                v.widgets.hovered.fg_stroke.color,
                v.widgets.hovered.weak_bg_fill,
            ),
            (
                "pressed button",
                v.widgets.active.fg_stroke.color,
                v.widgets.active.weak_bg_fill,
            ),
            // A progress bar's text ("20 s left") over its filled part and
            // its track; the selected tab; selected text in a field.
            (
                "progress text on the bar",
                v.selection.stroke.color,
                v.selection.bg_fill,
            ),
            (
                "progress text on the track",
                v.selection.stroke.color,
                v.extreme_bg_color,
            ),
            ("selected text", v.text_color(), v.selection.bg_fill),
            ("primary button", Color32::WHITE, theme::primary_fill(&v)),
            ("demo token display", theme::LCD_TEXT, theme::LCD_FILL),
            ("danger button", Color32::WHITE, theme::danger_fill(&v)),
        ] {
            let c = contrast(fg, bg);
            if c < 4.5 {
                failures.push(format!("{t:?}: {name} {c:.2}"));
            }
        }
        assert!(
            v.widgets.active.bg_stroke.width >= 2.0,
            "{t:?}: the focus ring is {} px",
            v.widgets.active.bg_stroke.width
        );
    }
    assert!(failures.is_empty(), "below 4.5:1: {failures:#?}");
    // The test can fail: egui's own light theme does not pass.
    let egui_light = egui::Visuals::light();
    assert!(contrast(egui_light.warn_fg_color, egui_light.panel_fill) < 4.5);
}

/// The station card's state fills keep their text at 4.5:1 or more (the
/// same fills in dark and light: the card reads from across the room).
#[test]
fn the_station_card_fills_keep_their_text_readable() {
    for (name, fill, text) in [
        ("DONE", theme::CARD_GREEN, Color32::WHITE),
        ("FAILED", theme::CARD_RED, Color32::WHITE),
        ("ALREADY DONE", theme::CARD_AMBER, Color32::BLACK),
    ] {
        let c = contrast(fill, text);
        assert!(c >= 4.5, "{name}: {c:.2}:1");
    }
}

/// Fields, buttons and the countdown track show their edge at 3:1 or more
/// against the panel (WCAG 1.4.11), in dark and light.
#[test]
fn fields_and_the_countdown_track_have_a_visible_boundary() {
    for t in [Theme::Dark, Theme::Light] {
        let v = theme::visuals(t);
        let edge = v.widgets.inactive.bg_stroke;
        assert!(edge.width >= 1.0, "{t:?}: fields have an edge");
        for (name, fill) in [("panel", v.panel_fill), ("window", v.window_fill)] {
            let c = contrast(edge.color, fill);
            assert!(c >= 3.0, "{t:?}: field edge on {name}: {c:.2}:1");
            let c = contrast(theme::boundary(t == Theme::Dark), fill);
            assert!(c >= 3.0, "{t:?}: track edge on {name}: {c:.2}:1");
        }
    }
}

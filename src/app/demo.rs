//! Demo mode: an in-process virtual reader holding an emulated token, a
//! drawing of the token's display with its power button, and a window with
//! a demo QR code to scan from the screen, so the whole flow can be walked
//! without hardware.

use crate::card::{ReaderInfo, ReaderState};
use crate::clock::Clock;
use crate::emulator::vpcd::ATR;
use crate::emulator::{self, EmulatorLink, SharedToken, lock};
use std::sync::Arc;

/// Name of the demo's virtual reader.
pub const DEMO_READER: &str = "Demo reader (virtual)";

/// The demo's enrolment link (a made-up account with a fixed secret).
pub const DEMO_URI: &str = "otpauth://totp/Demo%20Company:technician%40example.com?secret=KNSWG4TFORSG63LPMJQXE5DPNNSW4ZDF&issuer=Demo%20Company";

/// The demo's virtual hardware.
pub struct DemoState {
    /// The emulated token.
    pub token: SharedToken,
    /// The virtual reader it lies on.
    pub link: EmulatorLink,
    /// Show the demo QR window.
    pub show_qr: bool,
    qr_texture: Option<eframe::egui::TextureHandle>,
}

impl DemoState {
    /// A token with a factory secret, lying on the virtual reader, its
    /// clock 3 s behind.
    pub fn new(clock: Arc<dyn Clock>) -> DemoState {
        let token = emulator::shared_token(emulator::DEFAULT_SERIAL, clock, 0x5eed);
        {
            let mut t = lock(&token);
            t.set_clock_offset(-3);
            t.preload_seed(b"factory secret bytes");
            t.power_cycle();
        }
        let link = EmulatorLink::new(token.clone(), DEMO_READER);
        DemoState {
            token,
            link,
            show_qr: true,
            qr_texture: None,
        }
    }

    /// The virtual reader as a reader list entry.
    pub fn reader(&self) -> ReaderInfo {
        ReaderInfo {
            name: DEMO_READER.into(),
            state: if self.link.is_present() {
                ReaderState::TokenPresent { atr: ATR.to_vec() }
            } else {
                ReaderState::Empty
            },
        }
    }

    /// The demo QR as a texture (made once).
    pub fn qr_texture(
        &mut self,
        ctx: &eframe::egui::Context,
    ) -> Option<eframe::egui::TextureHandle> {
        if self.qr_texture.is_none() {
            let code = qrcode::QrCode::new(DEMO_URI.as_bytes()).ok()?;
            let modules = code.width();
            let colors = code.to_colors();
            let (scale, quiet) = (6usize, 4usize);
            let side = (modules + 2 * quiet) * scale;
            let mut pixels = vec![eframe::egui::Color32::WHITE; side * side];
            for (i, c) in colors.iter().enumerate() {
                if *c == qrcode::Color::Dark {
                    let (mx, my) = (i % modules + quiet, i / modules + quiet);
                    for dy in 0..scale {
                        let row = (my * scale + dy) * side;
                        pixels[row + mx * scale..row + mx * scale + scale]
                            .fill(eframe::egui::Color32::BLACK);
                    }
                }
            }
            let image = eframe::egui::ColorImage::new([side, side], pixels);
            self.qr_texture =
                Some(ctx.load_texture("demo-qr", image, eframe::egui::TextureOptions::NEAREST));
        }
        self.qr_texture.clone()
    }
}

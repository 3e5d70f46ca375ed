//! Helpers shared by the GUI test binaries (`gui`, `leak_search_gui`): the
//! demo app in an egui_kittest harness, stepping it until something shows,
//! clicking and typing by label.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use totp_burner::app::BurnerApp;
use totp_burner::app::bench::Bench;
use totp_burner::app::demo::DemoState;
use totp_burner::app::device::{Connector, EmulatorConnector};
use totp_burner::app::readers::Readers;
use totp_burner::card::{Transport, TransportError};
use totp_burner::clock::ManualClock;

/// The harness window's size.
pub const SIZE: egui::Vec2 = egui::vec2(1180.0, 820.0);

/// The secret field's label.
pub const SECRET_FIELD: &str = "Secret key, otpauth link or export:";

/// GUI tests match English words, whatever the machine's locale.
pub fn english() {
    totp_burner::i18n::set_language(totp_burner::i18n::Lang::En);
}

/// A settings file of this test's own (tests run in parallel).
pub fn settings_file() -> Option<PathBuf> {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("totp-burner-gui-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    Some(dir.join(format!(
        "settings-{}.json",
        N.fetch_add(1, Ordering::SeqCst)
    )))
}

/// The demo app. kittest has a single window, so the demo QR's own
/// window would be embedded over the panels: it starts closed here.
pub fn demo_app(clock: &ManualClock) -> Harness<'static, BurnerApp> {
    demo_app_with_settings_file(clock, settings_file())
}

/// The demo app with a given settings file.
pub fn demo_app_with_settings_file(
    clock: &ManualClock,
    settings: Option<PathBuf>,
) -> Harness<'static, BurnerApp> {
    english();
    let clock = Arc::new(clock.clone());
    let mut h = Harness::builder()
        .with_size(SIZE)
        .build_eframe(move |cc| BurnerApp::new(&cc.egui_ctx, clock, true, settings));
    h.state_mut().workers.demo.as_mut().unwrap().show_qr = false;
    h
}

/// The demo's virtual hardware.
pub fn demo<'a>(h: &'a Harness<'_, BurnerApp>) -> &'a DemoState {
    h.state().workers.demo.as_ref().expect("the demo app")
}

/// The burner view's secret, options, burn and result.
pub fn burner_bench<'a>(h: &'a Harness<'_, BurnerApp>) -> &'a Bench {
    &h.state().burner.bench
}

/// An app over a custom connector, with the demo's token and reader.
pub fn app_with(
    clock: &ManualClock,
    wrap: impl FnOnce(EmulatorConnector) -> Box<dyn Connector> + 'static,
) -> Harness<'static, BurnerApp> {
    english();
    let clock = Arc::new(clock.clone());
    Harness::builder().with_size(SIZE).build_eframe(move |cc| {
        let mut demo = DemoState::new(clock.clone());
        demo.show_qr = false;
        let connector = wrap(EmulatorConnector(demo.link.clone()));
        let readers = Readers::fixed(vec![demo.reader()]);
        let settings = totp_burner::app::settings::Settings::load(settings_file());
        BurnerApp::with_parts(
            &cc.egui_ctx,
            clock,
            connector,
            readers,
            Some(demo),
            settings,
        )
    })
}

/// Drops the link at one APDU (a token lifted mid-burn), once.
pub struct LiftOnce {
    inner: EmulatorConnector,
    at: usize,
    seen: usize,
}

impl LiftOnce {
    /// Over `inner`, failing APDU number `at` (0-based; APDU 0 is the
    /// automatic identify, the burn's seed write is APDU 5).
    pub fn new(inner: EmulatorConnector, at: usize) -> LiftOnce {
        LiftOnce { inner, at, seen: 0 }
    }
}

impl Connector for LiftOnce {
    fn run(
        &mut self,
        reader: Option<&str>,
        op: &mut dyn FnMut(&mut dyn Transport),
    ) -> Result<(), TransportError> {
        struct T<'a> {
            inner: &'a mut EmulatorConnector,
            at: usize,
            seen: &'a mut usize,
        }
        impl Transport for T<'_> {
            fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError> {
                *self.seen += 1;
                if *self.seen == self.at + 1 {
                    return Err(TransportError::TokenRemoved);
                }
                self.inner.0.transmit(apdu)
            }
            fn reader_name(&self) -> String {
                "lifting".into()
            }
        }
        let at = self.at;
        let mut inner = self.inner.clone();
        let seen = &mut self.seen;
        inner.run(reader, &mut |_| {})?;
        op(&mut T {
            inner: &mut self.inner,
            at,
            seen,
        });
        Ok(())
    }
}

/// Every APDU takes `delay`: a slow reader.
pub struct Slow(pub EmulatorConnector, pub Duration);

impl Connector for Slow {
    fn run(
        &mut self,
        reader: Option<&str>,
        op: &mut dyn FnMut(&mut dyn Transport),
    ) -> Result<(), TransportError> {
        struct T<'a>(&'a mut EmulatorConnector, Duration);
        impl Transport for T<'_> {
            fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError> {
                std::thread::sleep(self.1);
                self.0.0.transmit(apdu)
            }
            fn reader_name(&self) -> String {
                "slow".into()
            }
        }
        let delay = self.1;
        let mut probe = self.0.clone();
        probe.run(reader, &mut |_| {})?;
        op(&mut T(&mut self.0, delay));
        Ok(())
    }
}

/// Step the app (real time passes for the workers) until `done`.
pub fn pump(
    h: &mut Harness<'_, BurnerApp>,
    what: &str,
    done: impl Fn(&Harness<'_, BurnerApp>) -> bool,
) {
    let end = Instant::now() + Duration::from_secs(15);
    while Instant::now() < end {
        h.step();
        if done(h) {
            h.step();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("timed out waiting for {what}");
}

/// Click the widget labelled `label` and let the app react.
pub fn click(h: &mut Harness<'_, BurnerApp>, label: &str) {
    h.get_by_label(label).click();
    h.step();
    h.step();
}

/// Whether a widget whose label contains `text` is shown.
pub fn has(h: &Harness<'_, BurnerApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// The demo token has been read.
pub fn token_identified(h: &Harness<'_, BurnerApp>) -> bool {
    has(h, "OTPC-P2-i · 86596220000001 · clock 3 s behind")
}

/// Type `text` into the secret field (the failure message never shows
/// what was typed: it may be a secret under test).
pub fn type_secret(h: &mut Harness<'_, BurnerApp>, text: &str) {
    type_into(h, SECRET_FIELD, text);
    assert!(
        h.state()
            .shown_secret()
            .is_some_and(|s| s.text.as_str() == text),
        "the text typed into the secret field is not what the field holds"
    );
}

/// Focus the text field labelled `label` and type `text` into it.
pub fn type_into(h: &mut Harness<'_, BurnerApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.step();
    h.get_by_label(label).type_text(text);
    h.step();
    h.step();
}

/// The label of the field the token's code is typed into after a burn.
pub const CODE_FIELD: &str = "Code on the token:";

/// The check after a burn: type the code the power-cycled demo token shows
/// and press Enter (the verdict "matched"; the live code then shows).
pub fn check_code(h: &mut Harness<'_, BurnerApp>) {
    let code = totp_burner::emulator::lock(&demo(h).token)
        .code_after_power_cycle()
        .expect("the demo token holds a secret");
    type_into(h, CODE_FIELD, &code);
    h.key_press(egui::Key::Enter);
    h.step();
    h.step();
}

/// Records with the demo token and 86596220000002 burned (secrets `secret(1)`
/// and `secret(2)` kept under `passphrase`) and 86596220000003 interrupted,
/// all of batch `batch` at station `station`, in `dir/records.sqlite`.
pub fn burned_records(
    dir: &std::path::Path,
    station: &str,
    batch: &str,
    passphrase: &str,
    secret: impl Fn(u8) -> Vec<u8>,
) -> PathBuf {
    use age::secrecy::SecretString;
    use totp_burner::app::demo::DEMO_READER;
    use totp_burner::station::records::{NewRecord, Outcome, Store};
    use totp_burner::station::vault::Vault;
    let path = dir.join("records.sqlite");
    let store = Store::open(&path, Some(station)).unwrap();
    let vault =
        Vault::unlock_or_create(&store, &SecretString::from(passphrase.to_string())).unwrap();
    let base = NewRecord {
        reader: DEMO_READER.into(),
        model: Some("OTPC-P2-i".into()),
        algorithm: Some("sha1".into()),
        period: Some(30),
        batch: Some(batch.into()),
        ..Default::default()
    };
    for (i, serial) in [(1, "86596220000001"), (2, "86596220000002")] {
        let (enc, key) = vault.seal(&secret(i)).unwrap();
        store
            .add(&NewRecord {
                serial: Some(serial.into()),
                op_id: Some(format!("op-{i}")),
                outcome: Outcome::Ok,
                secret_enc: Some(enc),
                key_id: Some(key),
                ..base.clone()
            })
            .unwrap();
    }
    store
        .add(&NewRecord {
            serial: Some("86596220000003".into()),
            op_id: Some("op-3".into()),
            ..base
        })
        .unwrap();
    path
}

/// The injected clock's start in the GUI tests (Unix seconds).
pub const NOW: u64 = 1_800_000_010;

/// A link with no options of its own (SHA-1, 30 s by default).
pub const PLAIN_URI: &str = "otpauth://totp/Contoso:frank%40contoso.com?secret=KNSWG4TFORSG63LPMJQXE5DPNNSW4ZDF&issuer=Contoso";

/// A six-digit code as the app shows it: "123 456".
pub fn grouped(code: &str) -> String {
    format!("{} {}", &code[..3], &code[3..])
}

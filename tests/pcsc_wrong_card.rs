//! A card that is not a programmable token, through a real pcscd and the
//! vsmartcard-vpcd virtual reader: `totp-burner emulate --as KIND` plays a
//! FIDO key, a YubiKey, a PIV card or a bank card, and the CLI's `burn` and
//! `info` must name it in plain words, while the reader log
//! (`--apdu-log`) shows that no write command ever reached it. Needs pcscd
//! with the vpcd driver; run serially: `cargo test --features pcscd-tests
//! --test pcsc_wrong_card -- --test-threads=1` (`./dev.sh test` does).

mod common;

use common::pcsc::{settle, wait_for};
use common::text;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};
use totp_burner::burn::{Failure, read_info};
use totp_burner::card::pcsc::PcscReaders;
use totp_burner::card::{CardKind, ReaderState};
use totp_burner::clock::SystemClock;
use totp_burner::emulator::vpcd::{ATR, VirtualCard, VpcdBridge, VpcdOptions};
use totp_burner::emulator::{ForeignCard, ForeignKind};

/// The second virtual reader: the main pcsc suite mostly uses the first.
const READER: &str = "Virtual PCD 00 01";
const PORT: &str = "35964";
const SECRET_B32: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
/// Other people's tests may hold the shared virtual reader for a while.
const READER_PATIENCE: Duration = Duration::from_secs(120);

/// One daemon, fixed ports: tests take turns.
fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

fn reader_state(name: &str) -> Option<ReaderState> {
    PcscReaders::establish()
        .and_then(|r| r.list())
        .ok()?
        .into_iter()
        .find(|r| r.name == name)
        .map(|r| r.state)
}

fn reader_holds(name: &str, atr: &[u8]) -> bool {
    matches!(reader_state(name), Some(ReaderState::TokenPresent { atr: a }) if a == atr)
}

fn reader_is_empty(name: &str) -> bool {
    matches!(reader_state(name), Some(ReaderState::Empty))
}

/// A fresh, empty reader-log path for one test.
fn log_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("totp-burner-wrong-card-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(format!("{name}.apdu.log"));
    let _ = std::fs::remove_file(&p);
    p
}

/// The ATR the emulator will show for `kind` (to tell our card from
/// another test's on the shared reader).
fn atr_of(kind: &str) -> Vec<u8> {
    match kind {
        "fido" => ForeignCard::new(ForeignKind::Fido).atr(),
        "emv" => ForeignCard::new(ForeignKind::Emv).atr(),
        "yubikey-oath" => ForeignCard::new(ForeignKind::YubiKeyOath).atr(),
        "piv" => ForeignCard::new(ForeignKind::Piv).atr(),
        _ => ATR.to_vec(),
    }
}

/// A running `totp-burner emulate`, stopped (and waited out) on drop.
struct Emulate(Child);

impl Drop for Emulate {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
        let end = Instant::now() + Duration::from_secs(5);
        while !reader_is_empty(READER) && Instant::now() < end {
            std::thread::sleep(Duration::from_millis(20));
        }
        settle();
    }
}

/// Start `emulate --vpcd PORT ARGS... --apdu-log LOG` and wait until pcscd
/// shows our card (by its ATR) on the reader.
fn emulate(args: &[&str], atr: &[u8], log: &Path) -> Emulate {
    wait_for("the shared reader to be free", READER_PATIENCE, || {
        reader_is_empty(READER)
    });
    let child = common::bin()
        .args(["emulate", "--vpcd", PORT, "--apdu-log"])
        .arg(log)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let guard = Emulate(child);
    wait_for("our card on the reader", Duration::from_secs(10), || {
        reader_holds(READER, atr)
    });
    guard
}

/// Run the CLI with `stdin` on its standard input.
fn run_with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = common::bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// The reader log: one command per line, as bytes.
fn commands(log: &Path) -> Vec<Vec<u8>> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(|l| {
            l.split_whitespace()
                .take_while(|w| !w.starts_with('<'))
                .map(|w| u8::from_str_radix(w, 16).unwrap_or_else(|_| panic!("bad line {l:?}")))
                .collect()
        })
        .collect()
}

/// The protocol's write commands: write config (INS D4), write seed (C5).
fn writes(commands: &[Vec<u8>]) -> Vec<&Vec<u8>> {
    commands
        .iter()
        .filter(|c| matches!(c.as_slice(), [_, 0xD4 | 0xC5, ..]))
        .collect()
}

/// `burn` and `info` against a card of `kind`: both fail with `words`,
/// exit 1, and the reader saw only get info and SELECTs.
fn wrong_card_is_named(kind: &str, words: &str) {
    let _g = serial();
    let log = log_path(kind);
    let _e = emulate(&["--as", kind], &atr_of(kind), &log);

    let o = run_with_stdin(
        &["burn", "--reader", READER, "--secret", "-"],
        &format!("{SECRET_B32}\n"),
    );
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{kind} burn: {err}");
    assert!(err.contains(words), "{kind} burn: {err}");
    assert!(err.contains("Nothing was written"), "{kind} burn: {err}");
    assert!(!err.contains("rejected the command"), "{kind} burn: {err}");

    let o = run_with_stdin(&["info", "--reader", READER, "--json"], "");
    assert_eq!(o.status.code(), Some(1), "{kind} info: {}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["ok"], false);
    assert!(
        v["error"].as_str().unwrap().contains(words),
        "{kind} info: {v}"
    );

    // Other programs on the shared pcscd (an app or station watching every
    // reader) may read the card too: count at least our two conversations.
    let seen = commands(&log);
    let get_info = [0x80, 0x41, 0x00, 0x00, 0x02, 0x02, 0x11];
    assert!(
        seen.iter().filter(|c| c.as_slice() == get_info).count() >= 2,
        "{kind}: one get info per command: {seen:02X?}"
    );
    let control = [
        0x00, 0xA4, 0x04, 0x00, 0x08, 0xF0, b'n', b'o', b'-', b's', b'u', b'c', b'h', 0x00,
    ];
    assert!(
        seen.iter().filter(|c| c.as_slice() == control).count() >= 2,
        "{kind}: a probe per command, ending with its control question: {seen:02X?}"
    );
    assert!(
        seen.iter()
            .all(|c| c.as_slice() == get_info || c[..4] == [0x00, 0xA4, 0x04, 0x00]),
        "{kind}: only get info and SELECT: {seen:02X?}"
    );
    assert!(writes(&seen).is_empty(), "{kind}: {seen:02X?}");
}

#[test]
fn a_fido_key_is_named_and_never_written() {
    wrong_card_is_named(
        "fido",
        "This is a FIDO security key, not a programmable token",
    );
}

#[test]
fn a_bank_card_is_named_and_never_written() {
    wrong_card_is_named(
        "emv",
        "This is a bank card (a payment card), not a programmable token",
    );
}

#[test]
fn a_yubikey_is_named_and_never_written() {
    wrong_card_is_named("yubikey-oath", "This is a YubiKey");
}

#[test]
fn a_piv_card_is_named_and_never_written() {
    wrong_card_is_named("piv", "This is a PIV smart card");
}

/// The check above can fail: a real token's burn does show its writes in
/// the reader log (secure commands as header and length only).
#[test]
fn the_reader_log_shows_a_real_burns_writes() {
    let _g = serial();
    let log = log_path("token");
    let _e = emulate(&["--serial", "86596120000077"], &ATR, &log);
    let o = run_with_stdin(
        &["burn", "--reader", READER, "--secret", "-"],
        &format!("{SECRET_B32}\n"),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let seen = commands(&log);
    assert!(seen.len() >= 5, "{seen:02X?}");
    assert_eq!(writes(&seen).len(), 2, "{seen:02X?}");
    let raw = std::fs::read_to_string(&log).unwrap();
    assert!(raw.contains("84 C5 01 00 24 <36 bytes>"), "{raw}");
    assert!(
        !seen.iter().any(|c| c[..2] == [0x00, 0xA4]),
        "no probe: {raw}"
    );
}

/// Through the library: the bridge serves a card of another kind with its
/// own ATR, and `read_info` names it.
#[test]
fn the_library_names_a_card_served_by_the_bridge() {
    let _g = serial();
    wait_for("the shared reader to be free", READER_PATIENCE, || {
        reader_is_empty(READER)
    });
    let card = ForeignCard::new(ForeignKind::Emv);
    let atr = card.atr();
    let bridge = VpcdBridge::spawn_card(card, VpcdOptions::port(35964), |_| {});
    wait_for(
        "the bank card on the reader",
        Duration::from_secs(10),
        || reader_holds(READER, &atr),
    );
    let readers = PcscReaders::establish().unwrap();
    let mut card = readers.open(Some(READER)).unwrap();
    let e = card
        .in_transaction(|t| read_info(t, &SystemClock, &mut |_| {}))
        .unwrap()
        .unwrap_err();
    assert!(
        matches!(
            e.cause,
            Failure::WrongCard {
                kind: CardKind::PaymentCard,
                ..
            }
        ),
        "{:?}",
        e.cause
    );
    drop(card);
    bridge.stop();
    wait_for("the reader to be empty", Duration::from_secs(5), || {
        reader_is_empty(READER)
    });
    settle();
}

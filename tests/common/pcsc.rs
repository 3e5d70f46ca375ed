//! Helpers of the PC/SC test binaries (`pcsc`, `pcsc_handout`): the vpcd
//! virtual readers, emulated tokens laid on and lifted, and a running
//! `totp-burner batch --json` read event by event.

use super::bin;
use serde_json::Value;
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use totp_burner::card::pcsc::PcscReaders;
use totp_burner::clock::{Clock, SystemClock};
use totp_burner::emulator::vpcd::{VpcdBridge, VpcdOptions};
use totp_burner::emulator::{SharedToken, VirtualToken, lock};
use totp_burner::protocol::TimeSync;

pub const READER0: &str = "Virtual PCD 00 00";
pub const READER1: &str = "Virtual PCD 00 01";
pub const PORT0: u16 = 35963;
pub const PORT1: u16 = 35964;
pub const SECRET_B32: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
pub const SECRET: &[u8] = b"12345678901234567890";
pub const OLD_SEED: &[u8] = b"an old secret, 22 by";

/// One daemon, fixed ports: tests take turns.
pub fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn token(serial: &str, erases: bool, offset: i64) -> SharedToken {
    let t = Arc::new(Mutex::new(VirtualToken::new(
        serial,
        erases,
        Arc::new(SystemClock),
        7,
    )));
    {
        let mut g = lock(&t);
        g.set_clock_offset(offset);
        g.preload_seed(OLD_SEED);
    }
    t
}

pub fn erases(serial: &str) -> bool {
    totp_burner::protocol::model_for_serial(serial)
        .is_some_and(|m| m.time_sync == TimeSync::ErasesSecret)
}

pub fn reader_has_token(name: &str) -> bool {
    PcscReaders::establish()
        .and_then(|r| r.list())
        .map(|l| l.iter().any(|r| r.name == name && r.state.has_token()))
        .unwrap_or(false)
}

pub fn wait_for(what: &str, timeout: Duration, mut f: impl FnMut() -> bool) {
    let end = Instant::now() + timeout;
    while Instant::now() < end {
        if f() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting for {what}");
}

/// Lay `token` on the virtual reader at `port` and wait until pcscd sees it.
pub fn place(token: &SharedToken, port: u16, lift_after: Option<u64>) -> VpcdBridge {
    let mut opts = VpcdOptions::port(port);
    opts.lift_after = lift_after;
    let bridge = VpcdBridge::spawn(token.clone(), opts, |_| {});
    let reader = if port == PORT0 { READER0 } else { READER1 };
    wait_for("the token on the reader", Duration::from_secs(5), || {
        reader_has_token(reader)
    });
    bridge
}

pub fn lift(bridge: VpcdBridge, port: u16) {
    bridge.stop();
    let reader = if port == PORT0 { READER0 } else { READER1 };
    wait_for("the reader to be empty", Duration::from_secs(5), || {
        !reader_has_token(reader)
    });
    settle();
}

/// The vpcd driver loses a card that reconnects within a few hundred ms of
/// a drop in the middle of an exchange (pcscd then never reports it
/// present); waiting one poll period after the reader reads empty avoids
/// it. Real tokens are not affected: this is the virtual driver.
pub fn settle() {
    std::thread::sleep(Duration::from_millis(600));
}

pub fn away_from_step_boundary() {
    let left = 30 - SystemClock.now() % 30;
    if left < 4 {
        std::thread::sleep(Duration::from_secs(left + 1));
    }
}

pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

/// A running `totp-burner batch --json`, its events as they come.
pub struct Batch {
    pub child: Child,
    lines: std::sync::mpsc::Receiver<Value>,
    stderr: std::sync::Arc<Mutex<String>>,
}

impl Batch {
    pub fn start(args: &[&str], records: &std::path::Path) -> Batch {
        Batch::start_env(args, records, &[])
    }

    /// [`Batch::start`] with these environment variables set too.
    pub fn start_env(args: &[&str], records: &std::path::Path, env: &[(&str, &str)]) -> Batch {
        use std::io::{BufRead, BufReader, Read};
        wait_for("empty readers", Duration::from_secs(5), || {
            !reader_has_token(READER0)
        });
        let mut child = bin()
            .arg("batch")
            .args(args)
            .arg("--json")
            .arg("--records")
            .arg(records)
            .env("TOTP_BURNER_PASSPHRASE", "station passphrase")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if let Ok(v) = serde_json::from_str::<Value>(&line) {
                    let _ = tx.send(v);
                }
            }
        });
        let stderr = std::sync::Arc::new(Mutex::new(String::new()));
        let (mut err, sink) = (child.stderr.take().unwrap(), stderr.clone());
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = err.read_to_string(&mut s);
            sink.lock().unwrap().push_str(&s);
        });
        Batch {
            child,
            lines: rx,
            stderr,
        }
    }

    /// The next event of kind `event` (others are skipped).
    pub fn next(&self, event: &str) -> Value {
        loop {
            let v = self
                .lines
                .recv_timeout(Duration::from_secs(20))
                .unwrap_or_else(|_| panic!("no {event} event"));
            if v["event"] == event {
                return v;
            }
        }
    }

    pub fn finish(mut self) -> (Option<i32>, String) {
        let status = self.child.wait().unwrap();
        std::thread::sleep(Duration::from_millis(100));
        let err = self.stderr.lock().unwrap().clone();
        (status.code(), err)
    }
}

pub fn temp_records(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("totp-burner-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("records.sqlite")
}

/// `records export --entra OUT --records RECORDS` with a passphrase.
pub fn export_entra(records: &std::path::Path, out: &std::path::Path, passphrase: &str) -> Output {
    bin()
        .args(["records", "export", "--entra"])
        .arg(out)
        .arg("--records")
        .arg(records)
        .env("TOTP_BURNER_PASSPHRASE", passphrase)
        .output()
        .unwrap()
}

pub fn b32(bytes: &[u8]) -> String {
    data_encoding::BASE32_NOPAD.encode(bytes)
}

/// Ask a running batch to stop as Ctrl+C does.
pub fn interrupt(batch: &Batch) {
    let status = Command::new("kill")
        .args(["-INT", &batch.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Lay `t` (a model whose clock write erases it) on the first reader for
/// `batch`, and kill the batch (SIGKILL: no outcome can be written) while
/// the bridge holds back its answer to the clock/options write: the token
/// has its config, not its seed. Then lift it.
pub fn killed_at_config_write(mut batch: Batch, t: &totp_burner::emulator::SharedToken) {
    batch.next("waiting");
    let (at_config, go_on) = (
        std::sync::mpsc::channel::<()>(),
        std::sync::mpsc::channel::<()>(),
    );
    let (config_tx, go_rx) = (at_config.0, Mutex::new(go_on.1));
    let bridge = VpcdBridge::spawn(t.clone(), VpcdOptions::port(PORT0), move |line| {
        if line.get(3..5) == Some("D4") {
            let _ = config_tx.send(());
            let _ = go_rx.lock().unwrap().recv_timeout(Duration::from_secs(10));
        }
    });
    at_config
        .1
        .recv_timeout(Duration::from_secs(10))
        .expect("the batch wrote the config");
    batch.child.kill().unwrap();
    batch.child.wait().unwrap();
    go_on.0.send(()).unwrap();
    assert!(lock(t).seed_for_tests().is_none(), "the token is blank");
    lift(bridge, PORT0);
}

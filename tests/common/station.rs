//! The station loop without pcscd, for the tests that run it in-process:
//! reader slots that a test lays emulated tokens on and lifts them off, a
//! transport that can "kill the process" (or cut the records server) at
//! the seed write, and a batch running on its own thread with its events.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use totp_burner::card::connector::Connector;
use totp_burner::card::{Transport, TransportError};
use totp_burner::clock::SystemClock;
use totp_burner::emulator::{EmulatorLink, SharedToken, lock, shared_token};
use totp_burner::params::TokenOptions;
use totp_burner::protocol::commands::ins;
use totp_burner::station::records::Store;
use totp_burner::station::run::{
    BatchConfig, BatchSource, BatchSummary, PolledPresence, ReaderLoop, StationError, StationEvent,
    run_batch,
};
use totp_burner::station::source::{list_id, parse_user_list};

/// A reader slot: the token lying on it, if any.
#[derive(Clone, Default)]
pub struct Slot(pub Arc<Mutex<Option<SharedToken>>>);

impl Slot {
    pub fn lay(&self, t: &SharedToken) {
        *self.0.lock().unwrap() = Some(t.clone());
    }
    pub fn lift(&self) {
        if let Some(t) = self.0.lock().unwrap().take() {
            lock(&t).end_session();
        }
    }
    pub fn present(&self) -> bool {
        self.0.lock().unwrap().is_some()
    }
}

/// What happens at the next seed write once armed: returns true when the
/// write is to fail (the token lifted away) instead of reaching the token.
pub type AtSeed = Arc<dyn Fn() -> bool + Send + Sync>;

/// At the seed write, while armed (once): "kill the process" (the records
/// refuse every later write, so the outcome is lost as when the process
/// dies, and the write never reaches the token).
#[cfg(feature = "test-hooks")]
pub fn kill_at_seed(store: &Arc<Store>) -> AtSeed {
    let store = store.clone();
    Arc::new(move || {
        totp_burner::station::records::testing::make_read_only(&store).unwrap();
        true
    })
}

/// A transport that runs a hook at the seed write, once armed.
pub struct Killer<'a> {
    inner: EmulatorLink,
    at_seed: Option<AtSeed>,
    armed: &'a AtomicBool,
}

impl Transport for Killer<'_> {
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError> {
        if apdu.get(1) == Some(&ins::WRITE_SEED)
            && let Some(hook) = &self.at_seed
            && self.armed.swap(false, Ordering::SeqCst)
            && hook()
        {
            return Err(TransportError::TokenRemoved);
        }
        self.inner.transmit(apdu)
    }
    fn reader_name(&self) -> String {
        self.inner.reader_name()
    }
}

pub struct SlotConnector {
    slot: Slot,
    name: String,
    kill: Option<(AtSeed, Arc<AtomicBool>)>,
}

impl Connector for SlotConnector {
    fn run(
        &mut self,
        _reader: Option<&str>,
        op: &mut dyn FnMut(&mut dyn Transport),
    ) -> Result<(), TransportError> {
        let token = self.slot.0.lock().unwrap().clone();
        let Some(token) = token else {
            return Err(TransportError::NoToken);
        };
        let never = AtomicBool::new(false);
        let armed = self.kill.as_ref().map_or(&never, |(_, a)| a.as_ref());
        let mut t = Killer {
            inner: EmulatorLink::new(token, &self.name),
            at_seed: self.kill.as_ref().map(|(s, _)| s.clone()),
            armed,
        };
        op(&mut t);
        Ok(())
    }
}

pub fn reader(slot: &Slot, name: &str, kill: Option<(AtSeed, Arc<AtomicBool>)>) -> ReaderLoop {
    let s = slot.clone();
    ReaderLoop {
        reader: name.into(),
        presence: Box::new(PolledPresence(Box::new(move || s.present()))),
        connector: Box::new(SlotConnector {
            slot: slot.clone(),
            name: name.into(),
            kill,
        }),
    }
}

pub fn token(serial: &str) -> SharedToken {
    let t = shared_token(serial, Arc::new(SystemClock), 3);
    lock(&t).preload_seed(b"factory seed 20 byte");
    t
}

pub fn records(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tb-loop-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir.join("records.sqlite")
}

/// A batch running on its own thread; its events as they come.
pub struct Running {
    pub events: Receiver<StationEvent>,
    pub stop: Arc<AtomicBool>,
    pub done: std::thread::JoinHandle<Result<BatchSummary, StationError>>,
}

pub fn start(config: BatchConfig, store: Arc<Store>, readers: Vec<ReaderLoop>) -> Running {
    let (tx, rx) = channel();
    let stop = Arc::new(AtomicBool::new(false));
    let s = stop.clone();
    let done = std::thread::spawn(move || {
        let tx = Mutex::new(tx);
        run_batch(&config, &store, readers, &SystemClock, &s, &|e| {
            let _ = tx.lock().unwrap().send(e);
        })
    });
    Running {
        events: rx,
        stop,
        done,
    }
}

impl Running {
    /// The next event that `want` accepts (others skipped).
    pub fn next(&self, what: &str, want: impl Fn(&StationEvent) -> bool) -> StationEvent {
        loop {
            let e = self
                .events
                .recv_timeout(Duration::from_secs(10))
                .unwrap_or_else(|_| panic!("no {what} event"));
            if want(&e) {
                return e;
            }
        }
    }
    /// Lift the token off `slot` and wait until its loop saw it go.
    pub fn lift(&self, slot: &Slot, reader: &str) {
        slot.lift();
        self.next(
            "waiting",
            |e| matches!(e, StationEvent::Waiting { reader: r, .. } if r == reader),
        );
    }
    pub fn burned(&self) -> StationEvent {
        self.next("burned", |e| matches!(e, StationEvent::Burned { .. }))
    }
    pub fn finish(self) -> Result<BatchSummary, StationError> {
        self.stop.store(true, Ordering::SeqCst);
        self.done.join().unwrap()
    }
}

pub fn config(source: BatchSource) -> BatchConfig {
    BatchConfig {
        source,
        options: TokenOptions::default(),
        vault: None,
        batch_id: "b".into(),
        start_row: None,
        reburn: false,
        time_servers: totp_burner::clockcheck::NtpConfig {
            servers: Vec::new(),
            ..Default::default()
        },
    }
}

pub fn users(text: &str) -> BatchSource {
    let rows = parse_user_list(text).unwrap();
    BatchSource::Users {
        list_id: list_id(&rows),
        rows,
    }
}

pub const LIST: &str = "upn,secret\n\
    alice@contoso.com,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n\
    bob@contoso.com,MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK\n\
    carol@contoso.com,ONSWG4TFORSWG4TFORSWG4TFORSWG4TF\n";

pub fn b32(t: &SharedToken) -> String {
    data_encoding::BASE32_NOPAD.encode(lock(t).seed_for_tests().unwrap_or(b""))
}

//! A watcher thread on `SCardGetStatusChange`: reports readers plugged in
//! or out (through the PnP notification pseudo-reader) and tokens laid on
//! or lifted off, with their ATR. It blocks in the PC/SC call (no polling
//! loop) and stops promptly when asked (`SCardCancel`).

use super::TransportError;
use pcsc::{Context, PNP_NOTIFICATION, Scope, State};
use std::ffi::CString;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// Something that changed on the readers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReaderEvent {
    /// A reader appeared (also sent for every reader at start).
    ReaderAdded {
        /// Reader name.
        reader: String,
    },
    /// A reader was unplugged.
    ReaderRemoved {
        /// Reader name.
        reader: String,
    },
    /// A token was laid on a reader (also sent at start for tokens present).
    TokenPlaced {
        /// Reader name.
        reader: String,
        /// The token's ATR.
        atr: Vec<u8>,
    },
    /// A token left a reader.
    TokenLifted {
        /// Reader name.
        reader: String,
    },
    /// The smart-card service stopped; the watcher retries until it is back.
    ServiceLost,
    /// The smart-card service is (again) reachable.
    ServiceAvailable,
}

/// Longest a single wait lasts; covers a cancel that lands between two waits.
const WAIT_SLICE: Duration = Duration::from_millis(500);

/// A running watcher; dropping it stops it.
pub struct ReaderWatcher {
    stop: Arc<AtomicBool>,
    ctx: Arc<std::sync::Mutex<Option<Context>>>,
    thread: Option<JoinHandle<()>>,
}

impl ReaderWatcher {
    /// Start watching; `on_event` runs on the watcher thread.
    pub fn spawn(
        on_event: impl FnMut(ReaderEvent) + Send + 'static,
    ) -> Result<ReaderWatcher, TransportError> {
        let stop = Arc::new(AtomicBool::new(false));
        let ctx = Arc::new(std::sync::Mutex::new(None));
        let (s, c) = (stop.clone(), ctx.clone());
        let thread = std::thread::Builder::new()
            .name("reader-watch".into())
            .spawn(move || run(&s, &c, on_event))
            .map_err(|e| TransportError::Other {
                detail: e.to_string(),
            })?;
        Ok(ReaderWatcher {
            stop,
            ctx,
            thread: Some(thread),
        })
    }

    /// Stop the thread and wait for it.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(ctx) = self.ctx.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            let _ = ctx.cancel();
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for ReaderWatcher {
    fn drop(&mut self) {
        self.shutdown();
    }
}

fn run(
    stop: &AtomicBool,
    shared_ctx: &std::sync::Mutex<Option<Context>>,
    mut emit: impl FnMut(ReaderEvent),
) {
    let mut service_up = None::<bool>;
    while !stop.load(Ordering::SeqCst) {
        let ctx = match Context::establish(Scope::User) {
            Ok(c) => c,
            Err(_) => {
                if service_up != Some(false) {
                    emit(ReaderEvent::ServiceLost);
                    service_up = Some(false);
                }
                std::thread::sleep(WAIT_SLICE);
                continue;
            }
        };
        if service_up != Some(true) {
            emit(ReaderEvent::ServiceAvailable);
            service_up = Some(true);
        }
        *shared_ctx.lock().unwrap_or_else(|e| e.into_inner()) = Some(ctx.clone());
        let lost = watch(&ctx, stop, &mut emit);
        *shared_ctx.lock().unwrap_or_else(|e| e.into_inner()) = None;
        if lost && !stop.load(Ordering::SeqCst) {
            emit(ReaderEvent::ServiceLost);
            service_up = Some(false);
            std::thread::sleep(WAIT_SLICE);
        }
    }
}

/// Watch with one context until stopped (false) or the service goes (true).
fn watch(ctx: &Context, stop: &AtomicBool, emit: &mut impl FnMut(ReaderEvent)) -> bool {
    // states[0] is the PnP pseudo-reader; `present[i]` belongs to states[i + 1].
    // The states persist between calls and are synced after each change, so
    // the call blocks until something really changes.
    let mut states = vec![pcsc::ReaderState::new(PNP_NOTIFICATION(), State::UNAWARE)];
    let mut present: Vec<bool> = Vec::new();
    let mut refresh = true;
    loop {
        if stop.load(Ordering::SeqCst) {
            return false;
        }
        if refresh {
            refresh = false;
            let names: Vec<CString> = match ctx.list_readers_owned() {
                Ok(n) => n,
                Err(pcsc::Error::NoReadersAvailable) => Vec::new(),
                Err(_) => return true,
            };
            let mut i = 1;
            while i < states.len() {
                if names.iter().any(|n| n.as_c_str() == states[i].name()) {
                    i += 1;
                    continue;
                }
                let reader = states[i].name().to_string_lossy().into_owned();
                if present[i - 1] {
                    emit(ReaderEvent::TokenLifted {
                        reader: reader.clone(),
                    });
                }
                emit(ReaderEvent::ReaderRemoved { reader });
                states.remove(i);
                present.remove(i - 1);
            }
            for name in names {
                if !states[1..].iter().any(|s| s.name() == name.as_c_str()) {
                    emit(ReaderEvent::ReaderAdded {
                        reader: name.to_string_lossy().into_owned(),
                    });
                    states.push(pcsc::ReaderState::new(name, State::UNAWARE));
                    present.push(false);
                }
            }
        }
        match ctx.get_status_change(WAIT_SLICE, &mut states) {
            Ok(()) => {}
            Err(pcsc::Error::Timeout) | Err(pcsc::Error::Cancelled) => continue,
            Err(pcsc::Error::UnknownReader) | Err(pcsc::Error::ReaderUnavailable) => {
                refresh = true;
                continue;
            }
            Err(_) => return true,
        }
        if states[0].event_state().contains(State::CHANGED) {
            refresh = true;
        }
        for (i, state) in states.iter_mut().enumerate() {
            let flags = state.event_state();
            if !flags.contains(State::CHANGED) {
                continue;
            }
            state.sync_current_state();
            if i == 0 {
                continue;
            }
            if flags.intersects(State::UNAVAILABLE | State::UNKNOWN | State::IGNORE) {
                refresh = true;
            }
            let now = flags.contains(State::PRESENT) && !flags.contains(State::MUTE);
            if now != present[i - 1] {
                present[i - 1] = now;
                let reader = state.name().to_string_lossy().into_owned();
                emit(if now {
                    ReaderEvent::TokenPlaced {
                        reader,
                        atr: state.atr().to_vec(),
                    }
                } else {
                    ReaderEvent::TokenLifted { reader }
                });
            }
        }
    }
}

//! Where a station loop learns that a token was laid on or lifted off its
//! reader: a reader watcher's events split per reader, or a polled
//! function (the demo's virtual reader, tests); and the parts of one
//! reader's loop.

use super::batch::StationError;
use crate::card::connector::Connector;
use crate::card::watch::ReaderEvent;
use std::collections::HashMap;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// Token placement and removal on one reader, as its loop needs them.
pub trait Presence: Send {
    /// Block until a token lies on the reader (true) or `stop()` (false).
    fn wait_placed(&mut self, stop: &dyn Fn() -> bool) -> Result<bool, StationError>;
    /// Block until the token leaves the reader or `stop()`.
    fn wait_lifted(&mut self, stop: &dyn Fn() -> bool) -> Result<(), StationError>;
}

/// Presence on one reader from a reader watcher's events.
pub struct WatchedPresence {
    reader: String,
    events: Receiver<ReaderEvent>,
    present: bool,
}

impl WatchedPresence {
    /// Split one watcher's events into one presence per reader (a small
    /// thread forwards each event to its reader; it ends with the watcher).
    pub fn per_reader(
        events: Receiver<ReaderEvent>,
        readers: &[String],
        initially_present: &[String],
    ) -> Vec<WatchedPresence> {
        let mut senders: HashMap<String, Sender<ReaderEvent>> = HashMap::new();
        let mut out = Vec::new();
        for r in readers {
            let (tx, rx) = std::sync::mpsc::channel();
            senders.insert(r.clone(), tx);
            out.push(WatchedPresence {
                reader: r.clone(),
                events: rx,
                present: initially_present.contains(r),
            });
        }
        std::thread::Builder::new()
            .name("station-events".into())
            .spawn(move || {
                while let Ok(e) = events.recv() {
                    let name = match &e {
                        ReaderEvent::TokenPlaced { reader, .. }
                        | ReaderEvent::TokenLifted { reader }
                        | ReaderEvent::ReaderRemoved { reader } => Some(reader.clone()),
                        ReaderEvent::ServiceLost => None,
                        _ => continue,
                    };
                    match name {
                        Some(n) => {
                            if let Some(tx) = senders.get(&n) {
                                let _ = tx.send(e);
                            }
                        }
                        None => senders.values().for_each(|tx| {
                            let _ = tx.send(ReaderEvent::ServiceLost);
                        }),
                    }
                }
            })
            .ok();
        out
    }

    /// The reader this presence watches.
    pub fn reader(&self) -> &str {
        &self.reader
    }

    fn pump(&mut self) -> Result<(), StationError> {
        match self.events.recv_timeout(Duration::from_millis(100)) {
            Ok(ReaderEvent::TokenPlaced { .. }) => self.present = true,
            Ok(ReaderEvent::TokenLifted { .. } | ReaderEvent::ReaderRemoved { .. }) => {
                self.present = false
            }
            Ok(ReaderEvent::ServiceLost) | Err(RecvTimeoutError::Disconnected) => {
                return Err(StationError::ServiceLost);
            }
            Ok(_) | Err(RecvTimeoutError::Timeout) => {}
        }
        Ok(())
    }
}

impl Presence for WatchedPresence {
    fn wait_placed(&mut self, stop: &dyn Fn() -> bool) -> Result<bool, StationError> {
        loop {
            if self.present {
                return Ok(true);
            }
            if stop() {
                return Ok(false);
            }
            self.pump()?;
        }
    }

    fn wait_lifted(&mut self, stop: &dyn Fn() -> bool) -> Result<(), StationError> {
        while self.present && !stop() {
            self.pump()?;
        }
        Ok(())
    }
}

/// Presence by asking a function every 50 ms (the demo's virtual reader,
/// tests).
pub struct PolledPresence(pub Box<dyn Fn() -> bool + Send>);

impl Presence for PolledPresence {
    fn wait_placed(&mut self, stop: &dyn Fn() -> bool) -> Result<bool, StationError> {
        loop {
            if (self.0)() {
                return Ok(true);
            }
            if stop() {
                return Ok(false);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_lifted(&mut self, stop: &dyn Fn() -> bool) -> Result<(), StationError> {
        while (self.0)() && !stop() {
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(())
    }
}

/// One reader's loop parts.
pub struct ReaderLoop {
    /// Reader name.
    pub reader: String,
    /// Its token presence.
    pub presence: Box<dyn Presence>,
    /// Its connection.
    pub connector: Box<dyn Connector>,
}

/// One loop per named PC/SC reader, fed by one reader watcher (keep the
/// watcher alive while the loops run).
pub fn pcsc_reader_loops(
    names: &[String],
) -> Result<(Vec<ReaderLoop>, crate::card::watch::ReaderWatcher), crate::card::TransportError> {
    let (tx, rx) = std::sync::mpsc::channel();
    let watcher = crate::card::watch::ReaderWatcher::spawn(move |e| {
        let _ = tx.send(e);
    })?;
    let loops = WatchedPresence::per_reader(rx, names, &[])
        .into_iter()
        .map(|p| ReaderLoop {
            reader: p.reader().to_string(),
            presence: Box::new(p),
            connector: Box::new(crate::card::connector::PcscConnector) as Box<dyn Connector>,
        })
        .collect();
    Ok((loops, watcher))
}

//! The reader list as the UI sees it: fed by the PC/SC watcher thread (or
//! by the demo's virtual reader), with the reader to use picked
//! automatically unless the user chose one.

use crate::card::watch::{ReaderEvent, ReaderWatcher};
use crate::card::{ReaderInfo, ReaderState};
use std::sync::mpsc::{Receiver, channel};

/// The readers and which one to use.
pub struct Readers {
    /// Every reader and its state.
    pub list: Vec<ReaderInfo>,
    /// The reader the user picked (None: automatic).
    pub chosen: Option<String>,
    /// The smart-card service is not reachable.
    pub service_down: bool,
    events: Option<Receiver<ReaderEvent>>,
    _watcher: Option<ReaderWatcher>,
}

impl Readers {
    /// Readers fed by a PC/SC watcher; `repaint` wakes the UI on changes.
    pub fn watch_pcsc(repaint: impl Fn() + Send + 'static) -> Readers {
        let (tx, rx) = channel();
        let watcher = ReaderWatcher::spawn(move |e| {
            let _ = tx.send(e);
            repaint();
        })
        .ok();
        Readers {
            list: Vec::new(),
            chosen: None,
            service_down: watcher.is_none(),
            events: Some(rx),
            _watcher: watcher,
        }
    }

    /// Readers set by the caller (the demo's virtual reader, tests).
    pub fn fixed(list: Vec<ReaderInfo>) -> Readers {
        Readers {
            list,
            chosen: None,
            service_down: false,
            events: None,
            _watcher: None,
        }
    }

    /// Apply watcher events; returns whether anything changed.
    pub fn poll(&mut self) -> bool {
        let Some(rx) = &self.events else {
            return false;
        };
        let events: Vec<ReaderEvent> = rx.try_iter().collect();
        let mut changed = false;
        for e in events {
            changed = true;
            match e {
                ReaderEvent::ReaderAdded { reader } => {
                    if !self.list.iter().any(|r| r.name == reader) {
                        self.list.push(ReaderInfo {
                            name: reader,
                            state: ReaderState::Empty,
                        });
                    }
                }
                ReaderEvent::ReaderRemoved { reader } => self.list.retain(|r| r.name != reader),
                ReaderEvent::TokenPlaced { reader, atr } => {
                    self.set(&reader, ReaderState::TokenPresent { atr })
                }
                ReaderEvent::TokenLifted { reader } => self.set(&reader, ReaderState::Empty),
                ReaderEvent::ServiceLost => {
                    self.service_down = true;
                    self.list.clear();
                }
                ReaderEvent::ServiceAvailable => self.service_down = false,
            }
        }
        changed
    }

    /// Set one reader's state (adding it if new).
    pub fn set(&mut self, reader: &str, state: ReaderState) {
        match self.list.iter_mut().find(|r| r.name == reader) {
            Some(r) => r.state = state,
            None => self.list.push(ReaderInfo {
                name: reader.to_string(),
                state,
            }),
        }
    }

    /// The reader to use: the chosen one, else the only one with a token.
    pub fn target(&self) -> Option<&ReaderInfo> {
        if let Some(name) = &self.chosen {
            return self.list.iter().find(|r| &r.name == name);
        }
        let mut with_token = self.list.iter().filter(|r| r.state.has_token());
        match (with_token.next(), with_token.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }

    /// How many readers hold a token.
    pub fn tokens_present(&self) -> usize {
        self.list.iter().filter(|r| r.state.has_token()).count()
    }
}

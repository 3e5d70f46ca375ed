//! An in-process "reader" holding a [`VirtualToken`]: the transport used by
//! `--emulator`, the workflow tests and the demo. The token is shared, so a
//! test can look at it (or lift it) while the workflow talks to it.

use super::VirtualToken;
use crate::card::{Transport, TransportError};
use std::sync::{Arc, Mutex, MutexGuard};

/// A shared handle to an emulated token.
pub type SharedToken = Arc<Mutex<VirtualToken>>;

/// Lock a shared token, recovering from a poisoned lock (a panicking test
/// thread must not take the others down with it).
pub fn lock(token: &SharedToken) -> MutexGuard<'_, VirtualToken> {
    token.lock().unwrap_or_else(|e| e.into_inner())
}

/// A virtual reader with an emulated token lying on it.
#[derive(Debug, Clone)]
pub struct EmulatorLink {
    token: SharedToken,
    present: Arc<std::sync::atomic::AtomicBool>,
    name: String,
}

impl EmulatorLink {
    /// A reader named `name` holding `token`.
    pub fn new(token: SharedToken, name: &str) -> EmulatorLink {
        EmulatorLink {
            token,
            present: Arc::new(std::sync::atomic::AtomicBool::new(true)),
            name: name.to_string(),
        }
    }
    /// The token on this reader.
    pub fn token(&self) -> &SharedToken {
        &self.token
    }
    /// Whether the token lies on the reader.
    pub fn is_present(&self) -> bool {
        self.present.load(std::sync::atomic::Ordering::SeqCst)
    }
    /// Lay the token on the reader or lift it off.
    pub fn set_present(&self, present: bool) {
        self.present
            .store(present, std::sync::atomic::Ordering::SeqCst);
        if !present {
            lock(&self.token).end_session();
        }
    }
}

impl Transport for EmulatorLink {
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError> {
        if !self.present.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(TransportError::TokenRemoved);
        }
        Ok(lock(&self.token).process(apdu))
    }
    fn reader_name(&self) -> String {
        self.name.clone()
    }
}

/// The demo's in-process virtual reader.
#[derive(Debug, Clone)]
pub struct EmulatorConnector(pub EmulatorLink);

impl crate::card::connector::Connector for EmulatorConnector {
    fn run(
        &mut self,
        _reader: Option<&str>,
        op: &mut dyn FnMut(&mut dyn Transport),
    ) -> Result<(), TransportError> {
        if !self.0.is_present() {
            return Err(TransportError::NoToken);
        }
        op(&mut self.0);
        Ok(())
    }
}

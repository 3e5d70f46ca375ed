//! Running one operation against "the token on a reader": connect (or
//! take the in-process emulator), run the operation inside one PC/SC
//! transaction, disconnect. Used by the app's device worker and the
//! station's batch loop.

use super::pcsc::PcscReaders;
use super::{Transport, TransportError};
use crate::emulator::EmulatorLink;

/// Runs an operation against the token on a reader.
pub trait Connector: Send + 'static {
    /// Connect to `reader` (or the one holding a token) and run `op`.
    fn run(
        &mut self,
        reader: Option<&str>,
        op: &mut dyn FnMut(&mut dyn Transport),
    ) -> Result<(), TransportError>;
}

impl Connector for Box<dyn Connector> {
    fn run(
        &mut self,
        reader: Option<&str>,
        op: &mut dyn FnMut(&mut dyn Transport),
    ) -> Result<(), TransportError> {
        (**self).run(reader, op)
    }
}

/// Real readers through PC/SC, one transaction per operation.
#[derive(Debug, Default)]
pub struct PcscConnector;

impl Connector for PcscConnector {
    fn run(
        &mut self,
        reader: Option<&str>,
        op: &mut dyn FnMut(&mut dyn Transport),
    ) -> Result<(), TransportError> {
        let readers = PcscReaders::establish()?;
        let mut card = readers.open(reader)?;
        card.in_transaction(|t| op(t))
    }
}

/// The demo's in-process virtual reader.
#[derive(Debug, Clone)]
pub struct EmulatorConnector(pub EmulatorLink);

impl Connector for EmulatorConnector {
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

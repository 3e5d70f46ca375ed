//! Running one operation against "the token on a reader": connect, run the
//! operation inside one PC/SC transaction, disconnect. Used by the app's
//! device worker and the station's loops. (The demo's in-process reader
//! implements the same trait in `emulator::link`: this I/O layer does not
//! know the emulator.)

use super::pcsc::PcscReaders;
use super::{Transport, TransportError};

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

//! The one thing the burn workflow needs from a card: send APDU bytes, get
//! answer bytes. PC/SC readers, the in-process emulator and test fault
//! injectors all implement [`Transport`].

use thiserror::Error;

/// A failure to exchange an APDU (as opposed to an error status from the token).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum TransportError {
    /// The token left the reader (or was switched off) during the exchange.
    #[error("the token was removed")]
    TokenRemoved,
    /// No token on the reader.
    #[error("no token on the reader")]
    NoToken,
    /// No reader is plugged in.
    #[error("no reader")]
    NoReader,
    /// The reader was unplugged.
    #[error("the reader was unplugged")]
    ReaderRemoved,
    /// Another program holds the reader exclusively.
    #[error("the reader is in use by another program")]
    ReaderBusy,
    /// The smart-card service (pcscd / Windows "Smart Card") is not running.
    #[error("the smart-card service is not running")]
    ServiceUnavailable,
    /// The exchange took too long.
    #[error("the token did not answer in time")]
    Timeout,
    /// The transport is not available in this build or configuration.
    #[error("{what} is not available")]
    Unavailable {
        /// What was asked for.
        what: String,
    },
    /// Any other failure, with the driver's words.
    #[error("card communication failed: {detail}")]
    Other {
        /// The driver's description.
        detail: String,
    },
}

/// Sends command APDUs to a token and returns its answers (data + SW1 SW2).
pub trait Transport {
    /// Exchange one APDU.
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError>;
    /// Name of the reader, for messages and records.
    fn reader_name(&self) -> String;
}

impl<T: Transport + ?Sized> Transport for Box<T> {
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError> {
        (**self).transmit(apdu)
    }
    fn reader_name(&self) -> String {
        (**self).reader_name()
    }
}

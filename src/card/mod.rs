//! Reaching the token: the [`Transport`] trait the workflow speaks through,
//! PC/SC readers ([`pcsc`]), the choice of reader ([`select`]) and a
//! watcher for readers and tokens coming and going ([`watch`]).

pub mod connector;
pub mod pcsc;
pub mod select;
pub mod transport;
pub mod watch;

pub use select::{ReaderInfo, ReaderState, choose_reader};
pub use transport::{Transport, TransportError};

//! Reaching the token: the [`Transport`] trait the workflow speaks through,
//! PC/SC readers ([`pcsc`]), the choice of reader ([`select`]), a
//! watcher for readers and tokens coming and going ([`watch`]) and a
//! read-only probe that names a card which is not a token ([`probe`]).

pub mod connector;
pub mod pcsc;
pub mod probe;
pub mod select;
pub mod transport;
pub mod watch;

pub use probe::CardKind;
pub use select::{ReaderInfo, ReaderState, choose_reader};
pub use transport::{Transport, TransportError};

//! Reaching the token: the [`Transport`] trait the workflow speaks through.
//! PC/SC readers plug in here.

pub mod transport;

pub use transport::{Transport, TransportError};

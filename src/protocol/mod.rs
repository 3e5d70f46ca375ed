//! The token's wire protocol (see `shared/protocol.md`): APDU builders,
//! SM4 and MAC, info-record parsing, status words and the model table.
//! Pure: no I/O, no clock.

pub mod commands;
pub mod crypto;
pub mod info;
pub mod model;
pub mod status;

pub use commands::Apdu;
pub use info::{TokenInfo, parse_info};
pub use model::{Model, TimeSync, model_for_serial};
pub use status::{InfoError, ProtocolError, StatusWord, check_response};

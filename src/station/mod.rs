//! Provisioning stations: batches of tokens burned as they are laid on the
//! reader, an append-only record of every operation, kept secrets
//! encrypted at rest, and exports (records CSV, Entra ID hardware token CSV).

pub mod batch;
pub mod export;
pub mod handout;
pub mod operation;
pub mod presence;
pub mod private_files;
pub mod receipt;
pub mod records;
pub mod run;
pub mod source;
pub mod users;
pub mod vault;

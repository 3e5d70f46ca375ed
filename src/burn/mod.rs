//! The burn workflow over a [`crate::card::Transport`]: identify ->
//! authenticate -> write config -> write seed -> verify, with progress
//! events and an outcome that says exactly what the token holds.

mod outcome;
mod workflow;

pub use outcome::{
    BurnError, BurnReport, Failure, IdentifiedToken, Progress, Step, SyncReport, TokenState,
};
pub use workflow::{BurnPlan, burn, read_info, sync_time};

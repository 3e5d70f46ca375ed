//! The burn workflow over a [`crate::card::Transport`]: identify ->
//! authenticate -> write config -> write seed -> verify, with progress
//! events and an outcome that says exactly what the token holds.

mod outcome;
mod workflow;

pub use outcome::{
    BurnError, BurnReport, ErrorCode, Failure, IdentifiedToken, Progress, Step, SyncReport,
    TokenState,
};
pub use workflow::{BurnPlan, Guard, burn, burn_guarded, read_info, sync_time, sync_time_guarded};

//! What the records hold, as the store hands it out and takes it in: an
//! operation as listed ([`Record`], one per operation: its outcome row, or
//! its start read as interrupted), a row to append ([`NewRecord`]) and what
//! became of it ([`Outcome`]).

use serde::{Deserialize, Serialize};

use super::RecordsError;

/// What became of an operation, as it is appended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Started, no outcome recorded (yet): if it stays so, it was interrupted.
    Started,
    /// It worked.
    Ok,
    /// It failed (the token state says what the token holds).
    Failed,
}

/// Stored names of typed values: each type's one spelling in the store,
/// read back with [`Stored::parse`] (an unknown name is damage, not a
/// guess).
pub trait Stored: Sized + Copy + PartialEq + 'static {
    /// Every value, each with its stored name.
    const ALL: &'static [(Self, &'static str)];
    /// What the column is called, for the message about an unknown name.
    const COLUMN: &'static str;

    /// The stored name.
    fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(v, _)| *v == self)
            .map(|(_, n)| *n)
            .unwrap_or("")
    }

    /// The value of a stored name.
    fn parse(name: &str) -> Result<Self, RecordsError> {
        Self::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(v, _)| *v)
            .ok_or_else(|| RecordsError::Damaged {
                detail: format!("{} = {name:?}", Self::COLUMN),
            })
    }
}

impl Stored for Outcome {
    const ALL: &'static [(Self, &'static str)] = &[
        (Outcome::Started, "started"),
        (Outcome::Ok, "ok"),
        (Outcome::Failed, "failed"),
    ];
    const COLUMN: &'static str = "outcome";
}

/// What an operation did to a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Operation {
    /// A secret, its options and the clock written.
    Burn,
    /// Only the clock (and options) written.
    SyncTime,
}

impl Stored for Operation {
    const ALL: &'static [(Self, &'static str)] = &[
        (Operation::Burn, "burn"),
        (Operation::SyncTime, "sync-time"),
    ];
    const COLUMN: &'static str = "operation";
}

/// An operation as listed: what became of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// It worked.
    Ok,
    /// It failed (the token state says what the token holds).
    Failed,
    /// Started, and no outcome was recorded: the token may be blank.
    Interrupted,
}

impl Stored for Status {
    const ALL: &'static [(Self, &'static str)] = &[
        (Status::Ok, "ok"),
        (Status::Failed, "failed"),
        (Status::Interrupted, "interrupted"),
    ];
    const COLUMN: &'static str = "outcome";
}

impl Status {
    /// The status of an operation whose last row has this outcome.
    pub fn of(outcome: Outcome) -> Status {
        match outcome {
            Outcome::Started => Status::Interrupted,
            Outcome::Ok => Status::Ok,
            Outcome::Failed => Status::Failed,
        }
    }
}

/// What a token holds after a failed operation, as recorded (the burn's
/// [`crate::burn::TokenState`] without its time-sync detail).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeldState {
    /// Nothing was written.
    Untouched,
    /// The clock/options write got no answer.
    ConfigMaybeWritten,
    /// Clock and options written, secret not.
    ConfigWritten,
    /// The secret write got no answer.
    SeedMaybeWritten,
}

impl Stored for HeldState {
    const ALL: &'static [(Self, &'static str)] = &[
        (HeldState::Untouched, "untouched"),
        (HeldState::ConfigMaybeWritten, "config-maybe-written"),
        (HeldState::ConfigWritten, "config-written"),
        (HeldState::SeedMaybeWritten, "seed-maybe-written"),
    ];
    const COLUMN: &'static str = "token_state";
}

impl From<crate::burn::TokenState> for HeldState {
    fn from(s: crate::burn::TokenState) -> HeldState {
        use crate::burn::TokenState as T;
        match s {
            T::Untouched => HeldState::Untouched,
            T::ConfigMaybeWritten { .. } => HeldState::ConfigMaybeWritten,
            T::ConfigWritten { .. } => HeldState::ConfigWritten,
            T::SeedMaybeWritten { .. } => HeldState::SeedMaybeWritten,
        }
    }
}

/// The technician's check of a burned token: the code its display showed
/// after a power cycle, typed and compared with the burned secret's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    /// The typed code was the burned secret's (previous, current or next).
    Matched,
    /// The typed code was none of them.
    Mismatched,
    /// The technician skipped the check on purpose.
    Skipped,
}

impl Stored for Check {
    const ALL: &'static [(Self, &'static str)] = &[
        (Check::Matched, "matched"),
        (Check::Mismatched, "mismatched"),
        (Check::Skipped, "skipped"),
    ];
    const COLUMN: &'static str = "verdict";
}

/// A typed note on an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    /// Burned again on purpose (the serial held a secret before).
    Reburn,
    /// Finishes an interrupted operation.
    Resumed,
    /// The PC clock could not be checked before the clock write.
    PcClockUnverified,
    /// The PC clock was off and the operator overrode the check.
    PcClockOverridden,
}

impl Stored for Flag {
    const ALL: &'static [(Self, &'static str)] = &[
        (Flag::Reburn, "reburn"),
        (Flag::Resumed, "resumed"),
        (Flag::PcClockUnverified, "pc-clock-unverified"),
        (Flag::PcClockOverridden, "pc-clock-overridden"),
    ];
    const COLUMN: &'static str = "flags";
}

/// The notes on an operation (each flag at most once). Kept in their
/// stored form, comma-separated, which only typed flags ever enter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags(String);

impl Flags {
    /// These flags (each once, in the order given).
    pub fn of(flags: impl IntoIterator<Item = Flag>) -> Flags {
        let mut f = Flags::default();
        f.extend(flags);
        f
    }
    /// Add flags not there yet.
    pub fn extend(&mut self, flags: impl IntoIterator<Item = Flag>) {
        for flag in flags {
            if !self.contains(flag) {
                if !self.0.is_empty() {
                    self.0.push(',');
                }
                self.0.push_str(flag.as_str());
            }
        }
    }
    /// Whether `flag` is set.
    pub fn contains(&self, flag: Flag) -> bool {
        self.0.split(',').any(|n| n == flag.as_str())
    }
    /// Whether none is set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The stored form: comma-separated, None when empty.
    pub fn stored(&self) -> Option<&str> {
        (!self.0.is_empty()).then_some(self.0.as_str())
    }
    /// Read the stored form.
    pub fn parse(stored: Option<&str>) -> Result<Flags, RecordsError> {
        let mut f = Flags::default();
        for name in stored.unwrap_or("").split(',').map(str::trim) {
            if !name.is_empty() {
                f.extend([Flag::parse(name)?]);
            }
        }
        Ok(f)
    }
}

impl FromIterator<Flag> for Flags {
    fn from_iter<I: IntoIterator<Item = Flag>>(flags: I) -> Flags {
        Flags::of(flags)
    }
}

impl Serialize for Flags {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.stored().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Flags {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Flags, D::Error> {
        let stored = Option::<String>::deserialize(d)?;
        Flags::parse(stored.as_deref()).map_err(serde::de::Error::custom)
    }
}

/// One operation as stored (for a started operation with an outcome, the
/// outcome row; `outcome` is "interrupted" for a start without one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    /// Row number.
    pub id: i64,
    /// Unix seconds.
    pub time: i64,
    /// OS user who ran it.
    pub operator: String,
    /// Station (host) name.
    pub station: String,
    /// Reader name.
    pub reader: String,
    /// Token serial, when read.
    pub serial: Option<String>,
    /// Model name, when known.
    pub model: Option<String>,
    /// What it did.
    pub operation: Operation,
    /// "sha1" or "sha256".
    pub algorithm: Option<String>,
    /// 30 or 60.
    pub period: Option<i64>,
    /// Display timeout in seconds.
    pub display_timeout: Option<i64>,
    /// What became of it.
    pub outcome: Status,
    /// Older records: what went wrong, in words (never a secret).
    pub error: Option<String>,
    /// Typed error code (see [`crate::burn::ErrorCode`]).
    pub error_code: Option<String>,
    /// What the token holds after a failure.
    pub token_state: Option<HeldState>,
    /// Batch identifier, for station runs.
    pub batch: Option<String>,
    /// User (UPN) from a list or a link.
    pub upn: Option<String>,
    /// The user list it came from (a fingerprint of its users).
    pub list_id: Option<String>,
    /// Its row in that list (0-based).
    pub list_row: Option<i64>,
    /// Operation identifier shared by the started and outcome rows.
    pub op_id: Option<String>,
    /// Typed notes.
    pub flags: Flags,
    /// Whether an encrypted secret is kept with this record.
    pub secret_kept: bool,
    /// A later operation on the same serial exists.
    pub superseded: bool,
    /// The latest check of the code after the burn (None: none made, as
    /// for station and command-line burns).
    pub check: Option<Check>,
}

impl Record {
    /// A start whose outcome was never recorded: the token may be blank.
    pub fn interrupted(&self) -> bool {
        self.outcome == Status::Interrupted
    }
    /// Interrupted, and nothing was done to the token since: it needs
    /// laying on a station again.
    pub fn needs_finishing(&self) -> bool {
        self.interrupted() && !self.superseded
    }
    /// Whether the token may hold no (or a half-written) secret after this.
    pub fn token_in_doubt(&self) -> bool {
        self.operation == Operation::Burn
            && (self.interrupted()
                || (self.outcome == Status::Failed
                    && self.token_state.is_some_and(|s| s != HeldState::Untouched)))
    }
    /// A failure that left the token as it was.
    pub fn left_untouched(&self) -> bool {
        self.outcome == Status::Failed && self.token_state == Some(HeldState::Untouched)
    }
    /// A burn whose code check did not match or was skipped: the token may
    /// not show the secret the records hold (handing it out or exporting
    /// it asks first).
    pub fn check_failed(&self) -> bool {
        self.burned_ok() && matches!(self.check, Some(Check::Mismatched | Check::Skipped))
    }
    /// A successful burn.
    pub fn burned_ok(&self) -> bool {
        self.operation == Operation::Burn && self.outcome == Status::Ok
    }
}

/// A record to add (its id is assigned; its time too, unless given).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewRecord {
    /// When it happened (Unix seconds, by the station's clock); None: now.
    /// An outcome kept on the PC while the server was away is recorded
    /// with the time it happened, not the time it was delivered (which is
    /// still after its start in the store's own order).
    pub time: Option<i64>,
    /// Reader name.
    pub reader: String,
    /// Token serial.
    pub serial: Option<String>,
    /// Model name.
    pub model: Option<String>,
    /// What it does.
    pub operation: Operation,
    /// "sha1" or "sha256".
    pub algorithm: Option<String>,
    /// 30 or 60.
    pub period: Option<i64>,
    /// Display timeout in seconds.
    pub display_timeout: Option<i64>,
    /// Started, ok or failed.
    pub outcome: Outcome,
    /// Typed error code.
    pub error_code: Option<String>,
    /// Token state after a failure.
    pub token_state: Option<HeldState>,
    /// Batch identifier.
    pub batch: Option<String>,
    /// UPN.
    pub upn: Option<String>,
    /// User list fingerprint.
    pub list_id: Option<String>,
    /// Row in the list (0-based).
    pub list_row: Option<i64>,
    /// Operation identifier.
    pub op_id: Option<String>,
    /// Typed notes.
    pub flags: Flags,
    /// The secret encrypted by the vault, when kept.
    pub secret_enc: Option<Vec<u8>>,
    /// Vault key that encrypted it.
    pub key_id: Option<i64>,
}

impl NewRecord {
    /// A failure that left the token as it was (its list row is free again).
    pub fn left_untouched(&self) -> bool {
        self.outcome == Outcome::Failed && self.token_state == Some(HeldState::Untouched)
    }
}

impl Default for NewRecord {
    fn default() -> Self {
        NewRecord {
            time: None,
            reader: String::new(),
            serial: None,
            model: None,
            operation: Operation::Burn,
            algorithm: None,
            period: None,
            display_timeout: None,
            outcome: Outcome::Started,
            error_code: None,
            token_state: None,
            batch: None,
            upn: None,
            list_id: None,
            list_row: None,
            op_id: None,
            flags: Flags::default(),
            secret_enc: None,
            key_id: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn round_trips<T: Stored + std::fmt::Debug>() {
        for (v, name) in T::ALL {
            assert_eq!(v.as_str(), *name);
            assert_eq!(T::parse(name).unwrap(), *v);
        }
        let names: std::collections::HashSet<_> = T::ALL.iter().map(|(_, n)| n).collect();
        assert_eq!(names.len(), T::ALL.len(), "one name per value");
    }

    #[test]
    fn stored_names_round_trip() {
        round_trips::<Outcome>();
        round_trips::<Operation>();
        round_trips::<Status>();
        round_trips::<HeldState>();
        round_trips::<Flag>();
        round_trips::<Check>();
    }

    #[test]
    fn an_unknown_name_is_damage_not_a_guess() {
        let e = HeldState::parse("half-burnt").unwrap_err();
        assert!(matches!(&e, RecordsError::Damaged { detail } if detail.contains("token_state")));
        assert!(Operation::parse("Burn").is_err(), "names are exact");
        assert!(Flags::parse(Some("reburn,teleported")).is_err());
    }

    #[test]
    fn flags_keep_each_once_in_order() {
        let mut f = Flags::of([Flag::Reburn, Flag::PcClockUnverified, Flag::Reburn]);
        f.extend([Flag::PcClockUnverified]);
        assert_eq!(f.stored(), Some("reburn,pc-clock-unverified"));
        assert!(f.contains(Flag::Reburn) && !f.contains(Flag::Resumed));
        assert_eq!(Flags::default().stored(), None);
        assert_eq!(Flags::parse(None).unwrap(), Flags::default());
        assert_eq!(
            Flags::parse(Some(" resumed , reburn")).unwrap().stored(),
            Some("resumed,reburn")
        );
        assert_eq!(serde_json::to_string(&Flags::default()).unwrap(), "null");
    }

    proptest! {
        #[test]
        fn flags_parse_any_text_without_panic(text in ".{0,40}") {
            if let Ok(f) = Flags::parse(Some(&text)) {
                prop_assert_eq!(Flags::parse(f.stored()).unwrap(), f);
            }
        }

        #[test]
        fn flags_round_trip(picks in proptest::collection::vec(0..4usize, 0..8)) {
            let f = Flags::of(picks.iter().map(|i| Flag::ALL[*i].0));
            prop_assert_eq!(Flags::parse(f.stored()).unwrap(), f);
        }
    }
}

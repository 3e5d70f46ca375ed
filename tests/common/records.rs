//! The records store driven as a station drives it, for the store-level
//! tests: open a handle, start a burn that takes a list row, its outcome.

use totp_burner::station::records::{
    Begun, HeldState, NewRecord, NotBegun, Outcome, RowPick, Start, Store, StoreLocation,
};

/// A handle on the store at `loc` (a station's own connection).
pub fn open(loc: &StoreLocation, station: &str) -> Store {
    Store::open_at(loc, Some(station)).unwrap()
}

/// A started burn of `serial` at reader "r".
pub fn started(serial: &str) -> NewRecord {
    NewRecord {
        reader: "r".into(),
        serial: Some(serial.into()),
        ..Default::default()
    }
}

/// Start a burn of `serial` that takes the next free row of `list`.
pub fn begin_row(s: &Store, serial: &str, list: &str, rows: usize) -> Result<Begun, NotBegun> {
    let start = Start {
        record: started(serial),
        refuse_if_burned: true,
        pick: Some(RowPick {
            list_id: list,
            rows,
            from: 0,
            since: None,
        }),
    };
    s.begin(start, &mut |row, r: &mut NewRecord| {
        r.upn = row.map(|i| format!("user{i}@contoso.com"));
        Ok(())
    })
}

/// The outcome of `b`: ok, or failed leaving the token in `state`.
pub fn outcome(b: &Begun, serial: &str, state: Option<HeldState>) -> NewRecord {
    NewRecord {
        reader: "r".into(),
        serial: Some(serial.into()),
        op_id: Some(b.op_id.clone()),
        outcome: if state.is_none() {
            Outcome::Ok
        } else {
            Outcome::Failed
        },
        token_state: state,
        ..Default::default()
    }
}

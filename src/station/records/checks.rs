//! The technician's code check after a burn, appended next to the
//! operation it checks (by `op_id`). A check may be made again (a wrong
//! digit typed, the token power-cycled once more): every one is kept, and
//! the latest in the store's own order is the one the records show.

use super::db::Val;
use super::{Check, RecordsError, Store, Stored};

impl Store {
    /// Append the check of operation `op_id` (on token `serial`) in this
    /// station's name.
    pub fn add_check(
        &self,
        op_id: &str,
        serial: Option<&str>,
        check: Check,
    ) -> Result<(), RecordsError> {
        self.read(|db| {
            db.exec(
                "INSERT INTO code_checks (time, operator, station, op_id, serial, verdict)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                &[
                    Val::I(Some(self.now())),
                    Val::T(Some(&self.operator)),
                    Val::T(Some(&self.station)),
                    Val::T(Some(op_id)),
                    Val::T(serial),
                    Val::T(Some(check.as_str())),
                ],
            )
            .map(|_| ())
        })
    }
}

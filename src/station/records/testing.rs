//! Test hooks: what the tests do to a store that no program may (refuse
//! every write, try to rewrite history). Built only for the crate's own
//! tests and with the `test-hooks` feature, which `./dev.sh test` turns
//! on; never part of the program's API.

use super::{Db, RecordsError, Store};

/// Refuse every later write through `store` (tests of "the records cannot
/// be written": a full disk, a locked or read-only file, a server that
/// refuses, a station process killed before its outcome).
pub fn make_read_only(store: &Store) -> Result<(), RecordsError> {
    let sql = match &store.db {
        Db::Lite(_) => "PRAGMA query_only = ON",
        Db::Pg(_) => "SET default_transaction_read_only = on",
    };
    store.read(|db| db.exec(sql, &[]).map(|_| ()))
}

/// Whether UPDATE and DELETE are refused on the records and vault keys
/// (the append-only rule).
pub fn try_tamper(store: &Store) -> bool {
    refused_all(
        store,
        &[
            "UPDATE records SET outcome = 'ok'",
            "DELETE FROM records",
            "UPDATE vault_keys SET recipient = 'x'",
            "DELETE FROM vault_keys",
        ],
    )
}

/// Whether UPDATE and DELETE are refused on the code checks (hold one
/// first: on an empty table there is nothing to refuse).
pub fn try_tamper_checks(store: &Store) -> bool {
    refused_all(
        store,
        &[
            "UPDATE code_checks SET verdict = 'matched'",
            "DELETE FROM code_checks",
        ],
    )
}

/// Whether UPDATE and DELETE are refused on the hand-outs.
pub fn try_tamper_assignments(store: &Store) -> bool {
    refused_all(
        store,
        &[
            "UPDATE assignments SET upn = 'x'",
            "DELETE FROM assignments",
        ],
    )
}

fn refused_all(store: &Store, statements: &[&str]) -> bool {
    statements
        .iter()
        .all(|sql| store.write(&[], |db| db.exec(sql, &[])).is_err())
}

//! A fleet's station whose records server goes away, in-process (reader
//! slots with emulated tokens, the real PostgreSQL server `./dev.sh test`
//! starts, reached through a relay of our own that cuts the connection):
//! before a start (the token is not written; the station waits and goes on
//! by itself) and after the token was written (its outcome waits on the PC
//! and is delivered once, before the next token starts).

mod common;

use common::station::*;
use common::{pg, relay::Relay};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use totp_burner::station::records::Store;
use totp_burner::station::run::StationEvent;

/// Short deadlines: a cut server is noticed within seconds.
const TIMEOUTS: &str = "connect_timeout=2&query_timeout=2";

/// A fleet's station whose records server goes away: a token laid on then
/// is not written (no start can be recorded), the station says it waits
/// (and for how long) instead of stopping, and once the server answers
/// again it burns that same token by itself, recorded once.
#[test]
fn a_station_waits_for_its_records_server_and_goes_on_by_itself() {
    let db = pg::fresh_db("loop_away");
    Store::migrate_at(&pg::location(&db)).unwrap();
    let relay = Relay::start(pg::port().parse().unwrap());
    let store = Arc::new(
        Store::open_at(&pg::via(relay.port, &db, TIMEOUTS), None)
            .unwrap()
            .with_spool_folder(&common::run_dir("loop-away-spool")),
    );
    let slot = Slot::default();
    let run = start(
        config(users(LIST)),
        store.clone(),
        vec![reader(&slot, "r0", None)],
    );
    run.next("waiting", |e| matches!(e, StationEvent::Waiting { .. }));
    relay.cut();
    let a = token("86596000000651");
    slot.lay(&a);
    let waiting = run.next("records-waiting", |e| {
        matches!(e, StationEvent::RecordsWaiting { .. })
    });
    let StationEvent::RecordsWaiting { error, .. } = waiting else {
        unreachable!()
    };
    assert!(error.is_unreachable(), "{error:?}");
    // Still waiting a while later, and saying for how long.
    let later = run.next(
        "records-waiting again",
        |e| matches!(e, StationEvent::RecordsWaiting { waited, .. } if waited.as_secs() >= 1),
    );
    assert!(matches!(later, StationEvent::RecordsWaiting { .. }));
    assert_eq!(
        b32(&a),
        data_encoding::BASE32_NOPAD.encode(b"factory seed 20 byte"),
        "untouched"
    );
    relay.restore();
    let StationEvent::Burned { upn, .. } = run.burned() else {
        unreachable!()
    };
    assert_eq!(upn.as_deref(), Some("alice@contoso.com"));
    assert_eq!(b32(&a), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    slot.lift();
    run.finish().unwrap();
    let all = store.list(None).unwrap();
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(all[0].burned_ok());
}

/// The server goes away while the token is being written: the token is
/// burned, its outcome waits on the PC (the station says so and goes on,
/// it does not stop), the next token waits for the server (its start needs
/// the server, and the waiting outcome goes first), and once the server is
/// back both are recorded, each outcome once, in order.
#[test]
fn an_outcome_the_server_missed_waits_on_the_pc_and_the_station_goes_on() {
    let db = pg::fresh_db("loop_spool");
    Store::migrate_at(&pg::location(&db)).unwrap();
    let relay = Arc::new(Relay::start(pg::port().parse().unwrap()));
    let spool = common::run_dir("loop-spool");
    let _ = std::fs::remove_dir_all(&spool);
    let store = Arc::new(
        Store::open_at(&pg::via(relay.port, &db, TIMEOUTS), None)
            .unwrap()
            .with_spool_folder(&spool),
    );
    let elsewhere = Store::open_at(&pg::location(&db), None).unwrap();
    let cut: AtSeed = {
        let relay = relay.clone();
        Arc::new(move || {
            relay.cut();
            false // the write itself goes through: the token is burned
        })
    };
    let slot = Slot::default();
    let run = start(
        config(users(LIST)),
        store.clone(),
        vec![reader(
            &slot,
            "r0",
            Some((cut, Arc::new(AtomicBool::new(true)))),
        )],
    );
    let a = token("86596000000661");
    slot.lay(&a);
    let spooled = run.next("outcome-spooled", |e| {
        matches!(e, StationEvent::OutcomeSpooled { .. })
    });
    let StationEvent::OutcomeSpooled {
        serial,
        error,
        waiting,
        ..
    } = spooled
    else {
        unreachable!()
    };
    assert_eq!(serial.as_deref(), Some("86596000000661"));
    assert!(error.is_unreachable(), "{error:?}");
    assert_eq!(waiting, 1);
    let StationEvent::Burned { upn, .. } = run.burned() else {
        unreachable!()
    };
    assert_eq!(upn.as_deref(), Some("alice@contoso.com"));
    assert_eq!(b32(&a), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assert!(
        elsewhere.list(None).unwrap()[0].interrupted(),
        "elsewhere, until delivered"
    );

    // The next token: the server is still away, so it waits, untouched.
    run.lift(&slot, "r0");
    let b = token("86596000000662");
    slot.lay(&b);
    run.next("records-waiting", |e| {
        matches!(e, StationEvent::RecordsWaiting { .. })
    });
    assert_eq!(
        b32(&b),
        data_encoding::BASE32_NOPAD.encode(b"factory seed 20 byte")
    );
    assert_eq!(store.spooled_outcomes(), 1);
    // The waiting outcome holds no trace of the secret burned.
    let secret = data_encoding::BASE32_NOPAD
        .decode(b"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        .unwrap();
    let needles = common::leak::needles(&[&secret], "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    let kept = common::leak::files(&spool);
    assert_eq!(kept.len(), 1, "one outcome file");
    for (path, bytes) in &kept {
        let found = common::leak::found_in(bytes, &needles);
        assert!(found.is_empty(), "{}: {found:?}", path.display());
    }

    relay.restore();
    let StationEvent::Burned { upn, .. } = run.burned() else {
        unreachable!()
    };
    assert_eq!(upn.as_deref(), Some("bob@contoso.com"));
    slot.lift();
    let summary = run.finish().unwrap();
    assert_eq!(summary.burned, 2);
    assert_eq!(store.spooled_outcomes(), 0);
    let all = elsewhere.list(None).unwrap();
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(all.iter().all(|r| r.burned_ok()), "{all:?}");
    let outcomes: i64 = pg::client(&db)
        .query_one("SELECT count(*) FROM records WHERE outcome = 'ok'", &[])
        .unwrap()
        .get(0);
    assert_eq!(outcomes, 2, "each outcome once");
}

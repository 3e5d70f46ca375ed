//! The station loop without pcscd: readers are in-process slots that the
//! test lays emulated tokens on and lifts them off, while `run_batch` runs
//! on its own thread as it does in `batch` and in the app. Covers the
//! guarantees across runs at the store level: a burn cut between its
//! config and seed writes (the process "dies": the outcome is never
//! written), a user list stopped and started again, a serial burned in an
//! earlier run, and two readers sharing one list.

mod common;

use common::station::*;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use totp_burner::emulator::lock;
use totp_burner::station::records::Store;
use totp_burner::station::run::{BatchSource, StationEvent};

#[test]
fn a_burn_cut_between_config_and_seed_is_interrupted_and_finished_with_the_same_secret() {
    let path = records("kill");
    let slot = Slot::default();
    let store = Arc::new(Store::open(&path, None).unwrap());
    let armed = Arc::new(AtomicBool::new(true));
    let a = token("86596220000601"); // OTPC-P2-i: the clock write erases the secret
    slot.lay(&a);
    let run = start(
        config(users(LIST)),
        store.clone(),
        vec![reader(&slot, "r0", Some((kill_at_seed(&store), armed)))],
    );
    let failed = run.next("failed", |e| matches!(e, StationEvent::Failed { .. }));
    let StationEvent::Failed { token_state, .. } = failed else {
        unreachable!()
    };
    assert!(token_state.is_touched());
    slot.lift();
    // The outcome could not be written: the batch stops, like a dead process.
    let _ = run.finish();
    drop(store);
    assert!(
        lock(&a).seed_for_tests().is_none(),
        "the token is blank after its clock write"
    );

    // The next process sees an interrupted burn naming the serial.
    let store = Arc::new(Store::open(&path, None).unwrap());
    let list = store.list(None).unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    assert!(list[0].interrupted());
    assert_eq!(list[0].serial.as_deref(), Some("86596220000601"));
    assert_eq!(list[0].upn.as_deref(), Some("alice@contoso.com"));

    // The same list again: row 1 is not handed to a fresh token...
    let run = start(
        config(users(LIST)),
        store.clone(),
        vec![reader(&slot, "r0", None)],
    );
    let cont = run.next("continuing", |e| {
        matches!(e, StationEvent::Continuing { .. })
    });
    assert!(matches!(
        cont,
        StationEvent::Continuing { next: Some(1), .. }
    ));
    let b = token("86596220000602");
    slot.lay(&b);
    let StationEvent::Burned { upn, .. } = run.burned() else {
        unreachable!()
    };
    assert_eq!(upn.as_deref(), Some("bob@contoso.com"));
    assert_eq!(b32(&b), "MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK");
    run.lift(&slot, "r0");
    // ...and the interrupted token, laid on again, is finished with alice's secret.
    slot.lay(&a);
    let resuming = run.next("resuming", |e| matches!(e, StationEvent::Resuming { .. }));
    assert!(matches!(
        resuming,
        StationEvent::Resuming {
            same_secret: true,
            ..
        }
    ));
    let StationEvent::Burned { upn, resumed, .. } = run.burned() else {
        unreachable!()
    };
    assert!(resumed);
    assert_eq!(upn.as_deref(), Some("alice@contoso.com"));
    assert_eq!(b32(&a), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    slot.lift();
    let summary = run.finish().unwrap();
    assert_eq!(summary.burned, 2);
    assert_eq!(summary.resumed, 1);
    assert_eq!(summary.rows_left, vec![2]);
    assert!(store.interrupted().unwrap().is_empty());
}

#[test]
fn a_list_stopped_and_started_again_never_burns_a_row_twice() {
    let path = records("restart");
    let slot = Slot::default();
    let store = Arc::new(Store::open(&path, None).unwrap());
    let run = start(
        config(users(LIST)),
        store.clone(),
        vec![reader(&slot, "r0", None)],
    );
    let a = token("86596000000611");
    slot.lay(&a);
    run.burned();
    slot.lift();
    run.finish().unwrap();

    let run = start(
        config(users(LIST)),
        store.clone(),
        vec![reader(&slot, "r0", None)],
    );
    let b = token("86596000000612");
    slot.lay(&b);
    let StationEvent::Burned { upn, row, .. } = run.burned() else {
        unreachable!()
    };
    assert_eq!((upn.as_deref(), row), (Some("bob@contoso.com"), Some(1)));
    assert_ne!(b32(&a), b32(&b));
    slot.lift();
    run.finish().unwrap();

    // An explicit start row burns row 1 again, and says so first.
    let mut c = config(users(LIST));
    c.start_row = Some(0);
    let run = start(c, store.clone(), vec![reader(&slot, "r0", None)]);
    let over = run.next("override", |e| {
        matches!(e, StationEvent::StartRowOverride { .. })
    });
    assert!(matches!(
        over,
        StationEvent::StartRowOverride { row: 0, ref done_again } if done_again == &vec![0, 1]
    ));
    run.finish().unwrap();
}

#[test]
fn a_serial_burned_in_an_earlier_run_is_refused_without_reburn() {
    let path = records("reburn");
    let slot = Slot::default();
    let store = Arc::new(Store::open(&path, None).unwrap());
    let a = token("86596220000621");
    let run = start(
        config(BatchSource::Random { count: Some(1) }),
        store.clone(),
        vec![reader(&slot, "r0", None)],
    );
    slot.lay(&a);
    run.burned();
    slot.lift();
    assert_eq!(run.done.join().unwrap().unwrap().burned, 1);
    let first = b32(&a);

    let run = start(
        config(BatchSource::Random { count: Some(1) }),
        store.clone(),
        vec![reader(&slot, "r0", None)],
    );
    slot.lay(&a);
    let refused = run.next("already-burned", |e| {
        matches!(e, StationEvent::AlreadyBurned { .. })
    });
    assert!(matches!(
        refused,
        StationEvent::AlreadyBurned {
            this_run: false,
            ref batch,
            ..
        } if batch.as_deref() == Some("b")
    ));
    assert_eq!(b32(&a), first, "the token keeps its secret");
    slot.lift();
    let s = run.finish().unwrap();
    assert_eq!((s.burned, s.refused), (0, 1));

    let mut c = config(BatchSource::Random { count: Some(1) });
    c.reburn = true;
    let run = start(c, store.clone(), vec![reader(&slot, "r0", None)]);
    slot.lay(&a);
    run.burned();
    assert_ne!(b32(&a), first, "burned again on purpose");
    slot.lift();
    run.done.join().unwrap().unwrap();
    let last = store.last_for_serial("86596220000621").unwrap().unwrap();
    use totp_burner::station::records::Flag;
    assert!(last.flags.contains(Flag::Reburn), "{:?}", last.flags);
    assert!(
        last.flags.contains(Flag::PcClockUnverified),
        "{:?}",
        last.flags
    );
}

#[test]
fn two_readers_burn_at_once_with_distinct_rows() {
    let path = records("two");
    let (s0, s1) = (Slot::default(), Slot::default());
    let store = Arc::new(Store::open(&path, None).unwrap());
    let (a, b) = (token("86596000000631"), token("86596000000632"));
    s0.lay(&a);
    s1.lay(&b);
    let run = start(
        config(users(LIST)),
        store.clone(),
        vec![reader(&s0, "r0", None), reader(&s1, "r1", None)],
    );
    let mut rows = Vec::new();
    let mut readers = Vec::new();
    for _ in 0..2 {
        let StationEvent::Burned { row, reader, .. } = run.burned() else {
            unreachable!()
        };
        rows.push(row.unwrap());
        readers.push(reader);
    }
    rows.sort();
    readers.sort();
    assert_eq!(rows, vec![0, 1]);
    assert_eq!(readers, vec!["r0", "r1"]);
    assert_ne!(b32(&a), b32(&b));
    s0.lift();
    run.lift(&s1, "r1");
    let c = token("86596000000633");
    s1.lay(&c);
    let StationEvent::Burned { row, .. } = run.burned() else {
        unreachable!()
    };
    assert_eq!(row, Some(2));
    s1.lift();
    // The list is done: the loops end by themselves.
    let s = run.done.join().unwrap().unwrap();
    assert_eq!(s.burned, 3);
    assert!(s.rows_left.is_empty());
}

/// Two stations (each its own process in the field: here each its own
/// connection to the one records file, its own batch and its own reader)
/// run one user list at once: every row reaches exactly one token, and the
/// list is done for both when its last row is taken at either.
#[test]
fn two_stations_on_one_records_file_never_burn_one_row_twice() {
    let path = records("two-stations");
    let (s0, s1) = (Slot::default(), Slot::default());
    let store_a = Arc::new(Store::open(&path, Some("st-a")).unwrap());
    let store_b = Arc::new(Store::open(&path, Some("st-b")).unwrap());
    let run_a = start(
        config(users(LIST)),
        store_a.clone(),
        vec![reader(&s0, "r0", None)],
    );
    let run_b = start(
        config(users(LIST)),
        store_b.clone(),
        vec![reader(&s1, "r1", None)],
    );
    let (a, b) = (token("86596000000641"), token("86596000000642"));
    s0.lay(&a);
    s1.lay(&b);
    let burned_row = |run: &Running| {
        let StationEvent::Burned { row, .. } = run.burned() else {
            unreachable!()
        };
        row.unwrap()
    };
    let (row_a, row_b) = (burned_row(&run_a), burned_row(&run_b));
    assert_ne!(row_a, row_b, "one row burned into two tokens");
    assert_ne!(b32(&a), b32(&b));
    run_a.lift(&s0, "r0");
    let c = token("86596000000643");
    s0.lay(&c);
    let row_c = burned_row(&run_a);
    let mut rows = vec![row_a, row_b, row_c];
    rows.sort();
    assert_eq!(rows, vec![0, 1, 2]);
    s0.lift();
    s1.lift();
    // The list is done at both stations: both loops end by themselves.
    let (sa, sb) = (
        run_a.done.join().unwrap().unwrap(),
        run_b.done.join().unwrap().unwrap(),
    );
    assert_eq!((sa.burned, sb.burned), (2, 1));
    assert!(sa.rows_left.is_empty() && sb.rows_left.is_empty());
    // Each user's secret is in exactly one serial's burn.
    let ok: Vec<_> = store_a
        .list(None)
        .unwrap()
        .into_iter()
        .filter(|r| r.burned_ok())
        .collect();
    assert_eq!(ok.len(), 3, "{ok:?}");
    let mut upns: Vec<_> = ok.iter().filter_map(|r| r.upn.clone()).collect();
    upns.sort();
    upns.dedup();
    assert_eq!(upns.len(), 3, "{ok:?}");
}

/// A records file with a list of known serials: a token not on it is
/// refused before anything is written (its row stays free for the next
/// token), and the run's summary counts it as failed, as the app does.
#[test]
fn a_token_not_on_the_known_serials_is_refused_and_counted() {
    let path = records("stock");
    let store = Arc::new(Store::open(&path, None).unwrap());
    store
        .import_stock(
            &totp_burner::station::records::parse_stock("86596220000702\n"),
            "vendor.csv",
        )
        .unwrap();
    let slot = Slot::default();
    let run = start(
        config(users(LIST)),
        store.clone(),
        vec![reader(&slot, "r0", None)],
    );
    let stranger = token("86596220000701");
    slot.lay(&stranger);
    let failed = run.next("failed", |e| matches!(e, StationEvent::Failed { .. }));
    let StationEvent::Failed { serial, error, .. } = failed else {
        unreachable!()
    };
    assert_eq!(serial.as_deref(), Some("86596220000701"));
    assert!(
        error.to_string().contains("not on the known serials"),
        "{error}"
    );
    assert_eq!(
        b32(&stranger),
        data_encoding::BASE32_NOPAD.encode(b"factory seed 20 byte"),
        "untouched"
    );
    run.lift(&slot, "r0");
    let known = token("86596220000702");
    slot.lay(&known);
    let StationEvent::Burned { upn, .. } = run.burned() else {
        unreachable!()
    };
    assert_eq!(
        upn.as_deref(),
        Some("alice@contoso.com"),
        "the row stayed free"
    );
    slot.lift();
    let summary = run.finish().unwrap();
    assert_eq!((summary.burned, summary.failed), (1, 1));
}

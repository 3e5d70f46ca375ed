//! The records in use, chosen in the real egui app (egui_kittest) against
//! the real PostgreSQL server `./dev.sh test` starts, reached through a
//! relay of our own: the Records view says which records are used and
//! their state, an operator enters a server's address and password, and
//! from then on every view uses that server (the records table, the
//! burner's records); the address is remembered without its password, the
//! password field is wiped, and a server that goes away is said as such.

mod common;

use common::gui::{NOW, click, demo_app, has, pump, token_identified, type_into, type_secret};
use common::{pg, relay::Relay};
use totp_burner::app::demo::DEMO_URI;
use totp_burner::app::store_choice::StoreState;
use totp_burner::clock::ManualClock;
use totp_burner::station::records::{NewRecord, Outcome, Store};

#[test]
fn an_operator_connects_the_app_to_a_records_server_and_every_view_uses_it() {
    let db = pg::fresh_db("gui_store");
    let admin_at = pg::location(&db);
    Store::migrate_at(&admin_at).unwrap();
    let admin = Store::open_at(&admin_at, None).unwrap();
    admin
        .add(&NewRecord {
            reader: "Virtual PCD 00 01".into(),
            serial: Some("86596220000777".into()),
            outcome: Outcome::Ok,
            op_id: Some("op-elsewhere".into()),
            ..Default::default()
        })
        .unwrap();
    let relay = Relay::start(pg::port().parse().unwrap());
    let address = format!(
        "postgresql://postgres@127.0.0.1:{}/{db}?connect_timeout=2&query_timeout=2",
        relay.port
    );

    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    click(&mut h, "Records");
    assert!(has(&h, "Records:"), "which records are used is shown");
    click(&mut h, "Change…");
    type_into(&mut h, "Records server (or file)", &address);
    let password = pg::password();
    type_into(&mut h, "Password", &password);
    click(&mut h, "Connect");
    pump(&mut h, "connected to the server", |h| {
        matches!(h.state().store.state, StoreState::Ready { .. })
            && h.state()
                .store
                .location
                .as_ref()
                .is_some_and(|l| l.is_server())
    });
    assert!(h.state().store.password.is_empty(), "the field is wiped");
    assert!(has(
        &h,
        &format!("postgresql://postgres@127.0.0.1:{}/{db}", relay.port)
    ));
    assert!(has(&h, "connected"));
    pump(&mut h, "the server's records in the table", |h| {
        has(h, "86596220000777")
    });
    // Remembered without the password.
    let saved = h.state().workers.settings.records.clone();
    assert_eq!(saved.as_deref(), Some(address.as_str()));
    h.run_steps(2); // the settings are saved after the frame that changed them
    let file = h.state().workers.settings.path.clone().unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains(&format!("127.0.0.1:{}", relay.port)),
        "{text}"
    );
    assert!(!text.contains(&password), "the password is never saved");
    assert!(
        h.state().station.location().is_some_and(|l| l.is_server()),
        "the station view uses it too"
    );

    // The burner's burn is recorded on the server.
    click(&mut h, "Burner");
    pump(&mut h, "the token to be read", token_identified);
    type_secret(&mut h, DEMO_URI);
    click(&mut h, "Burn (Enter)");
    pump(&mut h, "the burn's result", |h| {
        h.state().burner.bench.result.is_some()
    });
    let burned = admin.list(Some("86596220000001")).unwrap();
    assert_eq!(burned.len(), 1, "{burned:?}");
    assert!(burned[0].burned_ok());

    // The server goes away: said as such when checked.
    relay.cut();
    click(&mut h, "Records");
    click(&mut h, "Check");
    pump(&mut h, "the server unreachable", |h| {
        matches!(h.state().store.state, StoreState::Unreachable { .. })
    });
    assert!(has(&h, "unreachable"));

    // Back to this PC's file: remembered as such.
    click(&mut h, "Change…");
    click(&mut h, "Use this PC's file");
    assert_eq!(h.state().workers.settings.records, None);
    assert!(h.state().records.location().is_some_and(|l| !l.is_server()));
}

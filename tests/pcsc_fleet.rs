//! Several stations on one list through a real pcscd: two `batch`
//! processes on the two virtual readers, on one records file and on a
//! PostgreSQL server (the throw-away one `./dev.sh test` starts) with a
//! login per station; a station killed mid-burn on the server and its token
//! finished at the other. Serial: one daemon, fixed ports.

mod common;

use common::pcsc::*;
use common::{bin, json, text};
use serde_json::Value;
use totp_burner::emulator::lock;
use totp_burner::emulator::vpcd::{VpcdBridge, VpcdOptions};

/// Issue 21, as reproduced on main: two `batch` processes on the two
/// virtual readers, one user list and one records file, started together.
/// Each row reaches one token; the list continues across the processes,
/// and both end by themselves when its last row is taken at either.
#[test]
fn two_batch_processes_on_one_list_burn_distinct_rows() {
    let records = temp_records("two-stations");
    let file = Station {
        name: "st-a",
        records: records.to_str().unwrap(),
        env: vec![],
    };
    two_stations(
        &file,
        &Station {
            name: "st-b",
            ..file.clone()
        },
    );
}

/// The same with the records on a PostgreSQL server (the throw-away one of
/// `./dev.sh test`) set up as an administrator does: `records init` (the
/// fleet's key under the passphrase), one login per station with
/// `records add-station`, each station's password in PGPASSWORD as libpq
/// takes it. The stations seal kept secrets without the passphrase, their
/// records carry their logins' names, and the Entra export made on the
/// administrator's side holds exactly the secrets the two stations burned.
#[test]
fn two_batch_processes_on_a_postgresql_server_burn_distinct_rows() {
    let fleet = Fleet::new("two_stations");
    let password = fleet.password.clone();
    let logins = fleet.stations(&["a", "b"]);
    let urls: Vec<String> = logins.iter().map(|l| fleet.url_of(l)).collect();
    let station = |i: usize| Station {
        name: &logins[i],
        records: &urls[i],
        env: vec![("PGPASSWORD", password.as_str())],
    };
    let seeds = two_stations(&station(0), &station(1));
    let entra = temp_records("two-stations-pg").with_file_name("entra.csv");
    let entra_path = entra.to_str().unwrap();
    fleet.admin(&["records", "export", "--entra", entra_path], &[]);
    let exported = std::fs::read_to_string(&entra).unwrap();
    for (serial, seed) in seeds {
        assert!(
            exported.contains(&format!("{serial},{}", b32(&seed))),
            "{serial} missing from {exported}"
        );
    }
}

/// A records server set up as an administrator does it: a fresh database,
/// `records init` (the fleet's key under the passphrase), and station
/// logins made with `records add-station`, all with one test password.
struct Fleet {
    admin_url: String,
    password: String,
}

impl Fleet {
    fn new(name: &str) -> Fleet {
        let fleet = Fleet {
            admin_url: common::pg::url(&common::pg::fresh_db(name)),
            password: format!("station-{}", std::process::id()),
        };
        fleet.admin(&["records", "init"], &[]);
        fleet
    }

    /// Run `totp-burner ARGS --records ADMIN_URL` as the administrator.
    fn admin(&self, args: &[&str], extra: &[(&str, &str)]) -> std::process::Output {
        let o = bin()
            .args(args)
            .args(["--records", &self.admin_url])
            .env("PGPASSWORD", common::pg::password())
            .env("TOTP_BURNER_PASSPHRASE", "station passphrase")
            .envs(extra.iter().copied())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stderr));
        o
    }

    /// Station logins for these names (this run's own: logins are the server's).
    fn stations(&self, names: &[&str]) -> Vec<String> {
        names
            .iter()
            .map(|n| {
                let login = format!("st_{n}_{}", std::process::id());
                self.admin(
                    &["records", "add-station", &login],
                    &[("TOTP_BURNER_STATION_PASSWORD", &self.password)],
                );
                login
            })
            .collect()
    }

    /// A station's address.
    fn url_of(&self, login: &str) -> String {
        self.admin_url.replace("postgres@", &format!("{login}@"))
    }
}

/// One station of [`two_stations`]: its name in the records, its records
/// and the environment it gets.
#[derive(Clone)]
struct Station<'a> {
    name: &'a str,
    records: &'a str,
    env: Vec<(&'a str, &'a str)>,
}

/// Two `batch` processes, one per virtual reader, on one three-user list,
/// each on its records: the serials and the secrets they hold.
fn two_stations(sa: &Station<'_>, sb: &Station<'_>) -> Vec<(String, Vec<u8>)> {
    let _g = serial();
    let list = temp_records("two-stations-list").with_file_name("users.csv");
    std::fs::write(
        &list,
        "upn,secret\n\
         user0@contoso.com,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n\
         user1@contoso.com,MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK\n\
         user2@contoso.com,ONSWG4TFORSWG4TFORSWG4TFORSWG4TF\n",
    )
    .unwrap();
    let list = list.to_str().unwrap();
    let a_run = Batch::start_env(
        &[
            "--csv",
            list,
            "--reader",
            READER0,
            "--station",
            sa.name,
            "--keep-secrets",
        ],
        std::path::Path::new(sa.records),
        &sa.env,
    );
    let b_run = Batch::start_env(
        &[
            "--csv",
            list,
            "--reader",
            READER1,
            "--station",
            sb.name,
            "--keep-secrets",
        ],
        std::path::Path::new(sb.records),
        &sb.env,
    );
    a_run.next("waiting");
    b_run.next("waiting");
    let (a, b) = (
        token("86596220000061", false, 0),
        token("86596220000062", false, 0),
    );
    let bridge_a = VpcdBridge::spawn(a.clone(), VpcdOptions::port(PORT0), |_| {});
    let bridge_b = VpcdBridge::spawn(b.clone(), VpcdOptions::port(PORT1), |_| {});
    let upn_a = a_run.next("burned")["upn"].clone();
    let upn_b = b_run.next("burned")["upn"].clone();
    assert_ne!(upn_a, upn_b, "one user burned into two tokens");
    let seed = |t: &totp_burner::emulator::SharedToken| lock(t).seed_for_tests().unwrap().to_vec();
    assert_ne!(seed(&a), seed(&b));
    lift(bridge_a, PORT0);
    lift(bridge_b, PORT1);
    let c = token("86596220000063", false, 0);
    let bridge_c = VpcdBridge::spawn(c.clone(), VpcdOptions::port(PORT0), |_| {});
    let upn_c = a_run.next("burned")["upn"].clone();
    lift(bridge_c, PORT0);
    let mut upns = vec![upn_a, upn_b, upn_c];
    upns.sort_by_key(|v| v.to_string());
    assert_eq!(
        upns,
        vec![
            "user0@contoso.com",
            "user1@contoso.com",
            "user2@contoso.com"
        ]
    );
    let (code, err) = a_run.finish();
    assert_eq!(code, Some(0), "{err}");
    let (code, err) = b_run.finish();
    assert_eq!(code, Some(0), "{err}");

    // The records: three ok burns, one per user, each by its station.
    let o = bin()
        .args(["records", "list", "--json", "--records", sa.records])
        .envs(sa.env.iter().copied())
        .output()
        .unwrap();
    let all = json(&o)["records"].as_array().unwrap().clone();
    let ok: Vec<&Value> = all.iter().filter(|r| r["outcome"] == "ok").collect();
    assert_eq!(ok.len(), 3, "{all:?}");
    let mut users: Vec<String> = ok.iter().map(|r| r["upn"].to_string()).collect();
    users.sort();
    users.dedup();
    assert_eq!(users.len(), 3, "{all:?}");
    let stations: Vec<&str> = ok.iter().filter_map(|r| r["station"].as_str()).collect();
    assert!(
        stations.contains(&sa.name) && stations.contains(&sb.name),
        "{stations:?}"
    );
    [
        ("86596220000061", &a),
        ("86596220000062", &b),
        ("86596220000063", &c),
    ]
    .into_iter()
    .map(|(serial, t)| (serial.to_string(), seed(t)))
    .collect()
}

/// A fleet on a PostgreSQL server: station A is killed (SIGKILL) between a
/// token's clock/options write and its secret write; laid on station B,
/// the token is found interrupted and finished there: with its list row's
/// secret when it came from a list (B has the list), with a new secret
/// that supersedes the old one in a random batch (B cannot open A's kept
/// secret, and does not need to). The Entra export then holds exactly
/// what each token holds.
#[test]
fn a_station_killed_mid_burn_on_a_server_is_finished_at_another_station() {
    let fleet = Fleet::new("killed");
    let password = fleet.password.clone();
    let urls: Vec<String> = fleet
        .stations(&["ka", "kb"])
        .iter()
        .map(|l| fleet.url_of(l))
        .collect();
    let env = [("PGPASSWORD", password.as_str())];
    let _g = serial();
    let list = temp_records("killed-list").with_file_name("users.csv");
    std::fs::write(
        &list,
        "upn,secret\n\
         kim@contoso.com,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n\
         lee@contoso.com,MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK\n",
    )
    .unwrap();
    let list = list.to_str().unwrap();

    // Kill a station at a token's config write; the token is left blank.
    let killed_at_config = |args: &[&str], url: &str, serial: &str| {
        let batch = Batch::start_env(args, std::path::Path::new(url), &env);
        let t = token(serial, true, 0);
        killed_at_config_write(batch, &t);
        t
    };
    // Finish it on station B's reader.
    let finished_at_b = |args: &[&str], t: &totp_burner::emulator::SharedToken| {
        let b = Batch::start_env(args, std::path::Path::new(&urls[1]), &env);
        b.next("waiting");
        let bridge = VpcdBridge::spawn(t.clone(), VpcdOptions::port(PORT1), |_| {});
        let resuming = b.next("resuming");
        let burned = b.next("burned");
        assert_eq!(burned["resumed"], true);
        lift(bridge, PORT1);
        interrupt(&b);
        let (code, err) = b.finish();
        assert_eq!(code, Some(0), "{err}");
        (resuming, burned)
    };

    let listed = ["--csv", list, "--keep-secrets", "--reader"];
    let a_args = [&listed[..], &[READER0]].concat();
    let b_args = [&listed[..], &[READER1]].concat();
    let t1 = killed_at_config(&a_args, &urls[0], "86596220000801");
    let (resuming, burned) = finished_at_b(&b_args, &t1);
    assert_eq!(resuming["same_secret"], true, "{resuming}");
    assert_eq!(burned["upn"], "kim@contoso.com");
    assert_eq!(
        lock(&t1).seed_for_tests().unwrap(),
        b"12345678901234567890",
        "kim's secret from the list"
    );

    let random = ["--random", "--keep-secrets", "--reader"];
    let t2 = killed_at_config(
        &[&random[..], &[READER0]].concat(),
        &urls[0],
        "86596220000802",
    );
    let (resuming, _) = finished_at_b(&[&random[..], &[READER1]].concat(), &t2);
    assert_eq!(resuming["same_secret"], false, "{resuming}");

    // Kim's token goes to Entra with kim; the random one to the unassigned
    // list (no user yet): each with what it holds now.
    let entra = temp_records("killed-entra").with_file_name("entra.csv");
    let unassigned = entra.with_file_name("unassigned.csv");
    fleet.admin(
        &[
            "records",
            "export",
            "--entra",
            entra.to_str().unwrap(),
            "--unassigned",
            unassigned.to_str().unwrap(),
        ],
        &[],
    );
    let exported =
        std::fs::read_to_string(&entra).unwrap() + &std::fs::read_to_string(&unassigned).unwrap();
    for t in [&t1, &t2] {
        let guard = lock(t);
        let serial = guard.serial().to_string();
        let seed = b32(guard.seed_for_tests().unwrap());
        let line = exported
            .lines()
            .find(|l| l.contains(&serial))
            .unwrap_or_else(|| panic!("{serial} missing from {exported}"));
        assert!(
            line.contains(&seed),
            "{line} does not hold the token's {seed}"
        );
    }
}

//! `records list` reads the store a page at a time: with more operations
//! than a page holds, the JSON is still one document holding every
//! operation oldest first (the same as the store's whole list), the text
//! has one line per operation, and interrupted ones are counted over all
//! pages.

mod common;

use common::{bin, json, text};
use totp_burner::station::records::{NewRecord, Outcome, Store};

#[test]
fn records_list_pages_through_more_than_a_page() {
    let dir = common::run_dir("records-list");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("records.sqlite");
    let store = Store::open(&path, Some("desk")).unwrap();
    let total = 2_345;
    for i in 0..total {
        store
            .add(&NewRecord {
                reader: "r".into(),
                serial: Some(format!("8659622{i:07}")),
                // Every 1000th is a start with no outcome: interrupted.
                outcome: if i % 1000 == 7 {
                    Outcome::Started
                } else {
                    Outcome::Ok
                },
                op_id: Some(format!("op{i}")),
                ..Default::default()
            })
            .unwrap();
    }
    let p = path.to_str().unwrap();
    let o = bin()
        .args(["records", "list", "--json", "--records", p])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v = json(&o);
    assert_eq!(v["ok"], true);
    let listed = v["records"].as_array().unwrap();
    assert_eq!(listed.len(), total);
    let whole = serde_json::to_value(store.list(None).unwrap()).unwrap();
    assert_eq!(&v["records"], &whole, "the pages put together are the list");
    assert!(text(&o.stderr).contains("3 operation(s) were interrupted"));

    let o = bin()
        .args(["records", "list", "--records", p])
        .output()
        .unwrap();
    let out = text(&o.stdout);
    assert_eq!(out.lines().count(), total);
    assert!(out.lines().next().unwrap().contains("86596220000000"));
    assert!(out.lines().last().unwrap().contains("86596220002344"));

    // An empty store: still one JSON document.
    let empty = dir.join("empty.sqlite");
    drop(Store::open(&empty, None).unwrap());
    let o = bin()
        .args(["records", "list", "--json", "--records"])
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(json(&o)["records"], serde_json::json!([]));
}

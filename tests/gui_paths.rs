//! Paths chosen in the platform's file dialog or typed (issue 22): the
//! "Choose…" beside each path field opens the dialog off the UI thread and
//! its choice fills the field; where no dialog exists the field says so
//! and takes the keyboard; Enter in the users-list field loads the list.
//! Driven through the real app (egui_kittest); the dialog is a fixture's.

mod common;

use common::gui::{NOW, click, demo_app, has, pump, type_into};
use eframe::egui;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use totp_burner::capture::CaptureError;
use totp_burner::capture::chooser::FileRequest;
use totp_burner::clock::ManualClock;

#[test]
fn choose_fills_the_path_and_a_missing_dialog_asks_for_typing() {
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    let asked: Arc<Mutex<Vec<FileRequest>>> = Arc::default();
    let seen = asked.clone();
    h.state_mut().records.export_picker.chooser = Arc::new(move |r: &FileRequest| {
        seen.lock().unwrap().push(r.clone());
        Ok(Some(PathBuf::from("/tmp/chosen-export.csv")))
    });
    h.state_mut().records.unassigned_picker.chooser = Arc::new(|_: &FileRequest| {
        Err(CaptureError::NoFileDialog {
            detail: "no portal".into(),
        })
    });
    click(&mut h, "Records");
    // The view lays out (and gives its search field the keyboard) first.
    for _ in 0..5 {
        h.step();
    }
    let first = h.query_all_by_label("Choose…").next().unwrap();
    first.click();
    pump(&mut h, "the dialog's choice", |h| {
        h.state().records.export_path == "/tmp/chosen-export.csv"
    });
    let r = asked.lock().unwrap()[0].clone();
    assert!(!r.open, "a save dialog for an export");
    assert_eq!(r.title, "Export to file");
    assert_eq!(r.name.as_deref(), Some("totp-burner-export.csv"));

    // No dialog here: said, and the field takes what is typed.
    let second = h.query_all_by_label("Choose…").nth(1).unwrap();
    second.click();
    pump(&mut h, "the fallback", |h| {
        has(
            h,
            "No file dialog is available on this computer: type the file's path",
        )
    });
    h.step();
    h.event(egui::Event::Text("/tmp/typed.csv".into()));
    h.step();
    assert_eq!(h.state().records.unassigned_path, "/tmp/typed.csv");
}

#[test]
fn enter_in_the_users_list_field_loads_the_list() {
    let dir = std::env::temp_dir().join(format!("totp-burner-gui-paths-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let users = dir.join("users.csv");
    std::fs::write(
        &users,
        "displayName,userPrincipalName\nBob Jones,bob@contoso.com\n",
    )
    .unwrap();
    let clock = ManualClock::new(NOW);
    let mut h = demo_app(&clock);
    click(&mut h, "Hand-out");
    type_into(&mut h, "Users list (CSV):", users.to_str().unwrap());
    h.key_press(egui::Key::Enter);
    pump(&mut h, "the list loaded", |h| {
        has(h, "Bob Jones <bob@contoso.com>")
    });
}

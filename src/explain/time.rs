//! Times for people: this PC's local time in the current language's words
//! ("28 Nov 2026, 18:52", "28. Nov. 2026, 18:52"), never a raw RFC 3339
//! stamp. The month names come from the catalogue; chrono gives the local
//! calendar date and time.

use crate::tr;
use chrono::{Datelike, TimeZone, Timelike};

fn month(m: u32) -> String {
    match m {
        1 => tr!("time-month-1"),
        2 => tr!("time-month-2"),
        3 => tr!("time-month-3"),
        4 => tr!("time-month-4"),
        5 => tr!("time-month-5"),
        6 => tr!("time-month-6"),
        7 => tr!("time-month-7"),
        8 => tr!("time-month-8"),
        9 => tr!("time-month-9"),
        10 => tr!("time-month-10"),
        11 => tr!("time-month-11"),
        _ => tr!("time-month-12"),
    }
}

fn local(t: i64) -> Option<chrono::DateTime<chrono::Local>> {
    chrono::Local.timestamp_opt(t, 0).single()
}

/// "28 Nov 2026".
fn date_words(d: &chrono::DateTime<chrono::Local>) -> String {
    tr!(
        "time-local-date",
        day = d.day().to_string(),
        month = month(d.month()),
        year = d.year().to_string()
    )
}

/// Unix seconds as this PC's local date and time, to the minute:
/// "28 Nov 2026, 18:52".
pub fn local_time(t: i64) -> String {
    match local(t) {
        Some(d) => tr!(
            "time-local",
            date = date_words(&d),
            time = format!("{:02}:{:02}", d.hour(), d.minute())
        ),
        None => crate::clock::rfc3339(t.max(0) as u64),
    }
}

/// Unix seconds as this PC's local date: "28 Nov 2026".
pub fn local_date(t: i64) -> String {
    match local(t) {
        Some(d) => date_words(&d),
        None => crate::clock::rfc3339(t.max(0) as u64)[..10].to_string(),
    }
}

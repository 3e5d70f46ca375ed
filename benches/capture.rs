//! Capture benchmark: for every fixture in tests/fixtures, the grayscale
//! conversion from a 32-bit screen buffer, our decode, and the total, next
//! to plain rqrr and plain rxing on the full image, all measured in this
//! run (median of several runs). Prints a Markdown table for the README.

use image::GrayImage;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};
use totp_burner::capture::decode::{decode_owned, decode_rqrr, decode_rxing, gray_from_bgra};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(n: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut out = None;
    let runs = (0..n)
        .map(|_| {
            let start = Instant::now();
            out = Some(f());
            start.elapsed()
        })
        .collect();
    (median(runs), out.expect("n > 0"))
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1e3)
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let expected: BTreeMap<String, Vec<String>> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(9);
    println!(
        "Times in ms, median of {runs} runs. gray: 32-bit screen buffer to grayscale; decode: our cascade;"
    );
    println!(
        "total: both, as a scan does them; plain rqrr: the same grayscale conversion plus rqrr on the full image."
    );
    println!();
    println!(
        "| fixture | size | gray | decode | total | found | plain rqrr | rqrr found | rxing alone | rqrr / total |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for (name, want) in &expected {
        let rgb = image::open(dir.join(name)).unwrap().to_rgb8();
        let (w, h) = rgb.dimensions();
        let mut bgra = Vec::with_capacity((w * h * 4) as usize);
        for p in rgb.pixels() {
            bgra.extend_from_slice(&[p.0[2], p.0[1], p.0[0], 0]);
        }
        let (t_gray, gray): (Duration, GrayImage) = time(runs, || {
            gray_from_bgra(&bgra, w, h, w as usize * 4).unwrap()
        });
        // What a scan does: convert, then hand the image to the decoder.
        let (total, found) = time(runs, || {
            decode_owned(gray_from_bgra(&bgra, w, h, w as usize * 4).unwrap())
        });
        let t_decode = total.saturating_sub(t_gray);
        // Plain rqrr gets the same converted image: its time is gray + rqrr.
        let (t_rqrr, rqrr_found) = time(runs.min(5), || decode_rqrr(&gray));
        let t_rqrr = t_rqrr + t_gray;
        let (t_rxing, _) = time(runs.min(5), || decode_rxing(&gray));
        let ok = {
            let (mut a, mut b) = (found.clone(), want.clone());
            a.sort();
            b.sort();
            a == b
        };
        println!(
            "| {name} | {w}x{h} | {} | {} | {} | {}/{}{} | {} | {}/{} | {} | {:.1}x |",
            ms(t_gray),
            ms(t_decode),
            ms(total),
            found.len(),
            want.len(),
            if ok { "" } else { " WRONG" },
            ms(t_rqrr),
            rqrr_found.iter().filter(|t| want.contains(t)).count(),
            want.len(),
            ms(t_rxing),
            t_rqrr.as_secs_f64() / total.as_secs_f64().max(1e-9),
        );
    }
}

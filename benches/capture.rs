//! Capture benchmark: for every fixture in tests/fixtures, our grayscale
//! conversion from a 32-bit screen buffer, our decode and the total, next to
//! zxing-cpp (C++, through its Python package) decoding the same picture in
//! gray, in the same run and on the same CPUs (`./dev.sh bench` pins the
//! run with taskset and makes the Python venv). The two take turns of a
//! few runs each, so a slow spell of a shared machine slows both alike.
//! Prints Markdown tables for the README.
//!
//! Environment: `BENCH_RUNS` (default 35) runs per figure, median kept;
//! `BENCH_ROUND` (default 5) runs of each decoder in one turn;
//! `ZXING_PYTHON` a Python with `zxing-cpp` (else the column is empty);
//! `BENCH_CALLGRIND=1` also counts instructions under valgrind's callgrind
//! (ours: one gray + decode; zxing-cpp: one `ZXing::ReadBarcodes`), which a
//! shared, busy machine does not blur. `BENCH_ONE=<fixture>` (internal) runs
//! one scan of one fixture for callgrind.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use totp_burner::capture::decode::{decode_owned, gray_from_bgra};

/// Runs of each decoder in one turn: `BENCH_ROUND`, else 5.
fn round() -> usize {
    std::env::var("BENCH_ROUND")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(5)
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1e3)
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fixture as a 32-bit BGRX screen buffer, as X11 and Windows give it.
fn bgra(name: &str) -> (Vec<u8>, u32, u32) {
    let rgb = image::open(fixtures().join(name)).unwrap().to_rgb8();
    let (w, h) = rgb.dimensions();
    let mut out = Vec::with_capacity((w * h * 4) as usize);
    for p in rgb.pixels() {
        out.extend_from_slice(&[p.0[2], p.0[1], p.0[0], 0]);
    }
    (out, w, h)
}

/// What a scan does: convert, then hand the picture to the decoder.
#[inline(never)]
fn scan_once(bgra: &[u8], w: u32, h: u32) -> Vec<String> {
    decode_owned(gray_from_bgra(bgra, w, h, w as usize * 4).unwrap())
}

/// zxing-cpp in a Python process of its own (scripts/zxing_bench.py
/// SERVE), timing one decode at a time when asked, so the two decoders
/// take turns.
struct Zxing {
    child: std::process::Child,
    answers: std::io::Lines<std::io::BufReader<std::process::ChildStdout>>,
}

impl Zxing {
    fn start(python: &str) -> Option<Zxing> {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/zxing_bench.py");
        let mut child = Command::new(python)
            .arg(script)
            .arg("SERVE")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .ok()?;
        let answers = std::io::BufReader::new(child.stdout.take()?).lines();
        Some(Zxing { child, answers })
    }

    fn ask(&mut self, command: &str) -> Option<String> {
        writeln!(self.child.stdin.as_mut()?, "{command}").ok()?;
        self.answers.next()?.ok()
    }

    /// Load a picture (and decode it once, to warm up).
    fn load(&mut self, path: &Path) -> Option<()> {
        (self.ask(&format!("load {}", path.display()))? == "ok").then_some(())
    }

    /// `n` timed decodes of the loaded picture: their times and the texts found.
    fn run(&mut self, n: usize) -> Option<(Vec<Duration>, Vec<String>)> {
        let v: serde_json::Value = serde_json::from_str(&self.ask(&format!("run {n}"))?).ok()?;
        let times = v["ms"]
            .as_array()?
            .iter()
            .map(|ms| ms.as_f64().map(|ms| Duration::from_secs_f64(ms / 1e3)))
            .collect::<Option<Vec<_>>>()?;
        let found = v["found"]
            .as_array()?
            .iter()
            .filter_map(|t| t.as_str().map(str::to_string))
            .collect();
        (times.len() == n).then_some((times, found))
    }
}

impl Drop for Zxing {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

/// Instructions callgrind counts in the functions matching `toggle` while
/// `command` runs on one CPU (`taskset -c 0`): a scan then does all its
/// work on the thread the toggle follows (on two CPUs a large screen's gray
/// has a second thread, whose instructions the toggle would not count).
fn instructions(toggle: &str, command: &[&str], env: &[(&str, &str)]) -> Option<u64> {
    let out = Command::new("taskset")
        .args(["-c", "0", "valgrind"])
        .args([
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            "--collect-atstart=no",
        ])
        .arg(format!("--toggle-collect={toggle}"))
        .args(command)
        .envs(env.iter().copied())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stderr);
    let line = text.lines().find(|l| l.contains("Collected :"))?;
    line.rsplit(':').next()?.trim().parse().ok()
}

fn same(a: &[String], b: &[String]) -> bool {
    let (mut a, mut b) = (a.to_vec(), b.to_vec());
    a.sort();
    b.sort();
    a == b
}

fn main() {
    if let Ok(name) = std::env::var("BENCH_ONE") {
        let (buf, w, h) = bgra(&name);
        println!("{:?}", scan_once(&buf, w, h));
        return;
    }
    let expected: BTreeMap<String, Vec<String>> =
        serde_json::from_str(&std::fs::read_to_string(fixtures().join("expected.json")).unwrap())
            .unwrap();
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(35);
    let python = std::env::var("ZXING_PYTHON").ok();
    println!(
        "Times in ms, median of {runs} runs on the same CPUs, ours and zxing-cpp's in turns of {}. gray: \
         32-bit screen buffer to grayscale; decode: our search; total: both, as a scan does them; \
         zxing-cpp: its decode of the same picture in gray (QR only, its default options).",
        round()
    );
    println!();
    println!(
        "| fixture | size | gray | decode | total | found | zxing-cpp | zxing-cpp found | total / zxing-cpp |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut missed = Vec::new();
    let mut zxing = python.as_deref().and_then(Zxing::start);
    for (name, want) in &expected {
        let (buf, w, h) = bgra(name);
        let mut z = zxing
            .as_mut()
            .and_then(|z| z.load(&fixtures().join(name)).map(|()| z));
        scan_once(&buf, w, h);
        // In turns, a round at a time: our gray alone, our scan, then
        // zxing-cpp's decode, each a few times over (the first of a few
        // finds the caches cold, the median the warm ones).
        let (mut grays, mut totals, mut theirs) = (Vec::new(), Vec::new(), Vec::new());
        let (mut found, mut z_found) = (Vec::new(), None);
        for _ in 0..runs.div_ceil(round()) {
            for _ in 0..round() {
                let start = Instant::now();
                std::hint::black_box(gray_from_bgra(&buf, w, h, w as usize * 4));
                grays.push(start.elapsed());
            }
            for _ in 0..round() {
                let start = Instant::now();
                found = scan_once(&buf, w, h);
                totals.push(start.elapsed());
            }
            match z.as_mut().and_then(|z| z.run(round())) {
                Some((times, texts)) => {
                    theirs.extend(times);
                    z_found = Some(texts);
                }
                None => z = None,
            }
        }
        let complete = theirs.len() == totals.len();
        let (t_gray, total) = (median(grays), median(totals));
        let t_decode = total.saturating_sub(t_gray);
        let ok = same(&found, want);
        let zx = z_found.filter(|_| complete).map(|f| (median(theirs), f));
        let (z_ms, z_found, ratio) = match &zx {
            Some((z_time, z_found)) => {
                let ratio = total.as_secs_f64() / z_time.as_secs_f64();
                if ratio > 1.0 {
                    missed.push(name.as_str());
                }
                (
                    ms(*z_time),
                    format!(
                        "{}/{}{}",
                        z_found.iter().filter(|t| want.contains(t)).count(),
                        want.len(),
                        if same(z_found, want) { "" } else { " WRONG" }
                    ),
                    format!("{ratio:.2}"),
                )
            }
            None => ("-".into(), "-".into(), "-".into()),
        };
        println!(
            "| {name} | {w}x{h} | {} | {} | {} | {}/{}{} | {z_ms} | {z_found} | {ratio} |",
            ms(t_gray),
            ms(t_decode),
            ms(total),
            found.iter().filter(|t| want.contains(t)).count(),
            want.len(),
            if ok { "" } else { " WRONG" },
        );
    }
    if python.is_some() {
        println!();
        if missed.is_empty() {
            println!(
                "Goal met on every fixture: our gray + decode took no longer than zxing-cpp's decode."
            );
        } else {
            println!(
                "Goal NOT met on: {} (our gray + decode took longer than zxing-cpp's decode).",
                missed.join(", ")
            );
        }
    }
    if std::env::var("BENCH_CALLGRIND").is_ok_and(|v| v == "1") {
        callgrind_table(&expected, python.as_deref());
    }
}

/// Instruction counts (millions), ours next to zxing-cpp's.
fn callgrind_table(expected: &BTreeMap<String, Vec<String>>, python: Option<&str>) {
    let me = std::env::current_exe().unwrap();
    let me = me.to_string_lossy();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/zxing_bench.py");
    let script = script.to_string_lossy();
    println!();
    println!("Instructions (millions, valgrind --tool=callgrind), one scan:");
    println!();
    println!("| fixture | ours: gray + decode | zxing-cpp: decode | ours / zxing-cpp |");
    println!("|---|---|---|---|");
    for name in expected.keys() {
        let ours = instructions("*scan_once*", &[&me], &[("BENCH_ONE", name)]);
        let path = fixtures().join(name);
        let theirs = python.and_then(|p| {
            instructions(
                "ZXing::ReadBarcodes*",
                &[p, &script, "CALLGRIND", &path.to_string_lossy()],
                &[],
            )
        });
        let m = |n: Option<u64>| n.map_or("-".into(), |n| format!("{:.1}", n as f64 / 1e6));
        let ratio = match (ours, theirs) {
            (Some(a), Some(b)) if b > 0 => format!("{:.2}", a as f64 / b as f64),
            _ => "-".into(),
        };
        println!("| {name} | {} | {} | {ratio} |", m(ours), m(theirs));
    }
}

//! Replays every committed fuzz input (`fuzz/corpus/<target>/` and the
//! crashes kept in `fuzz/artifacts/<target>/`) through the same entry
//! functions as the cargo-fuzz targets, on the stable toolchain: a parser
//! or decoder that panics again on an input the fuzzer once found fails
//! `cargo test`.

use std::path::{Path, PathBuf};
use totp_burner::fuzzing::TARGETS;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a readable corpus entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_target_has_a_corpus_and_every_corpus_a_target() {
    for (name, _) in TARGETS {
        let corpus = files_in(&fuzz_dir().join("corpus").join(name));
        assert!(!corpus.is_empty(), "fuzz/corpus/{name} is empty or missing");
        let target = fuzz_dir().join("fuzz_targets").join(format!("{name}.rs"));
        assert!(target.is_file(), "no fuzz target {}", target.display());
    }
    for kind in ["corpus", "artifacts"] {
        for entry in std::fs::read_dir(fuzz_dir().join(kind))
            .into_iter()
            .flatten()
        {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(
                TARGETS.iter().any(|(t, _)| *t == name),
                "fuzz/{kind}/{name} belongs to no target"
            );
        }
    }
}

#[test]
fn every_corpus_and_crash_input_replays_without_a_panic() {
    let mut replayed = 0;
    for (name, entry) in TARGETS {
        for kind in ["corpus", "artifacts"] {
            for file in files_in(&fuzz_dir().join(kind).join(name)) {
                let data = std::fs::read(&file).expect("a readable corpus file");
                let outcome = std::panic::catch_unwind(|| entry(&data));
                assert!(outcome.is_ok(), "{name} panics on {}", file.display());
                replayed += 1;
            }
        }
    }
    assert!(replayed >= TARGETS.len(), "only {replayed} inputs replayed");
    eprintln!("replayed {replayed} fuzz inputs");
}

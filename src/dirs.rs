//! The per-user folders (from `directories`), each overridable by an
//! environment variable for tests and portable installs.

use std::path::PathBuf;

fn folder(env: &str, pick: fn(&directories::ProjectDirs) -> &std::path::Path) -> Option<PathBuf> {
    match std::env::var_os(env) {
        Some(d) => Some(PathBuf::from(d)),
        None => {
            directories::ProjectDirs::from("", "", "totp-burner").map(|p| pick(&p).to_path_buf())
        }
    }
}

/// Settings folder (`TOTP_BURNER_CONFIG_DIR` overrides it).
pub fn config_dir() -> Option<PathBuf> {
    folder(
        "TOTP_BURNER_CONFIG_DIR",
        directories::ProjectDirs::config_dir,
    )
}

/// Records folder (`TOTP_BURNER_DATA_DIR` overrides it).
pub fn data_dir() -> Option<PathBuf> {
    folder("TOTP_BURNER_DATA_DIR", directories::ProjectDirs::data_dir)
}

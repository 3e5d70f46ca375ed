//! Choices remembered between runs: the last options and the view, in a
//! JSON file in the per-user config folder (`TOTP_BURNER_CONFIG_DIR`
//! overrides the folder, for tests). Never holds a secret.

use crate::params::{DisplayTimeout, HmacAlgorithm, TimeStep, TokenOptions};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The remembered settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Where they are saved (not saved when None).
    #[serde(skip)]
    pub path: Option<PathBuf>,
    /// "sha1" or "sha256".
    pub algorithm: String,
    /// 30 or 60.
    pub period: u64,
    /// 15, 30, 60 or 120.
    pub display_timeout: u64,
    /// Show the wizard instead of the burner view.
    pub wizard: bool,
    /// Last reader chosen by hand.
    pub reader: Option<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        let o = TokenOptions::default();
        Settings {
            path: None,
            algorithm: o.algorithm.name().into(),
            period: o.period.seconds(),
            display_timeout: o.display_timeout.seconds(),
            wizard: false,
            reader: None,
        }
    }
}

impl Settings {
    /// The remembered token options (defaults for anything unreadable).
    pub fn options(&self) -> TokenOptions {
        TokenOptions {
            algorithm: if self.algorithm == "sha256" {
                HmacAlgorithm::Sha256
            } else {
                HmacAlgorithm::Sha1
            },
            period: TimeStep::from_seconds(self.period).unwrap_or_default(),
            display_timeout: DisplayTimeout::from_seconds(self.display_timeout).unwrap_or_default(),
        }
    }
    /// Remember these options.
    pub fn set_options(&mut self, o: &TokenOptions) {
        self.algorithm = o.algorithm.name().into();
        self.period = o.period.seconds();
        self.display_timeout = o.display_timeout.seconds();
    }

    /// The default file: in the per-user config folder.
    pub fn default_path() -> Option<PathBuf> {
        Some(crate::dirs::config_dir()?.join("settings.json"))
    }

    /// Load the settings from `path` (defaults when missing or damaged).
    pub fn load(path: Option<PathBuf>) -> Settings {
        let mut s: Settings = path
            .as_ref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        s.path = path;
        s
    }

    /// Save the settings; failures are ignored (settings are a convenience).
    pub fn save(&self) {
        if let Some(p) = &self.path {
            if let Some(dir) = p.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            if let Ok(text) = serde_json::to_string_pretty(self) {
                let _ = std::fs::write(p, text);
            }
        }
    }
}

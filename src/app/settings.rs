//! Choices remembered between runs: the display timeout, the view and the
//! reader (and, set by hand, the renderer), in a JSON file in the per-user config folder
//! (`TOTP_BURNER_CONFIG_DIR` overrides the folder, for tests). Never holds
//! a secret. HMAC and time step are not remembered: they belong to each
//! secret (its link, else SHA-1 / 30 s); files from older versions that
//! still name them are read without error and those values ignored.

use crate::params::DisplayTimeout;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The remembered settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Where they are saved (not saved when None).
    #[serde(skip)]
    pub path: Option<PathBuf>,
    /// 15, 30, 60 or 120.
    pub display_timeout: u64,
    /// Show the wizard instead of the burner view.
    pub wizard: bool,
    /// Last reader chosen by hand.
    pub reader: Option<String>,
    /// `"wgpu"` or `"glow"`: always open the window with this renderer
    /// (set by hand; unset, wgpu and glow where wgpu cannot start).
    pub renderer: Option<super::Renderer>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            path: None,
            display_timeout: DisplayTimeout::default().seconds(),
            wizard: false,
            reader: None,
            renderer: None,
        }
    }
}

impl Settings {
    /// The remembered display timeout (the default when unreadable).
    pub fn display_timeout(&self) -> DisplayTimeout {
        DisplayTimeout::from_seconds(self.display_timeout).unwrap_or_default()
    }

    /// Remember this display timeout.
    pub fn set_display_timeout(&mut self, t: DisplayTimeout) {
        self.display_timeout = t.seconds();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_files_naming_algorithm_and_period_still_load() {
        let dir = std::env::temp_dir().join(format!("totp-burner-settings-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("settings.json");
        std::fs::write(
            &path,
            r#"{"algorithm":"sha256","period":60,"display_timeout":60,"wizard":true}"#,
        )
        .unwrap();
        let s = Settings::load(Some(path.clone()));
        assert_eq!(s.display_timeout(), DisplayTimeout::Seconds60);
        assert!(s.wizard);
        s.save();
        let saved = std::fs::read_to_string(&path).unwrap();
        assert!(!saved.contains("algorithm"), "{saved}");
        assert!(!saved.contains("period"), "{saved}");
        let _ = std::fs::remove_dir_all(dir);
    }
}

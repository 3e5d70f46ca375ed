//! Choices remembered between runs: the display timeout, the view and the
//! reader (and, set by hand, the renderer), in a JSON file in the per-user config folder
//! (`TOTP_BURNER_CONFIG_DIR` overrides the folder, for tests). Never holds
//! a secret. HMAC and time step are not remembered: they belong to each
//! secret (its link, else SHA-1 / 30 s); files from older versions that
//! still name them are read without error and those values ignored.
//! The language is remembered by its code (`"de"`); none means "follow
//! the OS", and a code this version does not ship reads as none.

use crate::i18n::Lang;
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
    /// The language chosen in the app (None: follow the OS).
    #[serde(with = "language_code")]
    pub language: Option<Lang>,
    /// `"wgpu"` or `"glow"`: always open the window with this renderer
    /// (set by hand; unset, wgpu and glow where wgpu cannot start).
    pub renderer: Option<super::Renderer>,
    /// The records server's address, without its password (None: this
    /// PC's records file). The password is typed at each start (or comes
    /// from `PGPASSWORD` or the pgpass file), never saved here.
    pub records: Option<String>,
    /// `"light"` or `"dark"`: the app's theme (None: follow the OS).
    pub theme: Option<ThemeChoice>,
}

/// A theme chosen in the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Settings {
    /// Apply the theme chosen (or the OS's) to the window.
    pub fn apply_theme(&self, ctx: &eframe::egui::Context) {
        use eframe::egui::ThemePreference as P;
        ctx.set_theme(match self.theme {
            None => P::System,
            Some(ThemeChoice::Light) => P::Light,
            Some(ThemeChoice::Dark) => P::Dark,
        });
    }
}

/// A language as its code in the file; unknown codes read as None.
mod language_code {
    use crate::i18n::Lang;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(l: &Option<Lang>, s: S) -> Result<S::Ok, S::Error> {
        match l {
            Some(l) => s.serialize_some(l.code()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
        let code = Option::<String>::deserialize(d)?;
        Ok(code.as_deref().and_then(Lang::from_tag))
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            path: None,
            display_timeout: DisplayTimeout::default().seconds(),
            wizard: false,
            reader: None,
            language: None,
            renderer: None,
            records: None,
            theme: None,
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

    /// The language messages should be in: the chosen one, else the OS's
    /// (or `TOTP_BURNER_LANG`'s).
    pub fn effective_language(&self) -> Lang {
        self.language
            .unwrap_or_else(crate::i18n::requested_language)
    }

    /// Speak the chosen language from now on (at startup and when the
    /// choice changes).
    pub fn apply_language(&self) {
        crate::i18n::set_language(self.effective_language());
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

    #[test]
    fn the_language_is_saved_by_code_and_unknown_codes_follow_the_os() {
        let s = Settings {
            language: Some(Lang::De),
            ..Settings::default()
        };
        let text = serde_json::to_string(&s).unwrap();
        assert!(text.contains(r#""language":"de""#), "{text}");
        let back: Settings = serde_json::from_str(&text).unwrap();
        assert_eq!(back.language, Some(Lang::De));
        let unknown: Settings = serde_json::from_str(r#"{"language":"es","wizard":true}"#).unwrap();
        assert_eq!(unknown.language, None);
        assert!(unknown.wizard, "the rest of the file still reads");
        let old: Settings = serde_json::from_str(r#"{"wizard":true}"#).unwrap();
        assert_eq!(old.language, None);
    }
}

//! The message catalogue: every sentence a person reads (CLI and GUI) is a
//! Fluent message in `locales/<lang>/totp-burner.ftl`, embedded in the
//! binary. [`tr!`](crate::tr) looks one up in the current language, falling
//! back to English for a message a translation lacks; the `fl!` macro
//! behind it checks at compile time that the id exists in the English
//! catalogue and that the arguments given are exactly the ones it uses.
//!
//! The language follows the OS unless `TOTP_BURNER_LANG` names a shipped
//! one (tests set it); the app's settings call [`set_language`] to choose
//! one. Fluent's Unicode bidi isolation marks around arguments are off:
//! they show as garbage in terminals and break text matching, and none of
//! the shipped languages is written right to left.
//!
//! Never pass a secret as an argument: messages end up on screens, in
//! terminals and in bug reports.

use fluent::FluentValue;
use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed::unic_langid::LanguageIdentifier;
use i18n_embed::{I18nAssets, LanguageLoader};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};

#[doc(hidden)]
pub use i18n_embed_fl::fl as __fl;

/// A message from the catalogue in the current language:
/// `tr!("message-id")` or `tr!("message-id", name = value, ...)`.
/// Values are strings or numbers (numbers select plural forms).
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::__fl!($crate::i18n::CATALOGUE, $id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::__fl!($crate::i18n::CATALOGUE, $id, $($name = ($value)),+)
    };
}

/// A language the catalogue ships.
// `Pseudo` is hidden, not a non-exhaustive marker: the test binaries use it.
#[allow(clippy::manual_non_exhaustive)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, the complete reference catalogue and the fallback.
    En,
    /// German (complete).
    De,
    /// French.
    Fr,
    /// Test-only pseudo-language: English with every message wrapped in
    /// ⟦…⟧, so a GUI test can tell catalogue text from text that bypasses
    /// it. Not in [`Lang::ALL`], never chosen from a tag or offered.
    #[doc(hidden)]
    Pseudo,
}

impl Lang {
    /// Every shipped language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Fr];

    /// The language's code: its folder under `locales/` and the value of
    /// `TOTP_BURNER_LANG`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Pseudo => "en-x-pseudo",
        }
    }

    /// The language's name in itself, for a language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Pseudo => "⟦Pseudo⟧",
        }
    }

    /// The character between whole and fractional digits ("0.3", "0,3").
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::En | Lang::Pseudo => '.',
            Lang::De | Lang::Fr => ',',
        }
    }

    /// The catalogue file, as embedded.
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::En | Lang::Pseudo => include_str!("../locales/en/totp-burner.ftl"),
            Lang::De => include_str!("../locales/de/totp-burner.ftl"),
            Lang::Fr => include_str!("../locales/fr/totp-burner.ftl"),
        }
    }

    /// The shipped language of a locale tag as the OS or a user writes it
    /// (`de`, `de-AT`, `de_DE.UTF-8`, `FR`); `None` for others (`C`, `es`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    fn id(self) -> LanguageIdentifier {
        // The codes are valid BCP 47 primary tags; the pseudo-language
        // reads English.
        match self {
            Lang::Pseudo => Lang::En.code(),
            l => l.code(),
        }
        .parse()
        .unwrap_or_default()
    }
}

/// The embedded catalogues as i18n-embed reads them (`<code>/<domain>.ftl`).
struct Embedded;

impl I18nAssets for Embedded {
    fn get_files(&self, file_path: &str) -> Vec<Cow<'_, [u8]>> {
        Lang::ALL
            .into_iter()
            .filter(|l| file_path == format!("{}/totp-burner.ftl", l.code()))
            .map(|l| Cow::Borrowed(l.catalogue().as_bytes()))
            .collect()
    }

    fn filenames_iter(&self) -> Box<dyn Iterator<Item = String> + '_> {
        Box::new(
            Lang::ALL
                .into_iter()
                .map(|l| format!("{}/totp-burner.ftl", l.code())),
        )
    }
}

/// The current language's messages; swapped whole by [`set_language`], so
/// a lookup never sees a half-configured loader.
pub struct Catalogue {
    current: RwLock<(Lang, Arc<FluentLanguageLoader>)>,
}

/// The process's catalogue, in the language [`requested_language`] names
/// until [`set_language`] chooses another. `tr!` reads it.
pub static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| Catalogue {
    current: RwLock::new({
        let lang = requested_language();
        (lang, Arc::new(loader(lang)))
    }),
});

fn loader(lang: Lang) -> FluentLanguageLoader {
    let loader = FluentLanguageLoader::new("totp-burner", Lang::En.id());
    // English is always loaded after `lang` (the fallback); the embedded
    // files are checked by the i18n tests, so a failure here is a build
    // defect: the loader then answers with the message id.
    let _ = loader.load_languages(&Embedded, &[lang.id()]);
    loader.set_use_isolating(false);
    loader
}

impl Catalogue {
    fn loader(&self) -> (Lang, Arc<FluentLanguageLoader>) {
        let current = self.current.read().unwrap_or_else(|e| e.into_inner());
        (current.0, Arc::clone(&current.1))
    }

    /// A message without arguments (called by `tr!`).
    pub fn get(&self, id: &str) -> String {
        let (lang, loader) = self.loader();
        pseudo(lang, loader.get(id))
    }

    /// A message with arguments (called by `tr!`).
    pub fn get_args_concrete<'a>(
        &self,
        id: &str,
        args: HashMap<&'a str, FluentValue<'a>>,
    ) -> String {
        let (lang, loader) = self.loader();
        pseudo(lang, loader.get_args_concrete(id, args))
    }
}

/// The message as `lang` shows it: wrapped in ⟦…⟧ in the pseudo-language.
fn pseudo(lang: Lang, text: String) -> String {
    match lang {
        Lang::Pseudo => format!("⟦{text}⟧"),
        _ => text,
    }
}

/// The language messages are in now.
pub fn language() -> Lang {
    CATALOGUE
        .current
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .0
}

/// Speak `lang` from now on (the app's language setting; the CLI's
/// environment). Takes effect for every message formatted afterwards.
pub fn set_language(lang: Lang) {
    if language() == lang {
        return;
    }
    let new = Arc::new(loader(lang));
    *CATALOGUE.current.write().unwrap_or_else(|e| e.into_inner()) = (lang, new);
}

/// The language asked for without a setting: `TOTP_BURNER_LANG` if it
/// names a shipped language, else the first of the OS's preferred
/// languages that is shipped, else English.
/// (The library's own unit tests skip the OS: they read English
/// wherever they run.)
pub fn requested_language() -> Lang {
    let env = std::env::var("TOTP_BURNER_LANG").ok();
    let os = || match cfg!(test) {
        true => None,
        false => sys_locale::get_locales().find_map(|tag| Lang::from_tag(&tag)),
    };
    env.as_deref()
        .and_then(Lang::from_tag)
        .or_else(os)
        .unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_carry_no_isolation_marks() {
        let text = crate::tr!("i18n-self-test", name = "x");
        assert_eq!(text, "Message catalogue loaded (x).");
    }

    #[test]
    fn locale_tags_as_systems_write_them() {
        assert_eq!(Lang::from_tag("de_DE.UTF-8"), Some(Lang::De));
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("fr_CH@euro"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("en_US"), Some(Lang::En));
        assert_eq!(Lang::from_tag("C"), None);
        assert_eq!(Lang::from_tag("POSIX"), None);
        assert_eq!(Lang::from_tag("es_ES.UTF-8"), None);
        assert_eq!(Lang::from_tag(""), None);
    }
}

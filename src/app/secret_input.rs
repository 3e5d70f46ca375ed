//! The secret as the user supplied it (typed, pasted or scanned), what it
//! turned out to be, and which export account is chosen.

use super::capture::CaptureEvent;
use super::zeroizing_text::ZeroizingText;
use crate::explain::{self, Explanation};
use crate::params::{HmacAlgorithm, TimeStep};
use crate::secret::{self, Candidate, NotASecret, SecretInfo};
use crate::tr;
use std::time::Duration;
use zeroize::Zeroizing;

/// The secret panel's state.
#[derive(Default)]
pub struct SecretInput {
    /// The text field (masked unless revealed), wiped on drop and on clear;
    /// egui edits it in place, with no undo history.
    pub text: ZeroizingText,
    /// Show the text instead of dots.
    pub reveal: bool,
    /// Where the text came from ("typed", "screen", a file name...).
    pub origin: Option<String>,
    /// What the text is.
    pub parsed: Option<Result<Candidate, NotASecret>>,
    /// Chosen account of an export.
    pub account: Option<usize>,
    /// Other QR codes found with it that are not secrets, explained.
    pub others: Vec<Explanation>,
    /// A note about where the secret went (e.g. the clipboard was cleared).
    pub note: Option<String>,
    /// A note from the capture side (e.g. "no QR code found").
    pub capture_note: Option<Explanation>,
    /// How long the last scan took.
    pub last_scan: Option<Duration>,
    /// Counts every change of the text (typed, pasted, scanned): a burn's
    /// result knows whether the field still holds the secret it burned.
    pub revision: u64,
}

impl std::fmt::Debug for SecretInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretInput")
            .field("text", &"<redacted>")
            .field("origin", &self.origin)
            .finish_non_exhaustive()
    }
}

impl SecretInput {
    /// Replace the text and classify it.
    pub fn set_text(&mut self, text: &str, origin: &str) {
        self.text.set(text.trim());
        self.note = None;
        self.origin = Some(origin.to_string());
        self.others.clear();
        self.reparse();
    }

    /// Take the texts a scan found: the first usable secret wins; the rest
    /// are explained next to it.
    pub fn take_scanned(&mut self, texts: &[Zeroizing<String>], origin: &str) -> bool {
        let usable = texts.iter().position(|t| secret::read(t).is_ok());
        let pick = usable.or(if texts.is_empty() { None } else { Some(0) });
        let Some(i) = pick else {
            return false;
        };
        self.set_text(&texts[i], origin);
        self.others = texts
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .filter_map(|(_, t)| secret::read(t).err())
            .map(|e| explain::not_a_secret(&e))
            .collect();
        true
    }

    /// Take what the capture worker found for this panel. Returns whether
    /// a new secret text was taken (its options then apply) and the line
    /// for the event log (never a secret).
    pub fn take_capture(&mut self, e: CaptureEvent) -> (bool, Option<String>) {
        match e {
            CaptureEvent::Found { place, texts, took } => {
                self.last_scan = Some(took);
                if !self.take_scanned(&texts, &place) {
                    self.capture_note = Some(Explanation {
                        problem: tr!("gui-secret-no-qr", place = place_words(&place)),
                        next_step: tr!("gui-secret-no-qr-next"),
                    });
                    return (false, Some(format!("scanned {place}: no QR code")));
                }
                self.capture_note = None;
                if place == "clipboard" {
                    // The text is in the field now: clear it from the
                    // clipboard (if nothing was copied since).
                    for t in &texts {
                        super::clipboard_wipe::clear_if_unchanged(t.clone(), Duration::ZERO);
                    }
                    self.note = Some(tr!("gui-secret-pasted-cleared"));
                }
                let kind = if self.chosen().is_some() {
                    "secret"
                } else {
                    "not a secret"
                };
                let line = format!(
                    "scanned {} QR code(s) from {place} in {} ms: {kind}",
                    texts.len(),
                    took.as_millis()
                );
                (true, Some(line))
            }
            CaptureEvent::Failed(err) => {
                self.capture_note = Some(explain::capture(&err));
                (false, None)
            }
            CaptureEvent::WebcamRejected(text) => {
                if let Err(e) = secret::read(&text) {
                    self.capture_note = Some(explain::not_a_secret(&e));
                }
                (false, None)
            }
            CaptureEvent::WebcamFrame(_)
            | CaptureEvent::WebcamStopped
            | CaptureEvent::DialogClosed(_)
            | CaptureEvent::HideWindow => (false, None),
        }
    }

    /// Options follow the secret: what its link names, else the otpauth
    /// defaults (SHA-1, 30 s), never what an earlier burn used.
    pub fn apply_intended_options(&self, options: &mut crate::params::TokenOptions) {
        if let Some((algorithm, period)) = self.intended_options() {
            options.algorithm = algorithm;
            options.period = period;
        }
    }

    /// Classify the text again (after an edit).
    pub fn reparse(&mut self) {
        self.revision += 1;
        self.parsed = if self.text.trim().is_empty() {
            None
        } else {
            Some(secret::read(&self.text))
        };
        self.account = match &self.parsed {
            Some(Ok(Candidate::Migration(batch))) => batch
                .accounts
                .iter()
                .position(|a| a.usable.is_ok())
                .filter(|_| batch.usable_count() == 1),
            _ => None,
        };
    }

    /// The secret to burn, if there is a usable one.
    pub fn chosen(&self) -> Option<SecretInfo> {
        match self.parsed.as_ref()? {
            Ok(Candidate::Single(info)) => Some(info.clone()),
            Ok(Candidate::Migration(batch)) => batch.choose(self.account?)?.ok(),
            Err(_) => None,
        }
    }

    /// The HMAC and time step the chosen secret asks for: what its link
    /// names, else the otpauth Key URI defaults (SHA-1, 30 s), which are
    /// also what a bare Base32/hex key means.
    pub fn intended_options(&self) -> Option<(HmacAlgorithm, TimeStep)> {
        let info = self.chosen()?;
        Some((
            info.algorithm.unwrap_or(HmacAlgorithm::Sha1),
            info.period.unwrap_or(TimeStep::Seconds30),
        ))
    }

    /// Where the text came from, for the words about it: typed or pasted
    /// (or edited in the field), else scanned.
    fn text_origin(&self) -> explain::Origin {
        match self.origin.as_deref() {
            None | Some("typed" | "pasted") => explain::Origin::Typed,
            Some(_) => explain::Origin::Scanned,
        }
    }

    /// Why the text cannot be burned, in words (None when usable or empty).
    pub fn problem(&self) -> Option<Explanation> {
        match self.parsed.as_ref()? {
            Err(e) => Some(explain::not_a_secret_from(e, self.text_origin())),
            Ok(Candidate::Migration(batch)) => match self.account {
                None if batch.usable_count() == 0 => Some(Explanation {
                    problem: tr!("gui-secret-none-burnable"),
                    next_step: tr!("gui-secret-none-burnable-next"),
                }),
                None => Some(Explanation {
                    problem: tr!("gui-secret-several"),
                    next_step: tr!("gui-secret-several-next"),
                }),
                Some(i) => match batch.choose(i) {
                    Some(Err(e)) => Some(explain::not_a_secret(&e)),
                    _ => None,
                },
            },
            Ok(Candidate::Single(_)) => None,
        }
    }

    /// Forget the secret (the text is wiped).
    pub fn clear(&mut self) {
        self.text.wipe();
        self.note = None;
        self.parsed = None;
        self.account = None;
        self.origin = None;
        self.others.clear();
        self.reveal = false;
    }
}

/// Where a secret came from, in words: the capture worker and the secret
/// field name places by fixed keys (kept untranslated in the state, so a
/// language change shows at once); a file's name is shown as it is.
pub fn place_words(place: &str) -> String {
    match place {
        "typed" => tr!("gui-secret-from-typed"),
        "pasted" => tr!("gui-secret-from-pasted"),
        "clipboard" => tr!("gui-place-clipboard"),
        "clipboard image" => tr!("gui-place-clipboard-image"),
        "dropped image" => tr!("gui-place-dropped-image"),
        "camera" => tr!("gui-place-camera"),
        other => match other.strip_prefix("screen via ") {
            Some(backend) => tr!("gui-place-screen", backend = backend),
            None => other.to_string(),
        },
    }
}

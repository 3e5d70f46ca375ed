//! Clipboard hygiene: a secret taken from the clipboard is cleared from it,
//! and a copied verification code is cleared after a while, each only if
//! the clipboard still holds that very text (something copied since is
//! left alone). The clipboard is touched on a short-lived thread, never on
//! the UI thread.

use std::time::Duration;
use zeroize::Zeroizing;

/// How long a copied verification code stays on the clipboard.
pub const CODE_LIFETIME: Duration = Duration::from_secs(30);

/// After `delay`, clear the clipboard if it still holds `text` (compared
/// without surrounding blanks). Errors (no clipboard, no display) are
/// ignored: then there is nothing to clear.
pub fn clear_if_unchanged(text: Zeroizing<String>, delay: Duration) {
    if text.trim().is_empty() {
        return;
    }
    let _ = std::thread::Builder::new()
        .name("clipboard-wipe".into())
        .spawn(move || {
            std::thread::sleep(delay);
            let Ok(mut clipboard) = arboard::Clipboard::new() else {
                return;
            };
            let Ok(now) = clipboard.get_text().map(Zeroizing::new) else {
                return;
            };
            if now.trim() == text.trim() {
                let _ = clipboard.clear();
            }
        });
}

//! A text field buffer for secrets: egui edits it in place, every byte it
//! ever held lives in a buffer that is wiped when it is retired (growth,
//! deletion, clear, drop), and the field keeps no undo history.
//!
//! Limits, stated plainly: egui's `TextEdit` makes short-lived `String`
//! copies of the text inside a frame (for its undo bookkeeping and the
//! accessibility value) that it drops without wiping; a revealed field is
//! laid out as plain text. What this module guarantees is that nothing of
//! ours, and no undo history, keeps a copy between frames.

use eframe::egui::{self, TextBuffer, text::CharIndex};
use std::ops::Range;
use zeroize::{Zeroize, Zeroizing};

/// Text edited in a secret field, always held in a wiped-on-retire buffer.
#[derive(Default, Clone, PartialEq, Eq)]
pub struct ZeroizingText(Zeroizing<String>);

impl std::fmt::Debug for ZeroizingText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

impl std::ops::Deref for ZeroizingText {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl ZeroizingText {
    /// The text.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// Replace the text (the old buffer is wiped).
    pub fn set(&mut self, text: &str) {
        self.rebuild(&[text]);
    }

    /// Wipe the text (the buffer keeps its size, zeroed).
    pub fn wipe(&mut self) {
        self.0.zeroize();
    }

    /// Bytes the buffer can hold before it has to be replaced.
    pub fn capacity(&self) -> usize {
        self.0.capacity()
    }

    /// Where the buffer lives (tests check growth moves to a new buffer).
    #[cfg(test)]
    fn address(&self) -> *const u8 {
        self.0.as_ptr()
    }

    /// Write `parts` into a fresh buffer sized for them, then retire the old
    /// one: `Zeroizing` wipes its whole capacity when it drops. `String`
    /// never reallocates by itself here, so no unwiped copy is left behind.
    fn rebuild(&mut self, parts: &[&str]) {
        let needed: usize = parts.iter().map(|p| p.len()).sum();
        let capacity = needed.max(self.0.capacity()).max(32);
        let mut fresh = Zeroizing::new(String::with_capacity(capacity));
        for p in parts {
            fresh.push_str(p);
        }
        debug_assert_eq!(fresh.capacity(), capacity, "no reallocation while filling");
        // The old buffer drops here and is wiped.
        self.0 = fresh;
    }

    fn byte_index(&self, char_index: CharIndex) -> usize {
        self.0
            .char_indices()
            .nth(char_index.0)
            .map_or(self.0.len(), |(i, _)| i)
    }
}

impl TextBuffer for ZeroizingText {
    fn is_mutable(&self) -> bool {
        true
    }

    fn as_str(&self) -> &str {
        self.0.as_str()
    }

    fn insert_text(&mut self, text: &str, char_index: CharIndex) -> usize {
        let at = self.byte_index(char_index);
        // The halves are copied into exact-size, wiped-on-drop buffers.
        let before = Zeroizing::new(self.0[..at].to_owned());
        let after = Zeroizing::new(self.0[at..].to_owned());
        self.rebuild(&[&before, text, &after]);
        text.chars().count()
    }

    fn delete_char_range(&mut self, char_range: Range<CharIndex>) {
        let start = self.byte_index(char_range.start);
        let end = self.byte_index(char_range.end).max(start);
        let before = Zeroizing::new(self.0[..start].to_owned());
        let after = Zeroizing::new(self.0[end..].to_owned());
        self.rebuild(&[&before, &after]);
    }

    fn clear(&mut self) {
        self.wipe();
    }

    fn replace_with(&mut self, text: &str) {
        self.set(text);
    }

    fn type_id(&self) -> std::any::TypeId {
        std::any::TypeId::of::<Self>()
    }
}

/// Turn undo off for the text field `id`: its undoer keeps no state at all
/// (egui's default keeps up to 100 copies of the text, so Ctrl+Z could
/// bring back a wiped secret). Call every frame before the field is shown.
pub fn no_undo(ctx: &egui::Context, id: egui::Id) {
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    state.set_undoer(egui::util::undoer::Undoer::with_settings(
        egui::util::undoer::Settings {
            max_undos: 0,
            ..Default::default()
        },
    ));
    state.store(ctx, id);
}

/// A secret single-line field: masked unless `reveal`, no undo history,
/// edits in a zeroizing buffer. `id` must be stable between frames.
pub fn secret_field<'t>(
    text: &'t mut ZeroizingText,
    id: egui::Id,
    reveal: bool,
) -> egui::TextEdit<'t> {
    egui::TextEdit::singleline(text).id(id).password(!reveal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ci(i: usize) -> CharIndex {
        CharIndex(i)
    }

    #[test]
    fn edits_like_a_string_with_char_indices() {
        let mut t = ZeroizingText::default();
        assert_eq!(t.insert_text("JBSW", ci(0)), 4);
        assert_eq!(t.insert_text("é€", ci(2)), 2);
        assert_eq!(t.as_str(), "JBé€SW");
        t.delete_char_range(ci(1)..ci(3));
        assert_eq!(t.as_str(), "J€SW");
        t.replace_with("otpauth://");
        assert_eq!(&*t, "otpauth://");
        TextBuffer::clear(&mut t);
        assert!(t.is_empty());
    }

    #[test]
    fn growth_moves_to_a_fresh_buffer_never_a_silent_realloc() {
        let mut t = ZeroizingText::default();
        t.set("A");
        let first = (t.address(), t.capacity());
        // Grow well past the first buffer's capacity, a key at a time.
        let mut wanted = String::from("A");
        for _ in 0..200 {
            let before = t.capacity();
            let end = ci(t.chars().count());
            t.insert_text("B", end);
            wanted.push('B');
            // Every buffer is sized by us before it is written: a growth
            // by `String` itself (doubling, old bytes left in the freed
            // block) would show as a different capacity.
            assert_eq!(t.capacity(), t.len().max(before).max(32));
        }
        assert_eq!(t.as_str(), wanted);
        assert!(t.capacity() > first.1, "the buffer grew");
        assert_ne!(t.address(), first.0, "into a new allocation");
    }

    #[test]
    fn clear_and_wipe_zero_in_place_and_keep_nothing() {
        let mut t = ZeroizingText::default();
        t.set("KNSWG4TFORSG63LPMJQXE5DPNNSW4ZDF");
        let capacity = t.capacity();
        t.wipe();
        assert_eq!(t.as_str(), "");
        // Zeroize keeps the allocation (wiped over its whole capacity)
        // rather than handing unwiped bytes back to the allocator.
        assert_eq!(t.capacity(), capacity);
        t.set("x");
        TextBuffer::clear(&mut t);
        assert_eq!(t.as_str(), "");
    }

    #[test]
    fn debug_never_shows_the_text() {
        let mut t = ZeroizingText::default();
        t.set("KNSWG4TFORSG63LP");
        assert_eq!(format!("{t:?}"), "<redacted>");
    }
}

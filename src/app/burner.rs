//! The burner view's state: everything on one screen, one token at a time.
//! It owns its bench (secret, options, burn and result) and nothing else;
//! the wizard owns another, so a secret scanned here is never burned from
//! the wizard. Its panels are laid out in `ui/mod.rs`.

use super::bench::Bench;
use super::workers::Desk;
use crate::params::TokenOptions;

/// The burner view.
pub struct BurnerView {
    /// Its secret, options, burn and result.
    pub bench: Bench,
}

impl BurnerView {
    /// An empty burner view.
    pub fn new(options: TokenOptions) -> BurnerView {
        BurnerView {
            bench: Bench::new(Desk::Burner, options),
        }
    }
}

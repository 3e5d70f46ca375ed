//! The wizard's state: the burner's flow one step at a time (get the
//! secret, check it, place the token, burn, verify). It owns its own bench
//! and its step; leaving the wizard and coming back finds both as they
//! were, and nothing typed or scanned in the burner view shows up here.

use super::action::Action;
use super::bench::{Bench, BenchNews};
use super::device::DeviceEvent;
use super::workers::{Desk, Workers};
use crate::params::TokenOptions;

/// The last step: verify.
pub const VERIFY: u8 = 4;
/// The burn step.
pub const BURN: u8 = 3;

/// The wizard view.
pub struct WizardView {
    /// Its secret, options, burn and result.
    pub bench: Bench,
    /// The step shown (0 = secret .. 4 = verify).
    pub step: u8,
}

impl WizardView {
    /// The wizard at its first step.
    pub fn new(options: TokenOptions) -> WizardView {
        WizardView {
            bench: Bench::new(Desk::Wizard, options),
            step: 0,
        }
    }

    /// Apply a panel's action; hand back what is not the view's.
    pub fn apply(
        &mut self,
        a: Action,
        w: &mut Workers,
        ctx: &eframe::egui::Context,
    ) -> Option<Action> {
        match a {
            Action::WizardStep(step) => self.step = step.min(VERIFY),
            Action::NextToken => {
                self.bench.next_token();
                self.step = 0;
            }
            other => return self.bench.apply(other, w, ctx),
        }
        None
    }

    /// The device worker's answer to this view's burn or sync: a burn
    /// goes on to verify; an erasing sync goes back to burn (or to the
    /// secret when there is none).
    pub(crate) fn on_device_event(&mut self, e: DeviceEvent, w: &mut Workers) {
        match self.bench.on_device_event(e, w) {
            Some(BenchNews::Burned) => self.step = VERIFY,
            Some(BenchNews::SecretErased) => {
                let has_secret = self.bench.secret.chosen().is_some();
                self.step = if has_secret { BURN } else { 0 };
            }
            None => {}
        }
    }
}

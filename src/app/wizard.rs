//! The wizard's state: the burner's flow one step at a time (get the
//! secret, check it, place the token, burn, verify). It owns its own bench
//! and its step; leaving the wizard and coming back finds both as they
//! were, and nothing typed or scanned in the burner view shows up here.
//!
//! It goes on by itself when a step is satisfied: a new usable secret
//! moves the first step on to "Check it", a token newly laid on the reader
//! and read moves the token step on to Burn, a burn that worked moves on
//! to Verify. Each of those fires once per event: a technician who goes
//! Back is not sent forward again by the same secret or the same token
//! still lying there, only by a new secret or a token laid on anew.

use super::action::Action;
use super::bench::{Bench, BenchNews};
use super::device::DeviceEvent;
use super::workers::{Desk, TokenStatus, Workers};
use crate::params::TokenOptions;
use crate::secret::Secret;

/// The first step: get the secret.
pub const SECRET: u8 = 0;
/// The step that shows who is enrolled and the options.
pub const CHECK: u8 = 1;
/// The step where the token is switched on and laid on the reader.
pub const TOKEN: u8 = 2;
/// The burn step.
pub const BURN: u8 = 3;
/// The last step: verify.
pub const VERIFY: u8 = 4;

/// The wizard view.
pub struct WizardView {
    /// Its secret, options, burn and result.
    pub bench: Bench,
    /// The step shown (0 = secret .. 4 = verify).
    pub step: u8,
    /// The last secret the wizard went on with (or that the technician
    /// took past the first step): only another one moves it on again.
    /// Wiped on drop.
    went_on_with: Option<Secret>,
    /// The serial of the token on the reader, as last read; None once it
    /// is lifted. A token read with another serial (or after a lift) is
    /// a newly placed one.
    placed: Option<String>,
}

impl WizardView {
    /// The wizard at its first step.
    pub fn new(options: TokenOptions) -> WizardView {
        WizardView {
            bench: Bench::new(Desk::Wizard, options),
            step: SECRET,
            went_on_with: None,
            placed: None,
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
                if !self.bench.may_go_on() {
                    return None;
                }
                self.bench.next_token();
                self.step = SECRET;
                self.went_on_with = None;
            }
            other => return self.bench.apply(other, w, ctx),
        }
        None
    }

    /// Go on by itself when a step is satisfied by something new (called
    /// once a frame): a new usable secret on the first step (not while
    /// the technician is still typing it: `typing`), a token newly laid on
    /// and read on the token step.
    pub(crate) fn follow(&mut self, token: &TokenStatus, typing: bool) {
        let secret = self.bench.secret.chosen().map(|i| i.secret);
        match self.step {
            SECRET => {
                let new = secret.is_some() && secret != self.went_on_with;
                if new && !typing {
                    self.step = CHECK;
                    self.went_on_with = secret;
                }
            }
            // Past the first step, the secret there is one gone on with.
            _ => {
                if secret != self.went_on_with {
                    self.went_on_with = secret;
                }
            }
        }
        match token {
            TokenStatus::Absent => self.placed = None,
            TokenStatus::Known(t) if self.placed.as_deref() != Some(t.serial.as_str()) => {
                self.placed = Some(t.serial.clone());
                if self.step == TOKEN {
                    self.step = BURN;
                }
            }
            // Read again (after a sync) or being read: not a new token.
            TokenStatus::Known(_)
            | TokenStatus::Reading
            | TokenStatus::Failed(_)
            | TokenStatus::HeldByStation(_) => {}
        }
    }

    /// The device worker's answer to this view's burn or sync: a burn
    /// goes on to verify; an erasing sync goes back to burn (or to the
    /// secret when there is none).
    pub(crate) fn on_device_event(&mut self, e: DeviceEvent, w: &mut Workers) {
        match self.bench.on_device_event(e, w) {
            Some(BenchNews::Burned) => self.step = VERIFY,
            Some(BenchNews::SecretErased) => {
                let has_secret = self.bench.secret.chosen().is_some();
                self.step = if has_secret { BURN } else { SECRET };
            }
            None => {}
        }
    }
}

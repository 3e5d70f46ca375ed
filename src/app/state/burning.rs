//! Burning and syncing from the burner and the wizard: options that follow
//! the secret, the confirmations (options that differ from the link's, a
//! token burned before, a PC clock that is off), and the requests to the
//! device worker.

use super::*;

impl BurnerApp {
    /// Options follow the secret: what its link names, else the otpauth
    /// defaults (SHA-1, 30 s), never what an earlier burn used.
    pub fn apply_secret_options(&mut self) {
        if let Some((algorithm, period)) = self.secret.intended_options() {
            self.options.algorithm = algorithm;
            self.options.period = period;
        }
    }

    /// The HMAC and time step the secret asks for, when the options shown
    /// differ from them (the codes would not match the service's).
    pub fn options_differ(
        &self,
    ) -> Option<(crate::params::HmacAlgorithm, crate::params::TimeStep)> {
        self.secret
            .intended_options()
            .filter(|&(a, p)| (a, p) != (self.options.algorithm, self.options.period))
    }

    /// Start a burn (no-op with the reason shown when not ready). Options
    /// that differ from the link's are confirmed first, once.
    pub fn start_burn(&mut self) {
        if self.burn_blocker().is_some() {
            return;
        }
        if self.options_differ().is_some() {
            self.confirm_options = true;
            return;
        }
        self.burn_now();
    }

    /// Burn with the options shown (the operator confirmed them).
    pub fn burn_now(&mut self) {
        self.confirm_options = false;
        if self.burn_blocker().is_some() {
            return;
        }
        let Some(info) = self.secret.chosen() else {
            return;
        };
        self.settings
            .set_display_timeout(self.options.display_timeout);
        self.result = None;
        self.send_burn(info, false, false);
    }

    /// Burn although the time servers say the PC clock is off: the
    /// operator's explicit choice ("Write this PC's time anyway"),
    /// recorded as such.
    pub fn burn_trusting_pc_clock(&mut self) {
        if !self.clock_override_offer || self.burn_blocker().is_some() {
            return;
        }
        let Some(info) = self.secret.chosen() else {
            return;
        };
        self.clock_override_offer = false;
        self.result = None;
        self.send_burn(info, false, true);
    }

    /// Burn the token that the records say was burned before, on purpose
    /// ("Burn again with a new secret").
    pub fn burn_again(&mut self) {
        if self.reburn_offer.is_none() || self.burn_blocker().is_some() {
            return;
        }
        let Some(info) = self.secret.chosen() else {
            return;
        };
        self.reburn_offer = None;
        self.result = None;
        self.send_burn(info, true, false);
    }

    pub(crate) fn send_burn(&mut self, info: SecretInfo, reburn: bool, trust_pc_clock: bool) {
        let label = match (info.issuer, info.account.clone()) {
            (Some(a), Some(b)) => Some(format!("{a} · {b}")),
            (a, b) => a.or(b),
        };
        let (secret, upn) = (info.secret, info.account);
        self.burning = Some((secret.clone(), label));
        self.operation = Operation::Burning {
            step: Step::Identify,
        };
        let reader = self.target_name();
        self.device.send(DeviceRequest::Burn {
            reader,
            plan: BurnPlan {
                secret,
                options: self.options,
                allow_unknown_model: false,
            },
            upn,
            reburn,
            trust_pc_clock,
        });
    }

    /// Whether a time sync needs the erase confirmation on this token.
    pub fn sync_erases(&self) -> bool {
        match &self.token {
            TokenStatus::Known(t) => t.time_sync() != Some(TimeSync::KeepsSecret),
            _ => true,
        }
    }

    /// Sync the clock (the confirmation has been given when it erases).
    pub fn start_sync(&mut self, erase_ok: bool) {
        if self.device.is_busy() || !matches!(self.token, TokenStatus::Known(_)) {
            return;
        }
        self.confirm_sync = false;
        self.operation = Operation::Syncing;
        let reader = self.target_name();
        self.device.send(DeviceRequest::SyncTime {
            reader,
            options: self.options,
            erase_ok,
        });
    }
}

//! What the workers report, applied to the app's state: the device
//! worker's progress and results (identify, burn, sync, the PC clock, the
//! records) and the capture worker's scans and webcam frames.

use super::*;

impl BurnerApp {
    pub(super) fn on_device_event(&mut self, e: DeviceEvent) {
        match e {
            DeviceEvent::Progress(Progress::Step(step)) => {
                if matches!(self.operation, Operation::Burning { .. }) {
                    self.operation = Operation::Burning { step };
                }
                self.log.push(format!("step: {}", step.label()));
            }
            DeviceEvent::Progress(Progress::Exchange {
                command, status, ..
            }) => {
                self.log.push(format!(
                    "  > {command}  < {}",
                    status.as_deref().unwrap_or("no answer")
                ));
            }
            DeviceEvent::Identified(Ok(t)) => {
                self.log.push(format!(
                    "token {} ({}) clock {}",
                    t.serial,
                    t.model_name(),
                    clock_words(t.clock_difference())
                ));
                self.token = TokenStatus::Known(t);
            }
            DeviceEvent::Identified(Err(e)) => {
                self.token = TokenStatus::Failed(explain::burn_error(&e));
            }
            DeviceEvent::PcClock(check, limit) => {
                let words = explain::clock_check(&check, limit);
                self.log.push(format!("PC clock: {words}"));
                self.pc_clock = Some(match &check {
                    crate::clockcheck::ClockCheck::Verified { offset_ms, server } => {
                        explain::pc_clock_offset(*offset_ms, server)
                    }
                    crate::clockcheck::ClockCheck::Unverified { .. } => {
                        "not verified (no time server answered)".into()
                    }
                });
                self.pc_clock_detail = Some(words);
            }
            DeviceEvent::RecordsProblem(problem) => {
                self.operation = Operation::Failed {
                    why: Explanation {
                        problem: problem.clone(),
                        next_step: "Check the data folder is writable (or set TOTP_BURNER_DATA_DIR), then try again.".into(),
                    },
                    token_state: TokenState::Untouched,
                };
                self.records_problem = Some(problem);
            }
            DeviceEvent::Burned(Ok(report), warning) => {
                self.record_warning = warning;
                self.reburn_offer = None;
                let burned = self.burning.take();
                self.note_event(&format!(
                    "burned {} code {}",
                    report.token.serial, report.codes.current
                ));
                self.log.push(format!(
                    "burned {} · code {}",
                    report.token.serial, report.codes.current
                ));
                self.result = burned.map(|(secret, label)| BurnResult {
                    secret,
                    options: report.options,
                    serial: report.token.serial.clone(),
                    model: report.token.model_name(),
                    label,
                });
                self.token = TokenStatus::Known(report.token);
                self.operation = Operation::Idle;
                if let View::Wizard(_) = self.view {
                    self.view = View::Wizard(4);
                }
                if let Some(d) = &self.demo {
                    let code = lock(&d.token).stored_code().unwrap_or_default();
                    self.note_event(&format!("virtual token shows {code} after a power cycle"));
                }
            }
            DeviceEvent::Burned(Err(e), warning) => {
                self.record_warning = warning;
                self.burning = None;
                let why = explain::operation_error(&e);
                self.log.push(format!("burn failed: {}", why.problem));
                self.clock_override_offer =
                    matches!(e, OperationError::Refused(Refusal::PcClockOff(_)));
                self.reburn_offer = match &e {
                    OperationError::Refused(Refusal::BurnedBefore { serial, .. }) => {
                        self.note_event(&format!("burn refused: {serial} was burned before"));
                        Some(serial.clone())
                    }
                    OperationError::Token(b) => {
                        self.note_event(&format!("burn failed at {:?}", b.step));
                        None
                    }
                    _ => None,
                };
                self.operation = Operation::Failed {
                    why,
                    token_state: e.token_state(),
                };
                if let OperationError::Token(b) = &e
                    && matches!(b.cause, crate::burn::Failure::Transport(_))
                {
                    self.token_seen = false;
                    self.token = TokenStatus::Absent;
                }
            }
            DeviceEvent::Synced(Ok(r), warning) => {
                self.record_warning = warning;
                let words = match r.secret_erased {
                    Some(true) => {
                        self.after_erasing_sync();
                        if self.secret.chosen().is_some() {
                            "Clock set. This model erased its secret: the token is blank and shows no code. Burn it again now: press Burn (Enter)."
                        } else {
                            "Clock set. This model erased its secret: the token is blank and shows no code. Scan or paste the secret again, then press Burn (Enter)."
                        }
                    }
                    Some(false) => "Clock set; the secret was kept.",
                    None => "Clock set; burn the token to be sure it holds a secret.",
                };
                self.log.push(words.to_string());
                self.operation = Operation::Synced(words.into());
                self.token_seen = false;
            }
            DeviceEvent::Synced(Err(e), warning) => {
                self.record_warning = warning;
                self.operation = Operation::Failed {
                    why: explain::operation_error(&e),
                    token_state: e.token_state(),
                };
            }
        }
    }

    pub(super) fn on_capture_event(&mut self, ctx: &eframe::egui::Context, e: CaptureEvent) {
        if self.hidden_for_scan {
            // Every event ends a scan's hiding: a finding, a failure, a
            // timeout or a caught panic alike.
            self.hidden_for_scan = false;
            for command in self.capture.restore_commands() {
                ctx.send_viewport_cmd(command);
            }
        }
        match e {
            CaptureEvent::Found { place, texts, took } => {
                self.last_scan = Some(took);
                if self.secret.take_scanned(&texts, &place) {
                    self.capture_note = None;
                    self.apply_secret_options();
                    if place == "clipboard" {
                        // The text is in the field now: clear it from the
                        // clipboard (if nothing was copied since).
                        for t in &texts {
                            crate::app::clipboard_wipe::clear_if_unchanged(
                                t.clone(),
                                Duration::ZERO,
                            );
                        }
                        self.secret.note = Some(
                            "Pasted: the clipboard is cleared so the secret does not stay there."
                                .into(),
                        );
                    }
                    let kind = if self.secret.chosen().is_some() {
                        "secret"
                    } else {
                        "not a secret"
                    };
                    self.note_event(&format!(
                        "scanned {} QR code(s) from {place} in {} ms: {kind}",
                        texts.len(),
                        took.as_millis()
                    ));
                } else {
                    self.capture_note = Some(Explanation {
                        problem: format!("No QR code found ({place})."),
                        next_step: "Make sure the whole QR code is visible and not covered, then scan again.".into(),
                    });
                    self.note_event(&format!("scanned {place}: no QR code"));
                }
                if self.webcam_on {
                    self.stop_webcam();
                }
            }
            CaptureEvent::Failed(err) => {
                self.capture_note = Some(explain::capture(&err));
                self.webcam_on = false;
            }
            CaptureEvent::WebcamFrame(img) => {
                let (w, h) = img.dimensions();
                let color =
                    eframe::egui::ColorImage::from_gray([w as usize, h as usize], img.as_raw());
                self.webcam_frame = Some(ctx.load_texture("webcam", color, Default::default()));
            }
            CaptureEvent::WebcamRejected(text) => {
                if let Err(e) = crate::secret::read(&text) {
                    self.capture_note = Some(explain::not_a_secret(&e));
                }
            }
            CaptureEvent::WebcamStopped => self.webcam_on = false,
        }
    }
}

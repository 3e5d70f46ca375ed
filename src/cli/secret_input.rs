//! Getting a secret from the command line: `--secret -` (standard input) or
//! `--secret-env VAR`, which keep it out of shell history and process lists,
//! or `--secret TEXT` (with a warning); choosing an account from an export,
//! and merging URI options with flags.

use super::args::CodeOptionArgs;
use crate::explain::{self, Explanation};
use crate::params::{HmacAlgorithm, TimeStep};
use crate::secret::{self, Candidate, MigrationBatch, SecretInfo};
use crate::tr;
use std::io::Read;
use zeroize::Zeroizing;

/// Read the secret text: `--secret -` (standard input), `--secret-env VAR`
/// (an environment variable), or `--secret TEXT` (accepted, with a warning:
/// the text is visible in the process list and shell history).
pub fn read_secret(
    secret: Option<&str>,
    secret_env: Option<&str>,
) -> Result<Zeroizing<String>, Explanation> {
    if let Some(var) = secret_env {
        return match std::env::var(var) {
            Ok(text) => Ok(Zeroizing::new(text)),
            Err(std::env::VarError::NotPresent) => Err(explain::secret_env_unusable(var, false)),
            Err(std::env::VarError::NotUnicode(raw)) => {
                drop(Zeroizing::new(raw.into_encoded_bytes()));
                Err(explain::secret_env_unusable(var, true))
            }
        };
    }
    match secret {
        None | Some("-") => read_stdin(),
        Some(text) => {
            eprintln!(
                "{}",
                tr!("cli-warning", warning = explain::secret_on_command_line())
            );
            Ok(Zeroizing::new(text.to_string()))
        }
    }
}

fn read_stdin() -> Result<Zeroizing<String>, Explanation> {
    let mut buf = Zeroizing::new(Vec::new());
    std::io::stdin()
        .take(1 << 20)
        .read_to_end(&mut buf)
        .map_err(|_| Explanation {
            problem: tr!("cli-stdin-unreadable"),
            next_step: tr!("cli-stdin-unreadable-next"),
        })?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    Ok(Zeroizing::new(text))
}

/// One line per account of an export: `  N. who: kind, digits, state`.
fn describe_accounts(batch: &MigrationBatch) -> String {
    batch
        .accounts
        .iter()
        .enumerate()
        .map(|(i, a)| format!("  {}. {}", i + 1, explain::export_account(a)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Classify the text and pick one secret (`account` is 1-based, for exports).
pub fn resolve(text: &str, account: Option<u32>) -> Result<SecretInfo, Explanation> {
    match secret::read(text).map_err(|e| explain::not_a_secret_from(&e, explain::Origin::Typed))? {
        Candidate::Single(_) if account.is_some() => Err(Explanation {
            problem: tr!("cli-account-single-secret"),
            next_step: tr!("cli-account-single-secret-next"),
        }),
        Candidate::Single(info) => Ok(info),
        Candidate::Migration(batch) => {
            if let Some(n) = account {
                return match batch.choose((n as usize).saturating_sub(1)) {
                    Some(Ok(info)) => Ok(info),
                    Some(Err(e)) => Err(explain::not_a_secret(&e)),
                    None => Err(Explanation {
                        problem: format!(
                            "{}\n{}",
                            tr!(
                                "cli-account-missing",
                                count = batch.accounts.len(),
                                number = n
                            ),
                            describe_accounts(&batch)
                        ),
                        next_step: tr!("cli-account-missing-next"),
                    }),
                };
            }
            if let Some(info) = batch.only_usable() {
                return Ok(info);
            }
            let problem = if batch.usable_count() == 0 {
                tr!("cli-export-none-usable")
            } else {
                tr!("cli-export-several")
            };
            Err(Explanation {
                problem: format!("{problem}\n{}", describe_accounts(&batch)),
                next_step: if batch.usable_count() == 0 {
                    tr!("cli-export-none-usable-next")
                } else {
                    tr!("cli-export-several-next")
                },
            })
        }
    }
}

/// The algorithm and step to use: the secret's own unless a flag is given;
/// a flag that contradicts the otpauth link is an error.
pub fn merge_options(
    info: &SecretInfo,
    flags: &CodeOptionArgs,
) -> Result<(HmacAlgorithm, TimeStep), Explanation> {
    let flag_alg = flags.algorithm.map(HmacAlgorithm::from);
    let algorithm = match (info.algorithm, flag_alg) {
        (Some(a), Some(f)) if a != f => {
            return Err(Explanation {
                problem: tr!(
                    "cli-algorithm-conflict",
                    link = a.to_string(),
                    flag = f.to_string()
                ),
                next_step: tr!("cli-algorithm-conflict-next"),
            });
        }
        (a, f) => f.or(a).unwrap_or_default(),
    };
    let period = match (info.period, flags.period) {
        (Some(p), Some(f)) if p != f => {
            return Err(Explanation {
                problem: tr!(
                    "cli-period-conflict",
                    link = p.seconds(),
                    flag = f.seconds()
                ),
                next_step: tr!("cli-period-conflict-next"),
            });
        }
        (p, f) => f.or(p).unwrap_or_default(),
    };
    Ok((algorithm, period))
}

/// Warnings about the chosen secret, for stderr.
pub fn print_warnings(info: &SecretInfo) {
    for w in &info.warnings {
        eprintln!("{}", tr!("cli-warning", warning = explain::warning(w)));
    }
}

//! The model table: which token a serial number belongs to, and whether
//! setting its clock erases its secret ("restricted time sync").

use serde::Serialize;

/// What a clock/options write does to the secret already on the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeSync {
    /// Writing the clock keeps the secret.
    KeepsSecret,
    /// Writing the clock erases the secret (anti-replay); the token is blank until a seed is written.
    ErasesSecret,
}

impl TimeSync {
    /// Short human description.
    pub fn describe(self) -> String {
        match self {
            TimeSync::KeepsSecret => crate::tr!("time-sync-keeps-secret"),
            TimeSync::ErasesSecret => crate::tr!("time-sync-erases-secret"),
        }
    }
}

/// A known token model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Model {
    /// Serial number prefix.
    pub prefix: &'static str,
    /// Marketing name.
    pub name: &'static str,
    /// Time-sync class.
    pub time_sync: TimeSync,
}

/// Every model in protocol.md.
pub const MODELS: [Model; 8] = [
    Model {
        prefix: "8659612",
        name: "OTPC-P1-i",
        time_sync: TimeSync::KeepsSecret,
    },
    Model {
        prefix: "8659622",
        name: "OTPC-P2-i",
        time_sync: TimeSync::ErasesSecret,
    },
    Model {
        prefix: "8659621",
        name: "OTPC-P2-i-NB",
        time_sync: TimeSync::ErasesSecret,
    },
    Model {
        prefix: "8659600",
        name: "miniOTP-2-i",
        time_sync: TimeSync::KeepsSecret,
    },
    Model {
        prefix: "8659601",
        name: "miniOTP-3-i",
        time_sync: TimeSync::ErasesSecret,
    },
    Model {
        prefix: "8659609",
        name: "miniOTP-3-i-NB",
        time_sync: TimeSync::ErasesSecret,
    },
    Model {
        prefix: "8659610",
        name: "C301-i",
        time_sync: TimeSync::ErasesSecret,
    },
    Model {
        prefix: "8659632",
        name: "C302-i",
        time_sync: TimeSync::KeepsSecret,
    },
];

/// The model whose prefix is the longest match for `serial`.
pub fn model_for_serial(serial: &str) -> Option<&'static Model> {
    MODELS
        .iter()
        .filter(|m| serial.starts_with(m.prefix))
        .max_by_key(|m| m.prefix.len())
}

/// Whether `text` looks like a serial printed on one of these tokens:
/// 8 to 14 ASCII digits starting with a known prefix.
pub fn looks_like_serial(text: &str) -> Option<&'static Model> {
    let t = text.trim();
    if (8..=14).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
        model_for_serial(t)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_is_found_by_its_prefix() {
        for m in MODELS {
            let serial = format!("{}0001234", m.prefix);
            assert_eq!(model_for_serial(&serial).unwrap().name, m.name);
        }
        assert!(model_for_serial("12345678").is_none());
        assert!(model_for_serial("").is_none());
    }

    #[test]
    fn serial_shapes() {
        assert_eq!(
            looks_like_serial("86596220001234").unwrap().name,
            "OTPC-P2-i"
        );
        assert_eq!(looks_like_serial(" 86596320 ").unwrap().name, "C302-i");
        assert!(looks_like_serial("8659622").is_none()); // 7 digits
        assert!(looks_like_serial("865962200012345").is_none()); // 15 digits
        assert!(looks_like_serial("8659622000123a").is_none());
    }
}

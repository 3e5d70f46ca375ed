//! Which reader to use: the one named (exactly or by a unique part of its
//! name), or else the one reader holding a token. Pure.

use super::TransportError;
use serde::Serialize;

/// What a reader currently holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum ReaderState {
    /// No token on it.
    Empty,
    /// A token is on it.
    TokenPresent {
        /// The token's ATR.
        #[serde(serialize_with = "hex")]
        atr: Vec<u8>,
    },
    /// A token is on it and another program holds it exclusively.
    InUse {
        /// The token's ATR.
        #[serde(serialize_with = "hex")]
        atr: Vec<u8>,
    },
    /// A token is on it but does not answer (switched off, badly placed).
    Mute,
    /// The reader cannot be used (unplugged, driver problem).
    Unavailable,
}

fn hex<S: serde::Serializer>(b: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&b.iter().map(|x| format!("{x:02X}")).collect::<String>())
}

impl ReaderState {
    /// Short words for a reader list.
    pub fn describe(&self) -> String {
        match self {
            ReaderState::Empty => crate::tr!("reader-state-empty"),
            ReaderState::TokenPresent { .. } => crate::tr!("reader-state-token"),
            ReaderState::InUse { .. } => crate::tr!("reader-state-in-use"),
            ReaderState::Mute => crate::tr!("reader-state-mute"),
            ReaderState::Unavailable => crate::tr!("reader-state-unavailable"),
        }
    }
    /// Whether a token lies on the reader.
    pub fn has_token(&self) -> bool {
        matches!(
            self,
            ReaderState::TokenPresent { .. } | ReaderState::InUse { .. }
        )
    }
}

/// A reader and its state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReaderInfo {
    /// Reader name as PC/SC reports it.
    pub name: String,
    /// What it holds.
    pub state: ReaderState,
}

/// Pick the reader: `wanted` matches exactly, or as a unique case-insensitive
/// part of a name; without it, the one reader that holds a token.
pub fn choose_reader<'a>(
    readers: &'a [ReaderInfo],
    wanted: Option<&str>,
) -> Result<&'a ReaderInfo, TransportError> {
    if readers.is_empty() {
        return Err(TransportError::NoReader);
    }
    if let Some(wanted) = wanted {
        if let Some(exact) = readers.iter().find(|r| r.name == wanted) {
            return Ok(exact);
        }
        let needle = wanted.to_lowercase();
        let matches: Vec<&ReaderInfo> = readers
            .iter()
            .filter(|r| r.name.to_lowercase().contains(&needle))
            .collect();
        return match matches.as_slice() {
            [one] => Ok(one),
            [] => Err(TransportError::UnknownReader {
                wanted: wanted.to_string(),
                available: readers.iter().map(|r| r.name.clone()).collect(),
            }),
            many => Err(TransportError::AmbiguousReader {
                wanted: wanted.to_string(),
                matches: many.iter().map(|r| r.name.clone()).collect(),
            }),
        };
    }
    let with_token: Vec<&ReaderInfo> = readers.iter().filter(|r| r.state.has_token()).collect();
    match with_token.as_slice() {
        [one] => Ok(one),
        [] => Err(TransportError::NoToken),
        many => Err(TransportError::SeveralTokens {
            readers: many.iter().map(|r| r.name.clone()).collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(name: &str, token: bool) -> ReaderInfo {
        ReaderInfo {
            name: name.into(),
            state: if token {
                ReaderState::TokenPresent { atr: vec![0x3B] }
            } else {
                ReaderState::Empty
            },
        }
    }

    #[test]
    fn choice_rules() {
        let readers = [
            r("ACS ACR122U 00 00", false),
            r("Virtual PCD 00 00", true),
            r("Virtual PCD 00 01", false),
        ];
        assert_eq!(
            choose_reader(&readers, None).unwrap().name,
            "Virtual PCD 00 00"
        );
        assert_eq!(
            choose_reader(&readers, Some("acr122")).unwrap().name,
            "ACS ACR122U 00 00"
        );
        assert_eq!(
            choose_reader(&readers, Some("Virtual PCD 00 01"))
                .unwrap()
                .name,
            "Virtual PCD 00 01"
        );
        assert!(
            matches!(choose_reader(&readers, Some("virtual")), Err(TransportError::AmbiguousReader { matches, .. }) if matches.len() == 2)
        );
        assert!(
            matches!(choose_reader(&readers, Some("omnikey")), Err(TransportError::UnknownReader { available, .. }) if available.len() == 3)
        );
        assert_eq!(choose_reader(&[], None), Err(TransportError::NoReader));
        assert_eq!(
            choose_reader(&[r("a", false)], None),
            Err(TransportError::NoToken)
        );
        assert!(
            matches!(choose_reader(&[r("a", true), r("b", true)], None), Err(TransportError::SeveralTokens { readers }) if readers == ["a", "b"])
        );
    }
}

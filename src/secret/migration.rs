//! `otpauth-migration://offline?data=...` exports from Google Authenticator
//! (and apps that copy its format): a base64 protobuf listing accounts.
//! Decoded with `prost`; each account is checked like any other secret.

use super::classify::checked_secret;
use super::otpauth::split_label;
use super::{NotASecret, Secret, SecretInfo, SourceKind};
use crate::params::HmacAlgorithm;
use base64::Engine;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use prost::Message;
use zeroize::Zeroizing;

/// The export payload, as published by Google Authenticator.
#[derive(Clone, PartialEq, Message)]
pub struct MigrationPayload {
    /// The accounts.
    #[prost(message, repeated, tag = "1")]
    pub otp_parameters: Vec<OtpParameters>,
    /// Format version.
    #[prost(int32, tag = "2")]
    pub version: i32,
    /// Number of QR codes in the export.
    #[prost(int32, tag = "3")]
    pub batch_size: i32,
    /// Index of this QR code in the export.
    #[prost(int32, tag = "4")]
    pub batch_index: i32,
    /// Export identifier.
    #[prost(int32, tag = "5")]
    pub batch_id: i32,
}

/// One account of an export.
#[derive(Clone, PartialEq, Message)]
pub struct OtpParameters {
    /// Raw secret bytes.
    #[prost(bytes = "vec", tag = "1")]
    pub secret: Vec<u8>,
    /// Account name (often `Issuer:account`).
    #[prost(string, tag = "2")]
    pub name: String,
    /// Issuer.
    #[prost(string, tag = "3")]
    pub issuer: String,
    /// 0 unspecified, 1 SHA-1, 2 SHA-256, 3 SHA-512, 4 MD5.
    #[prost(int32, tag = "4")]
    pub algorithm: i32,
    /// 0 unspecified, 1 six, 2 eight.
    #[prost(int32, tag = "5")]
    pub digits: i32,
    /// 0 unspecified, 1 HOTP, 2 TOTP.
    #[prost(int32, tag = "6")]
    pub r#type: i32,
    /// HOTP counter.
    #[prost(int64, tag = "7")]
    pub counter: i64,
}

/// Counter- or time-based, as an export says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OtpType {
    /// Time-based (TOTP).
    Totp,
    /// Counter-based (HOTP).
    Hotp,
    /// Not said (read as TOTP).
    Unspecified,
}

/// One account of an export, and whether the token can take it.
#[derive(Debug, Clone)]
pub struct MigrationAccount {
    /// Issuer, if named.
    pub issuer: Option<String>,
    /// Account name, if named.
    pub account: Option<String>,
    /// Counter- or time-based.
    pub otp_type: OtpType,
    /// Code length the export asks for (6 when unspecified), `None` when
    /// the export holds an unknown value.
    pub digits: Option<u32>,
    /// The key as exported, even when it cannot be burned (for
    /// `--show-secret`; `Debug` never shows it).
    pub secret: Secret,
    /// The secret, or why it cannot be burned.
    pub usable: Result<SecretInfo, NotASecret>,
}

/// The accounts of one export QR code.
#[derive(Debug, Clone)]
pub struct MigrationBatch {
    /// Accounts in export order.
    pub accounts: Vec<MigrationAccount>,
    /// This QR's index in a multi-QR export (0-based).
    pub batch_index: u32,
    /// Number of QR codes in the export.
    pub batch_size: u32,
}

impl MigrationBatch {
    /// How many accounts the token can take.
    pub fn usable_count(&self) -> usize {
        self.accounts.iter().filter(|a| a.usable.is_ok()).count()
    }
    /// The account at `index`, or why it cannot be burned.
    pub fn choose(&self, index: usize) -> Option<Result<SecretInfo, NotASecret>> {
        self.accounts.get(index).map(|a| a.usable.clone())
    }
    /// The single usable account, when there is exactly one.
    pub fn only_usable(&self) -> Option<SecretInfo> {
        let mut usable = self.accounts.iter().filter_map(|a| a.usable.as_ref().ok());
        match (usable.next(), usable.next()) {
            (Some(one), None) => Some(one.clone()),
            _ => None,
        }
    }
}

const BASE64_ANY_PADDING: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);
const BASE64URL_ANY_PADDING: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

fn account_of(mut p: OtpParameters) -> MigrationAccount {
    let secret = Zeroizing::new(std::mem::take(&mut p.secret));
    let exported = Secret::from_zeroizing(secret.clone());
    let otp_type = match p.r#type {
        1 => OtpType::Hotp,
        2 => OtpType::Totp,
        _ => OtpType::Unspecified,
    };
    let digits = match p.digits {
        0 | 1 => Some(6),
        2 => Some(8),
        _ => None,
    };
    let (label_issuer, account) = split_label(&p.name);
    let issuer = Some(p.issuer.trim().to_string())
        .filter(|s| !s.is_empty())
        .or(label_issuer);
    let algorithm = match p.algorithm {
        0 | 1 => Ok(HmacAlgorithm::Sha1),
        2 => Ok(HmacAlgorithm::Sha256),
        3 => Err(NotASecret::UnsupportedAlgorithm {
            name: "SHA512".into(),
        }),
        4 => Err(NotASecret::UnsupportedAlgorithm { name: "MD5".into() }),
        _ => Err(NotASecret::UnsupportedAlgorithm {
            name: "unknown".into(),
        }),
    };
    let usable = (|| {
        if p.r#type == 1 {
            return Err(NotASecret::Hotp);
        }
        let algorithm = algorithm?;
        if p.digits == 2 {
            return Err(NotASecret::UnsupportedDigits { digits: 8 });
        }
        let (secret, warnings) = checked_secret(secret)?;
        Ok(SecretInfo {
            secret,
            issuer: issuer.clone(),
            account: account.clone(),
            algorithm: Some(algorithm),
            digits: Some(6),
            period: None,
            source: SourceKind::Migration,
            warnings,
        })
    })();
    MigrationAccount {
        issuer,
        account,
        otp_type,
        digits,
        secret: exported,
        usable,
    }
}

/// Parse an `otpauth-migration://` URI.
pub(super) fn parse(uri: &str) -> Result<MigrationBatch, NotASecret> {
    let url = url::Url::parse(uri.trim()).map_err(|_| NotASecret::MalformedMigration {
        detail: "it cannot be read as a URI",
    })?;
    let data = url
        .query_pairs()
        .find(|(k, _)| k == "data")
        .map(|(_, v)| Zeroizing::new(v.replace(' ', "+")))
        .ok_or(NotASecret::MalformedMigration {
            detail: "it has no data parameter",
        })?;
    drop(Zeroizing::new(String::from(url)));
    let raw = BASE64_ANY_PADDING
        .decode(data.trim())
        .or_else(|_| BASE64URL_ANY_PADDING.decode(data.trim()))
        .map(Zeroizing::new)
        .map_err(|_| NotASecret::MalformedMigration {
            detail: "its data is not base64",
        })?;
    let mut payload =
        MigrationPayload::decode(raw.as_slice()).map_err(|_| NotASecret::MalformedMigration {
            detail: "its data is not an authenticator export",
        })?;
    if payload.otp_parameters.is_empty() {
        return Err(NotASecret::EmptyMigration);
    }
    let accounts = std::mem::take(&mut payload.otp_parameters)
        .into_iter()
        .map(account_of)
        .collect();
    Ok(MigrationBatch {
        accounts,
        batch_index: payload.batch_index.max(0) as u32,
        batch_size: payload.batch_size.max(1) as u32,
    })
}

/// Build an export URI (for tests, fixtures and the demo).
pub fn encode_uri(payload: &MigrationPayload) -> String {
    let data = base64::engine::general_purpose::STANDARD.encode(payload.encode_to_vec());
    let escaped: String = url::form_urlencoded::byte_serialize(data.as_bytes()).collect();
    format!("otpauth-migration://offline?data={escaped}")
}

//! Kept secrets, encrypted at rest with age: each secret is encrypted to a
//! session X25519 key (fast), and that key's identity is stored encrypted
//! under the operator's passphrase (scrypt, about a second, once per
//! session). Without the passphrase the records reveal nothing.

use super::records::{RecordsError, Store};
use age::secrecy::{ExposeSecret, SecretString};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::str::FromStr;
use thiserror::Error;
use zeroize::Zeroizing;

/// A vault failure.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum VaultError {
    /// The passphrase does not open the stored key.
    #[error("{}", crate::tr!("err-wrong-passphrase"))]
    WrongPassphrase,
    /// A new vault's passphrase is too short.
    #[error("{}", crate::tr!("err-passphrase-too-short", chars = MIN_PASSPHRASE_CHARS))]
    PassphraseTooShort,
    /// Encryption or decryption failed.
    #[error("{}", crate::tr!("err-vault-crypto", detail = _0.as_str()))]
    Crypto(String),
    /// The records database failed.
    #[error(transparent)]
    Records(#[from] RecordsError),
    /// A records server without the fleet's key: an administrator makes it
    /// with `records init`.
    #[error("{}", crate::tr!("err-vault-no-fleet-key"))]
    NoFleetKey,
}

fn crypto(e: impl std::fmt::Display) -> VaultError {
    VaultError::Crypto(e.to_string())
}

fn encrypt_to(recipient: &dyn age::Recipient, plain: &[u8]) -> Result<Vec<u8>, VaultError> {
    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient)).map_err(crypto)?;
    let mut out = Vec::new();
    let mut w = encryptor.wrap_output(&mut out).map_err(crypto)?;
    w.write_all(plain).map_err(crypto)?;
    w.finish().map_err(crypto)?;
    Ok(out)
}

fn decrypt_with(
    identity: &dyn age::Identity,
    blob: &[u8],
) -> Result<Zeroizing<Vec<u8>>, VaultError> {
    let d = age::Decryptor::new_buffered(blob).map_err(crypto)?;
    let mut r = d.decrypt(std::iter::once(identity)).map_err(|e| match e {
        age::DecryptError::NoMatchingKeys | age::DecryptError::DecryptionFailed => {
            VaultError::WrongPassphrase
        }
        other => crypto(other),
    })?;
    let mut out = Zeroizing::new(Vec::new());
    r.read_to_end(&mut out).map_err(crypto)?;
    Ok(out)
}

/// The session key for writing kept secrets (and reading back the ones it
/// sealed, to finish an interrupted burn with the same secret). A station
/// of a fleet holds only the fleet's public recipient: it seals, it never
/// opens.
pub struct Vault {
    key_id: i64,
    recipient: age::x25519::Recipient,
    identity: Option<age::x25519::Identity>,
}

impl Vault {
    /// Unlock the newest stored key with `passphrase`, or create the first
    /// key when there is none.
    pub fn unlock_or_create(store: &Store, passphrase: &SecretString) -> Result<Vault, VaultError> {
        if let Some((id, recipient, wrapped)) = store.keys()?.pop() {
            let plain = decrypt_with(&age::scrypt::Identity::new(passphrase.clone()), &wrapped)?;
            let text = std::str::from_utf8(&plain).map_err(crypto)?;
            let identity = age::x25519::Identity::from_str(text).map_err(crypto)?;
            let recipient = age::x25519::Recipient::from_str(&recipient).map_err(crypto)?;
            if identity.to_public().to_string() != recipient.to_string() {
                return Err(VaultError::Crypto("stored key does not match".into()));
            }
            return Ok(Vault {
                key_id: id,
                recipient,
                identity: Some(identity),
            });
        }
        if passphrase.expose_secret().chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(VaultError::PassphraseTooShort);
        }
        let identity = age::x25519::Identity::generate();
        let recipient = identity.to_public();
        let wrapped = encrypt_to(
            &age::scrypt::Recipient::new(passphrase.clone()),
            identity.to_string().expose_secret().as_bytes(),
        )?;
        let Some(key_id) = store.add_first_key(&recipient.to_string(), &wrapped)? else {
            // Another process made the first key meanwhile: use that one
            // (it opens with this passphrase, or says it does not).
            return Vault::unlock_or_create(store, passphrase);
        };
        Ok(Vault {
            key_id,
            recipient,
            identity: Some(identity),
        })
    }

    /// Seal to the newest stored recipient without opening anything (no
    /// passphrase): a fleet's stations, whose login may not read the
    /// wrapped identity.
    pub fn sealing_only(store: &Store) -> Result<Vault, VaultError> {
        let (key_id, recipient) = store.recipients()?.pop().ok_or(VaultError::NoFleetKey)?;
        Ok(Vault {
            key_id,
            recipient: age::x25519::Recipient::from_str(&recipient).map_err(crypto)?,
            identity: None,
        })
    }

    /// Encrypt one secret; returns (ciphertext, key id) for the record.
    pub fn seal(&self, secret: &[u8]) -> Result<(Vec<u8>, i64), VaultError> {
        Ok((encrypt_to(&self.recipient, secret)?, self.key_id))
    }

    /// Decrypt a secret this session's key sealed (an error for another key).
    pub fn unseal(&self, key_id: i64, blob: &[u8]) -> Result<Zeroizing<Vec<u8>>, VaultError> {
        match &self.identity {
            Some(identity) if key_id == self.key_id => decrypt_with(identity, blob),
            _ => Err(VaultError::WrongPassphrase),
        }
    }
}

/// The shortest passphrase accepted for a new vault.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Every stored key the passphrase opens, for reading kept secrets.
pub struct OpenVault(HashMap<i64, age::x25519::Identity>);

impl OpenVault {
    /// Open every key `passphrase` unlocks (an error if it opens none).
    pub fn open(store: &Store, passphrase: &SecretString) -> Result<OpenVault, VaultError> {
        let scrypt = age::scrypt::Identity::new(passphrase.clone());
        let mut keys = HashMap::new();
        for (id, _, wrapped) in store.keys()? {
            if let Ok(plain) = decrypt_with(&scrypt, &wrapped) {
                let text = std::str::from_utf8(&plain).map_err(crypto)?;
                keys.insert(id, age::x25519::Identity::from_str(text).map_err(crypto)?);
            }
        }
        if keys.is_empty() {
            return Err(VaultError::WrongPassphrase);
        }
        Ok(OpenVault(keys))
    }

    /// Decrypt a kept secret.
    pub fn unseal(&self, key_id: i64, blob: &[u8]) -> Result<Zeroizing<Vec<u8>>, VaultError> {
        let identity = self.0.get(&key_id).ok_or(VaultError::WrongPassphrase)?;
        decrypt_with(identity, blob)
    }
}

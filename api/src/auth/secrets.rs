//! Generating and hashing secrets: passwords (argon2id), API keys and session tokens (random,
//! 256-bit, stored as SHA-256 because their entropy makes slow hashing pointless).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

const KEY_PREFIX: &str = "lg_";

/// `bytes` random bytes as URL-safe base64 without padding.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut buf);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

pub fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

/// A fresh API key: `(key, its hash, a displayable prefix)`.
pub fn new_api_key() -> (String, String, String) {
    let key = format!("{KEY_PREFIX}{}", random_token(32));
    let hash = sha256_hex(&key);
    let prefix = key[..KEY_PREFIX.len() + 6].to_string();
    (key, hash, prefix)
}

pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hashing a password failed: {e}"))?
        .to_string())
}

/// Whether `password` matches a stored argon2 hash; a malformed hash never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Compares secrets in time independent of where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_themselves() {
        let h = hash_password("correct horse").unwrap();
        assert!(h.starts_with("$argon2"));
        assert!(verify_password("correct horse", &h));
        assert!(!verify_password("correct horsf", &h));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn api_keys_are_unique_and_hashed() {
        let (k1, h1, p1) = new_api_key();
        let (k2, _, _) = new_api_key();
        assert_ne!(k1, k2);
        assert!(k1.starts_with(&p1) && p1.starts_with("lg_"));
        assert_eq!(h1, sha256_hex(&k1));
        assert!(k1.len() > 40);
    }

    #[test]
    fn constant_time_eq_compares() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}

//! The process's one rustls crypto provider, aws-lc-rs (the Google Cloud clients build it
//! anyway). reqwest is built without a provider of its own, so every HTTPS-capable client
//! finds this one instead of panicking on "No provider set".

/// Installs aws-lc-rs as the process default; later calls (tests, re-entry) change nothing.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
}

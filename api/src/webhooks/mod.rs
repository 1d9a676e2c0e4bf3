//! Webhooks: signed deliveries of document events to integrators, retried with backoff from
//! the `webhook_deliveries` table so a restart does not drop them.

pub mod delivery;
pub mod signature;

//! The service's behavioural suite against real servers on loopback ports, run on SQLite and on
//! Postgres (`make test` starts one).

mod helpers;
mod pipeline;
mod suite;
mod webhooks;

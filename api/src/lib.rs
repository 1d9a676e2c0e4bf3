//! The Leasegrid service and command line: REST API (axum, utoipa), persistence (sqlx on SQLite
//! or Postgres), exports, and the subcommands of the `leasegrid` binary.

pub mod auth;
pub mod cli;
pub mod commands;
pub mod config;
pub mod db;
pub mod domain;
pub mod export;
pub mod http;
pub mod server;
pub mod service;
pub mod tls;
pub mod webhooks;

//! Who is calling: an API key (`Authorization: Bearer`) or a web session cookie, the latter with
//! double-submit CSRF protection on writes. Every handler that takes `Auth` is org-scoped.

pub mod secrets;

use crate::db::Principal;
use crate::domain::Role;
use crate::http::AppState;
use crate::http::error::ApiError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};

pub const SESSION_COOKIE: &str = "leasegrid_session";
pub const CSRF_COOKIE: &str = "leasegrid_csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The authenticated caller of a request.
#[derive(Debug, Clone)]
pub struct Auth(pub Principal);

impl Auth {
    pub fn org(&self) -> &str {
        &self.0.org_id
    }

    /// Refuses callers whose role is below `role`.
    pub fn require(&self, role: Role) -> Result<(), ApiError> {
        if self.0.role >= role {
            Ok(())
        } else {
            Err(ApiError::Forbidden(format!(
                "this needs the {} role; you are {}",
                role.as_str(),
                self.0.role.as_str()
            )))
        }
    }
}

/// The value of cookie `name` in the request, if any.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn bearer(headers: &HeaderMap) -> Result<Option<&str>, ApiError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| ApiError::Unauthorized)?;
    match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() => {
            Ok(Some(token.trim()))
        }
        _ => Err(ApiError::Unauthorized),
    }
}

fn is_write(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

impl FromRequestParts<AppState> for Auth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        if let Some(key) = bearer(&parts.headers)? {
            return match state.repo.principal_for_api_key(key).await? {
                Some(p) => Ok(Auth(p)),
                None => Err(ApiError::Unauthorized),
            };
        }
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(ApiError::Unauthorized);
        };
        let principal = state
            .repo
            .principal_for_session(token)
            .await?
            .ok_or(ApiError::Unauthorized)?;
        if is_write(&parts.method) {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            let expected = cookie(&parts.headers, CSRF_COOKIE).unwrap_or("");
            if expected.is_empty() || !secrets::constant_time_eq(sent.as_bytes(), expected.as_bytes()) {
                return Err(ApiError::Forbidden(format!(
                    "missing or wrong {} header: echo the {CSRF_COOKIE} cookie on cookie-authenticated writes",
                    "X-CSRF-Token"
                )));
            }
        }
        Ok(Auth(principal))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_among_several() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, "a=1; leasegrid_session=tok; b=2".parse().unwrap());
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("tok"));
        assert_eq!(cookie(&h, CSRF_COOKIE), None);
    }

    #[test]
    fn malformed_authorization_is_refused() {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, "Basic abc".parse().unwrap());
        assert!(bearer(&h).is_err());
        h.insert(header::AUTHORIZATION, "Bearer lg_x".parse().unwrap());
        assert_eq!(bearer(&h).unwrap(), Some("lg_x"));
    }
}

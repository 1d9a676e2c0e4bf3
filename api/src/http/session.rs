//! Web sign-in: `POST /auth/login` sets an HttpOnly session cookie and a readable CSRF cookie
//! (double submit), `POST /auth/logout` ends the session, `GET /auth/me` says who is signed in.

use super::AppState;
use super::error::{ApiError, ApiResult, Problem};
use super::json::JsonBody;
use crate::auth::{Auth, CSRF_COOKIE, SESSION_COOKIE, cookie, secrets};
use crate::domain::Role;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"email": "admin@example.com", "password": "correct horse battery staple"}))]
pub struct Login {
    pub email: String,
    pub password: String,
}

/// The signed-in caller.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub org_id: String,
    pub org_name: String,
    pub role: Role,
    /// Set for users signed in with a password; `null` for API keys.
    pub email: Option<String>,
    /// `user:EMAIL` or `api_key:PREFIX`.
    pub actor: String,
}

fn set_cookie(name: &str, value: &str, max_age: i64, http_only: bool, secure: bool) -> HeaderValue {
    let mut c = format!("{name}={value}; Path=/; Max-Age={max_age}; SameSite=Lax");
    if http_only {
        c.push_str("; HttpOnly");
    }
    if secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Sign in with email and password.
#[utoipa::path(post, path = "/api/v1/auth/login", operation_id = "login", tag = "auth", request_body = Login,
    responses(
        (status = 200, description = "signed in; sets the `leasegrid_session` (HttpOnly) and `leasegrid_csrf` cookies", body = Me),
        (status = 400, description = "malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "wrong email or password", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "email or password missing", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn login(State(state): State<AppState>, body: JsonBody<Login>) -> ApiResult<Response> {
    let Login { email, password } = body.0;
    let user = state.repo.user_by_email(&email).await?;
    let hash = user.as_ref().map(|u| u.password_hash.clone());
    // argon2 takes tens of milliseconds of CPU: off the async threads.
    let ok = tokio::task::spawn_blocking(move || {
        hash.is_some_and(|h| secrets::verify_password(&password, &h))
    })
    .await
    .map_err(anyhow::Error::from)?;
    let user = match (ok, user) {
        (true, Some(u)) => u,
        _ => return Err(ApiError::Unauthorized),
    };
    let ttl = state.config.session_ttl;
    let token = state.repo.create_session(&user, ttl).await?;
    let csrf = secrets::random_token(24);
    let secure = state.config.secure_cookies;
    let seconds = ttl.num_seconds();
    let me = Me {
        org_name: state.repo.org_name(&user.org_id).await?.unwrap_or_default(),
        org_id: user.org_id.clone(),
        role: Role::parse(&user.role).unwrap_or(Role::Viewer),
        actor: format!("user:{}", user.email),
        email: Some(user.email),
    };
    let mut response = Json(me).into_response();
    let h = response.headers_mut();
    h.append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, &token, seconds, true, secure),
    );
    h.append(
        header::SET_COOKIE,
        set_cookie(CSRF_COOKIE, &csrf, seconds, false, secure),
    );
    Ok(response)
}

/// Sign out: ends the session and clears the cookies.
#[utoipa::path(post, path = "/api/v1/auth/logout", operation_id = "logout", tag = "auth",
    responses(
        (status = 204, description = "signed out"),
        (status = 401, description = "not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "missing X-CSRF-Token", body = Problem, content_type = "application/problem+json"),
    ),
    security(("session" = [])))]
pub async fn logout(
    State(state): State<AppState>,
    _auth: Auth,
    headers: HeaderMap,
) -> ApiResult<Response> {
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        state.repo.delete_session(token).await?;
    }
    let secure = state.config.secure_cookies;
    let mut response = StatusCode::NO_CONTENT.into_response();
    let h = response.headers_mut();
    h.append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", 0, true, secure),
    );
    h.append(
        header::SET_COOKIE,
        set_cookie(CSRF_COOKIE, "", 0, false, secure),
    );
    Ok(response)
}

/// Who is calling.
#[utoipa::path(get, path = "/api/v1/auth/me", operation_id = "get_current_user", tag = "auth",
    responses(
        (status = 200, description = "the caller", body = Me),
        (status = 401, description = "not signed in", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn me(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Me>> {
    let p = auth.0;
    let email = match &p.user_id {
        Some(u) => state.repo.user_email(&p.org_id, u).await?,
        None => None,
    };
    Ok(Json(Me {
        org_name: state.repo.org_name(&p.org_id).await?.unwrap_or_default(),
        org_id: p.org_id,
        role: p.role,
        email,
        actor: p.actor,
    }))
}

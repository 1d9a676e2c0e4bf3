//! The sign-in screen shown whenever nobody is signed in.

import { useState, type FormEvent } from "react";
import { useLogin } from "../api/login";

export function LoginPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const login = useLogin();

  function submit(e: FormEvent) {
    e.preventDefault();
    login.mutate({ email: email.trim(), password });
  }

  return (
    <div className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="brand brand-dark">Leasegrid</div>
        <h1 id="login-title">Sign in</h1>
        <p className="muted">Lease and rent-roll abstraction with evidence for every value.</p>
        <label>
          Email
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {login.isError && (
          <p role="alert" className="error">
            {login.error instanceof Error && "status" in login.error && login.error.status === 401
              ? "Email or password is not right."
              : `Sign-in failed: ${login.error.message}`}
          </p>
        )}
        <button type="submit" className="primary" disabled={login.isPending}>
          {login.isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </div>
  );
}

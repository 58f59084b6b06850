"use client";

// Signing in and out from the browser, as next-auth's own client does it
// (its CSRF token, then the credentials callback or the sign-out endpoint),
// without loading next-auth/react on every page: nothing here keeps a
// session in the browser; pages re-read it on the server (server/auth/session.ts).

import { safeReturnPathFromUrl } from "@/lib/auth/return-path";
import { forgetThisDevice } from "@/lib/offline/forget-device";

const AUTH_BASE = "/api/auth";
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

async function csrfToken(): Promise<string> {
  const response = await fetch(`${AUTH_BASE}/csrf`);
  const { csrfToken: token } = (await response.json()) as { csrfToken: string };
  return token;
}

export type TSignInResult = { ok: boolean; status: number; error: string | null; url: string | null };

/**
 * The credentials sign-in (email, password and, when asked for, a two-step
 * code). Resolves with next-auth's error code (e.g. "CredentialsSignin",
 * "two_factor_required", "TooManyAttempts-15") or none; the session cookie is set on success.
 */
export async function signInWithPassword(fields: Record<string, string>): Promise<TSignInResult> {
  const response = await fetch(`${AUTH_BASE}/callback/credentials`, {
    method: "post",
    headers: FORM,
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), callbackUrl: window.location.href, json: "true" }),
  });
  const { url } = (await response.json()) as { url?: string };
  const error = url ? new URL(url, window.location.origin).searchParams.get("error") : "unknown";
  return { ok: response.ok, status: response.status, error, url: error ? null : (url ?? null) };
}

/**
 * Signs in with a password the person has just set, then leaves for `to`;
 * for `otherwise` when that didn't work (e.g. two-step sign-in wants a code).
 */
export async function signInAndGo(credentials: { email: string; password: string }, to: string, otherwise: string): Promise<void> {
  const result = await signInWithPassword(credentials).catch(() => null);
  window.location.assign(result && !result.error ? to : otherwise);
}

/**
 * Ends the session (its row too: next-auth's signOut event); then goes to `callbackUrl` unless `redirect` is false.
 * First this device forgets what it kept for offline use (lib/offline/forget-device.ts), even if the server
 * can't be reached; `keepUnsent` (the idle sign-out) keeps what was written offline and not yet sent.
 */
export async function signOut(options: { callbackUrl?: string; redirect?: boolean; keepUnsent?: boolean } = {}): Promise<void> {
  await forgetThisDevice({ isSigningOut: true, keepUnsent: options.keepUnsent });
  const here = window.location.origin;
  const callbackUrl = safeReturnPathFromUrl(options.callbackUrl ?? window.location.href, here) ?? "/sign-in";
  const response = await fetch(`${AUTH_BASE}/signout`, {
    method: "post",
    headers: FORM,
    body: new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl, json: "true" }),
  });
  const { url } = (await response.json()) as { url?: string };
  if (options.redirect === false) return;
  window.location.assign(safeReturnPathFromUrl(url, here) ?? callbackUrl);
}

// The known-device cookie (server/auth/known-devices.ts): httpOnly, SameSite
// Lax, Secure (and __Host- prefixed) when the app is served over https.
// Read and written through next/headers, so only from a route handler (the
// next-auth route's authorize); Next adds what is set here to the response.
import { cookies } from "next/headers";
import { appUrl } from "../env";
import { KNOWN_DEVICE_DAYS } from "./known-devices";

function isSecure(): boolean {
  return appUrl().startsWith("https://");
}

export function deviceCookieName(): string {
  return isSecure() ? "__Host-alliance.device" : "alliance.device";
}

/** The token from a request's Cookie header (the tRPC context reads it there: "sign out everywhere else" keeps this browser known). */
export function deviceTokenFromHeaders(headers: Headers): string | null {
  const prefix = `${deviceCookieName()}=`;
  const pair = (headers.get("cookie") ?? "").split(/;\s*/).find((part) => part.startsWith(prefix));
  // Tokens are base64url: taken as written (a malformed one simply matches no device).
  return pair ? pair.slice(prefix.length) : null;
}

export async function readDeviceCookie(): Promise<string | null> {
  return (await cookies()).get(deviceCookieName())?.value ?? null;
}

export async function writeDeviceCookie(token: string): Promise<void> {
  (await cookies()).set(deviceCookieName(), token, {
    httpOnly: true,
    secure: isSecure(),
    sameSite: "lax",
    path: "/",
    maxAge: KNOWN_DEVICE_DAYS * 24 * 60 * 60,
  });
}

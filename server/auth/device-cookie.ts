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

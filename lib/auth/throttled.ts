// The "too many attempts" words, shared by the server (which knows the wait)
// and the sign-in form (which gets it from next-auth as an error code such as
// "TooManyAttempts-15"). Client-safe.

const PREFIX = "TooManyAttempts";

export function waitMinutes(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

export function throttledMessage(minutes: number): string {
  const wait = minutes <= 1 ? "a minute" : `${minutes} minutes`;
  return `Too many attempts. Please wait ${wait} and try again.`;
}

/** The error code next-auth carries back to the form. */
export function throttledCode(retryAfterSeconds: number): string {
  return `${PREFIX}-${waitMinutes(retryAfterSeconds)}`;
}

/** The message for a throttled code, or null when the code is something else. */
export function messageForThrottledCode(code: string | null | undefined): string | null {
  const match = code ? new RegExp(`^${PREFIX}(?:-(\\d{1,3}))?$`).exec(code) : null;
  if (!match) return null;
  return throttledMessage(match[1] ? Number(match[1]) : 15);
}

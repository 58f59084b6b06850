// How a failed call is read by the forms and the outbox's sender
// (lib/offline/sender.ts): never reached the server, or refused by it.

type TAnswer = { data?: { code?: string; httpStatus?: number } | null; message?: string } | null;

/**
 * A refusal that would answer the same again: bad input, not found, not
 * allowed, a conflict (the session started, the work ended). Not: no answer
 * at all (offline, a proxy's error page), signed out, too many requests, a
 * server error.
 */
export function isRefusal(error: unknown): boolean {
  const data = (error as TAnswer)?.data;
  const status = data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500 && data?.code !== "UNAUTHORIZED" && data?.code !== "TOO_MANY_REQUESTS";
}

/** The call never reached the server, or its answer never came back (no tRPC code): the words go to the outbox. */
export function isUnreached(error: unknown): boolean {
  if (typeof navigator !== "undefined" && !navigator.onLine) return true;
  return !(error as TAnswer)?.data?.code;
}

export function refusalReason(error: unknown): string {
  return (error as TAnswer)?.message || "The server said no.";
}

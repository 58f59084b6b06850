// Where a person may be sent back to after signing in or out (docs/security-and-privacy.md,
// S13): a path on this site, or nothing. Client-safe: the sign-in page,
// the sign-in form, next-auth's redirect callback, sign-out and every
// `/sign-in?next=` link go through here, and nowhere else decides.
//
// INVARIANTS
// - The answer is null or a string that starts with exactly one "/" and,
//   resolved by a browser against this site, stays on this site at that
//   same path: the URL parser is the judge, not prefix checks.
// - Refused outright, before parsing: anything but printable ASCII (so no
//   control characters, whitespace or Unicode look-alikes such as "／"),
//   a backslash, "@" or a "." or ".." segment before the query, more than
//   MAX_RETURN_PATH_LENGTH characters; and the same once percent-decoding is
//   undone (up to three times), so "%09", "%0d%0a", "%5C", "%2F%2F" or
//   "%2E%2E%2F" can't smuggle them past.
//   Browsers drop tabs and newlines from URLs: "/\t/evil.example" is
//   "//evil.example" to them, another site.
// - What the parser would rewrite (dot segments, encodings) is refused
//   rather than guessed at: the path must come out exactly as given.

export const MAX_RETURN_PATH_LENGTH = 2048;

// Any special-scheme origin gives the same answer: the question is only
// whether resolving against it keeps it. A fixed one keeps this pure, so the
// browser and the server agree.
const ORIGIN = "https://alliance.invalid";

const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;
const MAX_DECODES = 3;

/** The value with percent-encoding undone until it stops changing; null if malformed or still encoded after three rounds. */
function fullyDecoded(value: string): string | null {
  let current = value;
  for (let round = 0; round < MAX_DECODES; round += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (decoded === current) return current;
    current = decoded;
  }
  return null;
}

function isPlainPath(value: string): boolean {
  if (!PRINTABLE_ASCII.test(value) || value.includes("\\")) return false;
  if (!value.startsWith("/") || value.startsWith("//")) return false;
  const pathPart = value.split(/[?#]/, 1)[0];
  return !pathPart.includes("@") && !pathPart.split("/").some((segment) => segment === "." || segment === "..");
}

/** An on-site path (`pathname + search + hash`) to return to, or null. */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_RETURN_PATH_LENGTH) return null;
  if (!isPlainPath(value)) return null;
  const decoded = fullyDecoded(value);
  if (decoded === null || !isPlainPath(decoded)) return null;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return null;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === ORIGIN && path === value ? path : null;
}

/**
 * For values that may be whole URLs (next-auth's callbackUrl, a page's
 * href): one of `origin` becomes its on-site path; a path is judged as
 * above; any other site, or a URL with credentials in it, is null.
 */
export function safeReturnPathFromUrl(value: unknown, origin: string): string | null {
  if (typeof value !== "string") return null;
  if (value.startsWith("/")) return safeReturnPath(value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin || url.username || url.password) return null;
  return safeReturnPath(`${url.pathname}${url.search}${url.hash}`);
}

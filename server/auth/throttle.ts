// Failed sign-in throttling (docs/security-and-privacy.md, S7) that slows guessing without
// letting a stranger lock a person out. Counters live in Postgres so several
// app instances share them; time is the app's clock (server/clock.ts).
//
// INVARIANTS
// - A browser that signed in to this account before (a known device,
//   server/auth/known-devices.ts) is judged only by its own failures: no
//   stranger's guessing, from any address, can stop it. Its cookie is set only
//   after a correct password, so a guesser cannot mint one.
// - Every other attempt (an unknown device) is limited three ways:
//     per account and address  MAX_FAILURES_PER_PAIR in a window: the tight one;
//     per address              MAX_FAILURES_PER_ADDRESS in a window, all accounts;
//     per account              after ACCOUNT_FAILURES_BEFORE_DELAY failures in a
//                              row, each further try waits a delay that doubles
//                              per failure (capped), instead of a hard lock;
//                              the run only ends after ACCOUNT_RUN_QUIET_HOURS
//                              without a failure, so waiting out the cap does
//                              not start it over;
//     per account and day      at most MAX_ACCOUNT_FAILURES_PER_DAY, then
//                              unknown devices wait for the day to pass (the
//                              owner's known device, or a password reset,
//                              still gets in).
// - A throttled attempt checks no password and counts nothing, so hammering
//   cannot push the wait further out, and the answer does not depend on it.
// - Keys are kept for e-mails with no account too, with the same rules, so
//   neither the answers nor the waits reveal whether an account exists.
// - Keys never hold an e-mail or network address, only a keyed hash of it
//   (server/crypto/keyed-hash.ts): a database copy lists nobody, and account
//   deletion finds a person's rows by recomputing their keys.
//
// Storage: auth_throttles(key, failures, window_start). For window keys,
// window_start is when the window began; for the per-account key it is the
// time of the latest failure, and the run of failures restarts after a quiet
// ACCOUNT_RUN_QUIET_HOURS.
import type { TDb } from "../db/client";
import { now as clockNow } from "../clock";
import { keyedHash } from "../crypto/keyed-hash";

export const THROTTLE_WINDOW_MINUTES = 15;
/** Wrong passwords for one account from one address (unknown devices), per window. */
export const MAX_FAILURES_PER_PAIR = 5;
/** Wrong passwords from one known device for its account, per window. */
export const MAX_FAILURES_PER_DEVICE = 5;
/** Wrong passwords from one address, whatever the account (unknown devices), per window. */
export const MAX_FAILURES_PER_ADDRESS = 50;
/** Failures in a row for one account (unknown devices) before each try must wait. */
export const ACCOUNT_FAILURES_BEFORE_DELAY = 10;
export const ACCOUNT_DELAY_MAX_SECONDS = THROTTLE_WINDOW_MINUTES * 60;
/** A run of failures on one account ends only after this long without one. */
export const ACCOUNT_RUN_QUIET_HOURS = 24;
/**
 * Wrong passwords for one account from unknown devices in a day, whatever
 * the addresses. The backoff alone allows about four an hour at its cap;
 * this bounds a day's guessing outright.
 */
export const MAX_ACCOUNT_FAILURES_PER_DAY = 50;
export const ACCOUNT_DAY_MINUTES = 24 * 60;
/**
 * Sign-up requests from one network address per window. Asking reveals
 * nothing (server/auth/sign-up.ts), so this only bounds the e-mail one
 * network can cause; a practice's shared office network stays well inside it.
 */
export const MAX_SIGN_UPS_PER_ADDRESS = 50;
/** Sign-up e-mails to one address per window: nobody's inbox is flooded. */
export const MAX_SIGN_UPS_PER_EMAIL = 3;
/** An invitation's link e-mailed again: per invitation, and per network address, per window. */
export const MAX_INVITATION_LINKS_PER_INVITATION = 3;
export const MAX_INVITATION_LINKS_PER_ADDRESS = 20;
/** Password-reset requests per e-mail address, and per network address, per window. */
export const MAX_RESET_REQUESTS_PER_EMAIL = 5;
export const MAX_RESET_REQUESTS_PER_ADDRESS = 20;

const MINUTE_MS = 60_000;
const WINDOW_MS = THROTTLE_WINDOW_MINUTES * MINUTE_MS;
const ACCOUNT_RUN_QUIET_MS = ACCOUNT_RUN_QUIET_HOURS * 60 * MINUTE_MS;
const ACCOUNT_DAY_MS = ACCOUNT_DAY_MINUTES * MINUTE_MS;

export type TSignInKeys = { account: string; accountDay: string; pair: string; address: string; device: string | null };

export type TThrottleVerdict = { isThrottled: false } | { isThrottled: true; retryAfterSeconds: number };

const emailKey = (email: string) => keyedHash("email", email);
const addressKey = (ip: string) => keyedHash("address", ip);

/** `deviceHash`: the known device's token hash when the browser presented a valid one for this account. */
export function signInKeys(email: string, ip: string, deviceHash: string | null = null): TSignInKeys {
  const account = emailKey(email);
  return {
    account: `account:${account}`,
    accountDay: `account-day:${account}`,
    pair: `pair:${account}:${addressKey(ip)}`,
    address: `address:${addressKey(ip)}`,
    device: deviceHash ? `device:${deviceHash}` : null,
  };
}

/**
 * Every key that names this e-mail address or this person: what a password
 * reset clears (the person proved they own the address) and what account
 * deletion removes. `pairPrefix` matches the pair keys of every address.
 */
export function accountThrottleKeys(email: string, userId?: string): { keys: string[]; pairPrefix: string } {
  const { account, accountDay } = signInKeys(email, "");
  const keys = [account, accountDay, `reset-email:${emailKey(email)}`, `sign-up-email:${emailKey(email)}`];
  if (userId) keys.push(`reauth:${userId}`, `totp:${userId}`);
  return { keys, pairPrefix: `pair:${emailKey(email)}:` };
}

/** The where-clause for `accountThrottleKeys`. */
export function accountThrottleWhere(email: string, userId?: string) {
  const { keys, pairPrefix } = accountThrottleKeys(email, userId);
  return { OR: [{ key: { in: keys } }, { key: { startsWith: pairPrefix } }] };
}

/** Seconds an unknown device waits after `failures` in a row on one account (0 below the threshold). */
export function accountDelaySeconds(failures: number): number {
  if (failures < ACCOUNT_FAILURES_BEFORE_DELAY) return 0;
  return Math.min(2 ** (failures - ACCOUNT_FAILURES_BEFORE_DELAY), ACCOUNT_DELAY_MAX_SECONDS);
}

type TCounter = { key: string; failures: number; window_start: Date };

/** Milliseconds this counter still holds a person back; 0 when it does not. */
function waitFor(row: TCounter, keys: TSignInKeys, now: Date): number {
  const since = now.getTime() - row.window_start.getTime();
  switch (row.key) {
    case keys.account:
      return since >= ACCOUNT_RUN_QUIET_MS ? 0 : accountDelaySeconds(row.failures) * 1000 - since;
    case keys.accountDay:
      return since < ACCOUNT_DAY_MS && row.failures >= MAX_ACCOUNT_FAILURES_PER_DAY ? ACCOUNT_DAY_MS - since : 0;
    default: {
      const limit = row.key === keys.address ? MAX_FAILURES_PER_ADDRESS : row.key === keys.pair ? MAX_FAILURES_PER_PAIR : MAX_FAILURES_PER_DEVICE;
      return since < WINDOW_MS && row.failures >= limit ? WINDOW_MS - since : 0;
    }
  }
}

export async function checkSignInThrottle(db: TDb, keys: TSignInKeys): Promise<TThrottleVerdict> {
  const now = clockNow();
  const wanted = keys.device ? [keys.device] : [keys.pair, keys.address, keys.account, keys.accountDay];
  const rows = await db.$queryRaw<TCounter[]>`
    SELECT key, failures, window_start FROM auth_throttles WHERE key = ANY(${wanted}::text[])`;
  const waitMs = Math.max(0, ...rows.map((row) => waitFor(row, keys, now)));
  return waitMs > 0 ? { isThrottled: true, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { isThrottled: false };
}

export async function recordSignInFailure(db: TDb, keys: TSignInKeys): Promise<void> {
  if (keys.device) {
    await countAttempt(db, keys.device);
    return;
  }
  await countAttempt(db, keys.pair);
  await countAttempt(db, keys.address);
  await countAttempt(db, keys.accountDay, ACCOUNT_DAY_MINUTES);
  await countFailureInRow(db, keys.account);
}

/**
 * After a correct password: this browser's own counters start again. The
 * account-wide run is cleared only when this was an unknown device (which had
 * to pass it); a known device signing in during an attack must not hand the
 * guesser a fresh allowance. The day's count is never cleared here: only a
 * password reset (proof of the address) clears it.
 */
export async function clearSignInFailures(db: TDb, keys: TSignInKeys): Promise<void> {
  const cleared = keys.device ? [keys.device, keys.pair] : [keys.pair, keys.account];
  await db.authThrottle.deleteMany({ where: { key: { in: cleared } } });
}

/** Wrong passwords re-entered while signed in (a stolen session must not guess on). */
export const MAX_REAUTH_FAILURES = 5;

/** Whether this person has re-entered a wrong password too often in the window. */
export async function isReauthLimited(db: TDb, userId: string): Promise<boolean> {
  const now = clockNow();
  const [row] = await db.$queryRaw<TCounter[]>`
    SELECT key, failures, window_start FROM auth_throttles WHERE key = ${`reauth:${userId}`}`;
  return Boolean(row && now.getTime() - row.window_start.getTime() < WINDOW_MS && row.failures >= MAX_REAUTH_FAILURES);
}

export async function recordReauthFailure(db: TDb, userId: string): Promise<void> {
  await countAttempt(db, `reauth:${userId}`);
}

/** Counts a sign-up request for the e-mail and for the network address; true when either is over (the same for any address). */
export async function isSignUpLimited(db: TDb, email: string, ip: string): Promise<boolean> {
  const perEmail = await countAttempt(db, `sign-up-email:${emailKey(email)}`);
  const perAddress = await countAttempt(db, `sign-up:${addressKey(ip)}`);
  return perEmail > MAX_SIGN_UPS_PER_EMAIL || perAddress > MAX_SIGN_UPS_PER_ADDRESS;
}

/** Invitation links e-mailed again, per invitation and per network address (server/invitations). */
export async function isInvitationLinkLimited(db: TDb, invitationId: string, ip: string): Promise<boolean> {
  const perInvitation = await countAttempt(db, `invite-link:${invitationId}`);
  const perAddress = await countAttempt(db, `invite-link-address:${addressKey(ip)}`);
  return perInvitation > MAX_INVITATION_LINKS_PER_INVITATION || perAddress > MAX_INVITATION_LINKS_PER_ADDRESS;
}

/** Counts a password-reset request for the e-mail and for the address; true when either is over. */
export async function isResetRequestLimited(db: TDb, email: string, ip: string): Promise<boolean> {
  const perEmail = await countAttempt(db, `reset-email:${emailKey(email)}`);
  const perAddress = await countAttempt(db, `reset-address:${addressKey(ip)}`);
  return perEmail > MAX_RESET_REQUESTS_PER_EMAIL || perAddress > MAX_RESET_REQUESTS_PER_ADDRESS;
}

/** One statement per key: a fresh window starts when the old one has passed. */
async function countAttempt(db: TDb, key: string, windowMinutes = THROTTLE_WINDOW_MINUTES): Promise<number> {
  const now = clockNow();
  const [row] = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO auth_throttles (key, failures, window_start) VALUES (${key}, 1, ${now}::timestamptz)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN auth_throttles.window_start <= ${now}::timestamptz - make_interval(mins => ${windowMinutes})
                      THEN 1 ELSE auth_throttles.failures + 1 END,
      window_start = CASE WHEN auth_throttles.window_start <= ${now}::timestamptz - make_interval(mins => ${windowMinutes})
                          THEN ${now}::timestamptz ELSE auth_throttles.window_start END
    RETURNING failures`;
  return row.failures;
}

/** A run of failures: window_start holds the latest one; ACCOUNT_RUN_QUIET_HOURS without one ends the run. */
async function countFailureInRow(db: TDb, key: string): Promise<void> {
  const now = clockNow();
  await db.$executeRaw`
    INSERT INTO auth_throttles (key, failures, window_start) VALUES (${key}, 1, ${now}::timestamptz)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN auth_throttles.window_start <= ${now}::timestamptz - make_interval(hours => ${ACCOUNT_RUN_QUIET_HOURS})
                      THEN 1 ELSE auth_throttles.failures + 1 END,
      window_start = ${now}::timestamptz`;
}

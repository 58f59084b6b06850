// Failed sign-in throttling per account and per address (quality.md, item 7).
// Counters live in Postgres so several app instances share them. Keys are
// kept even for e-mails with no account, so the answer never reveals whether
// an account exists.
import type { TDb } from "../db/client";

export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 50;
/** Sign-ups from one address per window, to slow down probing for e-mails. */
export const MAX_SIGN_UPS_PER_ADDRESS = 20;

export type TThrottleKeys = { account: string; address: string };

export function throttleKeys(email: string, ip: string): TThrottleKeys {
  return { account: `account:${email}`, address: `address:${ip}` };
}

export async function isThrottled(db: TDb, keys: TThrottleKeys): Promise<boolean> {
  const rows = await db.$queryRaw<{ key: string; failures: number }[]>`
    SELECT key, failures FROM auth_throttles
    WHERE key IN (${keys.account}, ${keys.address})
      AND window_start > now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`;
  return rows.some((row) =>
    row.key === keys.account ? row.failures >= MAX_FAILURES_PER_ACCOUNT : row.failures >= MAX_FAILURES_PER_ADDRESS,
  );
}

export async function recordFailure(db: TDb, keys: TThrottleKeys): Promise<void> {
  for (const key of [keys.account, keys.address]) await countAttempt(db, key);
}

/** Counts every sign-up attempt from an address; true when over the limit. */
export async function isSignUpLimited(db: TDb, ip: string): Promise<boolean> {
  return (await countAttempt(db, `sign-up:${ip}`)) > MAX_SIGN_UPS_PER_ADDRESS;
}

/** One statement per key: a fresh window starts when the old one has passed. */
async function countAttempt(db: TDb, key: string): Promise<number> {
  const [row] = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO auth_throttles (key, failures, window_start) VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN auth_throttles.window_start <= now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})
                      THEN 1 ELSE auth_throttles.failures + 1 END,
      window_start = CASE WHEN auth_throttles.window_start <= now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})
                          THEN now() ELSE auth_throttles.window_start END
    RETURNING failures`;
  return row.failures;
}

export async function clearAccountFailures(db: TDb, keys: TThrottleKeys): Promise<void> {
  await db.authThrottle.deleteMany({ where: { key: keys.account } });
}

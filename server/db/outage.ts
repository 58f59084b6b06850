// Whether this process currently believes Postgres is unreachable, so the
// proxy can answer pages with a plain 503 instead of letting each one fail
// (docs/house-style.md, H11), and readiness can say so.
//
// Invariants:
// - Light: the proxy imports this, so nothing here loads Prisma or pg (the
//   logger is pino alone). The
//   database client registers the probe (server/db/client.ts).
// - An outage starts when a query fails because the database is unreachable
//   (isDatabaseUnavailable) and ends as soon as any connection to it succeeds:
//   the probe below, a readiness check, or a new pool connection.
// - While it lasts, the probe retries every PROBE_EVERY_MS, so the app
//   recovers by itself without a restart and without waiting for traffic.
// - Before it is known: a page request after CHECK_WHEN_QUIET_MS without any
//   sign of the database (a released pool connection, a probe) runs the probe
//   first (one at a time), so even the first page after Postgres went away
//   while the app was quiet gets the 503 page rather than a failed render.
// - State lives on globalThis: the proxy, route handlers and pages of one
//   `next start` process run in one Node process but in separately bundled
//   modules, which would otherwise each hold their own copy.
import { isDatabaseUnavailable } from "./unavailable";
import { getLogger } from "../log";

const PROBE_EVERY_MS = 2_000;
const CHECK_WHEN_QUIET_MS = 5_000;

/** What a person reads while it lasts, on pages and from procedures. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "Alliance can't reach its database right now. Nothing was saved; please try again in a minute.";

type TOutageState = {
  isDown: boolean;
  probe: (() => Promise<unknown>) | null;
  timer: ReturnType<typeof setInterval> | null;
  /** performance.now() of the latest sign the database answered (operational timing, not the app clock). */
  lastReachableAt: number;
  checking: Promise<void> | null;
};

const globalForOutage = globalThis as unknown as { allianceDatabaseOutage?: TOutageState };

function state(): TOutageState {
  globalForOutage.allianceDatabaseOutage ??= { isDown: false, probe: null, timer: null, lastReachableAt: performance.now(), checking: null };
  return globalForOutage.allianceDatabaseOutage;
}

export function isDatabaseDown(): boolean {
  return state().isDown;
}

/**
 * For the proxy, before a page: whether the database is down, checking first
 * when nothing has shown it answering for a while. Never throws.
 */
export async function isDatabaseDownNow(): Promise<boolean> {
  const outage = state();
  if (outage.isDown) return true;
  if (!outage.probe || performance.now() - outage.lastReachableAt < CHECK_WHEN_QUIET_MS) return false;
  const probe = outage.probe;
  outage.checking ??= probe()
    .then(noteDatabaseReachable, (error: unknown) => void noteDatabaseError(error))
    .finally(() => {
      state().checking = null;
    });
  await outage.checking;
  return state().isDown;
}

/** The database client's cheap "are you there?" (a SELECT 1 through its pool). */
export function registerOutageProbe(probe: () => Promise<unknown>): void {
  state().probe = probe;
}

/** Called with any error from a query: starts an outage when it means "unreachable". Returns whether it did. */
export function noteDatabaseError(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  const outage = state();
  if (outage.isDown) return true;
  outage.isDown = true;
  getLogger().warn({ component: "db" }, "database unreachable; answering 503 until it is back");
  outage.timer = setInterval(() => {
    const probe = state().probe;
    if (!probe) return;
    probe().then(noteDatabaseReachable, () => undefined);
  }, PROBE_EVERY_MS);
  // The probe must not keep a stopping process alive.
  outage.timer.unref?.();
  return true;
}

export function noteDatabaseReachable(): void {
  const outage = state();
  outage.lastReachableAt = performance.now();
  if (!outage.isDown) return;
  outage.isDown = false;
  if (outage.timer) clearInterval(outage.timer);
  outage.timer = null;
  getLogger().info({ component: "db" }, "database reachable again");
}

// The one clock of the server. All server time comes from `now()` here, so
// rules that depend on time (session limits, due dates, expiry) read the same
// instant within a request, and tests move time instead of sleeping.
//
// Invariants:
// - Server code asks `now()` for the time; it never calls `new Date()` or
//   `Date.now()` for "the current instant" (parsing and arithmetic are fine).
// - Time stored by the app (e.g. auth_sessions.last_seen_at) is written from
//   `now()`, never from Postgres's `now()`, so a test that moves this clock
//   moves everything the rules compare against.
// - Only tests replace the source; production refuses to.
import { getEnv } from "./env";

type TClockSource = () => Date;

const systemClock: TClockSource = () => new Date();
let source: TClockSource = systemClock;
/** Added by advanceClockForTests, so advancing a live clock keeps it ticking. */
let offsetMs = 0;

export function now(): Date {
  return new Date(source().getTime() + offsetMs);
}

function assertNotProduction(): void {
  if (getEnv().NODE_ENV === "production") throw new Error("The clock can only be moved in tests.");
}

/** Tests only: read time from `next`, e.g. `() => new Date("2026-03-02T09:00:00Z")`. */
export function setClockForTests(next: TClockSource): void {
  assertNotProduction();
  source = next;
  offsetMs = 0;
}

/** Tests only: stop the clock at `at` (default: the current instant). */
export function freezeClockForTests(at: Date = now()): Date {
  const frozen = new Date(at);
  setClockForTests(() => new Date(frozen));
  return frozen;
}

/** Tests only: move the clock forward (or back, with a negative value); returns the new time. */
export function advanceClockForTests(milliseconds: number): Date {
  assertNotProduction();
  offsetMs += milliseconds;
  return now();
}

/** Back to the system clock; call it in `afterEach` of any test that moved time. */
export function resetClock(): void {
  source = systemClock;
  offsetMs = 0;
}

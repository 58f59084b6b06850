import { describe, expect, it } from "vitest";
import { isTouchDue, judgeSession, type TSessionLimits, type TSessionRecord } from "./session-limits";

const LIMITS: TSessionLimits = { idleMinutes: { therapist: 30, client: 60 }, maxHours: 12 };
const START = new Date("2026-03-02T09:00:00Z");
const MINUTE = 60_000;
const at = (minutes: number) => new Date(START.getTime() + minutes * MINUTE);

function record(overrides: Partial<TSessionRecord> & { role?: "therapist" | "client" } = {}): TSessionRecord {
  const { role = "therapist", ...rest } = overrides;
  return {
    createdAt: START,
    lastSeenAt: START,
    endedAt: null,
    endedReason: null,
    user: { role, deactivatedAt: null, sessionVersion: 1 },
    ...rest,
  };
}

describe("judgeSession", () => {
  it("keeps a session alive up to, and not at, the idle limit for its role", () => {
    expect(judgeSession(record(), 1, LIMITS, at(29.99))).toEqual({ isAlive: true });
    expect(judgeSession(record(), 1, LIMITS, at(30))).toEqual({ isAlive: false, reason: "idle" });
    expect(judgeSession(record({ role: "client" }), 1, LIMITS, at(30))).toEqual({ isAlive: true });
    expect(judgeSession(record({ role: "client" }), 1, LIMITS, at(60))).toEqual({ isAlive: false, reason: "idle" });
  });

  it("measures idleness from the last time the session was seen", () => {
    expect(judgeSession(record({ lastSeenAt: at(100) }), 1, LIMITS, at(129))).toEqual({ isAlive: true });
  });

  it("ends a session at its absolute lifetime, however recently it was seen", () => {
    const busy = record({ lastSeenAt: at(12 * 60 - 1) });
    expect(judgeSession(busy, 1, LIMITS, at(12 * 60 - 0.01))).toEqual({ isAlive: true });
    expect(judgeSession(busy, 1, LIMITS, at(12 * 60))).toEqual({ isAlive: false, reason: "expired" });
  });

  it("names the limit reached first when both have passed", () => {
    // Idle since 09:00 (lapsed 09:30), and past 12 hours too: it ended as idle.
    expect(judgeSession(record(), 1, LIMITS, at(13 * 60))).toEqual({ isAlive: false, reason: "idle" });
    // Seen at 20:50, lifetime ends 21:00, idle would end 21:20: it ended as expired.
    expect(judgeSession(record({ lastSeenAt: at(11 * 60 + 50) }), 1, LIMITS, at(11 * 60 + 25 + 60))).toEqual({
      isAlive: false,
      reason: "expired",
    });
  });

  it("refuses ended sessions with the reason they ended, and revoked ones", () => {
    expect(judgeSession(record({ endedAt: at(1), endedReason: "signed_out" }), 1, LIMITS, at(2))).toEqual({
      isAlive: false,
      reason: "signed_out",
    });
    expect(judgeSession(record({ endedAt: at(31), endedReason: "idle" }), 1, LIMITS, at(40))).toEqual({
      isAlive: false,
      reason: "idle",
    });
    expect(judgeSession(record(), 2, LIMITS, at(1))).toEqual({ isAlive: false, reason: "revoked" });
    const deactivated = record();
    deactivated.user.deactivatedAt = at(0);
    expect(judgeSession(deactivated, 1, LIMITS, at(1))).toEqual({ isAlive: false, reason: "revoked" });
  });
});

describe("isTouchDue", () => {
  it("moves lastSeenAt at most once a minute", () => {
    expect(isTouchDue(START, at(0))).toBe(false);
    expect(isTouchDue(START, at(0.99))).toBe(false);
    expect(isTouchDue(START, at(1))).toBe(true);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { advanceClockForTests, freezeClockForTests, now, resetClock, setClockForTests } from "./clock";

afterEach(resetClock);

describe("clock", () => {
  it("tells the system time by default", () => {
    const before = Date.now();
    const told = now().getTime();
    expect(told).toBeGreaterThanOrEqual(before);
    expect(told).toBeLessThanOrEqual(Date.now());
  });

  it("can be frozen, advanced and reset by tests", () => {
    const start = freezeClockForTests(new Date("2026-03-02T09:00:00Z"));
    expect(now()).toEqual(start);
    expect(advanceClockForTests(90_000)).toEqual(new Date("2026-03-02T09:01:30Z"));
    expect(now()).toEqual(new Date("2026-03-02T09:01:30Z"));
    setClockForTests(() => new Date("2030-01-01T00:00:00Z"));
    expect(now()).toEqual(new Date("2030-01-01T00:00:00Z"));
    resetClock();
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it("hands out a fresh Date each time, so callers cannot move the clock by mutating one", () => {
    freezeClockForTests(new Date("2026-03-02T09:00:00Z"));
    now().setFullYear(1999);
    expect(now()).toEqual(new Date("2026-03-02T09:00:00Z"));
  });
});

import { describe, expect, it } from "vitest";
import { describeSchedule, openPeriod, OPENS_DAYS_BEFORE_SESSION } from "./schedule";

const DAY = 86_400_000;
const assignedAt = new Date("2026-03-02T09:00:00Z");
const at = (days: number) => new Date(assignedAt.getTime() + days * DAY);

describe("openPeriod", () => {
  it("once: open from the assignment on, until stopped", () => {
    const once = { schedule: "once" as const, intervalWeeks: null, createdAt: assignedAt, stoppedAt: null };
    expect(openPeriod(once, at(30), null)?.key).toBe("once");
    expect(openPeriod({ ...once, stoppedAt: at(3) }, at(4), null)).toBeNull();
  });

  it("before each session: from a week before the next session until it starts, due the day before", () => {
    const before = { schedule: "before_each_session" as const, intervalWeeks: null, createdAt: assignedAt, stoppedAt: null };
    const session = { id: "s1", startsAt: at(10) };
    expect(openPeriod(before, at(10 - OPENS_DAYS_BEFORE_SESSION - 0.01), session)).toBeNull();
    expect(openPeriod(before, at(10 - OPENS_DAYS_BEFORE_SESSION), session)).toEqual({
      key: "session:s1",
      opensAt: at(3),
      closesAt: at(10),
      sessionId: "s1",
      dueBy: at(9),
    });
    expect(openPeriod(before, at(10), session)).toBeNull();
    expect(openPeriod(before, at(5), null)).toBeNull();
  });

  it("every N weeks: one period per block of N weeks from the assignment", () => {
    const every = { schedule: "every_n_weeks" as const, intervalWeeks: 2, createdAt: assignedAt, stoppedAt: null };
    expect(openPeriod(every, at(0), null)?.key).toBe("every:0");
    expect(openPeriod(every, at(13.9), null)?.key).toBe("every:0");
    expect(openPeriod(every, at(14), null)).toMatchObject({ key: "every:1", opensAt: at(14), closesAt: at(28) });
    expect(openPeriod(every, at(-1), null)).toBeNull();
  });
});

describe("describeSchedule", () => {
  it("reads as a sentence", () => {
    expect(describeSchedule({ schedule: "before_each_session", intervalWeeks: null })).toBe("before every session");
    expect(describeSchedule({ schedule: "every_n_weeks", intervalWeeks: 1 })).toBe("every week");
    expect(describeSchedule({ schedule: "every_n_weeks", intervalWeeks: 4 })).toBe("every 4 weeks");
  });
});

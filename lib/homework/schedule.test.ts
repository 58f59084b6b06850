import { describe, expect, it } from "vitest";
import {
  MAX_OCCURRENCES,
  adherence,
  dbToLocalDate,
  describeSchedule,
  localDateToDb,
  occurrenceState,
  occurrencesFor,
  scheduleEndsOn,
  type TScheduleInput,
} from "./schedule";
import { addDays } from "../time/days";
import { localDay } from "../time/zones";

function days(...list: string[]) {
  return list.map((day) => ({ opensOn: day, dueOn: day }));
}

describe("occurrencesFor: daily", () => {
  it("gives one occurrence a day across a month end", () => {
    expect(occurrencesFor({ schedule: "daily", startsOn: "2026-01-30", days: 4 })).toEqual(
      days("2026-01-30", "2026-01-31", "2026-02-01", "2026-02-02"),
    );
  });

  it("includes a leap day", () => {
    expect(occurrencesFor({ schedule: "daily", startsOn: "2028-02-28", days: 3 })).toEqual(
      days("2028-02-28", "2028-02-29", "2028-03-01"),
    );
  });

  it("crosses a year end", () => {
    expect(occurrencesFor({ schedule: "daily", startsOn: "2026-12-30", days: 3 })).toEqual(
      days("2026-12-30", "2026-12-31", "2027-01-01"),
    );
  });

  it("keeps consecutive dates over the London clock change", () => {
    expect(occurrencesFor({ schedule: "daily", startsOn: "2026-10-24", days: 3 })).toEqual(
      days("2026-10-24", "2026-10-25", "2026-10-26"),
    );
  });
});

describe("occurrencesFor: weekly", () => {
  it("splits a week three ways, earlier windows taking the extra day", () => {
    expect(occurrencesFor({ schedule: "weekly", startsOn: "2026-11-02", weeks: 1, timesPerWeek: 3 })).toEqual([
      { opensOn: "2026-11-02", dueOn: "2026-11-04" },
      { opensOn: "2026-11-05", dueOn: "2026-11-06" },
      { opensOn: "2026-11-07", dueOn: "2026-11-08" },
    ]);
  });

  it("repeats the windows for each week", () => {
    expect(occurrencesFor({ schedule: "weekly", startsOn: "2026-11-02", weeks: 2, timesPerWeek: 3 })).toEqual([
      { opensOn: "2026-11-02", dueOn: "2026-11-04" },
      { opensOn: "2026-11-05", dueOn: "2026-11-06" },
      { opensOn: "2026-11-07", dueOn: "2026-11-08" },
      { opensOn: "2026-11-09", dueOn: "2026-11-11" },
      { opensOn: "2026-11-12", dueOn: "2026-11-13" },
      { opensOn: "2026-11-14", dueOn: "2026-11-15" },
    ]);
  });

  it("is the same as daily at seven times a week", () => {
    expect(occurrencesFor({ schedule: "weekly", startsOn: "2026-11-02", weeks: 2, timesPerWeek: 7 })).toEqual(
      occurrencesFor({ schedule: "daily", startsOn: "2026-11-02", days: 14 }),
    );
  });

  it("gives the whole week at once a week", () => {
    expect(occurrencesFor({ schedule: "weekly", startsOn: "2026-12-28", weeks: 2, timesPerWeek: 1 })).toEqual([
      { opensOn: "2026-12-28", dueOn: "2027-01-03" },
      { opensOn: "2027-01-04", dueOn: "2027-01-10" },
    ]);
  });

  it("covers every day of every week exactly once, whatever the frequency", () => {
    for (let times = 1; times <= 7; times++) {
      const occurrences = occurrencesFor({ schedule: "weekly", startsOn: "2026-11-02", weeks: 3, timesPerWeek: times });
      expect(occurrences).toHaveLength(3 * times);
      expect(occurrences[0].opensOn).toBe("2026-11-02");
      expect(occurrences.at(-1)?.dueOn).toBe("2026-11-22");
      for (let i = 1; i < occurrences.length; i++) {
        expect(occurrences[i].opensOn).toBe(addDays(occurrences[i - 1].dueOn, 1));
      }
    }
  });

  it("allows the largest schedule", () => {
    expect(occurrencesFor({ schedule: "weekly", startsOn: "2026-11-02", weeks: 12, timesPerWeek: 7 })).toHaveLength(
      MAX_OCCURRENCES,
    );
  });
});

describe("occurrencesFor: once", () => {
  it("opens on the start day and is due on the due day", () => {
    expect(occurrencesFor({ schedule: "once", startsOn: "2026-11-20", dueOn: "2026-11-27" })).toEqual([
      { opensOn: "2026-11-20", dueOn: "2026-11-27" },
    ]);
  });

  it("may be due the day it starts", () => {
    expect(occurrencesFor({ schedule: "once", startsOn: "2026-11-20", dueOn: "2026-11-20" })).toEqual(
      days("2026-11-20"),
    );
  });
});

describe("occurrencesFor: invalid input", () => {
  const invalid: [string, TScheduleInput][] = [
    ["a day that doesn't exist", { schedule: "daily", startsOn: "2026-02-30", days: 3 }],
    ["29 February outside a leap year", { schedule: "daily", startsOn: "2027-02-29", days: 3 }],
    ["month 13", { schedule: "daily", startsOn: "2026-13-01", days: 3 }],
    ["an unpadded date", { schedule: "daily", startsOn: "2026-1-5", days: 3 }],
    ["a timestamp", { schedule: "daily", startsOn: "2026-11-02T00:00:00Z", days: 3 }],
    ["an empty date", { schedule: "once", startsOn: "", dueOn: "2026-11-02" }],
    ["a bad due date", { schedule: "once", startsOn: "2026-11-02", dueOn: "2026-11-31" }],
    ["due before it starts", { schedule: "once", startsOn: "2026-11-02", dueOn: "2026-11-01" }],
    ["zero days", { schedule: "daily", startsOn: "2026-11-02", days: 0 }],
    ["too many days", { schedule: "daily", startsOn: "2026-11-02", days: 61 }],
    ["a fraction of a day", { schedule: "daily", startsOn: "2026-11-02", days: 2.5 }],
    ["NaN days", { schedule: "daily", startsOn: "2026-11-02", days: Number.NaN }],
    ["zero weeks", { schedule: "weekly", startsOn: "2026-11-02", weeks: 0, timesPerWeek: 3 }],
    ["too many weeks", { schedule: "weekly", startsOn: "2026-11-02", weeks: 13, timesPerWeek: 1 }],
    ["zero times a week", { schedule: "weekly", startsOn: "2026-11-02", weeks: 2, timesPerWeek: 0 }],
    ["eight times a week", { schedule: "weekly", startsOn: "2026-11-02", weeks: 2, timesPerWeek: 8 }],
  ];

  it.each(invalid)("throws a RangeError for %s", (_label, input) => {
    expect(() => occurrencesFor(input)).toThrow(RangeError);
    expect(() => scheduleEndsOn(input)).toThrow(RangeError);
    expect(() => describeSchedule(input)).toThrow(RangeError);
  });

  it("throws a RangeError for an unknown schedule kind", () => {
    const input = { schedule: "monthly", startsOn: "2026-11-02" } as unknown as TScheduleInput;
    expect(() => occurrencesFor(input)).toThrow(RangeError);
  });
});

describe("scheduleEndsOn", () => {
  it("is the last occurrence's due day", () => {
    expect(scheduleEndsOn({ schedule: "once", startsOn: "2026-11-20", dueOn: "2026-11-27" })).toBe("2026-11-27");
    expect(scheduleEndsOn({ schedule: "daily", startsOn: "2026-11-02", days: 7 })).toBe("2026-11-08");
    expect(scheduleEndsOn({ schedule: "weekly", startsOn: "2026-11-02", weeks: 2, timesPerWeek: 3 })).toBe(
      "2026-11-15",
    );
  });
});

describe("localDateToDb and dbToLocalDate", () => {
  it("stores a day as UTC midnight and reads it back", () => {
    expect(localDateToDb("2026-11-24").toISOString()).toBe("2026-11-24T00:00:00.000Z");
    expect(dbToLocalDate(new Date("2026-11-24T00:00:00.000Z"))).toBe("2026-11-24");
    for (const day of ["2028-02-29", "2026-12-31", "2027-01-01", "0099-06-15"]) {
      expect(dbToLocalDate(localDateToDb(day))).toBe(day);
    }
  });

  it("refuses bad input", () => {
    expect(() => localDateToDb("2026-02-30")).toThrow(RangeError);
    expect(() => dbToLocalDate(new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("the client's day", () => {
  it("starts a daily schedule on the client's day and keeps it consecutive across the change", () => {
    const today = localDay(new Date("2026-10-24T23:30:00Z"), "Europe/London");
    expect(occurrencesFor({ schedule: "daily", startsOn: today, days: 3 }).map((o) => o.dueOn)).toEqual([
      "2026-10-25",
      "2026-10-26",
      "2026-10-27",
    ]);
  });

  it("stores and reads back a date whatever the process time zone", () => {
    const original = process.env.TZ;
    try {
      for (const zone of ["Pacific/Kiritimati", "America/Anchorage", "Asia/Tokyo", "UTC"]) {
        process.env.TZ = zone;
        expect(dbToLocalDate(localDateToDb("2026-11-23"))).toBe("2026-11-23");
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});

describe("occurrenceState", () => {
  const window = { opensOn: "2026-11-05", dueOn: "2026-11-06" };

  it("is upcoming, due or overdue by the client's day when nothing is recorded", () => {
    expect(occurrenceState({ ...window, completion: null }, "2026-11-04")).toBe("upcoming");
    expect(occurrenceState({ ...window, completion: null }, "2026-11-05")).toBe("due");
    expect(occurrenceState({ ...window, completion: null }, "2026-11-06")).toBe("due");
    expect(occurrenceState({ ...window, completion: null }, "2026-11-07")).toBe("overdue");
  });

  it("shows a recorded completion whatever the day", () => {
    for (const today of ["2026-11-04", "2026-11-05", "2026-11-07"]) {
      expect(occurrenceState({ ...window, completion: "done" }, today)).toBe("done");
      expect(occurrenceState({ ...window, completion: "partly_done" }, today)).toBe("partly_done");
      expect(occurrenceState({ ...window, completion: "skipped" }, today)).toBe("skipped");
    }
  });

  it("compares across month and year ends", () => {
    const newYear = { opensOn: "2026-12-31", dueOn: "2027-01-01", completion: null };
    expect(occurrenceState(newYear, "2026-12-30")).toBe("upcoming");
    expect(occurrenceState(newYear, "2027-01-01")).toBe("due");
    expect(occurrenceState(newYear, "2027-01-02")).toBe("overdue");
  });
});

describe("adherence", () => {
  const occurrences = [
    { dueOn: "2026-11-01", completion: "done" as const },
    { dueOn: "2026-11-02", completion: "done" as const },
    { dueOn: "2026-11-03", completion: "partly_done" as const },
    { dueOn: "2026-11-04", completion: "skipped" as const },
    { dueOn: "2026-11-05", completion: null },
    { dueOn: "2026-11-06", completion: "done" as const },
    { dueOn: "2026-11-07", completion: null },
  ];

  it("counts done and partly done against everything due in the range, ends included", () => {
    expect(adherence(occurrences, { from: "2026-11-02", to: "2026-11-06" })).toEqual({ done: 3, assigned: 5 });
  });

  it("leaves out what falls after `to`, so passing today as `to` counts only what is due", () => {
    expect(adherence(occurrences, { from: "2026-11-01", to: "2026-11-04" })).toEqual({ done: 3, assigned: 4 });
  });

  it("is zero of zero for an empty range or no occurrences", () => {
    expect(adherence(occurrences, { from: "2026-12-01", to: "2026-12-31" })).toEqual({ done: 0, assigned: 0 });
    expect(adherence(occurrences, { from: "2026-11-06", to: "2026-11-05" })).toEqual({ done: 0, assigned: 0 });
    expect(adherence([], { from: "2026-11-01", to: "2026-11-30" })).toEqual({ done: 0, assigned: 0 });
  });

  it("refuses a malformed range rather than comparing it as text", () => {
    expect(() => adherence(occurrences, { from: "2026-11-1", to: "2026-11-30" })).toThrow(RangeError);
  });
});

describe("describeSchedule", () => {
  it("words each kind of schedule", () => {
    expect(describeSchedule({ schedule: "once", startsOn: "2025-11-20", dueOn: "2025-11-28" })).toBe(
      "Once, due Fri 28 Nov",
    );
    expect(describeSchedule({ schedule: "once", startsOn: "2026-02-28", dueOn: "2026-03-01" })).toBe(
      "Once, due Sun 1 Mar",
    );
    expect(describeSchedule({ schedule: "daily", startsOn: "2026-11-02", days: 7 })).toBe("Every day for 7 days");
    expect(describeSchedule({ schedule: "daily", startsOn: "2026-11-02", days: 1 })).toBe("Every day for 1 day");
    expect(describeSchedule({ schedule: "weekly", startsOn: "2026-11-02", weeks: 2, timesPerWeek: 3 })).toBe(
      "3 times a week for 2 weeks",
    );
    expect(describeSchedule({ schedule: "weekly", startsOn: "2026-11-02", weeks: 1, timesPerWeek: 1 })).toBe(
      "Once a week for 1 week",
    );
    expect(describeSchedule({ schedule: "weekly", startsOn: "2026-11-02", weeks: 4, timesPerWeek: 2 })).toBe(
      "Twice a week for 4 weeks",
    );
  });

  it("names the due day in the client's calendar, whatever the process time zone", () => {
    const original = process.env.TZ;
    try {
      for (const zone of ["Pacific/Kiritimati", "America/Anchorage"]) {
        process.env.TZ = zone;
        expect(describeSchedule({ schedule: "once", startsOn: "2025-11-28", dueOn: "2025-11-28" })).toBe(
          "Once, due Fri 28 Nov",
        );
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});

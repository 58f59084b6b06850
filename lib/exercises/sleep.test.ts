import { describe, expect, it } from "vitest";
import { minutesBetween, sleepFigures } from "./sleep";

describe("sleep diary figures", () => {
  it("count time in bed forward across midnight", () => {
    expect(minutesBetween("23:30", "07:00")).toBe(450);
    expect(minutesBetween("00:15", "06:45")).toBe(390);
    expect(minutesBetween("22:00", "22:00")).toBe(0);
    expect(minutesBetween("23:59", "00:00")).toBe(1);
  });

  it("take the time to fall asleep, the night's awakenings and the lie-in from time in bed", () => {
    expect(sleepFigures({ inBedAt: "23:00", outOfBedAt: "07:00", minutesToFallAsleep: 30, minutesAwakeInNight: 45, minutesAwakeBeforeRising: 15 })).toEqual({
      minutesInBed: 480,
      minutesAsleep: 390,
      efficiencyPercent: 81,
    });
    // The lie-in is optional in the diary.
    expect(sleepFigures({ inBedAt: "22:30", outOfBedAt: "06:30", minutesToFallAsleep: 20, minutesAwakeInNight: 20 })).toEqual({
      minutesInBed: 480,
      minutesAsleep: 440,
      efficiencyPercent: 92,
    });
  });

  it("give a night without sleep as zero, never below, and no efficiency without time in bed", () => {
    expect(sleepFigures({ inBedAt: "01:00", outOfBedAt: "05:00", minutesToFallAsleep: 200, minutesAwakeInNight: 60 })).toEqual({
      minutesInBed: 240,
      minutesAsleep: 0,
      efficiencyPercent: 0,
    });
    expect(sleepFigures({ inBedAt: "03:00", outOfBedAt: "03:00", minutesToFallAsleep: 0, minutesAwakeInNight: 0 })).toEqual({
      minutesInBed: 0,
      minutesAsleep: 0,
      efficiencyPercent: null,
    });
  });

  it("refuses a time that isn't a time of day", () => {
    expect(() => minutesBetween("24:00", "07:00")).toThrow(RangeError);
    expect(() => minutesBetween("7:00", "08:00")).toThrow(RangeError);
  });
});

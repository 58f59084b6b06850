import { describe, expect, it } from "vitest";
import { addDays, fromEpochDay, toEpochDay } from "./days";

describe("addDays", () => {
  it("handles month ends, year ends and leap years both ways", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2026-11-02", 0)).toBe("2026-11-02");
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
    expect(addDays("2028-01-01", 366)).toBe("2029-01-01");
  });

  it("refuses bad dates and fractional days", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("2026-11-02", 0.5)).toThrow(RangeError);
  });
});

describe("toEpochDay and fromEpochDay", () => {
  it("count calendar days from 1970-01-01 and back, across centuries", () => {
    expect(toEpochDay("1970-01-01")).toBe(0);
    expect(toEpochDay("1969-12-31")).toBe(-1);
    expect(fromEpochDay(toEpochDay("0099-03-01"))).toBe("0099-03-01");
    expect(fromEpochDay(toEpochDay("2400-02-29"))).toBe("2400-02-29");
  });

  it("refuse what isn't a calendar date", () => {
    expect(() => toEpochDay("2100-02-29")).toThrow(RangeError);
    expect(() => toEpochDay("2026-1-01")).toThrow(RangeError);
    expect(() => fromEpochDay(Number.NaN)).toThrow(RangeError);
  });
});

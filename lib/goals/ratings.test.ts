import { describe, expect, it } from "vitest";
import { clampRating, latestByParty, ratingPointsByParty, trendInWords, withTrend, type TRatingPoint } from "./ratings";

function rating(authorRole: TRatingPoint["authorRole"], value: number, day: string): TRatingPoint {
  return { authorRole, value, createdAt: new Date(`${day}T12:00:00Z`) };
}

describe("latestByParty", () => {
  it("has nothing for either party when there are no ratings", () => {
    expect(latestByParty([])).toEqual({ client: null, therapist: null });
  });

  it("sorts by date before picking the latest, whatever order ratings arrive in", () => {
    const latest = latestByParty([
      rating("client", 6, "2026-03-15"),
      rating("therapist", 5, "2026-03-02"),
      rating("client", 2, "2026-03-01"),
      rating("client", 4, "2026-03-08"),
    ]);
    expect(latest.client).toEqual({ value: 6, previous: 4, trend: "up", at: new Date("2026-03-15T12:00:00Z") });
    expect(latest.therapist).toEqual({ value: 5, previous: null, trend: null, at: new Date("2026-03-02T12:00:00Z") });
  });

  it("compares each party only with its own previous rating", () => {
    const latest = latestByParty([
      rating("client", 7, "2026-03-01"),
      rating("therapist", 9, "2026-03-02"),
      rating("client", 3, "2026-03-03"),
      rating("therapist", 9, "2026-03-04"),
    ]);
    expect(latest.client).toMatchObject({ value: 3, previous: 7, trend: "down" });
    expect(latest.therapist).toMatchObject({ value: 9, previous: 9, trend: "steady" });
  });

  it("treats ratings made at the same instant in the order they came", () => {
    const latest = latestByParty([rating("client", 2, "2026-03-01"), rating("client", 8, "2026-03-01")]);
    expect(latest.client).toMatchObject({ value: 8, previous: 2, trend: "up" });
  });

  it("clamps values outside 0–10", () => {
    const latest = latestByParty([rating("client", -3, "2026-03-01"), rating("client", 14, "2026-03-02")]);
    expect(latest.client).toMatchObject({ value: 10, previous: 0, trend: "up" });
  });
});

describe("clampRating", () => {
  it("keeps whole numbers from 0 to 10", () => {
    expect([-1, 0, 4.4, 4.6, 10, 11, Number.NaN].map(clampRating)).toEqual([0, 0, 4, 5, 10, 10, 0]);
  });
});

describe("trendInWords", () => {
  it("says the trend plainly", () => {
    const at = new Date();
    expect(trendInWords({ value: 6, previous: 4, trend: "up", at })).toBe("up from 4");
    expect(trendInWords({ value: 3, previous: 7, trend: "down", at })).toBe("down from 7");
    expect(trendInWords({ value: 5, previous: 5, trend: "steady", at })).toBe("same as last time");
    expect(trendInWords({ value: 5, previous: null, trend: null, at })).toBeNull();
  });
});

describe("ratingPointsByParty", () => {
  it("has no points with no ratings", () => {
    expect(ratingPointsByParty([])).toEqual({ client: [], therapist: [] });
  });

  it("splits the ratings by party, in the order given, with each value kept in 0–10", () => {
    const points = ratingPointsByParty([
      rating("therapist", 99, "2026-03-11"),
      rating("client", -5, "2026-03-06"),
      rating("client", 4.6, "2026-03-01"),
    ]);
    expect(points).toEqual({
      client: [
        { value: 0, at: new Date("2026-03-06T12:00:00Z") },
        { value: 5, at: new Date("2026-03-01T12:00:00Z") },
      ],
      therapist: [{ value: 10, at: new Date("2026-03-11T12:00:00Z") }],
    });
  });

  it("does not change the array it is given", () => {
    const input = [rating("client", 6, "2026-03-15"), rating("client", 2, "2026-03-01")];
    const before = [...input];
    ratingPointsByParty(input);
    latestByParty(input);
    expect(input).toEqual(before);
  });
});

describe("withTrend", () => {
  it("derives the trend from the latest rating and the one before", () => {
    const at = new Date("2026-11-01T10:00:00Z");
    expect(withTrend(null)).toBeNull();
    expect(withTrend({ value: 5, previous: null, at })?.trend).toBeNull();
    expect(withTrend({ value: 6, previous: 4, at })?.trend).toBe("up");
    expect(withTrend({ value: 3, previous: 4, at })?.trend).toBe("down");
    expect(withTrend({ value: 4, previous: 4, at })?.trend).toBe("steady");
  });
});

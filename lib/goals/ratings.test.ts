import { describe, expect, it } from "vitest";
import { chartGeometry, clampRating, latestByParty, trendInWords, withTrend, type TRatingPoint } from "./ratings";

function rating(authorRole: TRatingPoint["authorRole"], value: number, day: string): TRatingPoint {
  return { authorRole, value, createdAt: new Date(`${day}T12:00:00Z`) };
}

const BOX = { left: 30, right: 310, top: 10, bottom: 150 };

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

describe("chartGeometry", () => {
  it("is empty with no ratings", () => {
    expect(chartGeometry([], BOX)).toEqual({ client: [], therapist: [], start: null, end: null });
  });

  it("maps 0 to the bottom, 10 to the top and time from left to right", () => {
    const geometry = chartGeometry(
      [rating("therapist", 10, "2026-03-11"), rating("client", 0, "2026-03-01"), rating("client", 5, "2026-03-06")],
      BOX,
    );
    expect(geometry.start).toEqual(new Date("2026-03-01T12:00:00Z"));
    expect(geometry.end).toEqual(new Date("2026-03-11T12:00:00Z"));
    expect(geometry.client).toEqual([
      { x: BOX.left, y: BOX.bottom, value: 0, at: new Date("2026-03-01T12:00:00Z") },
      { x: 170, y: 80, value: 5, at: new Date("2026-03-06T12:00:00Z") },
    ]);
    expect(geometry.therapist).toEqual([{ x: BOX.right, y: BOX.top, value: 10, at: new Date("2026-03-11T12:00:00Z") }]);
  });

  it("keeps every point inside the box, even for out-of-range values", () => {
    const geometry = chartGeometry(
      [rating("client", -5, "2026-03-01"), rating("therapist", 99, "2026-03-20"), rating("client", 3, "2026-03-09")],
      BOX,
    );
    for (const point of [...geometry.client, ...geometry.therapist]) {
      expect(point.x).toBeGreaterThanOrEqual(BOX.left);
      expect(point.x).toBeLessThanOrEqual(BOX.right);
      expect(point.y).toBeGreaterThanOrEqual(BOX.top);
      expect(point.y).toBeLessThanOrEqual(BOX.bottom);
    }
    expect(geometry.client.map((point) => point.value)).toEqual([0, 3]);
    expect(geometry.therapist.map((point) => point.value)).toEqual([10]);
  });

  it("centres a single rating horizontally", () => {
    const geometry = chartGeometry([rating("therapist", 5, "2026-03-01")], BOX);
    expect(geometry.therapist).toEqual([{ x: 170, y: 80, value: 5, at: new Date("2026-03-01T12:00:00Z") }]);
    expect(geometry.client).toEqual([]);
    expect(geometry.start).toEqual(geometry.end);
  });

  it("centres ratings that all share one instant, keeping their order", () => {
    const geometry = chartGeometry([rating("client", 2, "2026-03-01"), rating("client", 8, "2026-03-01")], BOX);
    expect(geometry.client.map((point) => [point.x, point.value])).toEqual([
      [170, 2],
      [170, 8],
    ]);
  });

  it("does not change the array it is given", () => {
    const input = [rating("client", 6, "2026-03-15"), rating("client", 2, "2026-03-01")];
    const before = [...input];
    chartGeometry(input, BOX);
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

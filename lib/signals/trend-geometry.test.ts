import { describe, expect, it } from "vitest";
import { axisDateLabels, clampValue, gridValues, linePath, spanInWords, trendGeometry, trendMax, valueY } from "./trend-geometry";

const BOX = { left: 30, right: 310, top: 10, bottom: 150 };

function point(value: number, day: string) {
  return { value, at: new Date(`${day}T12:00:00Z`) };
}

describe("trendGeometry", () => {
  it("shares one time axis across series and sorts each series oldest first", () => {
    const { series, start, end } = trendGeometry(
      [[point(10, "2026-03-11"), point(0, "2026-03-01")], [point(5, "2026-03-06")]],
      BOX,
      10,
    );
    expect(start).toEqual(new Date("2026-03-01T12:00:00Z"));
    expect(end).toEqual(new Date("2026-03-11T12:00:00Z"));
    expect(series[0]!.map(({ x, y }) => ({ x, y }))).toEqual([
      { x: 30, y: 150 },
      { x: 310, y: 10 },
    ]);
    expect(series[1]!.map(({ x, y }) => ({ x, y }))).toEqual([{ x: 170, y: 80 }]);
  });

  it("centres points with no time span, clamps out-of-range values and keeps empty series empty", () => {
    const { series } = trendGeometry([[point(14, "2026-03-01")], []], BOX, 10);
    expect(series[0]).toEqual([{ x: 170, y: 10, value: 10, at: new Date("2026-03-01T12:00:00Z") }]);
    expect(series[1]).toEqual([]);
  });

  it("has no dates when nothing is recorded", () => {
    expect(trendGeometry([[], []], BOX, 10)).toEqual({ series: [[], []], start: null, end: null });
  });

  it("scales to another max", () => {
    const { series } = trendGeometry([[point(2, "2026-03-01")]], BOX, 4);
    expect(series[0]![0]!.y).toBe(80);
  });
});

describe("helpers", () => {
  it("falls back to 10 for an unusable max and grids at 0, half and max", () => {
    expect(trendMax(undefined)).toBe(10);
    expect(trendMax(0)).toBe(10);
    expect(trendMax(Number.NaN)).toBe(10);
    expect(trendMax(4)).toBe(4);
    expect(gridValues(10)).toEqual([0, 5, 10]);
  });

  it("clamps non-finite and out-of-range values", () => {
    expect(clampValue(Number.NaN, 10)).toBe(0);
    expect(clampValue(-2, 10)).toBe(0);
    expect(clampValue(7.5, 10)).toBe(7.5);
  });

  it("puts 0 at the bottom of the box and max at the top", () => {
    expect([0, 2, 4].map((value) => valueY(value, 4, BOX))).toEqual([150, 80, 10]);
  });

  it("draws a path through the points", () => {
    expect(linePath([])).toBe("");
    expect(linePath([{ x: 1.234, y: 2 }, { x: 3, y: 4.06 }])).toBe("M1.2 2 L3 4.1");
  });
});

describe("axisDateLabels", () => {
  const box = { left: 10, right: 110 };
  it("labels the first and last day, with the year only when they differ", () => {
    expect(axisDateLabels(new Date("2026-03-02T09:00:00Z"), new Date("2026-04-14T09:00:00Z"), "UTC", box)).toEqual([
      { anchor: "start", x: 10, text: "2 Mar" },
      { anchor: "end", x: 110, text: "14 Apr" },
    ]);
    expect(axisDateLabels(new Date("2025-12-30T09:00:00Z"), new Date("2026-01-02T09:00:00Z"), "UTC", box).map((label) => label.text)).toEqual([
      "30 Dec 2025",
      "2 Jan 2026",
    ]);
  });
  it("centres one label when everything happened on one day, in the reader's zone", () => {
    expect(axisDateLabels(new Date("2026-03-02T01:00:00Z"), new Date("2026-03-02T20:00:00Z"), "Europe/Paris", box)).toEqual([
      { anchor: "middle", x: 60, text: "2 Mar" },
    ]);
  });
});

describe("spanInWords", () => {
  const noun = { one: "entry", many: "entries" };
  it("counts and names the first and last day, in the reader's zone", () => {
    expect(spanInWords(6, noun, new Date("2026-03-03T09:00:00Z"), new Date("2026-04-14T23:30:00Z"), "Europe/Paris")).toBe(
      "6 entries from 3 March 2026 to 15 April 2026.",
    );
  });
  it("says one day once, and one of something in the singular", () => {
    expect(spanInWords(1, noun, new Date("2026-03-03T09:00:00Z"), new Date("2026-03-03T09:00:00Z"), "UTC")).toBe("1 entry on 3 March 2026.");
    expect(spanInWords(2, { one: "rating", many: "ratings" }, new Date("2026-03-03T09:00:00Z"), new Date("2026-03-03T18:00:00Z"), "UTC")).toBe(
      "2 ratings on 3 March 2026.",
    );
  });
});

// SVG geometry for the trend charts (feedback and check-ins, goal ratings, measures). Pure and client-safe: no React, no server imports.
import { dateTimeFormat, formatDate } from "../format";

export type TTrendPoint = { value: number; at: Date };
export type TPlotPoint = { x: number; y: number; value: number; at: Date };
export type TPlotBox = { left: number; right: number; top: number; bottom: number };

export const DEFAULT_TREND_MAX = 10;

/** A usable top of scale: a missing, zero or nonsense max falls back to 10 rather than dividing by zero. */
export function trendMax(max: number | undefined): number {
  return max !== undefined && Number.isFinite(max) && max > 0 ? max : DEFAULT_TREND_MAX;
}

/** Held inside 0..max, so a bad value can't draw outside the chart. Not rounded: averages may be fractional. */
export function clampValue(value: number, max: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(max, Math.max(0, value));
}

/** Oldest first, without undatable or non-numeric points; same-instant points keep their order (sort is stable). */
export function sortPoints(points: TTrendPoint[]): TTrendPoint[] {
  return points
    .filter((point) => Number.isFinite(point.value) && !Number.isNaN(point.at.getTime()))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Where a value sits: 0 at the bottom of the box, max at the top. */
export function valueY(value: number, max: number, box: Pick<TPlotBox, "top" | "bottom">): number {
  return box.bottom - (value / max) * (box.bottom - box.top);
}

/** Gridlines at the bottom, middle and top of the scale. */
export function gridValues(max: number): number[] {
  return [0, max / 2, max];
}

/**
 * Every series on one shared time axis: x spread across [left,right] from the earliest to the latest point
 * of any series, y 0..max mapped to [bottom,top]. Series come back in the order given.
 */
export function trendGeometry(
  series: TTrendPoint[][],
  box: TPlotBox,
  max: number,
): { series: TPlotPoint[][]; start: Date | null; end: Date | null } {
  const sorted = series.map(sortPoints);
  const times = sorted.flat().map((point) => point.at.getTime());
  if (times.length === 0) return { series: sorted.map(() => []), start: null, end: null };

  const startMs = Math.min(...times);
  const endMs = Math.max(...times);
  const spanMs = endMs - startMs;
  const width = box.right - box.left;

  const plotted = sorted.map((points) =>
    points.map((point) => {
      const value = clampValue(point.value, max);
      // With no time span (one point, or all at one instant) there is no "first" or "last": centre them.
      const share = spanMs === 0 ? 0.5 : (point.at.getTime() - startMs) / spanMs;
      return { x: box.left + share * width, y: valueY(value, max, box), value, at: point.at };
    }),
  );
  return { series: plotted, start: new Date(startMs), end: new Date(endMs) };
}

/** An SVG path through the points in order; empty for no points. */
export function linePath(points: { x: number; y: number }[]): string {
  return points.map((point, index) => `${index === 0 ? "M" : "L"}${round(point.x)} ${round(point.y)}`).join(" ");
}

/** One decimal place is finer than a pixel at these sizes and keeps the markup short. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export type TAxisLabel = { anchor: "start" | "middle" | "end"; x: number; text: string };

/** First and last day under the axis, or one centred label when everything happened on one day. */
export function axisDateLabels(start: Date, end: Date, timeZone: string, box: Pick<TPlotBox, "left" | "right">): TAxisLabel[] {
  const sameYear = yearIn(start, timeZone) === yearIn(end, timeZone);
  const format = dateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: sameYear ? undefined : "numeric",
    timeZone,
  });
  const first = format.format(start);
  const last = format.format(end);
  if (first === last) return [{ anchor: "middle", x: (box.left + box.right) / 2, text: first }];
  return [
    { anchor: "start", x: box.left, text: first },
    { anchor: "end", x: box.right, text: last },
  ];
}

function yearIn(date: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", { year: "numeric", timeZone }).format(date);
}

/** How many and over which days, for a chart's description: "6 entries from 3 March 2026 to 14 April 2026." */
export function spanInWords(
  count: number,
  noun: { one: string; many: string },
  start: Date,
  end: Date,
  timeZone: string,
): string {
  const counted = count === 1 ? `1 ${noun.one}` : `${count} ${noun.many}`;
  const from = formatDate(start, timeZone);
  const to = formatDate(end, timeZone);
  return from === to ? `${counted} on ${from}.` : `${counted} from ${from} to ${to}.`;
}

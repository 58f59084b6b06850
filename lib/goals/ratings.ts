// Shapes goal ratings for display. Pure and client-safe: no React, no server imports.
import type { TTrendPoint } from "../signals/trend-geometry";

export type TRatingParty = "client" | "therapist";
export type TRatingPoint = { value: number; authorRole: TRatingParty; createdAt: Date; note?: string };
export type TTrend = "up" | "down" | "steady";
export type TLatestRating = { value: number; previous: number | null; trend: TTrend | null; at: Date };
export type TLatestByParty = Record<TRatingParty, TLatestRating | null>;

export const RATING_MIN = 0;
export const RATING_MAX = 10;

/** Rounded into 0–10, so a bad value can't draw outside the chart. */
export function clampRating(value: number): number {
  if (!Number.isFinite(value)) return RATING_MIN;
  return Math.min(RATING_MAX, Math.max(RATING_MIN, Math.round(value)));
}

/** Oldest first; ratings made at the same instant keep the order they came in (sort is stable). */
export function sortRatings(ratings: TRatingPoint[]): TRatingPoint[] {
  return ratings.filter((rating) => !Number.isNaN(rating.createdAt.getTime())).sort(byTime);
}

function byTime(a: TRatingPoint, b: TRatingPoint): number {
  return a.createdAt.getTime() - b.createdAt.getTime();
}

/** Latest value per party and its trend against that party's previous rating. */
export function latestByParty(ratings: TRatingPoint[]): TLatestByParty {
  const sorted = sortRatings(ratings);
  return { client: latestOf(sorted, "client"), therapist: latestOf(sorted, "therapist") };
}

function latestOf(sorted: TRatingPoint[], party: TRatingParty): TLatestRating | null {
  const own = sorted.filter((rating) => rating.authorRole === party);
  const last = own.at(-1);
  if (!last) return null;
  const value = clampRating(last.value);
  const before = own.at(-2);
  if (!before) return { value, previous: null, trend: null, at: last.createdAt };
  const previous = clampRating(before.value);
  const trend: TTrend = value > previous ? "up" : value < previous ? "down" : "steady";
  return { value, previous, trend, at: last.createdAt };
}

/** The trend in plain words, e.g. "up from 4"; null for a party's first rating. */
export function trendInWords(latest: TLatestRating): string | null {
  switch (latest.trend) {
    case "up":
      return `up from ${latest.previous}`;
    case "down":
      return `down from ${latest.previous}`;
    case "steady":
      return "same as last time";
    default:
      return null;
  }
}

/** Each party's ratings as chart points, kept in 0–10 (lib/signals/trend-geometry.ts places and orders them). */
export function ratingPointsByParty(ratings: TRatingPoint[]): Record<TRatingParty, TTrendPoint[]> {
  const pointsOf = (party: TRatingParty) =>
    ratings
      .filter((rating) => rating.authorRole === party)
      .map((rating) => ({ value: clampRating(rating.value), at: rating.createdAt }));
  return { client: pointsOf("client"), therapist: pointsOf("therapist") };
}

/** Adds the trend to a server-computed latest/previous pair. */
export function withTrend(latest: { value: number; previous: number | null; at: Date } | null): TLatestRating | null {
  if (!latest) return null;
  const { value, previous } = latest;
  const trend: TTrend | null = previous === null ? null : value > previous ? "up" : value < previous ? "down" : "steady";
  return { ...latest, trend };
}

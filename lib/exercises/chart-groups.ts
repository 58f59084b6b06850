// Which of an exercise's numeric series share a chart on the entries page
// (issue 23). Pure and client-safe; the charts themselves are drawn on the
// server (components/exercises/entry-charts.tsx).
//
// INVARIANTS
// - A "before and after" pair (lib/exercises/figures.ts, beforeAfterPairs)
//   is one chart with a line each, and a `<name>_peak` beside it joins them
//   (anxiety before, at its highest, after). Every other series is a chart
//   of its own, in the form's order.
// - A chart's scale is the series' own when they agree (0–10, 0–100, a
//   percentage); otherwise it is rounded up from the largest value, so a
//   number or a duration is never drawn off the top. Minutes that run past
//   two hours (a night's sleep) are drawn in hours, as people say them.
import type { TExerciseField } from "./form-definition";
import { beforeAfterPairs, type TSeries } from "./figures";

export type TChartPoint = { date: string; value: number };
export type TChartSeries = TSeries & { points: TChartPoint[] };
export type TChartGroup = {
  key: string;
  title: string;
  unit: TSeries["unit"] | "hours";
  max: number;
  series: { key: string; label: string; points: TChartPoint[] }[];
};

/** 1, 2 or 5 times a power of ten, at or above `value` (and at least 1). */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function scaleOf(series: TChartSeries[]): number {
  const maxes = new Set(series.map((entry) => entry.scaleMax));
  const [only] = [...maxes];
  if (maxes.size === 1 && only !== null && only !== undefined) return only;
  return niceMax(Math.max(...series.flatMap((entry) => entry.points.map((point) => point.value))));
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MOMENTS = [
  { suffix: "_before", label: "Before" },
  { suffix: "_peak", label: "At its highest" },
  { suffix: "_after", label: "After" },
] as const;

/** The charts to draw, in the order the series come (the form's order), pairs drawn together where the first of them was. */
export function chartGroups(fields: TExerciseField[], charts: TChartSeries[]): TChartGroup[] {
  const byKey = new Map(charts.map((chart) => [chart.key, chart]));
  const grouped = new Map<string, TChartGroup>();
  const memberOf = new Map<string, string>();
  for (const pair of beforeAfterPairs({ fields })) {
    const start = pair.beforeKey.slice(0, -"_before".length);
    const members = MOMENTS.map((moment) => ({ moment, chart: byKey.get(`${start}${moment.suffix}`) })).filter(
      (member): member is { moment: (typeof MOMENTS)[number]; chart: TChartSeries } => member.chart !== undefined,
    );
    if (members.length === 0) continue;
    const names = members.map((member) => member.moment.label.toLowerCase());
    const said = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
    grouped.set(start, {
      key: start,
      title: `${capitalised(pair.name)}: ${said}`,
      unit: members[0]!.chart.unit,
      max: scaleOf(members.map((member) => member.chart)),
      series: members.map((member) => ({ key: member.chart.key, label: member.moment.label, points: member.chart.points })),
    });
    for (const member of members) memberOf.set(member.chart.key, start);
  }
  const groups: TChartGroup[] = [];
  const placed = new Set<string>();
  const push = (group: TChartGroup) => groups.push(inHoursWhenLong(group));
  for (const chart of charts) {
    const groupKey = memberOf.get(chart.key);
    if (groupKey) {
      if (!placed.has(groupKey)) push(grouped.get(groupKey)!);
      placed.add(groupKey);
      continue;
    }
    push({ key: chart.key, title: chart.label, unit: chart.unit, max: scaleOf([chart]), series: [{ key: chart.key, label: chart.label, points: chart.points }] });
  }
  return groups;
}

const LONG_MINUTES = 120;

function inHoursWhenLong(group: TChartGroup): TChartGroup {
  if (group.unit !== "minutes" || group.max <= LONG_MINUTES) return group;
  const hours = (minutes: number) => Math.round(minutes / 6) / 10;
  const series = group.series.map((entry) => ({ ...entry, points: entry.points.map((point) => ({ ...point, value: hours(point.value) })) }));
  return { ...group, unit: "hours", max: niceMax(Math.max(...series.flatMap((entry) => entry.points.map((point) => point.value)))), series };
}

/** The words under a chart's legend: its scale and unit. */
export function scaleCaption(group: Pick<TChartGroup, "unit" | "max">): string {
  if (group.unit === "minutes") return "In minutes.";
  if (group.unit === "hours") return "In hours.";
  if (group.unit === "%") return "In percent.";
  return `From 0 to ${group.max}.`;
}

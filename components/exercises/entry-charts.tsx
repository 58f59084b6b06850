// An exercise's numbers across its entries (issue 23): a chart per series,
// a "before and after" pair as one chart with a line each, every chart with
// its table. Server-compatible on purpose (no "use client"): drawn on the
// server, no JavaScript shipped.
import { chartGroups, scaleCaption, type TChartSeries } from "@/lib/exercises/chart-groups";
import type { TExerciseField } from "@/lib/exercises/form-definition";
import { TrendChart } from "@/components/feedback/trend-chart";

/** Entry days are calendar days: drawn at noon UTC and read in UTC, so a day is the same day for every reader. */
function atNoon(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

export function EntryCharts({ fields, charts }: { fields: TExerciseField[]; charts: TChartSeries[] }) {
  const groups = chartGroups(fields, charts);
  if (groups.length === 0) return null;
  return (
    <div className="flex flex-col gap-8">
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`chart-${group.key}`} className="flex flex-col gap-2" data-chart={group.key}>
          <h3 id={`chart-${group.key}`} className="font-semibold">
            {group.title}
          </h3>
          <TrendChart
            title={group.title}
            series={group.series.map((series) => ({ label: series.label, points: series.points.map((point) => ({ value: point.value, at: atNoon(point.date) })) }))}
            timeZone="UTC"
            max={group.max}
            caption={scaleCaption(group)}
          />
        </section>
      ))}
    </div>
  );
}

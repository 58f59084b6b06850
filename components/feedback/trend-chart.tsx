// Feedback and check-in trends: a line chart with a row per day as its table. Server-compatible on purpose
// (no "use client", no state, no handlers): the chart ships no JavaScript.
import { formatDate } from "@/lib/format";
import { sortPoints, spanInWords, trendMax, type TTrendPoint } from "@/lib/signals/trend-geometry";
import { ChartTable, formatValue } from "@/components/charts/chart-parts";
import { LineChart, MAX_SERIES, type TLineSeries } from "@/components/charts/line-chart";

export type TTrendSeries = TLineSeries;

export function TrendChart({
  title,
  series: allSeries,
  timeZone,
  max: requestedMax,
  caption,
}: {
  title: string;
  series: TTrendSeries[];
  timeZone: string;
  /** Top of the scale; 10 unless given. */
  max?: number;
  /** A line under the legend, e.g. "0 = very bad · 10 = very good". */
  caption?: string;
}) {
  const series = allSeries.slice(0, MAX_SERIES);
  const max = trendMax(requestedMax);
  return (
    <LineChart
      title={title}
      series={series}
      timeZone={timeZone}
      max={max}
      caption={caption}
      emptyText="Nothing recorded yet."
      describe={({ start, end }) => describe(series, start, end, timeZone, max)}
      tableSummary="Show as a table"
    >
      <ChartTable caption={`${title}, newest first`} columns={["Date", ...series.map((entry) => entry.label)]}>
        {tableRows(series, timeZone).map((row) => (
          <tr key={row.date} className="border-b border-line align-top">
            <td className="py-2 pr-3 whitespace-nowrap">{row.date}</td>
            {row.cells.map((values, index) => (
              <td key={index} className="py-2 pr-3 tabular-nums">
                {values.length > 0 ? (
                  values.join(", ")
                ) : (
                  <>
                    <span aria-hidden="true">—</span>
                    <span className="sr-only">None</span>
                  </>
                )}
              </td>
            ))}
          </tr>
        ))}
      </ChartTable>
    </LineChart>
  );
}

/** One row per day in the reader's time zone; a series with two entries that day shows both, oldest first. */
function tableRows(series: TTrendSeries[], timeZone: string): { date: string; cells: string[][] }[] {
  const byDay = new Map<string, { time: number; cells: string[][] }>();
  series.forEach((entry, index) => {
    for (const point of sortPoints(entry.points)) {
      const date = formatDate(point.at, timeZone);
      const row = byDay.get(date) ?? { time: point.at.getTime(), cells: series.map(() => []) };
      row.time = Math.max(row.time, point.at.getTime());
      row.cells[index]?.push(formatValue(point.value));
      byDay.set(date, row);
    }
  });
  return [...byDay.entries()].sort(([, a], [, b]) => b.time - a.time).map(([date, row]) => ({ date, cells: row.cells }));
}

/** The chart in words, e.g. "6 entries from 3 March 2026 to 14 April 2026. Latest: Overall 6 out of 10 (up from 4), …" */
function describe(series: TTrendSeries[], start: Date, end: Date, timeZone: string, max: number): string {
  const count = series.reduce((total, entry) => total + sortPoints(entry.points).length, 0);
  const span = spanInWords(count, { one: "entry", many: "entries" }, start, end, timeZone);

  const latest: string[] = [];
  const missing: string[] = [];
  for (const entry of series) {
    const points = sortPoints(entry.points);
    const last = points.at(-1);
    if (!last) {
      missing.push(`${entry.label}: nothing recorded yet.`);
      continue;
    }
    latest.push(`${entry.label} ${formatValue(last.value)} out of ${formatValue(max)}${trendWords(points.at(-2), last)}`);
  }
  const latestSentence = latest.length > 0 ? [`Latest: ${latest.join(", ")}.`] : [];
  return [span, ...latestSentence, ...missing].join(" ");
}

function trendWords(before: TTrendPoint | undefined, last: TTrendPoint): string {
  if (!before) return "";
  if (last.value > before.value) return ` (up from ${formatValue(before.value)})`;
  if (last.value < before.value) return ` (down from ${formatValue(before.value)})`;
  return " (same as before)";
}

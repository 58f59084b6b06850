// Server-compatible on purpose (no "use client", no state, no handlers): the chart ships no JavaScript.
// Colours are SVG attributes, not `style`, because the CSP forbids inline styles.
import { useId } from "react";
import { EmptyState } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import {
  axisDateLabels,
  gridValues,
  linePath,
  round,
  sortPoints,
  trendGeometry,
  trendMax,
  type TPlotPoint,
  type TTrendPoint,
} from "@/lib/signals/trend-geometry";

export type TTrendSeries = { label: string; points: { value: number; at: Date }[] };

const VIEW_WIDTH = 320;
const VIEW_HEIGHT = 180;
const BOX = { left: 34, right: 306, top: 12, bottom: 148 };
const FONT_SIZE = 14;

// Fallbacks keep the chart readable wherever the theme variables are missing (e.g. a static render).
const INK_MUTED = "var(--color-ink-muted, #4b5563)";
const GRID = "var(--color-line, #e5e0d8)";
const SURFACE = "var(--color-surface, #ffffff)";

type TMarker = "circle" | "square" | "triangle" | "diamond";

/**
 * Told apart by line pattern and marker shape as well as colour, so the chart works in greyscale and for
 * colour-blind readers. Every colour is at least 4.5:1 on white. Filled and hollow markers alternate so a
 * point hidden under another series' marker still shows as a ring.
 */
const STYLES: { colour: string; dash: string | undefined; marker: TMarker; hollow: boolean }[] = [
  { colour: "var(--color-brand, #0f766e)", dash: undefined, marker: "circle", hollow: false },
  { colour: "#9a5b13", dash: "6 4", marker: "square", hollow: true },
  { colour: "#334155", dash: "2 3", marker: "triangle", hollow: false },
  { colour: "#7e22ce", dash: "9 3 2 3", marker: "diamond", hollow: true },
];

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
  const baseId = useId();
  // Four styles are all a reader can tell apart on a phone; callers pass at most four.
  const series = allSeries.slice(0, STYLES.length);
  const max = trendMax(requestedMax);
  const geometry = trendGeometry(
    series.map((entry) => entry.points),
    BOX,
    max,
  );
  const { start, end } = geometry;
  if (!start || !end) return <EmptyState>Nothing recorded yet.</EmptyState>;

  const titleId = `${baseId}-title`;
  const descId = `${baseId}-desc`;
  const rows = tableRows(series, timeZone);

  return (
    <figure className="flex flex-col gap-3">
      <figcaption className="flex flex-col gap-1 text-sm">
        <ul className="flex flex-wrap gap-x-5 gap-y-1">
          {series.map((entry, index) => (
            <li key={index} className="flex items-center gap-2">
              {/* 14 tall, not 12: the triangle and diamond reach 6 above and below their centre, plus stroke. */}
              <svg width="32" height="14" viewBox="0 0 32 14" aria-hidden="true" focusable="false">
                <line
                  x1="1"
                  y1="7"
                  x2="31"
                  y2="7"
                  stroke={styleOf(index).colour}
                  strokeWidth="2.5"
                  strokeDasharray={styleOf(index).dash}
                />
                <Marker index={index} x={16} y={7} />
              </svg>
              <span className="font-medium">{entry.label}</span>
            </li>
          ))}
        </ul>
        {caption ? <p className="text-ink-muted">{caption}</p> : null}
      </figcaption>

      <svg
        viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
        className="h-auto w-full max-w-md"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        fontSize={FONT_SIZE}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{describe(series, start, end, timeZone, max)}</desc>

        {gridValues(max).map((value) => {
          const y = round(BOX.bottom - (value / max) * (BOX.bottom - BOX.top));
          return (
            <g key={value}>
              <line x1={BOX.left} y1={y} x2={BOX.right} y2={y} stroke={GRID} strokeWidth="1" />
              <text x={BOX.left - 10} y={y} dy="0.35em" textAnchor="end" fill={INK_MUTED}>
                {formatValue(value)}
              </text>
            </g>
          );
        })}

        {axisDateLabels(start, end, timeZone, BOX).map((label) => (
          <text key={label.anchor} x={label.x} y={VIEW_HEIGHT - 8} textAnchor={label.anchor} fill={INK_MUTED}>
            {label.text}
          </text>
        ))}

        {/* Drawn last-first, so the first series (usually "overall") sits on top. */}
        {reversedIndexes(series.length).map((index) => (
          <path
            key={index}
            d={linePath(geometry.series[index] ?? [])}
            fill="none"
            stroke={styleOf(index).colour}
            strokeWidth="2.5"
            strokeDasharray={styleOf(index).dash}
            strokeLinejoin="round"
          />
        ))}
        {reversedIndexes(series.length).map((index) =>
          (geometry.series[index] ?? []).map((point: TPlotPoint, pointIndex) => (
            <Marker key={`${index}-${pointIndex}`} index={index} x={point.x} y={point.y}>
              {`${series[index]?.label}: ${formatValue(point.value)} on ${formatDate(point.at, timeZone)}`}
            </Marker>
          )),
        )}
      </svg>

      <details>
        <summary className="cursor-pointer py-2.5 font-medium text-brand-strong">Show as a table</summary>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="pb-2 text-left text-ink-muted">{`${title}, newest first`}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-2 pr-3 font-semibold">
                  Date
                </th>
                {series.map((entry, index) => (
                  <th key={index} scope="col" className="py-2 pr-3 font-semibold">
                    {entry.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
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
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function styleOf(index: number) {
  return STYLES[index % STYLES.length] ?? STYLES[0]!;
}

function reversedIndexes(count: number): number[] {
  return Array.from({ length: count }, (_, index) => count - 1 - index);
}

function Marker({ index, x, y, children }: { index: number; x: number; y: number; children?: string }) {
  const { colour, marker, hollow } = styleOf(index);
  // A <title> inside a marker is a hover tooltip for mouse users; React does not hoist titles inside <svg>.
  const tooltip = children ? <title>{children}</title> : null;
  const paint = hollow ? { fill: SURFACE, stroke: colour, strokeWidth: 2 } : { fill: colour };
  const cx = round(x);
  const cy = round(y);
  switch (marker) {
    case "circle":
      return (
        <circle cx={cx} cy={cy} r="4.5" {...paint}>
          {tooltip}
        </circle>
      );
    case "square":
      return (
        <rect x={round(x - 4.5)} y={round(y - 4.5)} width="9" height="9" {...paint}>
          {tooltip}
        </rect>
      );
    case "triangle":
      // A little larger than the circle: a triangle of the same width looks smaller.
      return (
        <polygon points={polygon([[x, y - 6], [x + 5.5, y + 4], [x - 5.5, y + 4]])} {...paint}>
          {tooltip}
        </polygon>
      );
    case "diamond":
      return (
        <polygon points={polygon([[x, y - 6], [x + 6, y], [x, y + 6], [x - 6, y]])} {...paint}>
          {tooltip}
        </polygon>
      );
  }
}

function polygon(corners: [number, number][]): string {
  return corners.map(([x, y]) => `${round(x)},${round(y)}`).join(" ");
}

/** Whole numbers as given; anything else to one decimal. */
function formatValue(value: number): string {
  return String(round(value));
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
  const counted = count === 1 ? "1 entry" : `${count} entries`;
  const from = formatDate(start, timeZone);
  const to = formatDate(end, timeZone);
  const span = from === to ? `${counted} on ${from}.` : `${counted} from ${from} to ${to}.`;

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

// Up to four series over time on one 0..max scale, with a legend above and the same data as a table below:
// feedback and check-in trends, goal ratings. Server-compatible on purpose (no "use client", no state, no
// handlers): the chart ships no JavaScript. Colours are SVG attributes: the CSP forbids inline styles.
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { gridValues, linePath, round, trendGeometry, type TTrendPoint } from "@/lib/signals/trend-geometry";
import { BRAND, ChartSvg, DateAxis, formatValue, SURFACE, ValueAxis, type TChartView } from "./chart-parts";

export type TLineSeries = { label: string; points: TTrendPoint[] };

const VIEW: TChartView = { width: 320, height: 180, fontSize: 14 };
const BOX = { left: 34, right: 306, top: 12, bottom: 148 };

type TMarker = "circle" | "square" | "triangle" | "diamond";

/**
 * Told apart by line pattern and marker shape as well as colour, so the chart works in greyscale and for
 * colour-blind readers. Every colour is at least 4.5:1 on white (amber #9a5b13 is 5.4:1). Filled and hollow
 * markers alternate so a point hidden under another series' marker still shows as a ring.
 */
const STYLES: { colour: string; dash: string | undefined; marker: TMarker; hollow: boolean }[] = [
  { colour: BRAND, dash: undefined, marker: "circle", hollow: false },
  { colour: "#9a5b13", dash: "6 4", marker: "square", hollow: true },
  { colour: "#334155", dash: "2 3", marker: "triangle", hollow: false },
  { colour: "#7e22ce", dash: "9 3 2 3", marker: "diamond", hollow: true },
];

/** Four styles are all a reader can tell apart on a phone; callers pass at most this many series. */
export const MAX_SERIES = STYLES.length;

export function LineChart({
  title,
  series,
  timeZone,
  max,
  caption,
  emptyText,
  describe,
  tableSummary,
  children,
  id,
}: {
  title: string;
  series: TLineSeries[];
  timeZone: string;
  /** Top of the scale; the bottom is 0. */
  max: number;
  /** A line under the legend, e.g. "0 = very bad · 10 = very good". */
  caption?: string;
  /** Said instead of the chart when no series has a point. */
  emptyText: string;
  /** The chart in words, for screen readers, given the first and last point's dates. */
  describe: (span: { start: Date; end: Date }) => string;
  /** The words that open the table, e.g. "Show as a table". */
  tableSummary: string;
  /** The same data as rows (a <ChartTable>), shown on request. */
  children: ReactNode;
  /** Base for the element ids; defaults to a generated one, unique on the page. */
  id?: string;
}) {
  const geometry = trendGeometry(
    series.map((entry) => entry.points),
    BOX,
    max,
  );
  const { start, end } = geometry;
  if (!start || !end) return <EmptyState>{emptyText}</EmptyState>;

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

      <ChartSvg id={id} view={VIEW} title={title} description={describe({ start, end })}>
        <ValueAxis box={BOX} max={max} values={gridValues(max)} />
        <DateAxis start={start} end={end} timeZone={timeZone} box={BOX} baseline={VIEW.height - 8} />

        {/* Drawn last-first, so the first series (usually "overall", or the client's) sits on top. */}
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
          (geometry.series[index] ?? []).map((point, pointIndex) => (
            <Marker key={`${index}-${pointIndex}`} index={index} x={point.x} y={point.y}>
              {`${series[index]?.label}: ${formatValue(point.value)} on ${formatDate(point.at, timeZone)}`}
            </Marker>
          )),
        )}
      </ChartSvg>

      <details>
        <summary className="cursor-pointer py-2.5 font-medium text-brand-strong">{tableSummary}</summary>
        {children}
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

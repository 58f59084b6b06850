// Server-compatible on purpose (no "use client", no state, no handlers): the chart ships no JavaScript.
// Colours are SVG attributes, not `style`, because the CSP forbids inline styles.
import { useId } from "react";
import { EmptyState } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { axisDateLabels } from "@/lib/signals/trend-geometry";
import {
  chartGeometry,
  clampRating,
  latestByParty,
  sortRatings,
  trendInWords,
  type TChartPoint,
  type TRatingParty,
  type TRatingPoint,
} from "@/lib/goals/ratings";

const VIEW_WIDTH = 320;
const VIEW_HEIGHT = 180;
const BOX = { left: 34, right: 306, top: 12, bottom: 148 };
const GRID_VALUES = [0, 5, 10];
const FONT_SIZE = 14;

// Fallbacks keep the chart readable wherever the theme variables are missing (e.g. a static render).
const INK_MUTED = "var(--color-ink-muted, #4b5563)";
const GRID = "var(--color-line, #e5e0d8)";
const SURFACE = "var(--color-surface, #ffffff)";

/** Told apart by line and marker shape as well as colour. Amber #9a5b13 is 5.4:1 on white. */
const SERIES = {
  client: { colour: "var(--color-brand, #0f766e)", dash: undefined, marker: "circle" },
  therapist: { colour: "#9a5b13", dash: "6 4", marker: "square" },
} as const;

export function RatingsChart({
  ratings,
  clientLabel,
  therapistLabel,
  timeZone,
  title = "Progress ratings over time",
  id,
}: {
  ratings: TRatingPoint[];
  clientLabel: string;
  therapistLabel: string;
  timeZone: string;
  title?: string;
  /** Base for the element ids; defaults to a generated one, unique on the page. */
  id?: string;
}) {
  const generatedId = useId();
  const baseId = id ?? generatedId;
  const geometry = chartGeometry(ratings, BOX);
  const { start, end } = geometry;
  if (!start || !end) return <EmptyState>No ratings yet. Either of you can add the first one.</EmptyState>;

  const labels: Record<TRatingParty, string> = { client: clientLabel, therapist: therapistLabel };
  const titleId = `${baseId}-title`;
  const descId = `${baseId}-desc`;
  const dateLabels = axisDateLabels(start, end, timeZone, BOX);
  const newestFirst = sortRatings(ratings).reverse();

  return (
    <figure className="flex flex-col gap-3">
      <figcaption className="flex flex-col gap-1 text-sm">
        <ul className="flex flex-wrap gap-x-5 gap-y-1">
          {(["client", "therapist"] as const).map((party) => (
            <li key={party} className="flex items-center gap-2">
              <svg width="32" height="12" viewBox="0 0 32 12" aria-hidden="true" focusable="false">
                <line
                  x1="1"
                  y1="6"
                  x2="31"
                  y2="6"
                  stroke={SERIES[party].colour}
                  strokeWidth="2.5"
                  strokeDasharray={SERIES[party].dash}
                />
                <Marker party={party} x={16} y={6} />
              </svg>
              <span className="font-medium">{labels[party]}</span>
            </li>
          ))}
        </ul>
        <p className="text-ink-muted">0 = not started · 10 = reached</p>
      </figcaption>

      <svg
        viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
        className="h-auto w-full max-w-md"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        fontSize={FONT_SIZE}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{describe(ratings, labels, start, end, timeZone)}</desc>

        {GRID_VALUES.map((value) => {
          const y = BOX.bottom - (value / 10) * (BOX.bottom - BOX.top);
          return (
            <g key={value}>
              <line x1={BOX.left} y1={y} x2={BOX.right} y2={y} stroke={GRID} strokeWidth="1" />
              <text x={BOX.left - 10} y={y} dy="0.35em" textAnchor="end" fill={INK_MUTED}>
                {value}
              </text>
            </g>
          );
        })}

        {dateLabels.map((label) => (
          <text key={label.anchor} x={label.x} y={VIEW_HEIGHT - 8} textAnchor={label.anchor} fill={INK_MUTED}>
            {label.text}
          </text>
        ))}

        {(["therapist", "client"] as const).map((party) => (
          <path
            key={party}
            d={linePath(geometry[party])}
            fill="none"
            stroke={SERIES[party].colour}
            strokeWidth="2.5"
            strokeDasharray={SERIES[party].dash}
            strokeLinejoin="round"
          />
        ))}
        {/* Therapist squares are hollow and drawn first, so a client circle on the same spot sits inside one. */}
        {(["therapist", "client"] as const).map((party) =>
          geometry[party].map((point, index) => (
            <Marker key={`${party}-${index}`} party={party} x={point.x} y={point.y}>
              {`${labels[party]}: ${point.value} on ${formatDate(point.at, timeZone)}`}
            </Marker>
          )),
        )}
      </svg>

      <details>
        <summary className="cursor-pointer py-2.5 font-medium text-brand-strong">Show ratings as a table</summary>
        <table className="w-full text-left text-sm">
          <caption className="pb-2 text-left text-ink-muted">Every rating, newest first</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-2 pr-3 font-semibold">
                Date
              </th>
              <th scope="col" className="py-2 pr-3 font-semibold">
                Who
              </th>
              <th scope="col" className="py-2 pr-3 font-semibold">
                Rating
              </th>
              <th scope="col" className="py-2 font-semibold">
                Note
              </th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((rating, index) => (
              <tr key={index} className="border-b border-line align-top">
                <td className="py-2 pr-3">{formatDate(rating.createdAt, timeZone)}</td>
                <td className="py-2 pr-3">{labels[rating.authorRole]}</td>
                <td className="py-2 pr-3 tabular-nums">{clampRating(rating.value)}</td>
                <td className="py-2 break-words">{rating.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function Marker({ party, x, y, children }: { party: TRatingParty; x: number; y: number; children?: string }) {
  const colour = SERIES[party].colour;
  // A <title> inside a marker is a hover tooltip for mouse users; React does not hoist titles inside <svg>.
  const tooltip = children ? <title>{children}</title> : null;
  if (SERIES[party].marker === "circle") {
    return (
      <circle cx={round(x)} cy={round(y)} r="4.5" fill={colour}>
        {tooltip}
      </circle>
    );
  }
  return (
    <rect x={round(x - 4.5)} y={round(y - 4.5)} width="9" height="9" fill={SURFACE} stroke={colour} strokeWidth="2">
      {tooltip}
    </rect>
  );
}

function linePath(points: TChartPoint[]): string {
  return points.map((point, index) => `${index === 0 ? "M" : "L"}${round(point.x)} ${round(point.y)}`).join(" ");
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}


/** The chart in words, e.g. "8 ratings from 3 March 2026 to 14 April 2026. Latest: Maya 6 (up from 4), …" */
function describe(
  ratings: TRatingPoint[],
  labels: Record<TRatingParty, string>,
  start: Date,
  end: Date,
  timeZone: string,
): string {
  const count = sortRatings(ratings).length;
  const counted = count === 1 ? "1 rating" : `${count} ratings`;
  const from = formatDate(start, timeZone);
  const to = formatDate(end, timeZone);
  const span = from === to ? `${counted} on ${from}.` : `${counted} from ${from} to ${to}.`;

  const latest = latestByParty(ratings);
  const rated: string[] = [];
  const unrated: string[] = [];
  for (const party of ["client", "therapist"] as const) {
    const entry = latest[party];
    if (!entry) {
      unrated.push(`${labels[party]} has not rated yet.`);
      continue;
    }
    const trend = trendInWords(entry);
    rated.push(`${labels[party]} ${entry.value}${trend ? ` (${trend})` : ""}`);
  }
  return [span, `Latest: ${rated.join(", ")}.`, ...unrated].join(" ");
}

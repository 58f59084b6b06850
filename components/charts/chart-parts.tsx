// The parts every chart is drawn from: the labelled SVG, its value and date axes, and the table that says the
// same in rows. Server-compatible on purpose (no "use client", no state, no handlers): charts ship no JavaScript.
// Colours are SVG attributes, not `style`, because the CSP forbids inline styles.
import { useId, type ReactNode } from "react";
import { axisDateLabels, round, valueY, type TPlotBox } from "@/lib/signals/trend-geometry";

// Fallbacks keep the charts readable wherever the theme variables are missing (e.g. a static render).
export const INK = "var(--color-ink, #1f2933)";
export const INK_MUTED = "var(--color-ink-muted, #4b5563)";
export const GRID = "var(--color-line, #e5e0d8)";
export const SURFACE = "var(--color-surface, #ffffff)";
export const BRAND = "var(--color-brand, #0f766e)";

/** Whole numbers as given; anything else to one decimal. */
export function formatValue(value: number): string {
  return String(round(value));
}

/** The SVG's coordinate space and its text size. */
export type TChartView = { width: number; height: number; fontSize: number };

/**
 * The chart as one image for assistive technology, named by its title and, when given, described in words.
 * `id` is the base for the element ids; a generated one, unique on the page, unless given.
 */
export function ChartSvg({
  id,
  view,
  title,
  description,
  children,
}: {
  id?: string;
  view: TChartView;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  const generatedId = useId();
  const baseId = id ?? generatedId;
  const titleId = `${baseId}-title`;
  const descId = `${baseId}-desc`;
  return (
    <svg
      viewBox={`0 0 ${view.width} ${view.height}`}
      className="h-auto w-full max-w-md"
      role="img"
      aria-labelledby={description === undefined ? titleId : `${titleId} ${descId}`}
      fontSize={view.fontSize}
    >
      <title id={titleId}>{title}</title>
      {description === undefined ? null : <desc id={descId}>{description}</desc>}
      {children}
    </svg>
  );
}

/** The scale's values left of the plot, `gap` away from it, each with a gridline across it unless told not. */
export function ValueAxis({
  box,
  max,
  values,
  gap = 10,
  hasGridlines = true,
}: {
  box: TPlotBox;
  max: number;
  values: number[];
  gap?: number;
  hasGridlines?: boolean;
}) {
  return values.map((value) => {
    const y = round(valueY(value, max, box));
    return (
      <g key={value}>
        {hasGridlines ? <line x1={box.left} y1={y} x2={box.right} y2={y} stroke={GRID} strokeWidth="1" /> : null}
        <text x={box.left - gap} y={y} dy="0.35em" textAnchor="end" fill={INK_MUTED}>
          {formatValue(value)}
        </text>
      </g>
    );
  });
}

/** The first and last day under the plot, with `baseline` their y. */
export function DateAxis({
  start,
  end,
  timeZone,
  box,
  baseline,
  fill = INK_MUTED,
}: {
  start: Date;
  end: Date;
  timeZone: string;
  box: TPlotBox;
  baseline: number;
  fill?: string;
}) {
  return axisDateLabels(start, end, timeZone, box).map((label) => (
    <text key={label.anchor} x={label.x} y={baseline} textAnchor={label.anchor} fill={fill}>
      {label.text}
    </text>
  ));
}

export type TChartColumn = string | { label: ReactNode; title: string };

/** A chart's data as a table: a caption, a row of column headings, and the rows given as children. */
export function ChartTable({
  caption,
  isCaptionShown = true,
  columns,
  children,
}: {
  caption: string;
  /** A caption hidden from sight still names the table for screen readers. */
  isCaptionShown?: boolean;
  columns: TChartColumn[];
  children: ReactNode;
}) {
  return (
    // `relative`: the sr-only words in cells are positioned absolutely and would otherwise widen the page on a phone.
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className={isCaptionShown ? "pb-2 text-left text-ink-muted" : "sr-only"}>{caption}</caption>
        <thead>
          <tr className="border-b border-line">
            {columns.map((column, index) => (
              <th
                key={index}
                scope="col"
                title={typeof column === "string" ? undefined : column.title}
                className="py-2 pr-3 font-semibold"
              >
                {typeof column === "string" ? column : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

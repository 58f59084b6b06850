// A measure's totals over time on its published severity bands. A server
// component on purpose (no state, no handlers): SVG drawn on the server, no
// JavaScript shipped. Colours are SVG attributes: the CSP forbids inline styles.
import { useId } from "react";
import { axisDateLabels, linePath, round, trendGeometry } from "@/lib/signals/trend-geometry";
import type { TMeasureSeries } from "@/lib/trpc/types";

const VIEW_WIDTH = 360;
const VIEW_HEIGHT = 190;
const BOX = { left: 30, right: 200, top: 10, bottom: 170 };
const FONT_SIZE = 12;

const INK = "var(--color-ink, #1f2933)";
const INK_MUTED = "var(--color-ink-muted, #4b5563)";
const LINE = "var(--color-brand, #0f766e)";
/** From light to darker, one per band: shading only, every band is also named in words on the right. */
const BAND_FILLS = ["#eef7f4", "#fbf5e6", "#fbeee2", "#f9e4de", "#f5d9d6"];

export function MeasureChart({ series, timeZone }: { series: TMeasureSeries; timeZone: string }) {
  const titleId = useId();
  const { points, bands, maxTotal, name } = series;
  const geometry = trendGeometry(
    [points.map((point) => ({ value: point.total, at: point.completedAt }))],
    BOX,
    maxTotal,
  );
  const plotted = geometry.series[0] ?? [];
  const y = (value: number) => BOX.bottom - (value / maxTotal) * (BOX.bottom - BOX.top);
  const latest = points[points.length - 1];
  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        className="h-auto w-full max-w-md"
      >
        <title id={titleId}>
          {`${name} totals, ${points.length} ${points.length === 1 ? "answer" : "answers"}${latest ? `; latest ${latest.total} of ${maxTotal} (${latest.band.label})` : ""}`}
        </title>
        {bands.map((band, index) => {
          // Each band covers its whole points: from just below `from` to just above `to`.
          const top = y(Math.min(maxTotal, band.to + 0.5));
          const bottom = y(Math.max(0, band.from - 0.5));
          return (
            <g key={band.id} data-band={band.id}>
              <rect x={BOX.left} y={round(top)} width={BOX.right - BOX.left} height={round(bottom - top)} fill={BAND_FILLS[index % BAND_FILLS.length]} />
              <text x={BOX.right + 6} y={round((top + bottom) / 2 + FONT_SIZE / 3)} fontSize={FONT_SIZE - 1} fill={INK_MUTED}>
                {band.label} {band.from}–{band.to}
              </text>
            </g>
          );
        })}
        {[0, maxTotal].map((value) => (
          <text key={value} x={BOX.left - 6} y={round(y(value) + FONT_SIZE / 3)} fontSize={FONT_SIZE} fill={INK_MUTED} textAnchor="end">
            {value}
          </text>
        ))}
        <path d={linePath(plotted)} fill="none" stroke={LINE} strokeWidth={2.5} />
        {plotted.map((point, index) => (
          <circle key={index} cx={round(point.x)} cy={round(point.y)} r={4} fill={LINE} stroke="#ffffff" strokeWidth={1.5} />
        ))}
        {geometry.start && geometry.end
          ? axisDateLabels(geometry.start, geometry.end, timeZone, BOX).map((label) => (
              <text key={label.anchor} x={label.x} y={VIEW_HEIGHT - 4} fontSize={FONT_SIZE} fill={INK} textAnchor={label.anchor}>
                {label.text}
              </text>
            ))
          : null}
      </svg>
      <figcaption className="text-sm text-ink-muted">Lower is better. The shading shows the published severity ranges.</figcaption>
    </figure>
  );
}

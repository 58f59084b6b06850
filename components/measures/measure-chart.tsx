// A measure's totals over time on its published severity bands. A server
// component on purpose (no state, no handlers): SVG drawn on the server, no
// JavaScript shipped. Colours are SVG attributes: the CSP forbids inline styles.
import { linePath, round, trendGeometry, valueY } from "@/lib/signals/trend-geometry";
import type { TMeasureSeries } from "@/lib/trpc/types";
import { BRAND, ChartSvg, DateAxis, INK, INK_MUTED, ValueAxis, type TChartView } from "@/components/charts/chart-parts";

const VIEW: TChartView = { width: 360, height: 190, fontSize: 12 };
const BOX = { left: 30, right: 200, top: 10, bottom: 170 };

/** From light to darker, one per band: shading only, every band is also named in words on the right. */
const BAND_FILLS = ["#eef7f4", "#fbf5e6", "#fbeee2", "#f9e4de", "#f5d9d6"];

export function MeasureChart({ series, timeZone }: { series: TMeasureSeries; timeZone: string }) {
  const { points, bands, maxTotal, name } = series;
  const geometry = trendGeometry(
    [points.map((point) => ({ value: point.total, at: point.completedAt }))],
    BOX,
    maxTotal,
  );
  const plotted = geometry.series[0] ?? [];
  const y = (value: number) => valueY(value, maxTotal, BOX);
  const latest = points[points.length - 1];
  return (
    <figure className="flex flex-col gap-2">
      <ChartSvg
        view={VIEW}
        title={`${name} totals, ${points.length} ${points.length === 1 ? "answer" : "answers"}${latest ? `; latest ${latest.total} of ${maxTotal} (${latest.band.label})` : ""}`}
      >
        {bands.map((band, index) => {
          // Each band covers its whole points: from just below `from` to just above `to`.
          const top = y(Math.min(maxTotal, band.to + 0.5));
          const bottom = y(Math.max(0, band.from - 0.5));
          return (
            <g key={band.id} data-band={band.id}>
              <rect x={BOX.left} y={round(top)} width={BOX.right - BOX.left} height={round(bottom - top)} fill={BAND_FILLS[index % BAND_FILLS.length]} />
              <text x={BOX.right + 6} y={round((top + bottom) / 2 + VIEW.fontSize / 3)} fontSize={VIEW.fontSize - 1} fill={INK_MUTED}>
                {band.label} {band.from}–{band.to}
              </text>
            </g>
          );
        })}
        <ValueAxis box={BOX} max={maxTotal} values={[0, maxTotal]} gap={6} hasGridlines={false} />
        <path d={linePath(plotted)} fill="none" stroke={BRAND} strokeWidth={2.5} />
        {plotted.map((point, index) => (
          <circle key={index} cx={round(point.x)} cy={round(point.y)} r={4} fill={BRAND} stroke="#ffffff" strokeWidth={1.5} />
        ))}
        {geometry.start && geometry.end ? (
          <DateAxis start={geometry.start} end={geometry.end} timeZone={timeZone} box={BOX} baseline={VIEW.height - 4} fill={INK} />
        ) : null}
      </ChartSvg>
      <figcaption className="text-sm text-ink-muted">Lower is better. The shading shows the published severity ranges.</figcaption>
    </figure>
  );
}

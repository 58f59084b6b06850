// One ladder step's practices: the highest anxiety of each as a line over
// time, and every practice's before / highest / end as a table. Server-
// compatible on purpose (no "use client", no state, no handlers): the chart
// ships no JavaScript.
import { formatDate } from "@/lib/format";
import { ANXIETY_MAX, peakPoints, peaksInWords, type TLadderPractice } from "@/lib/exercises/ladder";
import { spanInWords } from "@/lib/signals/trend-geometry";
import { ChartTable } from "@/components/charts/chart-parts";
import { LineChart } from "@/components/charts/line-chart";

function Figure({ value }: { value: number | null }) {
  return value === null ? (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">Not given</span>
    </>
  ) : (
    <>{value}</>
  );
}

export function PeakChart({ text, practices, timeZone }: { text: string; practices: TLadderPractice[]; timeZone: string }) {
  const points = peakPoints(practices);
  return (
    <LineChart
      title={`Highest anxiety when practising “${text}”`}
      series={[{ label: "Highest anxiety", points }]}
      timeZone={timeZone}
      max={ANXIETY_MAX}
      caption="0 = calm · 100 = the most anxious you can imagine"
      emptyText="No practice of this step has a highest anxiety yet."
      describe={({ start, end }) => `${spanInWords(points.length, { one: "practice", many: "practices" }, start, end, timeZone)} ${peaksInWords(points)}`}
      tableSummary="Show as a table"
    >
      <ChartTable caption={`Practices of “${text}”, newest first`} columns={["Date", "Just before", "At its highest", "At the end"]}>
        {practices.map((practice, index) => (
          <tr key={index} className="border-b border-line">
            <td className="py-2 pr-3 whitespace-nowrap">{formatDate(practice.sentAt, timeZone)}</td>
            <td className="py-2 pr-3 tabular-nums">
              <Figure value={practice.before} />
            </td>
            <td className="py-2 pr-3 tabular-nums">
              <Figure value={practice.peak} />
            </td>
            <td className="py-2 pr-3 tabular-nums">
              <Figure value={practice.after} />
            </td>
          </tr>
        ))}
      </ChartTable>
    </LineChart>
  );
}

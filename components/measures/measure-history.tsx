// Every measure's totals over time, with the change since the first answer
// in words, and (for the therapist) each item's answer. A server component:
// no JavaScript shipped.
import { ANSWER_OPTIONS, INSTRUMENTS } from "@/lib/measures/instruments";
import { formatDate } from "@/lib/format";
import { EmptyState } from "@/components/ui/card";
import { ChartTable } from "@/components/charts/chart-parts";
import type { TMeasureSeries } from "@/lib/trpc/types";
import { MeasureChart } from "./measure-chart";

export function MeasureChange({ series }: { series: TMeasureSeries }) {
  if (!series.change) return null;
  return (
    <p className={series.change.isReliable ? "font-medium" : "text-ink-muted"} data-testid={`change-${series.kind}`}>
      {series.change.text}
    </p>
  );
}

export function MeasureHistory({ series: allSeries, timeZone, showItems }: { series: TMeasureSeries[]; timeZone: string; showItems: boolean }) {
  if (allSeries.length === 0) return <EmptyState>No questionnaires filled in yet.</EmptyState>;
  return (
    <div className="flex flex-col gap-8">
      {allSeries.map((series) => (
        <section key={series.kind} className="flex flex-col gap-3" aria-labelledby={`history-${series.kind}`}>
          <h2 id={`history-${series.kind}`} className="text-xl font-semibold">
            {series.name}
          </h2>
          <MeasureChange series={series} />
          <MeasureChart series={series} timeZone={timeZone} />
          <ChartTable
            caption={`${series.name} answers, newest first`}
            isCaptionShown={false}
            columns={[
              "Date",
              "Total",
              "Range",
              ...(showItems ? INSTRUMENTS[series.kind].items.map((item, index) => ({ label: <abbr title={item}>Q{index + 1}</abbr>, title: item })) : []),
            ]}
          >
            {[...series.points].reverse().map((point) => (
              <tr key={point.id} className="border-b border-line">
                <td className="whitespace-nowrap py-2 pr-4">{formatDate(point.completedAt, timeZone)}</td>
                <td className="whitespace-nowrap py-2 pr-4">
                  {point.total} of {series.maxTotal}
                </td>
                <td className="py-2 pr-4">{point.band.label}</td>
                {showItems && point.answers
                  ? point.answers.map((answer, index) => (
                      <td key={index} className="py-2 pr-3" title={ANSWER_OPTIONS[answer]?.label}>
                        {answer}
                      </td>
                    ))
                  : null}
              </tr>
            ))}
          </ChartTable>
          {showItems ? (
            <p className="text-sm text-ink-muted">Each question&apos;s answer: 0 not at all, 1 several days, 2 more than half the days, 3 nearly every day.</p>
          ) : null}
        </section>
      ))}
    </div>
  );
}

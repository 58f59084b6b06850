// The therapist's view of a client's questionnaires on the client page:
// what is running, the latest totals with their range and change, and a way
// to ask for one. Drawn on the server from engagement.progress; the forms
// in it refresh the page.
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { EmptyState } from "@/components/ui/card";
import type { TMeasuresOverview } from "@/lib/trpc/types";
import { MeasureChart } from "./measure-chart";
import { MeasureChange } from "./measure-history";
import { AskForMeasure } from "./ask-for-measure";
import { StopMeasureButton } from "./stop-measure-button";

const STATE_WORDS = { to_do: "waiting to be filled in", started: "started, not yet sent", done: "filled in" } as const;

export function MeasuresPanel({
  engagementId,
  measures,
  canEdit,
  clientName,
  timeZone,
}: {
  engagementId: string;
  measures: TMeasuresOverview;
  canEdit: boolean;
  clientName: string;
  timeZone: string;
}) {
  return (
    <div className="flex flex-col gap-5">
      {measures.running.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label="Questionnaires asked for">
          {measures.running.map((measure) => (
            <li key={measure.id} className="flex flex-wrap items-center justify-between gap-2">
              <span>
                <span className="font-medium">{measure.name}</span>, {measure.scheduleText}
                <span className="text-ink-muted"> · {measure.open ? STATE_WORDS[measure.open.state] : "nothing open just now"}</span>
              </span>
              {canEdit ? <StopMeasureButton measureId={measure.id} name={measure.name} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {measures.series.length === 0 ? (
        <EmptyState>PHQ-9 and GAD-7 totals will appear here once {clientName.split(" ")[0]} fills one in.</EmptyState>
      ) : (
        measures.series.map((series) => {
          const latest = series.points[series.points.length - 1]!;
          return (
            <div key={series.kind} className="flex flex-col gap-2" data-testid={`series-${series.kind}`}>
              <p>
                <span className="font-semibold">{series.name}</span>: {latest.total} of {series.maxTotal},{" "}
                <span className="font-medium">{latest.band.label}</span>
                <span className="text-ink-muted"> · {formatDate(latest.completedAt, timeZone)}</span>
              </p>
              <MeasureChange series={series} />
              <MeasureChart series={series} timeZone={timeZone} />
            </div>
          );
        })
      )}
      <Link href={`/engagements/${engagementId}/questionnaires`} className="text-brand-strong underline">
        All answers, question by question
      </Link>
      {canEdit ? <AskForMeasure engagementId={engagementId} clientName={clientName} /> : null}
    </div>
  );
}

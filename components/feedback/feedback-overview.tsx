import { describeSignal } from "@/lib/signals/rules";
import type { RouterOutputs } from "@/lib/trpc/types";
import { TrendChart } from "./trend-chart";

type TTrends = RouterOutputs["engagement"]["progress"]["feedback"];

/**
 * Feedback and check-in trends for one engagement, with any signal said in
 * words first. A server component: the charts are SVG drawn on the server
 * and ship no JavaScript; the page fetches `engagement.progress` and passes its `feedback`,
 * and a form that adds to them refreshes the page (check-in-form.tsx).
 */
export function FeedbackOverview({
  trends: data,
  timeZone,
  showSignals = true,
}: {
  trends: TTrends;
  timeZone: string;
  showSignals?: boolean;
}) {
  return (
    <div className="flex flex-col gap-4">
      {showSignals && data.signals.length > 0 ? (
        <div role="status" className="rounded-lg border border-danger/40 bg-danger-soft px-4 py-3">
          <p className="font-semibold">Worth raising in the next session</p>
          <ul className="mt-1 list-disc pl-5">
            {data.signals.map((signal) => (
              <li key={signal.kind}>{describeSignal(signal)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <TrendChart
        title="Session feedback"
        timeZone={timeZone}
        series={[
          { label: "Overall", points: data.feedback.map((entry) => ({ value: entry.overall, at: entry.createdAt })) },
          { label: "Felt heard", points: data.feedback.map((entry) => ({ value: entry.feltHeard, at: entry.createdAt })) },
          { label: showSignals ? "Worked on what they wanted" : "Worked on what I wanted", points: data.feedback.map((entry) => ({ value: entry.workedOnWanted, at: entry.createdAt })) },
          { label: "Approach fit", points: data.feedback.map((entry) => ({ value: entry.approachFit, at: entry.createdAt })) },
        ]}
      />
      <TrendChart
        title="How things have been (check-ins)"
        timeZone={timeZone}
        series={[
          { label: "Overall", points: data.checkIns.map((entry) => ({ value: entry.overall, at: entry.createdAt })) },
          { label: "Personally", points: data.checkIns.map((entry) => ({ value: entry.personal, at: entry.createdAt })) },
          { label: "Relationships", points: data.checkIns.map((entry) => ({ value: entry.relationships, at: entry.createdAt })) },
          { label: "Work, school, social", points: data.checkIns.map((entry) => ({ value: entry.social, at: entry.createdAt })) },
        ]}
      />
    </div>
  );
}

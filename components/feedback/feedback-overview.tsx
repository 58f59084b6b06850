import { describeSignal } from "@/lib/signals/rules";
import type { RouterOutputs } from "@/lib/trpc/types";
import { TrendChart, type TTrendSeries } from "./trend-chart";

type TTrends = RouterOutputs["engagement"]["progress"]["feedback"];

/** Each score's words, in the order the charts list them. */
const FEEDBACK_LABELS = { overall: "Overall", feltHeard: "Felt heard", workedOnWanted: "Worked on what I wanted", approachFit: "Approach fit" };
const CHECK_IN_LABELS = { overall: "Overall", personal: "Personally", relationships: "Relationships", social: "Work, school, social" };

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
  // The therapist (who sees the signals) reads the client's answers.
  const feedbackLabels = showSignals ? { ...FEEDBACK_LABELS, workedOnWanted: "Worked on what they wanted" } : FEEDBACK_LABELS;
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
      <TrendChart title="Session feedback" timeZone={timeZone} series={trendSeries(data.feedback, feedbackLabels)} />
      <TrendChart title="How things have been (check-ins)" timeZone={timeZone} series={trendSeries(data.checkIns, CHECK_IN_LABELS)} />
    </div>
  );
}

type TScoreField<TEntry> = { [K in keyof TEntry]: TEntry[K] extends number ? K : never }[keyof TEntry];

/** One series per score, in the order `labels` names them: a score's label and its value in every entry. */
function trendSeries<TEntry extends { createdAt: Date }>(
  entries: TEntry[],
  labels: Partial<Record<TScoreField<TEntry>, string>>,
): TTrendSeries[] {
  return (Object.keys(labels) as TScoreField<TEntry>[]).map((field) => ({
    label: labels[field] ?? "",
    points: entries.map((entry) => ({ value: entry[field] as number, at: entry.createdAt })),
  }));
}

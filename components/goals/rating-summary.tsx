// Server-compatible: each party's latest rating in one line, for homes and lists at a glance.
import { trendInWords, type latestByParty, type TRatingParty, type TTrend } from "@/lib/goals/ratings";

const ARROWS: Record<TTrend, string> = { up: "↑", down: "↓", steady: "→" };

export function RatingSummary({
  ratings,
  clientLabel,
  therapistLabel,
}: {
  ratings: ReturnType<typeof latestByParty>;
  clientLabel: string;
  therapistLabel: string;
}) {
  const parties: { party: TRatingParty; label: string }[] = [
    { party: "client", label: clientLabel },
    { party: "therapist", label: therapistLabel },
  ];
  // Few elements on purpose: the caseload repeats this for every active goal of every client.
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      {parties.map(({ party, label }, index) => {
        const latest = ratings[party];
        const trend = latest?.trend ? trendInWords(latest) : null;
        const separator = index < parties.length - 1 ? ";" : "";
        return (
          <span key={party}>
            {index > 0 ? <span aria-hidden="true" className="mr-2 text-ink-muted">·</span> : null}
            {label}{" "}
            {latest ? (
              <>
                <span className="font-semibold tabular-nums">{latest.value}</span>
                <span className="sr-only">{` out of 10${trend ? `, ${trend}` : ""}${separator}`}</span>
                {latest.trend && trend ? <span aria-hidden="true">{` ${ARROWS[latest.trend]}`}</span> : null}
              </>
            ) : (
              <span className="text-ink-muted">no rating yet<span className="sr-only">{separator}</span></span>
            )}
          </span>
        );
      })}
    </span>
  );
}

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
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      {parties.map(({ party, label }, index) => {
        const latest = ratings[party];
        const trend = latest ? trendInWords(latest) : null;
        return (
          <span key={party} className="inline-flex items-baseline gap-x-2">
            {index > 0 ? (
              <span aria-hidden="true" className="text-ink-muted">
                ·
              </span>
            ) : null}
            <span>
              {label}{" "}
              {latest ? (
                <>
                  <span className="font-semibold tabular-nums">{latest.value}</span>
                  <span className="sr-only"> out of 10</span>
                  {latest.trend && trend ? (
                    <>
                      {" "}
                      <span aria-hidden="true">{ARROWS[latest.trend]}</span>
                      <span className="sr-only">{`, ${trend}`}</span>
                    </>
                  ) : null}
                </>
              ) : (
                <span className="text-ink-muted">no rating yet</span>
              )}
              {index < parties.length - 1 ? <span className="sr-only">;</span> : null}
            </span>
          </span>
        );
      })}
    </span>
  );
}

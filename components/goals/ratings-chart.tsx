// Both parties' ratings of a goal on one chart, every rating as a table row. Server-compatible on purpose
// (no "use client", no state, no handlers): the chart ships no JavaScript.
import { formatDate } from "@/lib/format";
import { spanInWords } from "@/lib/signals/trend-geometry";
import {
  clampRating,
  latestByParty,
  ratingPointsByParty,
  RATING_MAX,
  sortRatings,
  trendInWords,
  type TRatingParty,
  type TRatingPoint,
} from "@/lib/goals/ratings";
import { ChartTable } from "@/components/charts/chart-parts";
import { LineChart } from "@/components/charts/line-chart";

/** The client's series first: drawn on top, in the first style (filled circles); the therapist's as hollow squares. */
const PARTIES = ["client", "therapist"] as const;

export function RatingsChart({
  ratings,
  clientLabel,
  therapistLabel,
  timeZone,
  title = "Progress ratings over time",
  id,
}: {
  ratings: TRatingPoint[];
  clientLabel: string;
  therapistLabel: string;
  timeZone: string;
  title?: string;
  /** Base for the element ids; defaults to a generated one, unique on the page. */
  id?: string;
}) {
  const labels: Record<TRatingParty, string> = { client: clientLabel, therapist: therapistLabel };
  const points = ratingPointsByParty(ratings);
  return (
    <LineChart
      id={id}
      title={title}
      series={PARTIES.map((party) => ({ label: labels[party], points: points[party] }))}
      timeZone={timeZone}
      max={RATING_MAX}
      caption="0 = not started · 10 = reached"
      emptyText="No ratings yet. Either of you can add the first one."
      describe={({ start, end }) => describe(ratings, labels, start, end, timeZone)}
      tableSummary="Show ratings as a table"
    >
      <ChartTable caption="Every rating, newest first" columns={["Date", "Who", "Rating", "Note"]}>
        {sortRatings(ratings)
          .reverse()
          .map((rating, index) => (
            <tr key={index} className="border-b border-line align-top">
              <td className="py-2 pr-3">{formatDate(rating.createdAt, timeZone)}</td>
              <td className="py-2 pr-3">{labels[rating.authorRole]}</td>
              <td className="py-2 pr-3 tabular-nums">{clampRating(rating.value)}</td>
              <td className="py-2 break-words">{rating.note}</td>
            </tr>
          ))}
      </ChartTable>
    </LineChart>
  );
}

/** The chart in words, e.g. "8 ratings from 3 March 2026 to 14 April 2026. Latest: Maya 6 (up from 4), …" */
function describe(
  ratings: TRatingPoint[],
  labels: Record<TRatingParty, string>,
  start: Date,
  end: Date,
  timeZone: string,
): string {
  const span = spanInWords(sortRatings(ratings).length, { one: "rating", many: "ratings" }, start, end, timeZone);

  const latest = latestByParty(ratings);
  const rated: string[] = [];
  const unrated: string[] = [];
  for (const party of PARTIES) {
    const entry = latest[party];
    if (!entry) {
      unrated.push(`${labels[party]} has not rated yet.`);
      continue;
    }
    const trend = trendInWords(entry);
    rated.push(`${labels[party]} ${entry.value}${trend ? ` (${trend})` : ""}`);
  }
  return [span, `Latest: ${rated.join(", ")}.`, ...unrated].join(" ");
}

// How practising a step of an exposure ladder has gone, in words and as the
// points its chart draws (issue 23). Client-safe and pure: the ladder page
// (components/exercises/ladder/) reads server/exercises/ladder.ts's
// `ladderProgress` through these.
//
// INVARIANTS
// - Practices arrive newest first (as ladderProgress gives them); "latest" is
//   the first one.
// - A missing figure is left out of the words, never shown as 0.
// - Words never judge: a practice is counted, not graded ("Practised twice",
//   not "Only 2 practices").

export type TLadderPractice = { sentAt: Date; before: number | null; peak: number | null; after: number | null };

export const ANXIETY_MAX = 100;

/** "Not practised yet." / "Practised once." / "Practised twice." / "Practised 5 times." */
export function practiceCount(count: number): string {
  if (count === 0) return "Not practised yet.";
  if (count === 1) return "Practised once.";
  if (count === 2) return "Practised twice.";
  return `Practised ${count} times.`;
}

/**
 * The latest practice's figures in words ("Last time: 60 just before, 75 at
 * its highest, 30 at the end."), or null when it gave none.
 */
export function latestInWords(practices: TLadderPractice[]): string | null {
  const latest = practices[0];
  if (!latest) return null;
  const parts = [
    latest.before === null ? null : `${latest.before} just before`,
    latest.peak === null ? null : `${latest.peak} at its highest`,
    latest.after === null ? null : `${latest.after} at the end`,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : `Last time: ${parts.join(", ")}.`;
}

/** The peak of each practice that gave one, oldest first: the chart's one series. */
export function peakPoints(practices: TLadderPractice[]): { at: Date; value: number }[] {
  return practices
    .filter((practice): practice is TLadderPractice & { peak: number } => practice.peak !== null)
    .map((practice) => ({ at: practice.sentAt, value: practice.peak }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The peaks in words, after the chart's span ("3 practices from … to …."): "Highest anxiety: first 80, latest 45." */
export function peaksInWords(points: { value: number }[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return "No practice has a highest anxiety yet.";
  if (points.length === 1) return `Highest anxiety: ${first.value}.`;
  return `Highest anxiety: first ${first.value}, latest ${last.value}.`;
}

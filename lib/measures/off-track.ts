// Off-track warnings: PHQ-9 or GAD-7 totals that say "this isn't working yet".
// Measurement-based care helps most for the clients who are not improving,
// and only when the therapist is told and given a way to respond; these rules
// decide when to tell them. Pure and client-safe: the client page, the
// caseload's SQL (server/measures/measures.ts passes the same constants) and
// the tests share one rulebook.
//
// INVARIANTS
// - Judged per measure per engagement over the sent answers, oldest first,
//   from the totals alone: computed on read, never stored, so a warning
//   clears by itself once a newer answer no longer meets the rule.
// - Reliable deterioration (any time): latest − first ≥ RELIABLE_CHANGE.
// - No reliable improvement: at least `afterAnswers` answers (default
//   OFF_TRACK_AFTER_ANSWERS, the OFF_TRACK_AFTER_ANSWERS setting), first −
//   latest < RELIABLE_CHANGE, and the latest total is still OFF_TRACK_FROM or
//   more (the moderate band or above).
// - Deterioration wins when both hold; at most one warning per measure.
import { bandFor, INSTRUMENTS, type TMeasureKind } from "./instruments";

/** A change of at least this many points between two totals is reliable (lib/measures/instruments.ts). */
export const RELIABLE_CHANGE: Record<TMeasureKind, number> = { phq9: INSTRUMENTS.phq9.reliableChange, gad7: INSTRUMENTS.gad7.reliableChange };
/** "No reliable improvement" is judged after this many answers unless the installation says otherwise. */
export const OFF_TRACK_AFTER_ANSWERS = 4;
/** The lowest total of the moderate band: still this high after N answers is off track. */
export const OFF_TRACK_FROM: Record<TMeasureKind, number> = {
  phq9: INSTRUMENTS.phq9.bands.find((band) => band.id === "moderate")!.from,
  gad7: INSTRUMENTS.gad7.bands.find((band) => band.id === "moderate")!.from,
};

export type TOffTrack =
  | { rule: "deterioration"; kind: TMeasureKind; first: number; latest: number; answers: number }
  | { rule: "no_improvement"; kind: TMeasureKind; first: number; latest: number; answers: number };

/** The warning for one measure's totals (oldest first), or null when it is on track or too early to say. */
export function offTrackFor(kind: TMeasureKind, totals: readonly number[], afterAnswers = OFF_TRACK_AFTER_ANSWERS): TOffTrack | null {
  const first = totals[0];
  const latest = totals.at(-1);
  if (first === undefined || latest === undefined) return null;
  return offTrackFromSummary(kind, { first, latest, answers: totals.length }, afterAnswers);
}

/** The same rule from the first and latest totals and how many there are: what the caseload's one statement reads. */
export function offTrackFromSummary(
  kind: TMeasureKind,
  { first, latest, answers }: { first: number; latest: number; answers: number },
  afterAnswers = OFF_TRACK_AFTER_ANSWERS,
): TOffTrack | null {
  if (answers < 1) return null;
  if (latest - first >= RELIABLE_CHANGE[kind]) return { rule: "deterioration", kind, first, latest, answers };
  if (answers >= afterAnswers && first - latest < RELIABLE_CHANGE[kind] && latest >= OFF_TRACK_FROM[kind]) {
    return { rule: "no_improvement", kind, first, latest, answers };
  }
  return null;
}

/** In words, e.g. "PHQ-9 has risen 6 points since the first answer (8 → 14)". */
export function describeOffTrack(warning: TOffTrack): string {
  const name = INSTRUMENTS[warning.kind].name;
  if (warning.rule === "deterioration") {
    const points = warning.latest - warning.first;
    return `${name} has risen ${points} points since the first answer (${warning.first} → ${warning.latest})`;
  }
  const band = bandFor(warning.kind, warning.latest).label.toLocaleLowerCase();
  return `${name} hasn't reliably improved over ${warning.answers} answers and is still ${band} (${warning.latest})`;
}

/** What to think through when a client is off track, in Alliance's own words. Keys are stored; wording may be polished. */
export const OFF_TRACK_CHECKLIST = [
  { key: "relationship", label: "How our working relationship feels, to me and to them" },
  { key: "motivation", label: "Their motivation and readiness for this work just now" },
  { key: "support", label: "The support around them: people, home, work" },
  { key: "life_events", label: "Anything that has happened in their life recently" },
  { key: "approach", label: "Whether the approach, or how often we meet, should change" },
  { key: "referral", label: "Whether a referral or a medical review is worth talking about" },
] as const;
export type TOffTrackItemKey = (typeof OFF_TRACK_CHECKLIST)[number]["key"];
export const OFF_TRACK_ITEM_KEYS = OFF_TRACK_CHECKLIST.map((item) => item.key) as [TOffTrackItemKey, ...TOffTrackItemKey[]];

/** The note beside the checklist stays short: a working note, not a record. */
export const OFF_TRACK_NOTE_MAX = 2000;

/** The agenda item the therapist can send in one tap (kind about_therapy). */
export const OFF_TRACK_AGENDA_TEXT = "About our work together: how it's going, and whether to change anything";

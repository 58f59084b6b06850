// The two standard measures Alliance offers, word for word as published, with
// their published scoring. Both were developed by Drs. Robert L. Spitzer,
// Janet B.W. Williams, Kurt Kroenke and colleagues with an educational grant
// from Pfizer Inc., and are free to reproduce (no permission required).
//   PHQ-9: Kroenke K, Spitzer RL, Williams JB. J Gen Intern Med 2001;16:606-13.
//   GAD-7: Spitzer RL, Kroenke K, Williams JB, Löwe B. Arch Intern Med 2006;166:1092-7.
// Other measures (ORS/SRS, WAI) are licensed and must not be copied here.
//
// Invariants:
// - Item texts, answer labels and the difficulty question are the published
//   wording (checked against tests/fixtures/measures.json); never reworded.
// - A total is the sum of every item's answer (each 0–3), so PHQ-9 runs
//   0–27 and GAD-7 0–21; the band is the published severity band of the total.
// - The difficulty question is not scored.
// Client-safe: the form, the server and the charts share it.

export const MEASURE_KINDS = ["phq9", "gad7"] as const;
export type TMeasureKind = (typeof MEASURE_KINDS)[number];

export const ANSWER_OPTIONS = [
  { value: 0, label: "Not at all" },
  { value: 1, label: "Several days" },
  { value: 2, label: "More than half the days" },
  { value: 3, label: "Nearly every day" },
] as const;

export const DIFFICULTY_OPTIONS = [
  { value: 0, label: "Not difficult at all" },
  { value: 1, label: "Somewhat difficult" },
  { value: 2, label: "Very difficult" },
  { value: 3, label: "Extremely difficult" },
] as const;

export type TBand = { id: string; label: string; from: number; to: number };

export type TInstrument = {
  kind: TMeasureKind;
  name: string;
  /** What it is about, in plain words, for the assignment and the client's home. */
  about: string;
  stem: string;
  items: readonly string[];
  difficulty: string;
  bands: readonly TBand[];
  maxTotal: number;
  /** A change of at least this many points between two totals is reliable, not noise. */
  reliableChange: number;
};

export const INSTRUMENTS: Record<TMeasureKind, TInstrument> = {
  phq9: {
    kind: "phq9",
    name: "PHQ-9",
    about: "nine questions about your mood over the last two weeks",
    stem: "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    items: [
      "Little interest or pleasure in doing things",
      "Feeling down, depressed, or hopeless",
      "Trouble falling or staying asleep, or sleeping too much",
      "Feeling tired or having little energy",
      "Poor appetite or overeating",
      "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
      "Trouble concentrating on things, such as reading the newspaper or watching television",
      "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
      "Thoughts that you would be better off dead or of hurting yourself in some way",
    ],
    difficulty:
      "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
    bands: [
      { id: "minimal", label: "None–minimal", from: 0, to: 4 },
      { id: "mild", label: "Mild", from: 5, to: 9 },
      { id: "moderate", label: "Moderate", from: 10, to: 14 },
      { id: "moderately_severe", label: "Moderately severe", from: 15, to: 19 },
      { id: "severe", label: "Severe", from: 20, to: 27 },
    ],
    maxTotal: 27,
    // A 5-point change is the clinically meaningful one (Kroenke & Spitzer 2002; Löwe et al. 2004).
    reliableChange: 5,
  },
  gad7: {
    kind: "gad7",
    name: "GAD-7",
    about: "seven questions about worry and anxiety over the last two weeks",
    stem: "Over the last 2 weeks, how often have you been bothered by the following problems?",
    items: [
      "Feeling nervous, anxious or on edge",
      "Not being able to stop or control worrying",
      "Worrying too much about different things",
      "Trouble relaxing",
      "Being so restless that it is hard to sit still",
      "Becoming easily annoyed or irritable",
      "Feeling afraid as if something awful might happen",
    ],
    difficulty:
      "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
    bands: [
      { id: "minimal", label: "Minimal", from: 0, to: 4 },
      { id: "mild", label: "Mild", from: 5, to: 9 },
      { id: "moderate", label: "Moderate", from: 10, to: 14 },
      { id: "severe", label: "Severe", from: 15, to: 21 },
    ],
    maxTotal: 21,
    // The reliable-change index used for GAD-7 in routine outcome monitoring (NHS Talking Therapies).
    reliableChange: 4,
  },
};

/** PHQ-9 item 9 (0-based index 8): any answer above 0 starts the safety flow (server/measures/). */
export const PHQ9_SAFETY_ITEM = 8;

export function isSafetyAnswer(kind: TMeasureKind, answers: readonly (number | null)[]): boolean {
  return kind === "phq9" && (answers[PHQ9_SAFETY_ITEM] ?? 0) > 0;
}

export function bandFor(kind: TMeasureKind, total: number): TBand {
  const instrument = INSTRUMENTS[kind];
  if (!Number.isInteger(total) || total < 0 || total > instrument.maxTotal) {
    throw new RangeError(`A ${instrument.name} total is a whole number from 0 to ${instrument.maxTotal}, not ${total}.`);
  }
  return instrument.bands.find((band) => total >= band.from && total <= band.to)!;
}

/** The total and band of a complete set of answers (each 0–3, one per item). */
export function scoreMeasure(kind: TMeasureKind, answers: readonly number[]): { total: number; band: TBand } {
  const instrument = INSTRUMENTS[kind];
  if (answers.length !== instrument.items.length || answers.some((answer) => !Number.isInteger(answer) || answer < 0 || answer > 3)) {
    throw new RangeError(`${instrument.name} needs ${instrument.items.length} answers from 0 to 3.`);
  }
  const total = answers.reduce((sum, answer) => sum + answer, 0);
  return { total, band: bandFor(kind, total) };
}

export type TChange = { points: number; isReliable: boolean; direction: "better" | "worse" | "same" };

/** The change from an earlier total to a later one; lower is better on both measures. */
export function changeBetween(kind: TMeasureKind, earlier: number, later: number): TChange {
  const points = later - earlier;
  return {
    points,
    isReliable: Math.abs(points) >= INSTRUMENTS[kind].reliableChange,
    direction: points < 0 ? "better" : points > 0 ? "worse" : "same",
  };
}

/** The change in plain words, e.g. "6 points lower than on 3 March: a reliable improvement." */
export function describeChange(kind: TMeasureKind, change: TChange, since: string): string {
  if (change.direction === "same") return `The same as on ${since}.`;
  const size = Math.abs(change.points);
  const amount = `${size} ${size === 1 ? "point" : "points"} ${change.direction === "better" ? "lower" : "higher"} than on ${since}`;
  if (!change.isReliable) return `${amount}: within the range that can be day-to-day variation.`;
  return `${amount}: a reliable ${change.direction === "better" ? "improvement" : "worsening"}.`;
}

/** Form field of item `index` (0-based): q1 … q9. */
export const ITEM_FIELDS = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"] as const;
export type TItemField = (typeof ITEM_FIELDS)[number];
export type TMeasureAnswers = Partial<Record<TItemField | "difficulty", number | null>>;

export const ANSWER_NEEDED = "Please choose an answer.";

/** The item answers in order, null where unanswered. */
export function answersOf(kind: TMeasureKind, input: TMeasureAnswers): (number | null)[] {
  return INSTRUMENTS[kind].items.map((_, index) => input[ITEM_FIELDS[index]] ?? null);
}

/**
 * What stops a set of answers from being saved, by field. Always: fields past
 * the measure's last item must be empty. When `complete` (sending it, not a
 * draft): every item needs an answer, and the difficulty question too once
 * any problem was checked (it is asked "if you checked off any problems").
 * Empty when it may be saved.
 */
export function answerErrors(kind: TMeasureKind, input: TMeasureAnswers, { complete }: { complete: boolean }): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const count = INSTRUMENTS[kind].items.length;
  ITEM_FIELDS.forEach((field, index) => {
    const isEmpty = input[field] === null || input[field] === undefined;
    if (index >= count && !isEmpty) errors[field] = [`${INSTRUMENTS[kind].name} has ${count} questions.`];
    if (index < count && isEmpty && complete) errors[field] = [ANSWER_NEEDED];
  });
  const checkedAny = answersOf(kind, input).some((answer) => (answer ?? 0) > 0);
  if (complete && checkedAny && (input.difficulty === null || input.difficulty === undefined)) errors.difficulty = [ANSWER_NEEDED];
  return errors;
}

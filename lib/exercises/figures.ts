// The numbers in exercise entries (issue 23): what the read-back charts plot
// and what the pre-session brief says in one line. Client-safe and pure.
//
// INVARIANTS
// - Every numeric field is a series: ratings (0–10, 0–100), numbers and
//   durations; a repeating group's numeric column is one series too, the
//   average of the entry's rows ("How strong (0–100), on average").
// - A sleep diary (a form with in_bed_at, out_of_bed_at, minutes_to_sleep and
//   minutes_awake, as the starter has) adds two computed series, total sleep
//   and sleep efficiency (lib/exercises/sleep.ts).
// - "Before and after" pairs are fields whose keys end in _before and _after
//   with the same start (belief_before / belief_after); the brief compares
//   their averages. Only entries that answered both count.
// - Entries may answer different versions of a form: a series is read from
//   each entry's own form, by key, and an entry without it adds nothing.
import type { TAnswer, TAnswers, TExerciseForm, TPlainField } from "./form-definition";
import { sleepFigures } from "./sleep";

export type TSeries = { key: string; label: string; unit: "" | "minutes" | "%"; scaleMax: number | null };

const NUMERIC_TYPES = new Set(["number", "rating_10", "rating_100", "duration"]);

function scaleMax(field: TPlainField): number | null {
  if (field.type === "rating_10") return 10;
  if (field.type === "rating_100") return 100;
  if (field.type === "number") return field.max ?? null;
  return null;
}

function seriesOf(field: TPlainField, key: string, label: string): TSeries {
  return { key, label, unit: field.type === "duration" ? "minutes" : "", scaleMax: scaleMax(field) };
}

const SLEEP_KEYS = ["in_bed_at", "out_of_bed_at", "minutes_to_sleep", "minutes_awake"] as const;
export const SLEEP_TOTAL_KEY = "sleep_total_minutes";
export const SLEEP_EFFICIENCY_KEY = "sleep_efficiency";

function isSleepDiary(form: TExerciseForm): boolean {
  const keys = new Set(form.fields.map((field) => field.key));
  return SLEEP_KEYS.every((key) => keys.has(key));
}

/** The series a form's entries can be charted by, in the form's order. */
export function numericSeries(form: TExerciseForm): TSeries[] {
  const series: TSeries[] = [];
  for (const field of form.fields) {
    if (field.type === "repeating_group") {
      for (const column of field.columns) {
        if (NUMERIC_TYPES.has(column.type)) series.push(seriesOf(column, `${field.key}.${column.key}`, `${column.label}, on average`));
      }
    } else if (NUMERIC_TYPES.has(field.type)) {
      series.push(seriesOf(field, field.key, field.label));
    }
  }
  if (isSleepDiary(form)) {
    series.push({ key: SLEEP_TOTAL_KEY, label: "Total sleep", unit: "minutes", scaleMax: null });
    series.push({ key: SLEEP_EFFICIENCY_KEY, label: "Sleep efficiency", unit: "%", scaleMax: 100 });
  }
  return series;
}

function numberOf(value: TAnswer | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** One entry's value for each of its form's series (null: not answered). */
export function figuresOf(form: TExerciseForm, answers: TAnswers): Record<string, number | null> {
  const figures: Record<string, number | null> = {};
  for (const field of form.fields) {
    if (field.type === "repeating_group") {
      const rows = Array.isArray(answers[field.key]) ? (answers[field.key] as Record<string, TAnswer>[]) : [];
      for (const column of field.columns) {
        if (!NUMERIC_TYPES.has(column.type)) continue;
        const values = rows.map((row) => numberOf(row[column.key])).filter((value): value is number => value !== null);
        figures[`${field.key}.${column.key}`] = values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length);
      }
    } else if (NUMERIC_TYPES.has(field.type)) {
      figures[field.key] = numberOf(answers[field.key]);
    }
  }
  if (isSleepDiary(form)) {
    const [inBedAt, outOfBedAt] = [answers.in_bed_at, answers.out_of_bed_at];
    const [toSleep, awake] = [numberOf(answers.minutes_to_sleep), numberOf(answers.minutes_awake)];
    const night =
      typeof inBedAt === "string" && typeof outOfBedAt === "string" && toSleep !== null && awake !== null
        ? sleepFigures({ inBedAt, outOfBedAt, minutesToFallAsleep: toSleep, minutesAwakeInNight: awake })
        : null;
    figures[SLEEP_TOTAL_KEY] = night?.minutesAsleep ?? null;
    figures[SLEEP_EFFICIENCY_KEY] = night?.efficiencyPercent ?? null;
  }
  return figures;
}

export type TBeforeAfterPair = { name: string; beforeKey: string; afterKey: string };

/** Pairs like belief_before / belief_after, named in plain words ("belief"). */
export function beforeAfterPairs(form: TExerciseForm): TBeforeAfterPair[] {
  const numeric = new Set(form.fields.filter((field) => NUMERIC_TYPES.has(field.type)).map((field) => field.key));
  const pairs: TBeforeAfterPair[] = [];
  for (const key of numeric) {
    const start = key.endsWith("_before") ? key.slice(0, -"_before".length) : null;
    if (start && numeric.has(`${start}_after`)) pairs.push({ name: start.replaceAll("_", " "), beforeKey: key, afterKey: `${start}_after` });
  }
  return pairs;
}

const average = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) / values.length);

/**
 * The brief's line for one exercise: how many were sent and, where the form
 * has them, how a before/after pair moved or the sleep efficiency averaged.
 * "Thought record: 3 done; belief fell from 80 to 45 on average".
 */
export function briefLine(title: string, entries: { form: TExerciseForm; answers: TAnswers }[]): string {
  const parts = [`${title}: ${entries.length} done`];
  const seen = new Set<string>();
  for (const { form } of entries) {
    for (const pair of beforeAfterPairs(form)) {
      if (seen.has(pair.beforeKey)) continue;
      seen.add(pair.beforeKey);
      const both = entries
        .map(({ answers }) => [numberOf(answers[pair.beforeKey]), numberOf(answers[pair.afterKey])] as const)
        .filter((values): values is readonly [number, number] => values[0] !== null && values[1] !== null);
      if (both.length === 0) continue;
      const [before, after] = [average(both.map((values) => values[0])), average(both.map((values) => values[1]))];
      const movement = after < before ? "fell" : after > before ? "rose" : "stayed";
      parts.push(movement === "stayed" ? `${pair.name} stayed at ${before} on average` : `${pair.name} ${movement} from ${before} to ${after} on average`);
    }
  }
  const efficiencies = entries
    .map(({ form, answers }) => figuresOf(form, answers)[SLEEP_EFFICIENCY_KEY])
    .filter((value): value is number => typeof value === "number");
  if (efficiencies.length > 0) parts.push(`sleep efficiency ${average(efficiencies)}% on average`);
  return parts.join("; ");
}

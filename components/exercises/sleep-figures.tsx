// A sleep diary's night in numbers, as the client types (issue 23): total
// sleep and sleep efficiency (lib/exercises/figures.ts), or what is still
// needed to work them out. No state: it renders from the answers it is given.
import { figuresOf, SLEEP_EFFICIENCY_KEY, SLEEP_TOTAL_KEY } from "@/lib/exercises/figures";
import { minutesInWords } from "@/lib/exercises/entry-draft";
import type { TAnswers, TExerciseForm } from "@/lib/exercises/form-definition";

function sleepOf(form: TExerciseForm, answers: TAnswers): { total: number | null; efficiency: number | null } | null {
  let figures: Record<string, number | null>;
  try {
    figures = figuresOf(form, answers);
  } catch {
    // A time that isn't a time of day yet: nothing to work out.
    return { total: null, efficiency: null };
  }
  if (!(SLEEP_TOTAL_KEY in figures)) return null;
  return { total: figures[SLEEP_TOTAL_KEY] ?? null, efficiency: figures[SLEEP_EFFICIENCY_KEY] ?? null };
}

export function SleepFigures({ form, answers }: { form: TExerciseForm; answers: TAnswers }) {
  const sleep = sleepOf(form, answers);
  if (!sleep) return null;
  return (
    <section aria-labelledby="sleep-figures" className="flex flex-col gap-1 rounded-lg bg-brand-soft px-4 py-3">
      <h2 id="sleep-figures" className="font-medium">
        Your night in numbers
      </h2>
      <p aria-live="polite" data-testid="sleep-figures">
        {sleep.total === null
          ? "Fill in when you went to bed and got up, how long it took to fall asleep and the time awake, and your total sleep and sleep efficiency appear here."
          : `Total sleep: ${minutesInWords(sleep.total)}. Sleep efficiency: ${sleep.efficiency === null ? "not known" : `${sleep.efficiency}%`}.`}
      </p>
      {sleep.total !== null ? <p className="text-sm text-ink-muted">Sleep efficiency is the share of your time in bed that you were asleep.</p> : null}
    </section>
  );
}

// A sent entry read back in words (issue 23), the same for both: every
// question with its answer, a repeating group a line per row, and a sleep
// diary's computed night. A server component: no JavaScript shipped.
import { figuresOf, SLEEP_EFFICIENCY_KEY, SLEEP_TOTAL_KEY } from "@/lib/exercises/figures";
import { minutesInWords } from "@/lib/exercises/entry-draft";
import type { TAnswers, TExerciseForm } from "@/lib/exercises/form-definition";
import { answerText, type TLadderNames } from "./answer-text";

export function EntryReadBack({ form, answers, ladder }: { form: TExerciseForm; answers: TAnswers; ladder: TLadderNames }) {
  let figures: Record<string, number | null> = {};
  try {
    figures = figuresOf(form, answers);
  } catch {
    // A malformed time can't be worked out; the answers still read back.
  }
  const total = figures[SLEEP_TOTAL_KEY];
  const efficiency = figures[SLEEP_EFFICIENCY_KEY];
  return (
    <dl className="flex flex-col gap-4" data-testid="entry-answers">
      {form.fields.map((field) => {
        const text = answerText(field, answers[field.key], ladder);
        return (
          <div key={field.key} className="flex flex-col gap-0.5">
            <dt className="font-medium">{field.label}</dt>
            <dd className={text ? "whitespace-pre-line break-words" : "text-ink-muted"}>{text || "Left empty"}</dd>
          </div>
        );
      })}
      {typeof total === "number" ? (
        <div className="flex flex-col gap-0.5">
          <dt className="font-medium">Total sleep</dt>
          <dd>{minutesInWords(total)}</dd>
        </div>
      ) : null}
      {typeof efficiency === "number" ? (
        <div className="flex flex-col gap-0.5">
          <dt className="font-medium">Sleep efficiency</dt>
          <dd>{efficiency}%</dd>
        </div>
      ) : null}
    </dl>
  );
}

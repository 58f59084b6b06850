"use client";

// "Preview as your client sees it": the exact component the client fills in
// (components/exercises/exercise-fields.tsx), in a frame as wide as a phone,
// with answers kept here only. Used by the builder and by the starter
// exercises on the templates page.
import { useState } from "react";
import type { TAnswer, TAnswers, TExerciseForm } from "@/lib/exercises/form-definition";
import { ExerciseFields } from "@/components/exercises/exercise-fields";
import { Button } from "@/components/ui/button";

/** Labels not written yet read as such, rather than as an empty line. */
function readable(form: TExerciseForm): TExerciseForm {
  const label = (text: string) => (text.trim() ? text : "(No label yet)");
  return {
    fields: form.fields.map((field) =>
      field.type === "repeating_group"
        ? { ...field, label: label(field.label), columns: field.columns.map((column) => ({ ...column, label: label(column.label) })) }
        : "options" in field
          ? { ...field, label: label(field.label), options: field.options.map((option) => ({ ...option, label: label(option.label) })) }
          : { ...field, label: label(field.label) },
    ),
  };
}

export function PhonePreview({
  form,
  title,
  label = "Preview as your client sees it",
  headingLevel = 2,
}: {
  form: TExerciseForm;
  title: string;
  label?: string;
  /** The level of the preview's own heading; the exercise's title inside the frame is one below. */
  headingLevel?: 2 | 4;
}) {
  const [answers, setAnswers] = useState<TAnswers>({});
  const Heading = headingLevel === 2 ? "h2" : "h4";
  const TitleHeading = headingLevel === 2 ? "h3" : "h5";
  const hasAnswers = Object.keys(answers).length > 0;
  return (
    <section aria-label={label} className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading className="font-semibold">{label}</Heading>
        {hasAnswers ? (
          <Button variant="quiet" onClick={() => setAnswers({})}>
            Clear answers
          </Button>
        ) : null}
      </div>
      <p className="text-sm text-ink-muted">Try it out: what you enter here is not saved.</p>
      <div
        data-testid="phone-preview"
        // A common phone's 375 CSS pixels inside the frame's two 8px borders.
        className="box-border w-full max-w-[391px] overflow-y-auto rounded-[1.75rem] border-8 border-ink/80 bg-canvas p-4 lg:max-h-[80vh]"
      >
        <div className="flex flex-col gap-4">
          <TitleHeading className="text-xl font-semibold">{title}</TitleHeading>
          {form.fields.length ? (
            <ExerciseFields
              form={readable(form)}
              answers={answers}
              onChange={(key: string, value: TAnswer) => setAnswers((current) => ({ ...current, [key]: value }))}
            />
          ) : (
            <p className="text-ink-muted">No questions yet.</p>
          )}
        </div>
      </div>
    </section>
  );
}

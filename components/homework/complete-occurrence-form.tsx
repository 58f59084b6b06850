"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { COMPLETION_LABELS, COMPLETION_STATUSES } from "@/lib/constants/homework";
import { useTRPC } from "@/components/trpc/provider";
import { useInvalidate } from "@/components/trpc/use-invalidate";
import { Alert } from "@/components/ui/alert";
import { ChoiceChips } from "@/components/ui/choice-chips";
import { TextAreaField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { LazyMemoField } from "@/components/voice/lazy-memo-field";
import { useFormSubmit } from "@/components/ui/use-form-submit";

type TStatus = (typeof COMPLETION_STATUSES)[number];

const SCALE = [0, 1, 2, 3, 4] as const;

function SmallScale({ name, legend, low, high }: { name: string; legend: string; low: string; high: string }) {
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="font-medium">{legend} (optional)</legend>
      <div className="flex items-center gap-2 text-sm text-ink-muted">
        <span>{low}</span>
        <span className="flex gap-1">
          {SCALE.map((value) => (
            <label key={value} className="flex size-11 cursor-pointer items-center justify-center rounded-lg border border-line bg-surface font-medium text-ink has-checked:border-brand has-checked:bg-brand has-checked:text-white">
              <input type="radio" name={name} value={value} className="sr-only" aria-label={`${legend}: ${value} of 4`} />
              {value}
            </label>
          ))}
        </span>
        <span>{high}</span>
      </div>
    </fieldset>
  );
}

/**
 * Recording one occurrence: how it went, a reflection, and what got in the way.
 * An exercise's day is recorded by sending it, so for those only "what got in
 * the way" is asked here (`isSkipOnly`).
 */
export function CompleteOccurrenceForm({
  occurrenceId,
  assignmentId,
  isSkipOnly = false,
  maxMemoSeconds,
}: {
  occurrenceId: string;
  assignmentId: string;
  isSkipOnly?: boolean;
  /** Offers "tell me how it went" as a voice memo; absent on the skip-only form. */
  maxMemoSeconds?: number;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [status, setStatus] = useState<TStatus>(isSkipOnly ? "skipped" : "done");
  const complete = useMutation(
    trpc.homework.complete.mutationOptions({
      onSuccess: () => invalidate(trpc.homework.byId.queryKey({ assignmentId }), trpc.homework.due.queryKey()),
    }),
  );

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/homework").then((schemas) => schemas.ZCompleteOccurrenceSchema),
    toInput: (data) => {
      // The status radios only drive `status` state; their group name is not an input field.
      const { statusChoice: _statusChoice, ...form } = Object.fromEntries(data);
      return { ...form, occurrenceId, status };
    },
    mutate: (input) => complete.mutateAsync(input),
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4 rounded-lg border border-line p-3">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {isSkipOnly ? null : (
        <ChoiceChips legend="How did it go?" name="statusChoice" choices={COMPLETION_LABELS} value={status} onChange={setStatus} />
      )}
      {status !== "skipped" ? (
        <>
          <TextAreaField
            label="What did you notice? (optional)"
            name="response"
            rows={3}
            hint="A few words is plenty. Your therapist will see this."
            errors={errors.fieldErrors.response}
          />
          {maxMemoSeconds ? (
            <LazyMemoField maxSeconds={maxMemoSeconds} openLabel="Tell me how it went (voice memo)" whoHears="Your therapist will hear it, like your words here." idPrefix={`memo-${occurrenceId}`} />
          ) : null}
          {errors.fieldErrors.voiceMemoId ? <span className="text-sm font-medium text-danger">{errors.fieldErrors.voiceMemoId[0]}</span> : null}
          <SmallScale name="difficulty" legend="How hard was it?" low="Easy" high="Very hard" />
          <SmallScale name="helpfulness" legend="How helpful did it feel?" low="Not yet" high="Very" />
        </>
      ) : null}
      {status !== "done" ? (
        <TextAreaField
          label="What got in the way? (optional)"
          name="obstacle"
          rows={2}
          hint="That's useful to know too. It helps you both plan what's realistic."
          errors={errors.fieldErrors.obstacle}
        />
      ) : null}
      <SubmitButton pendingLabel="Saving…" className="self-start">
        Save
      </SubmitButton>
    </Form>
  );
}

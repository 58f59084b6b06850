"use client";

import { useId, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { formErrorsFromServer, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useGoalRefresh } from "./use-goal-refresh";

const VALUES = Array.from({ length: 11 }, (_, value) => value);

/** 0–10 as a row of radio buttons: big targets on a phone, arrow keys on a keyboard. */
export function RateGoalForm({ goalId, question }: { goalId: string; question: string }) {
  const trpc = useTRPC();
  const refresh = useGoalRefresh(goalId);
  const legendId = useId();
  const [value, setValue] = useState<number | null>(null);
  const [note, setNote] = useState("");
  // One key per rating being written: a double click or a retry records it once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const [isSaved, setIsSaved] = useState(false);
  const rate = useMutation(trpc.goal.rate.mutationOptions({ onSuccess: refresh }));

  async function onSubmit() {
    setIsSaved(false);
    if (value === null) return setErrors({ fieldErrors: { value: ["Choose a number from 0 to 10."] } });
    setErrors({ fieldErrors: {} });
    try {
      await rate.mutateAsync({ goalId, value, note, idempotencyKey });
      setIsSaved(true);
      setValue(null);
      setNote("");
      setIdempotencyKey(crypto.randomUUID());
    } catch (error) {
      setErrors(formErrorsFromServer(error as Parameters<typeof formErrorsFromServer>[0]));
    }
  }

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-3">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {isSaved ? <Alert tone="success">Thank you. Your rating is saved.</Alert> : null}
      <fieldset aria-labelledby={legendId} className="flex flex-col gap-2">
        <legend id={legendId} className="font-medium">
          {question}
        </legend>
        <p className="text-sm text-ink-muted">0 = not started · 10 = reached</p>
        <div className="grid grid-cols-6 gap-1.5 sm:grid-cols-11">
          {VALUES.map((option) => (
            <label
              key={option}
              className="flex min-h-11 cursor-pointer items-center justify-center rounded-lg border border-line bg-surface font-medium has-checked:border-brand has-checked:bg-brand has-checked:text-white has-focus-visible:outline-3 has-focus-visible:outline-brand"
            >
              <input
                type="radio"
                name="value"
                value={option}
                checked={value === option}
                onChange={() => setValue(option)}
                className="sr-only"
              />
              {option}
            </label>
          ))}
        </div>
        {errors.fieldErrors.value ? <p className="text-sm font-medium text-danger">{errors.fieldErrors.value[0]}</p> : null}
      </fieldset>
      <TextField
        label="A note (optional)"
        name="note"
        value={note}
        onChange={(event) => setNote(event.target.value)}
        maxLength={2000}
        errors={errors.fieldErrors.note}
      />
      <SubmitButton pendingLabel="Saving…" className="self-start">
        Save rating
      </SubmitButton>
    </Form>
  );
}

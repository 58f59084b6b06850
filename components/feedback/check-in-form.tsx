"use client";

import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CHECK_IN_QUESTIONS, ZCheckInSchema } from "@/lib/schemas/feedback";
import { formErrorsFromServer, formErrorsFromZod, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CrisisResources } from "./crisis-resources";
import { ScoreRow } from "./score-row";

const LOW_OVERALL = 2;

export function CheckInForm({ engagementId, crisisText }: { engagementId: string; crisisText: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const [saved, setSaved] = useState<{ isLow: boolean }>();
  const checkIn = useMutation(trpc.feedback.checkIn.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.feedback.trends.queryKey() }) }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = ZCheckInSchema.safeParse({ ...Object.fromEntries(new FormData(form)), engagementId });
    if (!parsed.success) return setErrors({ ...formErrorsFromZod(parsed.error), formError: "Choose a number for each line." });
    setErrors({ fieldErrors: {} });
    try {
      await checkIn.mutateAsync(parsed.data);
      setSaved({ isLow: parsed.data.overall <= LOW_OVERALL });
      form.reset();
    } catch (error) {
      setErrors(formErrorsFromServer(error as Parameters<typeof formErrorsFromServer>[0]));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {saved ? <Alert tone="success">Thank you. Your therapist will see how things have been.</Alert> : null}
      {saved?.isLow ? <CrisisResources text={crisisText} /> : null}
      {(Object.keys(CHECK_IN_QUESTIONS) as (keyof typeof CHECK_IN_QUESTIONS)[]).map((name) => (
        <ScoreRow key={name} name={name} {...CHECK_IN_QUESTIONS[name]} />
      ))}
      <Button type="submit" variant="secondary" disabled={checkIn.isPending} className="self-start">
        {checkIn.isPending ? "Saving…" : "Save check-in"}
      </Button>
    </form>
  );
}

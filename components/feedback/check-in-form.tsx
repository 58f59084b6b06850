"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { CHECK_IN_QUESTIONS } from "@/lib/constants/feedback";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { CrisisResources } from "./crisis-resources";
import { ScoreRow } from "./score-row";

const LOW_OVERALL = 2;

export function CheckInForm({ engagementId, crisisText }: { engagementId: string; crisisText: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState<{ isLow: boolean }>();
  // The trend charts are drawn on the server (feedback-overview.tsx): a refresh redraws them with this check-in.
  const checkIn = useMutation(trpc.feedback.checkIn.mutationOptions({ onSuccess: () => router.refresh() }));

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/feedback").then((schemas) => schemas.ZCheckInSchema),
    toInput: (data) => ({ ...Object.fromEntries(data), engagementId }),
    invalidMessage: "Choose a number for each line.",
    mutate: (input) => checkIn.mutateAsync(input),
    onSuccess: (_checkIn, input, form) => {
      setSaved({ isLow: input.overall <= LOW_OVERALL });
      form.reset();
    },
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {saved ? <Alert tone="success">Thank you. Your therapist will see how things have been.</Alert> : null}
      {saved?.isLow ? <CrisisResources text={crisisText} hasPlanLink /> : null}
      {(Object.keys(CHECK_IN_QUESTIONS) as (keyof typeof CHECK_IN_QUESTIONS)[]).map((name) => (
        <ScoreRow key={name} name={name} {...CHECK_IN_QUESTIONS[name]} />
      ))}
      <SubmitButton variant="secondary" pendingLabel="Saving…" className="self-start">
        Save check-in
      </SubmitButton>
    </Form>
  );
}

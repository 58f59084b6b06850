"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";

const WEEKS = ["1", "2", "4", "6", "8", "12"] as const;
const WEEK_LABELS: Record<string, string> = Object.fromEntries(WEEKS.map((weeks) => [weeks, weeks === "1" ? "1 week" : `${weeks} weeks`]));

/** A supervisor asks to see a colleague's client's records; the client is asked, in these words. */
export function AskSupervisionForm({ candidates }: { candidates: { engagementId: string; clientName: string; clinicianName: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [sent, setSent] = useState<string>();
  const ask = useMutation(trpc.supervision.ask.mutationOptions({ onSuccess: () => router.refresh() }));
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/supervision").then((schemas) => schemas.ZAskSupervisionSchema),
    toInput: (data) => ({ engagementId: data.get("engagementId"), reason: data.get("reason"), weeks: Number(data.get("weeks")) }),
    onStart: () => setSent(undefined),
    mutate: (input) => ask.mutateAsync(input),
    onSuccess: (_result, input, form) => {
      const who = candidates.find((candidate) => candidate.engagementId === input.engagementId)?.clientName ?? "The client";
      setSent(`${who} has been asked. Nothing is shared unless they agree.`);
      form.reset();
    },
  });
  if (candidates.length === 0) return <p className="text-ink-muted">None of your colleagues has a client working with them right now.</p>;
  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Ask to see a client's records">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      <SelectField
        label="Client"
        name="engagementId"
        hint="Your colleagues' current clients. You see only their names until a client agrees."
        options={["", ...candidates.map((candidate) => candidate.engagementId)]}
        labels={{ "": "Choose a client", ...Object.fromEntries(candidates.map((c) => [c.engagementId, `${c.clientName} (with ${c.clinicianName})`])) }}
        errors={errors.fieldErrors.engagementId}
      />
      <TextAreaField
        label="Why you'd like to see their records"
        name="reason"
        rows={3}
        maxLength={600}
        hint="The client reads exactly this. Plain words, no jargon."
        errors={errors.fieldErrors.reason}
      />
      <SelectField label="For how long" name="weeks" options={WEEKS} labels={WEEK_LABELS} defaultValue="4" errors={errors.fieldErrors.weeks} />
      <SubmitButton pendingLabel="Asking…" className="self-start">
        Ask the client
      </SubmitButton>
    </Form>
  );
}

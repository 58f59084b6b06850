"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { INSTRUMENTS, MEASURE_KINDS } from "@/lib/measures/instruments";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";

const SCHEDULES = [
  { value: "before_each_session", label: "Before every session", hint: "Opens a week before each session, best done the day before." },
  { value: "every_n_weeks", label: "Every few weeks", hint: "A new one opens at each interval." },
  { value: "once", label: "Once", hint: "Just this one time." },
] as const;

function Choice({ name, value, label, hint, defaultChecked, onChange }: { name: string; value: string; label: string; hint?: string; defaultChecked?: boolean; onChange?: () => void }) {
  return (
    <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-line bg-surface px-3 py-2 has-checked:border-brand has-checked:bg-brand-soft">
      <input type="radio" name={name} value={value} defaultChecked={defaultChecked} onChange={onChange} className="mt-1 size-5 accent-brand" />
      <span className="flex flex-col">
        <span className="font-medium">{label}</span>
        {hint ? <span className="text-sm text-ink-muted">{hint}</span> : null}
      </span>
    </label>
  );
}

/** Ask the client for PHQ-9 or GAD-7; a new schedule for a measure already running replaces it. */
export function AssignMeasureForm({ engagementId, clientName }: { engagementId: string; clientName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  // The practice's defaults (issue 29) come first: read when the form opens, never with the page.
  const { data: defaults } = useSuspenseQuery(trpc.practice.measureDefaults.queryOptions());
  const firstKind = defaults.kinds[0] ?? MEASURE_KINDS[0];
  const [schedule, setSchedule] = useState<string>(defaults.schedule);
  const [saved, setSaved] = useState<string>();
  // The card is drawn on the server (measures-panel.tsx): a refresh shows the new request.
  const assign = useMutation(trpc.measure.assign.mutationOptions({ onSuccess: () => router.refresh() }));
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/measure").then((schemas) => schemas.ZAssignMeasureSchema),
    toInput: (data) => {
      const fields = Object.fromEntries(data) as Record<string, string>;
      return {
        engagementId,
        kind: fields.kind,
        schedule: fields.schedule,
        intervalWeeks: fields.schedule === "every_n_weeks" ? fields.intervalWeeks : undefined,
      };
    },
    onStart: () => setSaved(undefined),
    mutate: (input) => assign.mutateAsync(input),
    onSuccess: (assignment) => setSaved(`${INSTRUMENTS[assignment.kind].name} sent to ${clientName.split(" ")[0]}.`),
  });
  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Ask for a questionnaire">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">Questionnaire</legend>
        {MEASURE_KINDS.map((kind) => (
          <Choice key={kind} name="kind" value={kind} label={INSTRUMENTS[kind].name} hint={`${INSTRUMENTS[kind].items.length} questions about ${kind === "phq9" ? "mood" : "worry and anxiety"}${defaults.kinds.includes(kind) ? " · your practice's usual" : ""}`} defaultChecked={kind === firstKind} />
        ))}
        {errors.fieldErrors.kind ? <p className="text-sm font-medium text-danger">{errors.fieldErrors.kind[0]}</p> : null}
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">How often</legend>
        {SCHEDULES.map((option) => (
          <Choice key={option.value} name="schedule" value={option.value} label={option.label} hint={option.hint} defaultChecked={option.value === schedule} onChange={() => setSchedule(option.value)} />
        ))}
        {errors.fieldErrors.schedule ? <p className="text-sm font-medium text-danger">{errors.fieldErrors.schedule[0]}</p> : null}
      </fieldset>
      {schedule === "every_n_weeks" ? (
        <TextField label="Every how many weeks?" name="intervalWeeks" type="number" inputMode="numeric" min={1} max={12} defaultValue={2} errors={errors.fieldErrors.intervalWeeks} />
      ) : null}
      <SubmitButton variant="secondary" pendingLabel="Sending…" className="self-start">
        Send the questionnaire
      </SubmitButton>
    </Form>
  );
}

"use client";

// The practice's shared settings (owner and admin): its name, the crisis
// help its clients see, two-step sign-in for everyone, new clients' reminder
// defaults, and the questionnaires offered first. Bad input shows beside its
// field and saves nothing.
import { useState } from "react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";

const MEASURE_LABELS = { phq9: "PHQ-9 (low mood)", gad7: "GAD-7 (worry and anxiety)" } as const;
const SCHEDULE_LABELS = { once: "Once", before_each_session: "Before every session", every_n_weeks: "Every few weeks" } as const;
const TIME_CLASS = "min-h-11 w-40 rounded-lg border border-line bg-surface px-3 py-2 text-base text-ink aria-invalid:border-danger";

export function PracticeSettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: settings } = useSuspenseQuery(trpc.practice.settings.queryOptions());
  const [hasQuietHours, setHasQuietHours] = useState(settings.quietFrom !== null);
  const [isSaved, setIsSaved] = useState(false);
  const update = useMutation(
    trpc.practice.updateSettings.mutationOptions({
      onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.practice.pathKey() })]),
    }),
  );
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/practice").then((schemas) => schemas.ZPracticeSettingsSchema),
    onStart: () => setIsSaved(false),
    toInput: (data) => ({
      name: data.get("name"),
      crisisResources: data.get("crisisResources") ?? "",
      requireTwoStep: data.get("requireTwoStep") === "on",
      homeworkReminderAt: data.get("homeworkReminderAt"),
      hasQuietHours: data.get("hasQuietHours") === "on",
      quietFrom: data.get("quietFrom") ?? "",
      quietUntil: data.get("quietUntil") ?? "",
      defaultMeasures: data.getAll("defaultMeasures"),
      defaultMeasureSchedule: data.get("defaultMeasureSchedule"),
    }),
    mutate: (input) => update.mutateAsync(input),
    onSuccess: () => setIsSaved(true),
  });
  const fieldErrors = errors.fieldErrors;

  return (
    <Card title="Practice settings">
      <Form onSubmit={onSubmit} className="flex flex-col gap-5" aria-label="Practice settings">
        {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
        {isSaved ? <Alert tone="success">Saved. Everyone in the practice has the new settings now.</Alert> : null}
        <TextField label="Practice name" name="name" defaultValue={settings.name} maxLength={120} required errors={fieldErrors.name} />
        <TextAreaField
          label="Where to find help in a crisis"
          name="crisisResources"
          defaultValue={settings.crisisResources}
          rows={4}
          hint="Your clients see this wherever Alliance shows crisis help. Leave it empty to use this server's standard wording."
          errors={fieldErrors.crisisResources}
        />
        <fieldset className="flex flex-col gap-2">
          <legend className="font-medium">Two-step sign-in</legend>
          <label className="flex min-h-11 cursor-pointer items-center gap-2">
            <input type="checkbox" name="requireTwoStep" defaultChecked={settings.requireTwoStep} className="size-5 accent-brand" />
            Everyone in the practice must turn on two-step sign-in
          </label>
          <p className="text-sm text-ink-muted">Anyone who hasn&apos;t yet is asked to before they can do anything else.</p>
          {fieldErrors.requireTwoStep?.length ? <p className="text-sm font-medium text-danger">{fieldErrors.requireTwoStep[0]}</p> : null}
        </fieldset>
        <fieldset className="flex flex-col gap-3">
          <legend className="font-medium">Reminders for new clients</legend>
          <p className="text-sm text-ink-muted">A client who joins starts with these; they can change them in their own settings.</p>
          <TextField
            label="Homework reminder time"
            name="homeworkReminderAt"
            type="time"
            className={TIME_CLASS}
            defaultValue={settings.homeworkReminderAt}
            errors={fieldErrors.homeworkReminderAt}
          />
          <label className="flex min-h-11 cursor-pointer items-center gap-2">
            <input
              type="checkbox"
              name="hasQuietHours"
              checked={hasQuietHours}
              onChange={(event) => setHasQuietHours(event.target.checked)}
              className="size-5 accent-brand"
            />
            Quiet hours: nothing by e-mail or on their devices between these times
          </label>
          {hasQuietHours ? (
            <div className="flex flex-wrap gap-4">
              <TextField label="From" name="quietFrom" type="time" className={TIME_CLASS} defaultValue={settings.quietFrom ?? "21:00"} errors={fieldErrors.quietFrom} />
              <TextField label="Until" name="quietUntil" type="time" className={TIME_CLASS} defaultValue={settings.quietUntil ?? "08:00"} errors={fieldErrors.quietUntil} />
            </div>
          ) : null}
        </fieldset>
        <fieldset className="flex flex-col gap-2">
          <legend className="font-medium">Questionnaires offered first</legend>
          <p className="text-sm text-ink-muted">Ticked ones come first when a clinician asks a client to fill in a questionnaire.</p>
          {(Object.keys(MEASURE_LABELS) as (keyof typeof MEASURE_LABELS)[]).map((kind) => (
            <label key={kind} className="flex min-h-11 cursor-pointer items-center gap-2">
              <input type="checkbox" name="defaultMeasures" value={kind} defaultChecked={settings.defaultMeasures.includes(kind)} className="size-5 accent-brand" />
              {MEASURE_LABELS[kind]}
            </label>
          ))}
          {fieldErrors.defaultMeasures?.length ? <p className="text-sm font-medium text-danger">{fieldErrors.defaultMeasures[0]}</p> : null}
          <SelectField
            label="How often, to start with"
            name="defaultMeasureSchedule"
            options={Object.keys(SCHEDULE_LABELS)}
            labels={SCHEDULE_LABELS}
            defaultValue={settings.defaultMeasureSchedule}
            errors={fieldErrors.defaultMeasureSchedule}
          />
        </fieldset>
        <SubmitButton pendingLabel="Saving…" className="self-start">
          Save settings
        </SubmitButton>
      </Form>
    </Card>
  );
}

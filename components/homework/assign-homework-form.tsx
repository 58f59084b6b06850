"use client";

import { useState } from "react";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { HOMEWORK_KINDS, HOMEWORK_SCHEDULES } from "@/lib/constants/homework";
import { useTRPC } from "@/components/trpc/provider";
import { useInvalidate } from "@/components/trpc/use-invalidate";
import { Alert } from "@/components/ui/alert";
import { ChoiceChips } from "@/components/ui/choice-chips";
import { Form } from "@/components/ui/form";
import { FormActions } from "@/components/ui/form-actions";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { KindSelect } from "./kind-select";
import { TextAreaField, TextField } from "@/components/ui/field";

type TSchedule = (typeof HOMEWORK_SCHEDULES)[number];
const SCHEDULE_LABELS: Record<TSchedule, string> = { once: "Once", daily: "Every day", weekly: "Some days a week" };
type TDraft = { title: string; instructions: string; kind: (typeof HOMEWORK_KINDS)[number]; schedule: TSchedule; days: string; timesPerWeek: string };

const EMPTY: TDraft = { title: "", instructions: "", kind: "practice", schedule: "once", days: "7", timesPerWeek: "3" };
const SELECT = "min-h-11 w-full rounded-lg border border-line bg-surface px-3";

/** Assign from a template (which fills the form) or from scratch. */
export function AssignHomeworkForm({ engagementId, onDone }: { engagementId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const { data: templates } = useSuspenseQuery(trpc.homeworkTemplate.list.queryOptions());
  const { data: goals } = useSuspenseQuery(trpc.goal.list.queryOptions({ engagementId }));
  const [templateId, setTemplateId] = useState("");
  const [draft, setDraft] = useState<TDraft>(EMPTY);
  const assign = useMutation(
    trpc.homework.assign.mutationOptions({
      onSuccess: () => invalidate(trpc.homework.list.queryKey({ engagementId }), trpc.homework.caseload.queryKey()),
    }),
  );

  function applyTemplate(id: string) {
    setTemplateId(id);
    const template = templates.find((item) => item.id === id);
    if (!template) return setDraft(EMPTY);
    setDraft({
      title: template.title,
      instructions: template.instructions,
      kind: template.kind,
      schedule: template.schedule,
      days: String(template.durationDays ?? 7),
      timesPerWeek: String(template.timesPerWeek ?? 3),
    });
  }

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/homework").then((schemas) => schemas.ZAssignHomeworkSchema),
    toInput: (data) => ({ ...Object.fromEntries(data), engagementId, templateId }),
    mutate: (input) => assign.mutateAsync(input),
    onSuccess: onDone,
  });

  const field = (name: keyof TDraft) => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4 rounded-xl border border-line p-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <label className="flex flex-col gap-1.5">
        <span className="font-medium">Start from a template</span>
        <select className={SELECT} value={templateId} onChange={(event) => applyTemplate(event.target.value)}>
          <option value="">From scratch</option>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.title}
              {template.formVersion ? " · exercise form" : ""}
              {template.ownerId ? "" : " (starter)"}
            </option>
          ))}
        </select>
      </label>
      {templates.find((template) => template.id === templateId)?.formVersion ? (
        <p className="text-sm text-ink-muted">
          Your client fills in this template&apos;s exercise form each time. They keep the version they&apos;re given until you move them on.
        </p>
      ) : null}
      <TextField label="Title" name="title" {...field("title")} errors={errors.fieldErrors.title} />
      <TextAreaField label="Instructions" name="instructions" rows={5} {...field("instructions")} errors={errors.fieldErrors.instructions} />
      <KindSelect value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value as TDraft["kind"] })} />
      {goals.length > 0 ? (
        <label className="flex flex-col gap-1.5">
          <span className="font-medium">Helps with goal (optional)</span>
          <select name="goalId" className={SELECT} defaultValue="">
            <option value="">No goal</option>
            {goals
              .filter((goal) => goal.status === "active")
              .map((goal) => (
                <option key={goal.id} value={goal.id}>
                  {goal.title}
                </option>
              ))}
          </select>
          {errors.fieldErrors.goalId ? <span className="text-sm font-medium text-danger">{errors.fieldErrors.goalId[0]}</span> : null}
        </label>
      ) : null}
      <ChoiceChips
        legend="How often"
        name="schedule"
        choices={SCHEDULE_LABELS}
        value={draft.schedule}
        onChange={(schedule) => setDraft({ ...draft, schedule })}
      />
      {draft.schedule === "once" ? (
        <TextField label="Due on" name="dueOn" type="date" errors={errors.fieldErrors.dueOn} />
      ) : null}
      {draft.schedule === "daily" ? (
        <TextField label="For how many days" name="days" type="number" min={1} max={60} {...field("days")} errors={errors.fieldErrors.days} />
      ) : null}
      {draft.schedule === "weekly" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Times a week" name="timesPerWeek" type="number" min={1} max={7} {...field("timesPerWeek")} errors={errors.fieldErrors.timesPerWeek} />
          <TextField label="For how many weeks" name="weeks" type="number" min={1} max={12} defaultValue="2" errors={errors.fieldErrors.weeks} />
        </div>
      ) : null}
      <TextField
        label="Starts on (optional)"
        name="startsOn"
        type="date"
        hint="Leave empty to start today, in your client's time zone."
        errors={errors.fieldErrors.startsOn}
      />
      <FormActions submitLabel="Assign" pendingLabel="Assigning…" onCancel={onDone} />
    </Form>
  );
}

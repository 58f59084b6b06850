"use client";

import type { TCreateTemplate } from "@/lib/schemas/homework";
import { Alert } from "@/components/ui/alert";
import { Form } from "@/components/ui/form";
import { FormActions } from "@/components/ui/form-actions";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { KindSelect } from "./kind-select";
import { TextAreaField, TextField } from "@/components/ui/field";

const SELECT = "min-h-11 w-full rounded-lg border border-line bg-surface px-3";

export type TTemplateValues = {
  title: string;
  instructions: string;
  kind: TCreateTemplate["kind"];
  schedule: TCreateTemplate["schedule"];
  durationDays: number | null;
  timesPerWeek: number | null;
};

export function TemplateForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: TTemplateValues;
  submitLabel: string;
  onSubmit: (values: TCreateTemplate) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { errors, onSubmit: submit } = useFormSubmit({
    schema: () => import("@/lib/schemas/homework").then((schemas) => schemas.ZCreateTemplateSchema),
    mutate: onSubmit,
    onSuccess: onCancel,
  });

  return (
    <Form onSubmit={submit} className="flex flex-col gap-4 rounded-xl border border-line p-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextField label="Title" name="title" defaultValue={initial?.title} errors={errors.fieldErrors.title} />
      <TextAreaField label="Instructions" name="instructions" rows={5} defaultValue={initial?.instructions} errors={errors.fieldErrors.instructions} />
      <div className="grid gap-4 sm:grid-cols-2">
        <KindSelect defaultValue={initial?.kind ?? "practice"} />
        <label className="flex flex-col gap-1.5">
          <span className="font-medium">Usually</span>
          <select name="schedule" className={SELECT} defaultValue={initial?.schedule ?? "once"}>
            <option value="once">Once</option>
            <option value="daily">Every day</option>
            <option value="weekly">Some days a week</option>
          </select>
        </label>
        <TextField label="For how many days (daily or weekly)" name="durationDays" type="number" min={1} max={84} defaultValue={initial?.durationDays ?? ""} errors={errors.fieldErrors.durationDays} />
        <TextField label="Times a week (weekly)" name="timesPerWeek" type="number" min={1} max={7} defaultValue={initial?.timesPerWeek ?? ""} errors={errors.fieldErrors.timesPerWeek} />
      </div>
      <FormActions submitLabel={submitLabel} onCancel={onCancel} />
    </Form>
  );
}

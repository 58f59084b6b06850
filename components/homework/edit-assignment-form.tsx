"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Form } from "@/components/ui/form";
import { FormActions } from "@/components/ui/form-actions";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { TextAreaField, TextField } from "@/components/ui/field";

type TAssignment = { id: string; title: string; instructions: string; goal: { id: string } | null; engagement: { id: string } };

/** The therapist rewords an assignment or changes its goal; its days and what was recorded stay. */
export function EditAssignmentForm({ assignment, onDone }: { assignment: TAssignment; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: goals = [] } = useQuery(trpc.goal.list.queryOptions({ engagementId: assignment.engagement.id }));
  const update = useMutation(trpc.homework.update.mutationOptions());

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/homework").then((schemas) => schemas.ZUpdateAssignmentSchema),
    toInput: (data) => ({ ...Object.fromEntries(data), assignmentId: assignment.id }),
    mutate: (input) => update.mutateAsync(input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.homework.pathKey() });
      onDone();
    },
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4 rounded-xl border border-line p-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextField label="Title" name="title" defaultValue={assignment.title} errors={errors.fieldErrors.title} />
      <TextAreaField label="Instructions" name="instructions" rows={5} defaultValue={assignment.instructions} errors={errors.fieldErrors.instructions} />
      <label className="flex flex-col gap-1.5">
        <span className="font-medium">Helps with goal (optional)</span>
        <select name="goalId" defaultValue={assignment.goal?.id ?? ""} className="min-h-11 w-full rounded-lg border border-line bg-surface px-3">
          <option value="">No goal</option>
          {goals.map((goal) => (
            <option key={goal.id} value={goal.id}>
              {goal.title}
            </option>
          ))}
        </select>
      </label>
      <FormActions submitLabel="Save changes" onCancel={onDone} />
    </Form>
  );
}

"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { formErrorsFromServer, formErrorsFromZod, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Form } from "@/components/ui/form";
import { FormActions } from "@/components/ui/form-actions";
import { Button } from "@/components/ui/button";
import { GoalWordingFields } from "./goal-wording-fields";
import { useGoalRefresh } from "./use-goal-refresh";

type TGoalWording = {
  id: string;
  version: number;
  title: string;
  description: string;
  whyItMatters: string;
  targetDate: Date | null;
};

/**
 * Edits the goal's wording from the version it was opened at. If the other
 * person saved first, the server refuses (CONFLICT): the latest wording is
 * shown and this person's draft stays in the form to re-apply on purpose.
 */
export function GoalEditForm({ goal, onDone }: { goal: TGoalWording; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useGoalRefresh(goal.id);
  const [baseVersion, setBaseVersion] = useState(goal.version);
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const [isConflict, setIsConflict] = useState(false);
  const update = useMutation(trpc.goal.update.mutationOptions());

  async function onSubmit(data: FormData) {
    const form = Object.fromEntries(data);
    // Loaded on the first submit, not with the page (components/ui/use-form-submit.ts).
    const schemas = await import("@/lib/schemas/goal").catch(() => null);
    if (!schemas) return setErrors({ fieldErrors: {}, formError: "This form couldn't load. Please check your connection and try again." });
    const parsed = schemas.ZUpdateGoalSchema.safeParse({ ...form, goalId: goal.id, version: baseVersion });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors({ fieldErrors: {} });
    try {
      await update.mutateAsync(parsed.data);
      await refresh();
      onDone();
    } catch (error) {
      const serverError = error as Parameters<typeof formErrorsFromServer>[0] & { data?: { code?: string } | null };
      setErrors(formErrorsFromServer(serverError));
      if (serverError.data?.code === "CONFLICT") {
        setIsConflict(true);
        await refresh();
      }
    }
  }

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4 rounded-xl border border-line p-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {isConflict ? (
        <div className="rounded-lg border border-line bg-canvas p-3" aria-live="polite">
          <p className="font-medium">The latest saved version:</p>
          <p className="mt-1">
            <strong>{goal.title}</strong>
          </p>
          {goal.whyItMatters ? <p className="text-ink-muted">Why it matters: {goal.whyItMatters}</p> : null}
          {goal.description ? <p className="text-ink-muted">{goal.description}</p> : null}
          <div className="mt-2 flex flex-wrap gap-2">
            <Button
              variant="secondary"
              onClick={() => {
                setBaseVersion(goal.version);
                setIsConflict(false);
                setErrors({ fieldErrors: {} });
              }}
            >
              Save mine over it anyway
            </Button>
            <Button variant="secondary" onClick={onDone}>
              Keep the latest version
            </Button>
          </div>
        </div>
      ) : null}
      <GoalWordingFields
        errors={errors.fieldErrors}
        defaults={{
          title: goal.title,
          whyItMatters: goal.whyItMatters,
          description: goal.description,
          targetDate: goal.targetDate ? goal.targetDate.toISOString().slice(0, 10) : "",
        }}
      />
      <FormActions submitLabel="Save changes" isDisabled={isConflict} onCancel={onDone} />
    </Form>
  );
}

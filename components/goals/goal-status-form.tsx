"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { GOAL_STATUSES, STATUS_LABELS } from "@/lib/constants/goal";
import { formErrorsFromServer, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { ChoiceChips } from "@/components/ui/choice-chips";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useGoalRefresh } from "./use-goal-refresh";

type TStatus = (typeof GOAL_STATUSES)[number];

export function GoalStatusForm({ goalId, version, status }: { goalId: string; version: number; status: TStatus }) {
  const trpc = useTRPC();
  const refresh = useGoalRefresh(goalId);
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const [savedStatus, setSavedStatus] = useState<TStatus>();
  // Follow the saved status when it changes underneath (after a save or a refetch).
  const [selected, setSelected] = useState(status);
  const [lastSeenStatus, setLastSeenStatus] = useState(status);
  if (status !== lastSeenStatus) {
    setLastSeenStatus(status);
    setSelected(status);
  }
  const setStatus = useMutation(trpc.goal.setStatus.mutationOptions());

  async function onSubmit(form: FormData, formElement: HTMLFormElement) {
    setErrors({ fieldErrors: {} });
    setSavedStatus(undefined);
    const chosen = selected;
    try {
      await setStatus.mutateAsync({ goalId, version, status: chosen, note: String(form.get("note") ?? "") });
      formElement.reset();
      setSavedStatus(chosen);
    } catch (error) {
      setErrors(formErrorsFromServer(error as Parameters<typeof formErrorsFromServer>[0]));
    } finally {
      await refresh();
    }
  }

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-3">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {savedStatus ? <Alert tone="success">Saved: “{STATUS_LABELS[savedStatus]}”.</Alert> : null}
      <ChoiceChips legend="Where is this goal now?" name="status" choices={STATUS_LABELS} value={selected} onChange={setSelected} />
      <TextField label="What changed? (optional)" name="note" maxLength={2000} errors={errors.fieldErrors.note} />
      <SubmitButton variant="secondary" pendingLabel="Saving…" className="self-start">
        Update status
      </SubmitButton>
    </Form>
  );
}

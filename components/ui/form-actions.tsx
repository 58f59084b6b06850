import { Button } from "./button";
import { SubmitButton } from "./form";

/** The submit + cancel pair at the foot of an inline form; pending comes from the enclosing <Form>. */
export function FormActions({
  submitLabel,
  pendingLabel = "Saving…",
  isDisabled = false,
  onCancel,
}: {
  submitLabel: string;
  pendingLabel?: string;
  isDisabled?: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      <SubmitButton pendingLabel={pendingLabel} disabled={isDisabled}>
        {submitLabel}
      </SubmitButton>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}

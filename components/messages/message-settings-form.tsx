"use client";

// The therapist's rules for one client's conversation: off, replies to the
// therapist's messages only, or any time, and the expected reply time in the
// therapist's own words (shown to the client above their box). Loaded when
// the therapist opens it (messages-panel.tsx), not with the client's page.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { MESSAGING_MODES, type TMessagingMode } from "@/lib/constants/message";
import { useTRPC } from "@/components/trpc/provider";
import { useInvalidate } from "@/components/trpc/use-invalidate";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";

export function messagingModeLabels(name: string): Record<TMessagingMode, string> {
  return {
    off: "Off",
    reply_only: `${name} replies to my messages only`,
    open: `${name} can write any time`,
  };
}

export function MessageSettingsForm({
  engagementId,
  clientName,
  current,
}: {
  engagementId: string;
  clientName: string;
  current: { mode: TMessagingMode; replyTime: string };
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [mode, setMode] = useState<TMessagingMode>(current.mode);
  const [isSaved, setIsSaved] = useState(false);
  const save = useMutation(trpc.message.setSettings.mutationOptions());
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/message").then((schemas) => schemas.ZConversationSettingsSchema),
    toInput: (data) => ({ engagementId, mode: data.get("mode") ?? undefined, replyTime: data.get("replyTime") ?? "" }),
    onStart: () => setIsSaved(false),
    mutate: (input) => save.mutateAsync(input),
    onSuccess: async () => {
      await invalidate(trpc.engagement.byId.queryKey({ engagementId }), trpc.message.pathKey());
      setIsSaved(true);
    },
  });
  const labels = messagingModeLabels(clientName);
  const modeErrorId = `${engagementId}-mode-error`;

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Message settings">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <fieldset
        className="flex flex-col gap-2"
        aria-invalid={errors.fieldErrors.mode?.length ? true : undefined}
        aria-describedby={errors.fieldErrors.mode?.length ? modeErrorId : undefined}
      >
        <legend className="font-medium">Who may write</legend>
        <div className="flex flex-col gap-2">
          {MESSAGING_MODES.map((option) => (
            <label
              key={option}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-3 has-checked:border-brand has-checked:bg-brand-soft"
            >
              <input type="radio" name="mode" value={option} checked={option === mode} onChange={() => setMode(option)} />
              {labels[option]}
            </label>
          ))}
        </div>
        {errors.fieldErrors.mode?.length ? (
          <p id={modeErrorId} className="text-sm font-medium text-danger">
            {errors.fieldErrors.mode[0]}
          </p>
        ) : null}
      </fieldset>
      <TextField
        label="When you usually reply"
        hint={`${clientName} sees this above the box, in your words.`}
        name="replyTime"
        defaultValue={current.replyTime}
        placeholder="I usually reply within two working days"
        errors={errors.fieldErrors.replyTime}
      />
      {isSaved ? <Alert tone="success">Saved. {mode === "off" ? "Messages are off." : `${clientName} sees the new rules now.`}</Alert> : null}
      <SubmitButton pendingLabel="Saving…" className="self-start">
        Save message settings
      </SubmitButton>
    </Form>
  );
}

"use client";

// The therapist's "Messages" on a client's page: how many of the client's
// messages wait unread, the way into the conversation, and this client's
// rules: off, replies to the therapist's messages only, or any time, with
// the expected reply time in the therapist's own words (shown to the client
// above their box). Read from the engagement's cached header, which carries
// the rules and the count (server/engagements/header.ts), so the panel adds
// no statement to the page.
import Link from "next/link";
import { useState } from "react";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { MESSAGING_MODES, type TMessagingMode, unreadMessagesLabel } from "@/lib/constants/message";
import { useTRPC } from "@/components/trpc/provider";
import { useInvalidate } from "@/components/trpc/use-invalidate";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";

function modeLabels(name: string): Record<TMessagingMode, string> {
  return {
    off: "Off",
    reply_only: `${name} replies to my messages only`,
    open: `${name} can write any time`,
  };
}

export function MessagesPanel({ engagementId }: { engagementId: string }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const { data: engagement } = useSuspenseQuery(trpc.engagement.byId.queryOptions({ engagementId }));
  const { messages } = engagement;
  const name = engagement.counterpart.name;
  const canEdit = engagement.status === "active";
  const [mode, setMode] = useState<TMessagingMode>(messages.mode);
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
  const unread = unreadMessagesLabel(messages.unread);
  const labels = modeLabels(name);

  return (
    <div className="flex flex-col gap-4">
      <p className="flex flex-wrap items-center gap-3">
        <Link href={`/messages/${engagementId}`} className="font-medium text-brand-strong underline">
          Open the conversation
        </Link>
        {unread ? <strong className="rounded-full bg-brand-soft px-3 py-0.5 font-medium text-brand-strong">{unread}</strong> : null}
      </p>
      {canEdit ? (
        <Form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Message settings">
          {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
          <fieldset
            className="flex flex-col gap-2"
            aria-invalid={errors.fieldErrors.mode?.length ? true : undefined}
            aria-describedby={errors.fieldErrors.mode?.length ? `${engagementId}-mode-error` : undefined}
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
              <p id={`${engagementId}-mode-error`} className="text-sm font-medium text-danger">
                {errors.fieldErrors.mode[0]}
              </p>
            ) : null}
          </fieldset>
          <TextField
            label="When you usually reply"
            hint={`${name} sees this above the box, in your words.`}
            name="replyTime"
            defaultValue={messages.replyTime}
            placeholder="I usually reply within two working days"
            errors={errors.fieldErrors.replyTime}
          />
          {isSaved ? <Alert tone="success">Saved. {mode === "off" ? "Messages are off." : `${name} sees the new rules now.`}</Alert> : null}
          <SubmitButton pendingLabel="Saving…" className="self-start">
            Save message settings
          </SubmitButton>
        </Form>
      ) : (
        <p className="text-ink-muted">
          {engagement.status === "ended" ? "The work has ended: the conversation stays readable and closed." : `Once ${name} accepts, you can turn messages on here.`}
        </p>
      )}
    </div>
  );
}

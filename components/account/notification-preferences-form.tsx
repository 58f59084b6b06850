"use client";

// "Reminders and notifications": how the person hears about each kind of
// their role, when their reminder (client) or digest (therapist) goes out,
// and quiet hours. "On my devices" (web push) is offered once a device is set
// up (components/account/push-devices-section.tsx). Every choice is theirs; switching something off is as
// easy as switching it on, and nothing here nags.
import { useState, type ComponentProps } from "react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { CHANNEL_LABELS } from "@/lib/constants/notification";
import type { NotificationChannel } from "@/lib/trpc/types";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";

/** A time of day: narrower than a text field. */
function TimeField(props: Omit<ComponentProps<typeof TextField>, "type" | "className">) {
  return (
    <TextField
      type="time"
      className="min-h-11 w-40 rounded-lg border border-line bg-surface px-3 py-2 text-base text-ink aria-invalid:border-danger"
      {...props}
    />
  );
}

const CHANNEL_FIELD = "channel:";

const REMINDER_WORDING = {
  homeworkReminderAt: {
    label: "Homework reminder time",
    hint: "On days with homework still to do, the reminder comes around this time. At most one a day.",
  },
  digestAt: {
    label: "Daily digest time",
    hint: "Your digest arrives around this time, and only on days with something in it.",
  },
} as const;

function channelLabel(channel: NotificationChannel, channels: NotificationChannel[]): string {
  // A kind that never shows in Alliance (the digest) is simply "By e-mail".
  if (channel === "email" && !channels.includes("in_app")) return "By e-mail";
  return CHANNEL_LABELS[channel];
}

function toInput(data: FormData, reminderField: keyof typeof REMINDER_WORDING) {
  const channels: Record<string, FormDataEntryValue> = {};
  for (const [name, value] of data.entries()) {
    if (name.startsWith(CHANNEL_FIELD)) channels[name.slice(CHANNEL_FIELD.length)] = value;
  }
  const hasQuietHours = data.get("hasQuietHours") === "on";
  return {
    channels,
    [reminderField]: data.get("reminderAt") ?? "",
    hasQuietHours,
    ...(hasQuietHours ? { quietFrom: data.get("quietFrom") ?? "", quietUntil: data.get("quietUntil") ?? "" } : {}),
  };
}

export function NotificationPreferencesForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: preferences } = useSuspenseQuery(trpc.notifications.preferences.queryOptions());
  const [isSaved, setIsSaved] = useState(false);
  const [hasQuietHours, setHasQuietHours] = useState(preferences.hasQuietHours);
  const update = useMutation(
    trpc.notifications.updatePreferences.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.notifications.preferences.queryKey(), data),
    }),
  );
  const reminderField = preferences.reminder.field;
  const isPushChosen = preferences.kinds.some((kind) => kind.channel === "push");

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/notification").then((schemas) => schemas.ZUpdateNotificationPreferencesSchema),
    toInput: (data) => toInput(data, reminderField),
    onStart: () => setIsSaved(false),
    mutate: (input) => update.mutateAsync(input),
    onSuccess: () => setIsSaved(true),
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-6">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <p className="text-ink-muted">
        Choose what reaches you and how. E-mails and notifications on your devices only ever say what happened and link
        back here; what you and your therapist write stays in Alliance.
      </p>
      {errors.fieldErrors.channels?.length ? <Alert tone="error">{errors.fieldErrors.channels[0]}</Alert> : null}
      {preferences.hasPushDevice ? null : (
        <p className="text-sm text-ink-muted">
          {isPushChosen
            ? "Some choices below say “on my devices”, but no phone or computer is set up for notifications yet, so for now those arrive in Alliance only. "
            : "Notifications on your phone or computer can be chosen here once a device is set up. "}
          <a href="#devices" className="text-brand-strong underline">
            Turn on notifications on this device first
          </a>
          .
        </p>
      )}
      {preferences.kinds.map((kind) => (
        <fieldset key={kind.kind} className="flex flex-col gap-2" aria-describedby={`kind-${kind.kind}-hint`}>
          <legend className="font-medium">{kind.label}</legend>
          <p id={`kind-${kind.kind}-hint`} className="text-sm text-ink-muted">
            {kind.hint}
          </p>
          <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
            {kind.channels.filter((channel) => channel !== "push" || preferences.hasPushDevice || kind.channel === "push").map((channel) => (
              <label
                key={channel}
                className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line bg-surface px-3 has-checked:border-brand has-checked:bg-brand-soft"
              >
                <input
                  type="radio"
                  name={`${CHANNEL_FIELD}${kind.kind}`}
                  value={channel}
                  defaultChecked={kind.channel === channel}
                  className="size-4 accent-brand"
                />
                {channelLabel(channel, kind.channels)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}

      <TimeField
        {...REMINDER_WORDING[reminderField]}
        name="reminderAt"
        defaultValue={preferences.reminder.at}
        errors={errors.fieldErrors[reminderField]}
      />

      <fieldset className="flex flex-col gap-3">
        <legend className="font-medium">Quiet hours</legend>
        <label className="flex min-h-11 cursor-pointer items-center gap-2">
          <input
            type="checkbox"
            name="hasQuietHours"
            checked={hasQuietHours}
            onChange={(event) => setHasQuietHours(event.target.checked)}
            className="size-5 accent-brand"
          />
          Nothing by e-mail or on my devices between these times
        </label>
        {hasQuietHours ? (
          <div className="flex flex-wrap gap-4">
            <TimeField label="From" name="quietFrom" defaultValue={preferences.quietFrom} errors={errors.fieldErrors.quietFrom} />
            <TimeField label="Until" name="quietUntil" defaultValue={preferences.quietUntil} errors={errors.fieldErrors.quietUntil} />
          </div>
        ) : (
          <p className="text-sm text-ink-muted">E-mails and notifications on your devices can arrive at any time of day.</p>
        )}
      </fieldset>

      {isSaved ? <Alert tone="success">Saved. Your choices apply from now on.</Alert> : null}
      <SubmitButton pendingLabel="Saving…" className="self-start">
        Save choices
      </SubmitButton>
    </Form>
  );
}

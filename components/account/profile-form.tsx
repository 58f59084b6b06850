"use client";

import { useState } from "react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { TimeZoneField } from "./account-fields";

export function ProfileForm({ timeZones }: { timeZones: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: me } = useSuspenseQuery(trpc.account.me.queryOptions());
  const [isSaved, setIsSaved] = useState(false);
  const update = useMutation(
    trpc.account.updateProfile.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.account.me.queryKey(), data),
    }),
  );

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/account").then((schemas) => schemas.ZUpdateProfileSchema),
    onStart: () => setIsSaved(false),
    mutate: (input) => update.mutateAsync(input),
    onSuccess: () => setIsSaved(true),
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {isSaved ? <Alert tone="success">Saved.</Alert> : null}
      <p className="text-ink-muted">
        Signed in as <span className="font-medium text-ink">{me.email}</span>
      </p>
      <TextField label="Name" name="name" defaultValue={me.name} autoComplete="name" errors={errors.fieldErrors.name} />
      <TimeZoneField timeZones={timeZones} value={me.timeZone} errors={errors.fieldErrors.timeZone} />
      <SubmitButton pendingLabel="Saving…" className="self-start">
        Save changes
      </SubmitButton>
    </Form>
  );
}

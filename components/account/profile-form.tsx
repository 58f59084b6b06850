"use client";

import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { ZUpdateProfileSchema } from "@/lib/schemas/account";
import { formErrorsFromServer, formErrorsFromZod, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { TimeZoneField } from "./account-fields";

export function ProfileForm({ timeZones }: { timeZones: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: me } = useSuspenseQuery(trpc.account.me.queryOptions());
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const [isSaved, setIsSaved] = useState(false);
  const update = useMutation(
    trpc.account.updateProfile.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.account.me.queryKey(), data),
    }),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsSaved(false);
    const parsed = ZUpdateProfileSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors({ fieldErrors: {} });
    try {
      await update.mutateAsync(parsed.data);
      setIsSaved(true);
    } catch (error) {
      setErrors(formErrorsFromServer(error as Parameters<typeof formErrorsFromServer>[0]));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {isSaved ? <Alert tone="success">Saved.</Alert> : null}
      <p className="text-ink-muted">
        Signed in as <span className="font-medium text-ink">{me.email}</span>
      </p>
      <TextField label="Name" name="name" defaultValue={me.name} autoComplete="name" errors={errors.fieldErrors.name} />
      <TimeZoneField timeZones={timeZones} value={me.timeZone} errors={errors.fieldErrors.timeZone} />
      <Button type="submit" disabled={update.isPending} className="self-start">
        {update.isPending ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}

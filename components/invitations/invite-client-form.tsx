"use client";

import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZCreateInvitationSchema } from "@/lib/schemas/invitation";
import { formErrorsFromServer, formErrorsFromZod, type TFormErrors } from "@/lib/field-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { InviteLinkPanel, type TInviteLink } from "./invite-link";

export function InviteClientForm({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  const [created, setCreated] = useState<{ link: TInviteLink; name: string }>();
  const invite = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.engagement.list.queryKey() }),
    }),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = ZCreateInvitationSchema.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors({ fieldErrors: {} });
    try {
      const link = await invite.mutateAsync(parsed.data);
      setCreated({ link, name: parsed.data.name });
      form.reset();
    } catch (error) {
      setErrors(formErrorsFromServer(error as Parameters<typeof formErrorsFromServer>[0]));
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {created ? <InviteLinkPanel link={created.link} name={created.name} timeZone={timeZone} /> : null}
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="flex-1">
          <TextField label="Client's name" name="name" autoComplete="off" errors={errors.fieldErrors.name} />
        </div>
        <div className="flex-1">
          <TextField label="Their e-mail" name="email" type="email" autoComplete="off" errors={errors.fieldErrors.email} />
        </div>
        <Button type="submit" disabled={invite.isPending} className="sm:mt-8">
          {invite.isPending ? "Inviting…" : "Invite"}
        </Button>
      </form>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
    </div>
  );
}

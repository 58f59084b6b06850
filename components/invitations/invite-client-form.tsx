"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { InviteLinkPanel, type TInviteLink } from "./invite-link";

export function InviteClientForm({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ link: TInviteLink; name: string }>();
  const invite = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.engagement.list.queryKey() }),
    }),
  );

  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/invitation").then((schemas) => schemas.ZCreateInvitationSchema),
    mutate: (input) => invite.mutateAsync(input),
    onSuccess: (link, input, form) => {
      setCreated({ link, name: input.name });
      form.reset();
    },
  });

  return (
    <div className="flex flex-col gap-4">
      {created ? <InviteLinkPanel link={created.link} name={created.name} timeZone={timeZone} /> : null}
      <Form onSubmit={onSubmit} className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="flex-1">
          <TextField label="Client's name" name="name" autoComplete="off" errors={errors.fieldErrors.name} />
        </div>
        <div className="flex-1">
          <TextField label="Their e-mail" name="email" type="email" autoComplete="off" errors={errors.fieldErrors.email} />
        </div>
        <SubmitButton pendingLabel="Inviting…" className="sm:mt-8">
          Invite
        </SubmitButton>
      </Form>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
    </div>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { signInWithPassword } from "@/components/auth/auth-client";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { NoScriptNotice } from "@/components/ui/noscript-notice";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { NewPasswordField, TimeZoneField } from "@/components/account/account-fields";

export function SignUpForm({ timeZones }: { timeZones: string[] }) {
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/account").then((schemas) => schemas.ZSignUpSchema),
    mutate: (input) => signUp.mutateAsync(input),
    onSuccess: async (_created, input) => {
      const result = await signInWithPassword({ email: input.email, password: input.password });
      window.location.assign(result?.error ? "/sign-in" : "/caseload");
    },
  });

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4">
      <NoScriptNotice>
        Alliance needs JavaScript to create your account. Turn it on in your browser&apos;s settings, then reload this page.
      </NoScriptNotice>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextField label="Your name" name="name" autoComplete="name" required errors={errors.fieldErrors.name} />
      <TextField label="Work email" name="email" type="email" autoComplete="email" required errors={errors.fieldErrors.email} />
      <NewPasswordField label="Password" name="password" errors={errors.fieldErrors.password} />
      <TimeZoneField timeZones={timeZones} errors={errors.fieldErrors.timeZone} />
      <SubmitButton pendingLabel="Creating your account…">Create therapist account</SubmitButton>
    </Form>
  );
}

"use client";

import { useState } from "react";
import { signInWithPassword } from "@/components/auth/auth-client";
import { formErrorsFromZod, type TFormErrors } from "@/lib/field-errors";
import { messageForThrottledCode } from "@/lib/auth/throttled";
import { safeReturnPath } from "@/lib/auth/return-path";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { NoScriptNotice } from "@/components/ui/noscript-notice";

// One message for "no such account" and "wrong password" (docs/security-and-privacy.md, S7).
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password don't match. Check them and try again.",
  two_factor_throttled: "Too many wrong codes. For your safety, please wait 15 minutes and try again.",
};

// Two-step sign-in (server/auth/totp.ts): after a right password the server
// answers "two_factor_required"; the form then asks for a code and sends all three.
const CODE_FIELDS = {
  app: { label: "Code from your authenticator app", hint: "The 6-digit code your app shows for Alliance.", switchTo: "Use a recovery code instead" },
  recovery: {
    label: "Recovery code",
    hint: "One of the codes you saved when you turned on two-step sign-in. Each one works once.",
    switchTo: "Use your authenticator app instead",
  },
} as const;
const WRONG_CODE = "That code didn't work. Enter the newest code from your app, or use a recovery code.";

async function loadSchemas() {
  const [{ ZSignInSchema }, { ZSecondFactorSchema }] = await Promise.all([import("@/lib/schemas/account"), import("@/lib/schemas/two-factor")]);
  return { ZSignInSchema, ZSecondFactorSchema };
}

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [errors, setErrors] = useState<TFormErrors>({ fieldErrors: {} });
  // Stays pending while the browser leaves for the signed-in page.
  const [isLeaving, setIsLeaving] = useState(false);
  const [codeKind, setCodeKind] = useState<keyof typeof CODE_FIELDS | null>(null);

  // Not the shared submit hook: next-auth's signIn answers with an error code, not field errors.
  async function onSubmit(form: FormData) {
    // Loaded on the first submit, not with the page (components/ui/use-form-submit.ts).
    const schemas = await loadSchemas().catch(() => null);
    if (!schemas) return setErrors({ fieldErrors: {}, formError: "This form couldn't load. Please check your connection and try again." });
    const parsed = schemas.ZSignInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    const code = codeKind ? schemas.ZSecondFactorSchema.safeParse(form.get("code")) : null;
    if (code && !code.success) return setErrors({ fieldErrors: { code: [code.error.issues[0]!.message] } });
    setErrors({ fieldErrors: {} });
    const result = await signInWithPassword({ ...parsed.data, code: code?.data ?? "" }).catch(() => null);
    if (result?.error === "two_factor_required") return setCodeKind((kind) => kind ?? "app");
    if (result?.error === "two_factor_invalid") return setErrors({ fieldErrors: { code: [WRONG_CODE] } });
    if (!result || result.error) {
      const message = result?.error ? (MESSAGES[result.error] ?? messageForThrottledCode(result.error)) : undefined;
      return setErrors({ fieldErrors: {}, formError: message ?? "We couldn't sign you in just now. Please try again." });
    }
    setIsLeaving(true);
    // Judged again here, where the browser is sent: the page's judgement is not this component's contract.
    window.location.assign(safeReturnPath(returnTo) ?? "/");
  }

  return (
    <Form onSubmit={onSubmit} isPending={isLeaving} className="flex flex-col gap-4">
      <NoScriptNotice>Alliance needs JavaScript to sign in. Turn it on in your browser&apos;s settings, then reload this page.</NoScriptNotice>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required errors={errors.fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={errors.fieldErrors.password}
      />
      {codeKind ? (
        <>
          <TextField
            key={codeKind}
            label={CODE_FIELDS[codeKind].label}
            hint={CODE_FIELDS[codeKind].hint}
            name="code"
            inputMode={codeKind === "app" ? "numeric" : "text"}
            autoComplete="one-time-code"
            autoFocus
            maxLength={32}
            errors={errors.fieldErrors.code}
          />
          <Button variant="quiet" className="self-start" onClick={() => setCodeKind(codeKind === "app" ? "recovery" : "app")}>
            {CODE_FIELDS[codeKind].switchTo}
          </Button>
        </>
      ) : null}
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </Form>
  );
}

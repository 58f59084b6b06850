"use client";

import { useState } from "react";
import Link from "next/link";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Form, SubmitButton } from "@/components/ui/form";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { CurrentPasswordField } from "./account-fields";

const CODE_LABEL = "6-digit code from your authenticator app";

function CodeField({ errors, label = CODE_LABEL }: { errors?: string[]; label?: string }) {
  return (
    <TextField
      label={label}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={32}
      className="min-h-11 w-40 rounded-lg border border-line bg-surface px-3 py-2 text-base tracking-widest text-ink aria-invalid:border-danger"
      errors={errors}
    />
  );
}

/** Shown once, right after they are made: copy, download, then "I've saved them". */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const text = ["Alliance recovery codes. Each one works once, if you can't use your authenticator app.", "", ...codes, ""].join("\n");
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <div className="flex flex-col gap-4">
      <Alert tone="success">
        Save these ten recovery codes somewhere safe, like a password manager or a printed page. If you lose your phone, each
        code lets you sign in once. You won&apos;t see them again.
      </Alert>
      <ul aria-label="Your recovery codes" className="grid grid-cols-2 gap-2 font-mono text-base">
        {codes.map((code) => (
          <li key={code} className="rounded bg-canvas px-2 py-1">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          onClick={() => navigator.clipboard.writeText(text).then(() => setCopied("yes"), () => setCopied("failed"))}
        >
          Copy codes
        </Button>
        <a href={download} download="alliance-recovery-codes.txt" className="inline-flex min-h-11 items-center rounded-lg border border-line px-4 py-2 font-medium">
          Download codes
        </a>
        <Button onClick={onDone}>I&apos;ve saved them</Button>
      </div>
      {copied === "yes" ? <p role="status">Copied.</p> : null}
      {copied === "failed" ? <p role="status">Your browser didn&apos;t let us copy. Select the codes and copy them yourself.</p> : null}
    </div>
  );
}

type TSetup = { secret: string; qrCode: string };

/** Step one: the password, so someone at an unlocked browser can't tie the account to their own phone. */
function Begin({ onStarted }: { onStarted: (setup: TSetup) => void }) {
  const trpc = useTRPC();
  const begin = useMutation(trpc.twoFactor.begin.mutationOptions());
  const [isAsking, setIsAsking] = useState(false);
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/two-factor").then((schemas) => schemas.ZBeginTwoFactorSchema),
    mutate: (input) => begin.mutateAsync(input),
    onSuccess: (setup) => onStarted(setup),
  });
  if (!isAsking) {
    return (
      <Button className="self-start" onClick={() => setIsAsking(true)}>
        Turn on two-step sign-in
      </Button>
    );
  }
  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4">
      <p>First, your password, to show it&apos;s you.</p>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <CurrentPasswordField label="Your password" name="password" errors={errors.fieldErrors.password} />
      <SubmitButton pendingLabel="Getting ready…" className="self-start">
        Continue
      </SubmitButton>
    </Form>
  );
}

function Enrol({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.twoFactor.confirm.mutationOptions());
  const [setup, setSetup] = useState<TSetup | null>(null);
  const { errors, onSubmit } = useFormSubmit({
    schema: () => import("@/lib/schemas/two-factor").then((schemas) => schemas.ZConfirmTwoFactorSchema),
    mutate: (input) => confirm.mutateAsync(input),
    onSuccess: (result) => onEnabled(result.recoveryCodes),
  });

  if (!setup) return <Begin onStarted={setSetup} />;
  return (
    <div className="flex flex-col gap-4">
      <ol className="flex list-decimal flex-col gap-3 pl-5">
        <li>
          Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator, 1Password or
          Aegis) and scan this QR code.
          {/* Drawn on our server: the secret is never sent to another service. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={setup.qrCode} alt="QR code to add Alliance to your authenticator app" width={200} height={200} className="mt-2 bg-white" />
        </li>
        <li>
          Can&apos;t scan it? Type this key into the app instead:{" "}
          <code data-testid="two-factor-secret" className="rounded bg-canvas px-2 py-1 font-mono break-all">
            {setup.secret}
          </code>
        </li>
        <li>Enter the 6-digit code the app shows for Alliance.</li>
      </ol>
      <Form onSubmit={onSubmit} className="flex flex-col gap-4">
        {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
        <CodeField errors={errors.fieldErrors.code} />
        <SubmitButton pendingLabel="Checking…" className="self-start">
          Turn on
        </SubmitButton>
      </Form>
    </div>
  );
}

function Manage({ onNewCodes }: { onNewCodes: (codes: string[]) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const regenerate = useMutation(trpc.twoFactor.regenerateRecoveryCodes.mutationOptions());
  const disable = useMutation(trpc.twoFactor.disable.mutationOptions());
  const regenerateForm = useFormSubmit({
    schema: () => import("@/lib/schemas/two-factor").then((schemas) => schemas.ZRegenerateRecoveryCodesSchema),
    mutate: (input) => regenerate.mutateAsync(input),
    onSuccess: (result) => onNewCodes(result.recoveryCodes),
  });
  const disableForm = useFormSubmit({
    schema: () => import("@/lib/schemas/two-factor").then((schemas) => schemas.ZDisableTwoFactorSchema),
    mutate: (input) => disable.mutateAsync(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.twoFactor.status.queryKey() }),
  });
  return (
    <div className="flex flex-col gap-6">
      <fieldset className="flex flex-col gap-3">
        <legend className="font-medium">New recovery codes</legend>
        <p className="text-ink-muted">Get ten new codes if you have used some or lost them. The old ones stop working.</p>
        <Form onSubmit={regenerateForm.onSubmit} className="flex flex-col gap-4">
          {regenerateForm.errors.formError ? <Alert tone="error">{regenerateForm.errors.formError}</Alert> : null}
          <CodeField errors={regenerateForm.errors.fieldErrors.code} />
          <SubmitButton variant="secondary" pendingLabel="Making codes…" className="self-start">
            Make new recovery codes
          </SubmitButton>
        </Form>
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="font-medium">Turn off two-step sign-in</legend>
        <p className="text-ink-muted">
          You&apos;ll sign in with just your password again. Lost your phone? Use one of your recovery codes instead of a code.
        </p>
        <Form onSubmit={disableForm.onSubmit} className="flex flex-col gap-4">
          {disableForm.errors.formError ? <Alert tone="error">{disableForm.errors.formError}</Alert> : null}
          <CurrentPasswordField label="Your password" name="password" errors={disableForm.errors.fieldErrors.password} />
          <CodeField label="Code from your authenticator app, or a recovery code" errors={disableForm.errors.fieldErrors.code} />
          <SubmitButton variant="danger" pendingLabel="Turning off…" className="self-start">
            Turn off two-step sign-in
          </SubmitButton>
        </Form>
      </fieldset>
    </div>
  );
}

export function TwoFactorPanel({ hasExplainerLink = true }: { hasExplainerLink?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: status } = useSuspenseQuery(trpc.twoFactor.status.queryOptions());
  const [codes, setCodes] = useState<string[] | null>(null);

  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        onDone={async () => {
          // Fresh status first, so the page goes straight to "on" rather than flashing the setup again.
          await queryClient.invalidateQueries({ queryKey: trpc.twoFactor.status.queryKey() });
          setCodes(null);
        }}
      />
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p>
        Two-step sign-in asks for a 6-digit code from an authenticator app on your phone after your password, so someone who
        learns your password still can&apos;t get in.
      </p>
      {status.isEnabled ? (
        <>
          <Alert tone="success">
            Two-step sign-in is on. You have {status.recoveryCodesLeft} recovery{" "}
            {status.recoveryCodesLeft === 1 ? "code" : "codes"} left.
          </Alert>
          {status.hasShortRecoveryCodes ? (
            <Alert tone="info">
              Your recovery codes are from before we made them longer and harder to guess. Please make new ones below and keep
              those instead.
            </Alert>
          ) : null}
          <Manage onNewCodes={setCodes} />
        </>
      ) : (
        <>
          {status.isRequired ? (
            <Alert tone="info">Alliance asks therapists to use two-step sign-in. Turn it on to carry on using Alliance.</Alert>
          ) : null}
          {status.isRequirementOff ? (
            <p className="text-ink-muted">
              Alliance usually asks therapists to use two-step sign-in. Whoever runs Alliance for your practice has turned that
              requirement off, so it&apos;s your choice; we still recommend it, because you can see your clients&apos; records.
            </p>
          ) : null}
          <Enrol onEnabled={setCodes} />
        </>
      )}
      {hasExplainerLink ? (
        <p>
          <Link href="/account/two-step" className="text-brand-strong underline">
            What two-step sign-in is, and what you need
          </Link>
        </p>
      ) : null}
    </div>
  );
}

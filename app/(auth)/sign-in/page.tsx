import type { Metadata } from "next";
import Link from "next/link";
import { getEnv } from "@/server/env";
import { safeReturnPath } from "@/lib/auth/return-path";
import { parseSignedOutReason, signedOutNotice } from "@/lib/auth/signed-out";
import { sessionLimits } from "@/server/auth/session-limits";
import { DEMO_ACCOUNTS, DEMO_COLLEAGUES, DEMO_PASSWORD } from "@/server/auth/demo-accounts";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthFrame } from "@/components/auth/auth-frame";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { redirectIfSignedIn } from "@/app/_components/signed-out";
import { ForgetDevice } from "@/components/offline/forget-device";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  await redirectIfSignedIn();
  const { next, reason } = await searchParams;
  const returnTo = safeReturnPath(next) ?? "/";
  // Why a session ended (server/auth/session.ts, the tRPC client, the idle watcher).
  const lapsed = parseSignedOutReason(reason);
  const notice =
    signedOutNotice(lapsed, sessionLimits()) ??
    (reason === "password-reset" ? "Your password is changed. Sign in with your new one." : null);
  return (
    <>
      {/* Signed out here or elsewhere: nothing of the last person stays on this device (but words not yet sent, when the session only lapsed). */}
      <ForgetDevice keepUnsent={lapsed !== null} />
      <AuthFrame
        title="Welcome back"
        intro="Sign in to pick up where you left off."
        footer={
          <>
            Are you a therapist new to Alliance?{" "}
            <Link href="/sign-up" className="font-medium text-brand-strong underline">
              Create an account
            </Link>
            <br />
            Clients join through an invitation from their therapist.
          </>
        }
      >
        {notice ? (
          <div className="mb-5">
            <Alert tone="info">{notice}</Alert>
          </div>
        ) : null}
        <SignInForm returnTo={returnTo} />
        <p className="mt-4">
          <Link href="/forgot-password" className="font-medium text-brand-strong underline">
            Forgot your password?
          </Link>
        </p>
      </AuthFrame>
      {getEnv().DEMO_MODE ? <DemoAccounts /> : null}
    </>
  );
}

function DemoAccounts() {
  return (
    <Card title="Demo accounts">
      <p className="mb-3 text-ink-muted">
        This is a demo with made-up people. Every account uses the password{" "}
        <code className="rounded bg-canvas px-1.5 py-0.5 font-mono text-ink">{DEMO_PASSWORD}</code>
      </p>
      <ul className="flex flex-col gap-1">
        {DEMO_ACCOUNTS.map((account) => (
          <li key={account.email}>
            <span className="font-mono">{account.email}</span>{" "}
            <span className="text-ink-muted">
              ({account.name}, {account.role})
            </span>
          </li>
        ))}
        {DEMO_COLLEAGUES.map((account) => (
          <li key={account.email}>
            <span className="font-mono">{account.email}</span>{" "}
            <span className="text-ink-muted">
              ({account.name}, {account.practiceRole} in {DEMO_ACCOUNTS[0].name}&apos;s practice)
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { auth, homePathFor } from "@/server/auth/session";
import { getEnv } from "@/server/env";
import { safeReturnPath } from "@/lib/auth/return-path";
import { parseSignedOutReason, signedOutNotice } from "@/lib/auth/signed-out";
import { sessionLimits } from "@/server/auth/session-limits";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/server/auth/demo-accounts";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const user = await auth();
  const { next, reason } = await searchParams;
  if (user) redirect(homePathFor(user.role));
  const returnTo = safeReturnPath(next) ?? "/";
  // Why a session ended (server/auth/session.ts, the tRPC client, the idle watcher).
  const notice =
    signedOutNotice(parseSignedOutReason(reason), sessionLimits()) ??
    (reason === "password-reset" ? "Your password is changed. Sign in with your new one." : null);
  return (
    <>
      <Card>
        <h1 className="mb-1 text-2xl font-semibold">Welcome back</h1>
        <p className="mb-5 text-ink-muted">Sign in to pick up where you left off.</p>
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
      </Card>
      <p className="text-center text-ink-muted">
        Are you a therapist new to Alliance?{" "}
        <Link href="/sign-up" className="font-medium text-brand-strong underline">
          Create an account
        </Link>
        <br />
        Clients join through an invitation from their therapist.
      </p>
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
      </ul>
    </Card>
  );
}

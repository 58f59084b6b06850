import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { auth, homePathFor } from "@/server/auth/session";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Forgot your password?" };

export default async function ForgotPasswordPage() {
  const user = await auth();
  if (user) redirect(homePathFor(user.role));
  return (
    <>
      <Card>
        <h1 className="mb-1 text-2xl font-semibold">Forgot your password?</h1>
        <p className="mb-5 text-ink-muted">
          It happens. Tell us the email you use for Alliance and we&apos;ll send you a link to choose a new password.
        </p>
        <ForgotPasswordForm />
      </Card>
      <p className="text-center text-ink-muted">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-medium text-brand-strong underline">
          Sign in
        </Link>
      </p>
    </>
  );
}

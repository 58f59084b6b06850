import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { auth, homePathFor } from "@/server/auth/session";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Create a therapist account" };

export default async function SignUpPage() {
  const user = await auth();
  if (user) redirect(homePathFor(user.role));
  return (
    <>
      <Card>
        <h1 className="mb-1 text-2xl font-semibold">Create a therapist account</h1>
        <p className="mb-5 text-ink-muted">
          You&apos;ll be able to invite clients, set goals together and share homework between sessions. Start with your
          e-mail: we&apos;ll send a link to finish.
        </p>
        <SignUpForm />
      </Card>
      <p className="text-center text-ink-muted">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-strong underline">
          Sign in
        </Link>
      </p>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ForgetDevice } from "@/components/offline/forget-device";

export const metadata: Metadata = { title: "Your account is deleted", robots: { index: false } };

/** Where a deleted account lands, signed out. Says nothing about who it was. */
export default function GoodbyePage() {
  return (
    <Card>
      <ForgetDevice />
      <h1 className="mb-2 text-2xl font-semibold">Your account is deleted</h1>
      <p className="mb-3">
        You&apos;re signed out, and your private writing is gone. Thank you for the work you did here.
      </p>
      <p className="mb-5 text-ink-muted">
        You&apos;re welcome back any time: a therapist can invite you again, and therapists can create a new account.
      </p>
      <Link href="/sign-in" className="font-medium text-brand-strong underline">
        Go to the sign-in page
      </Link>
    </Card>
  );
}

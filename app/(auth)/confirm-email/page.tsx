import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { ConfirmEmailChange } from "@/components/account/confirm-email-change";

export const metadata: Metadata = { title: "Confirm your new address", robots: { index: false } };

/** Where the link e-mailed to a new address leads; works signed out (server/account/email-change.ts). */
export default function ConfirmEmailPage() {
  return (
    <Card>
      <h1 className="mb-2 text-2xl font-semibold">Confirm your new address</h1>
      <p className="mb-5 text-ink-muted">Once you confirm, you&apos;ll sign in to Alliance with this address.</p>
      <ConfirmEmailChange />
    </Card>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { AuthFrame } from "@/components/auth/auth-frame";

export const metadata: Metadata = { title: "Choose a new password" };

/**
 * The link's token sits in the fragment (/reset-password#<token>), which the
 * browser never sends here: the form reads it (server/auth/password-reset.ts).
 */
export default function ResetPasswordPage() {
  return (
    <AuthFrame
      footer={
        <Link href="/sign-in" className="font-medium text-brand-strong underline">
          Back to sign in
        </Link>
      }
    >
      <ResetPasswordForm />
    </AuthFrame>
  );
}

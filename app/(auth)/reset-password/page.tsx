import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { AuthFrame, SignInLink } from "@/components/auth/auth-frame";

export const metadata: Metadata = { title: "Choose a new password" };

/**
 * The link's token sits in the fragment (/reset-password#<token>), which the
 * browser never sends here: the form reads it (server/auth/password-reset.ts).
 */
export default function ResetPasswordPage() {
  return (
    <AuthFrame footer={<SignInLink>Back to sign in</SignInLink>}>
      <ResetPasswordForm />
    </AuthFrame>
  );
}

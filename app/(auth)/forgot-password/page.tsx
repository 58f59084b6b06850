import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { AuthFrame, SignInLink } from "@/components/auth/auth-frame";
import { redirectIfSignedIn } from "@/app/_components/signed-out";

export const metadata: Metadata = { title: "Forgot your password?" };

export default async function ForgotPasswordPage() {
  await redirectIfSignedIn();
  return (
    <AuthFrame
      title="Forgot your password?"
      intro="It happens. Tell us the email you use for Alliance and we'll send you a link to choose a new password."
      footer={
        <>
          Remembered it? <SignInLink />
        </>
      }
    >
      <ForgotPasswordForm />
    </AuthFrame>
  );
}

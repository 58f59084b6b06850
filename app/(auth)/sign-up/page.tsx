import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { AuthFrame, SignInLink } from "@/components/auth/auth-frame";
import { redirectIfSignedIn } from "@/app/_components/signed-out";

export const metadata: Metadata = { title: "Create a therapist account" };

export default async function SignUpPage() {
  await redirectIfSignedIn();
  return (
    <AuthFrame
      title="Create a therapist account"
      intro="You'll be able to invite clients, set goals together and share homework between sessions. Start with your e-mail: we'll send a link to finish."
      footer={
        <>
          Already have an account? <SignInLink />
        </>
      }
    >
      <SignUpForm />
    </AuthFrame>
  );
}

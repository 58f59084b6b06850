import type { Metadata } from "next";
import { listTimeZones } from "@/lib/time/zones";
import { FinishSignUpForm } from "@/components/auth/finish-sign-up-form";
import { AuthFrame } from "@/components/auth/auth-frame";
import { redirectIfSignedIn } from "@/app/_components/signed-out";

export const metadata: Metadata = { title: "Finish creating your account" };

/**
 * From the link e-mailed at sign-up. Its token sits in the fragment
 * (/sign-up/finish#<token>), which the browser never sends here: the form
 * reads it and asks whether it still works (server/auth/sign-up.ts).
 */
export default async function FinishSignUpPage() {
  await redirectIfSignedIn();
  return (
    <AuthFrame>
      <FinishSignUpForm timeZones={listTimeZones()} />
    </AuthFrame>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth, homePathFor } from "@/server/auth/session";
import { listTimeZones } from "@/lib/time/zones";
import { FinishSignUpForm } from "@/components/auth/finish-sign-up-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Finish creating your account" };

/**
 * From the link e-mailed at sign-up. Its token sits in the fragment
 * (/sign-up/finish#<token>), which the browser never sends here: the form
 * reads it and asks whether it still works (server/auth/sign-up.ts).
 */
export default async function FinishSignUpPage() {
  const user = await auth();
  if (user) redirect(homePathFor(user.role));
  return (
    <Card>
      <FinishSignUpForm timeZones={listTimeZones()} />
    </Card>
  );
}

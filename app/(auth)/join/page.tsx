import type { Metadata } from "next";
import { auth } from "@/server/auth/session";
import { listTimeZones } from "@/lib/time/zones";
import { AuthFrame } from "@/components/auth/auth-frame";
import { JoinPracticeForm } from "@/components/practice/join-practice-form";

export const metadata: Metadata = { title: "Join a practice" };

/**
 * From a colleague's invitation e-mail (issue 29). Its token sits in the
 * fragment (/join#<token>), which the browser never sends here: the form
 * reads it and asks whether it still works (server/practices/invitations.ts).
 * Someone new sets up their account; a signed-in therapist joins as themselves.
 */
export default async function JoinPracticePage() {
  const user = await auth();
  return (
    <AuthFrame>
      <JoinPracticeForm timeZones={listTimeZones()} viewer={user ? { id: user.id, email: user.email, name: user.name } : null} />
    </AuthFrame>
  );
}

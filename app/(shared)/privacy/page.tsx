import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { crisisResourcesText } from "@/server/env";
import { CrisisResources } from "@/components/feedback/crisis-resources";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "How your information is kept" };

/**
 * Who sees what, in plain words, for both people. No data of its own: what
 * it says is how Alliance works (docs/security-and-privacy.md). It is also the
 * bench's minimal signed-in page (scripts/bench.ts).
 */
export default async function PrivacyPage() {
  const user = await requireUser({ returnTo: "/privacy" });
  const isClient = user.role === "client";
  return (
    <>
      <h1 className="text-2xl font-semibold">How your information is kept</h1>
      <Card title="Who sees what">
        {isClient ? (
          <ul className="list-disc space-y-1 pl-5">
            <li>Your journal is private. Your therapist sees an entry only when you share it, and you can stop sharing it at any time.</li>
            <li>Your goals, homework, agenda items and feedback are shared with your therapist, and only with them.</li>
            <li>Your takeaways from a session are yours; your therapist reads them only if you choose to share them.</li>
            <li>Your therapist keeps private notes of their own. They are not part of what you see or download.</li>
          </ul>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            <li>Your private notes are yours alone: never shown to your client, never in their download.</li>
            <li>A client&apos;s journal entries reach you only when they share them; their takeaways only when they choose to.</li>
            <li>Goals, homework, agenda items and feedback are shared between the two of you, and only you.</li>
          </ul>
        )}
      </Card>
      <Card title="How it is protected">
        <ul className="list-disc space-y-1 pl-5">
          <li>What people write about themselves (journal entries, notes, reflections, agenda items, feedback comments) is encrypted in the database.</li>
          <li>Every time someone opens or changes a record, it is written down.{isClient ? " " : null}{isClient ? <Link href="/access-log" className="text-brand-strong underline">See who has looked at your records</Link> : null}</li>
          <li>You can download everything Alliance holds about you, or delete your account, from <Link href="/account" className="text-brand-strong underline">your account</Link>.</li>
        </ul>
      </Card>
      <Card title="Alliance is not watched in real time">
        <p>Nobody reads what you write the moment you write it. If you need help now, please reach out directly:</p>
        <CrisisResources text={crisisResourcesText(user)} />
      </Card>
    </>
  );
}

import Link from "next/link";
import { authState } from "@/server/auth/session";

/**
 * On a client's Today page: a gentle word when someone at their therapist's
 * practice waits for their answer (issue 29). Read with the session
 * (server/auth/session-user.ts): no statement and nothing to audit of its own.
 */
export async function RecordSharingNotice() {
  const { isAskedToShare } = await authState();
  if (!isAskedToShare) return null;
  return (
    <p className="rounded-lg bg-notice-soft px-4 py-3">
      A supervisor at your therapist&apos;s practice asks to see your records. Nothing is shared unless you agree.{" "}
      <Link href="/record-sharing" className="text-brand-strong underline">
        Read and answer
      </Link>
    </p>
  );
}

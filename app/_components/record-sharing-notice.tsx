import Link from "next/link";
import { serverCaller } from "@/server/api/rsc";

/**
 * On a client's Today page: a gentle word when a supervisor waits for their
 * answer (issue 29). Nothing when nobody asked.
 */
export async function RecordSharingNotice() {
  const { requests } = await serverCaller().then((caller) => caller.supervision.forClient());
  const waiting = requests.filter((request) => request.state === "asked");
  if (waiting.length === 0) return null;
  return (
    <p className="rounded-lg bg-notice-soft px-4 py-3">
      {waiting.length === 1 ? `${waiting[0]!.supervisorName} asks to see your records.` : `${waiting.length} people ask to see your records.`} Only if you
      agree.{" "}
      <Link href="/record-sharing" className="text-brand-strong underline">
        Read and answer
      </Link>
    </p>
  );
}

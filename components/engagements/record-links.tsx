import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

/** On a client's page: take this client's record (private notes included, marked) and see your own activity on it. */
export function RecordLinks({ engagementId }: { engagementId: string }) {
  return (
    <div className="flex flex-wrap gap-3">
      <a href={`/api/engagements/${engagementId}/export`} download className={buttonClassName("secondary")}>
        Download this client&apos;s record (JSON)
      </a>
      <Link href={`/clients/${engagementId}/activity`} className={buttonClassName("quiet")}>
        Your activity on this record
      </Link>
    </div>
  );
}

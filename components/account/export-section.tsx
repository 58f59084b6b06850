import Link from "next/link";
import type { Role } from "@/lib/trpc/types";
import { Card } from "@/components/ui/card";
import { buttonClassName } from "@/components/ui/button";

/** Account page: take your data with you, and (clients) see who has looked at your records. */
export function ExportSection({ role }: { role: Role }) {
  if (role === "therapist") {
    return (
      <Card title="Your data">
        <p className="mb-3 text-ink-muted">
          Download your own homework templates as a file. To take a client&apos;s record, open that client and choose
          &ldquo;Download this client&apos;s record&rdquo;.
        </p>
        <a href="/api/account/templates-export" download className={buttonClassName("secondary")}>
          Download your templates (JSON)
        </a>
      </Card>
    );
  }
  return (
    <Card title="Your data">
      <p className="mb-3 text-ink-muted">
        Everything Alliance holds about you is yours: your goals and ratings, homework and replies, exercises (unsent ones too) and your ladder, agendas, session
        summaries, your takeaways, feedback, check-ins, your whole journal, private entries included, and your voice memos, the recordings too. Your
        therapist&apos;s private notes are theirs, so they are not part of it.
      </p>
      <div className="flex flex-wrap gap-3">
        <a href="/api/account/export" download className={buttonClassName("secondary")}>
          Download everything (.zip: your record, a printable copy and your voice memos)
        </a>
        <Link href="/account/export" className={buttonClassName("secondary")}>
          Open a copy you can print
        </Link>
        <Link href="/access-log" className={buttonClassName("quiet")}>
          Who has looked at your records
        </Link>
      </div>
    </Card>
  );
}

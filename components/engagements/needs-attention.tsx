import Link from "next/link";
import type { ReactNode } from "react";
import { formatDate } from "@/lib/format";
import { unreadMessagesLabel } from "@/lib/constants/message";
import { describeSignal } from "@/lib/signals/rules";
import { clientSectionPath } from "@/lib/engagements/client-sections";
import type { RouterOutputs } from "@/lib/trpc/types";
import { UrgentFlags } from "@/components/measures/urgent-flags";
import { OffTrackWarnings } from "@/components/measures/off-track-warnings";

type TSummary = RouterOutputs["engagement"]["byId"];
type TProgress = RouterOutputs["engagement"]["progress"];
type TAttention = RouterOutputs["engagement"]["attention"];

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The top of a therapist's client page: what needs them, each line linking to
 * where it is handled. Urgent answers and off-track warnings are handled right
 * here; the rest come from the header (agenda, unread messages), the progress
 * (feedback signals) and what happened since the last session
 * (server/engagements/attention.ts). A server component: no script of its own.
 */
export function NeedsAttention({
  engagement,
  progress,
  attention,
  timeZone,
}: {
  engagement: TSummary;
  progress: TProgress | null;
  attention: TAttention | null;
  timeZone: string;
}) {
  const id = engagement.id;
  const name = engagement.counterpart.name;
  const firstName = name.split(" ")[0] ?? name;
  const lines: { key: string; href: string; children: ReactNode }[] = [];
  const signals = progress?.feedback.signals ?? [];
  if (signals.length > 0) {
    lines.push({ key: "signals", href: clientSectionPath(id, "progress"), children: <>Feedback: {signals.map(describeSignal).join(" · ")}</> });
  }
  const agenda = engagement.nextSession?.newAgendaItems ?? 0;
  if (engagement.nextSession && agenda > 0) {
    lines.push({
      key: "agenda",
      href: `/sessions/${engagement.nextSession.id}`,
      children: <>{plural(agenda, "new agenda item", "new agenda items")} for the next session</>,
    });
  }
  const unread = unreadMessagesLabel(engagement.messages.unread);
  if (unread) lines.push({ key: "messages", href: `/messages/${id}`, children: <>{unread} from {firstName}</> });
  if (attention) {
    const since = attention.since ? `since the session on ${formatDate(attention.since, timeZone)}` : "so far";
    const { done, partlyDone, skipped, notRecorded } = attention.homework;
    const recorded = [
      done > 0 ? `${done} done` : null,
      partlyDone > 0 ? `${partlyDone} partly done` : null,
      skipped > 0 ? `${skipped} skipped` : null,
      notRecorded > 0 ? `${plural(notRecorded, "day", "days")} with nothing recorded` : null,
    ].filter((part): part is string => part !== null);
    if (recorded.length > 0) {
      lines.push({ key: "homework", href: clientSectionPath(id, "homework"), children: <>Homework {since}: {recorded.join(", ")}</> });
    }
    if (attention.exerciseEntries > 0) {
      lines.push({
        key: "exercises",
        href: clientSectionPath(id, "homework"),
        children: <>{plural(attention.exerciseEntries, "new exercise entry", "new exercise entries")} {since}</>,
      });
    }
    if (attention.sharedJournalEntries > 0) {
      lines.push({
        key: "journal",
        href: clientSectionPath(id, "journal"),
        children: <>{plural(attention.sharedJournalEntries, "journal entry", "journal entries")} newly shared {since}</>,
      });
    }
  }
  const flags = progress?.measures.flags ?? [];
  const isOffTrack = progress?.measures.series.some((series) => series.offTrack) ?? false;
  const isQuiet = flags.length === 0 && !isOffTrack && lines.length === 0;

  return (
    <section aria-labelledby="needs-attention" className="flex flex-col gap-3" data-testid="needs-attention">
      <h2 id="needs-attention" className="text-lg font-semibold">
        Needs your attention
      </h2>
      {progress ? null : <p className="text-ink-muted">Questionnaires and feedback couldn&apos;t be checked just now. Please reload the page.</p>}
      {progress && flags.length > 0 ? <UrgentFlags engagementId={id} flags={flags} clientName={name} timeZone={timeZone} /> : null}
      {progress ? (
        <OffTrackWarnings engagementId={id} series={progress.measures.series} clientName={name} canEdit={engagement.status === "active"} timeZone={timeZone} />
      ) : null}
      {lines.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label="What is new">
          {lines.map((line) => (
            <li key={line.key}>
              <Link href={line.href} className="block rounded-lg border border-line bg-surface px-4 py-3 hover:border-brand">
                {line.children} <span className="text-brand-strong underline">open</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {isQuiet ? <p className="rounded-lg bg-canvas px-4 py-3 text-ink-muted">Nothing needs you right now.</p> : null}
    </section>
  );
}

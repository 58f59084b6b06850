// The top of the client's day: when they next meet their therapist, and a
// way to prepare once it is near (the agenda is where preparing happens).
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** From this close, preparing is the thing to do: the button comes forward. */
export const PREPARE_WITHIN_MS = 3 * 24 * 60 * 60 * 1000;

export type TNextSession = { id: string; startsAt: Date; with: string };

/** `sessions`: the next one with each therapist the client works with now, soonest first. */
export function NextSession({ sessions, hasTherapist, now, timeZone }: { sessions: TNextSession[]; hasTherapist: boolean; now: Date; timeZone: string }) {
  if (sessions.length === 0) {
    return (
      <Card title="Your next session">
        <p className="text-ink-muted">
          {hasTherapist
            ? "Nothing is booked yet; your therapist will schedule your next session."
            : "When your therapist invites you and you accept, your sessions with them will appear here."}
        </p>
      </Card>
    );
  }
  return (
    <section aria-labelledby="next-session" className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-6">
      <h2 id="next-session" className="text-sm font-medium text-ink-muted">
        {sessions.length === 1 ? "Your next session" : "Your next sessions"}
      </h2>
      {sessions.map((session) => {
        const isNear = session.startsAt.getTime() - now.getTime() <= PREPARE_WITHIN_MS;
        return (
          <div key={session.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
            <p>
              <span className="font-semibold">{formatDateTime(session.startsAt, timeZone)}</span>
              <span className="text-ink-muted"> with {session.with}</span>
            </p>
            {isNear ? (
              <Link href={`/sessions/${session.id}`} className={buttonClassName("primary")}>
                Prepare for your next session
              </Link>
            ) : (
              <Link href={`/sessions/${session.id}`} className="text-brand-strong underline">
                Add something to talk about
              </Link>
            )}
          </div>
        );
      })}
    </section>
  );
}

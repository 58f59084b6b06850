import type { TSupervisionForEngagement } from "@/lib/trpc/types";
import { formatDate } from "@/lib/format";
import { Card } from "@/components/ui/card";
import { RequestActions } from "./request-actions";

const STATE_WORDS = { asked: "waiting for your client's answer", agreed: "your client agreed", refused: "your client said not now", withdrawn: "ended", ended: "ran out" } as const;

/** For the clinician (issue 29): who supervises, or asked to supervise, this client; either may end it. */
export function SupervisorsOfClient({ requests, timeZone }: { requests: TSupervisionForEngagement; timeZone: string }) {
  if (requests.length === 0) return null;
  return (
    <Card title="Supervision">
      <ul className="flex flex-col gap-3">
        {requests.map((request) => (
          <li key={request.id} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              <span className="font-medium">{request.supervisorName}</span>{" "}
              <span className="text-sm text-ink-muted">
                · {STATE_WORDS[request.state]}
                {request.state === "agreed" || request.state === "asked" ? ` · until ${formatDate(request.until, timeZone)}` : ""}
              </span>
            </span>
            {request.state === "agreed" || request.state === "asked" ? (
              <RequestActions requestId={request.id} actions={["withdraw"]} labels={{ withdraw: "End supervision" }} />
            ) : null}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-ink-muted">
        While your client agrees, the supervisor reads their records read-only, never your private notes unless you share one for
        supervision from a session.
      </p>
    </Card>
  );
}

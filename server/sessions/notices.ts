// What a session change tells the other person. Called inside the
// transaction of the change (server/notifications/notify.ts).
//
// INVARIANTS
// - The client hears of a session booked, moved or cancelled by the
//   therapist; the therapist hears of agenda items the client added.
// - Times are written in the READER's own time zone, read from their account.
// - A title names people and times only: never an agenda item's text.
import type { Prisma } from "../db/generated/client";
import type { NotificationKind } from "../db/generated/enums";
import { formatShortDateTime } from "../../lib/format";
import { notify } from "../notifications/notify";

type TTx = Prisma.TransactionClient;
type TSessionChange = Extract<NotificationKind, "session_scheduled" | "session_moved" | "session_cancelled">;

const SESSION_TITLES: Record<TSessionChange, (who: string, when: string) => string> = {
  session_scheduled: (who, when) => `New session with ${who}: ${when}`,
  session_moved: (who, when) => `Session with ${who} moved to ${when}`,
  session_cancelled: (who, when) => `Session with ${who} on ${when} is cancelled`,
};

async function readerZone(tx: TTx, userId: string): Promise<string> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  return user?.timeZone ?? "UTC";
}

export async function tellClientOfSession(
  tx: TTx,
  change: TSessionChange,
  session: { id: string; startsAt: Date; engagement: { id: string; clientId: string | null } },
  therapistName: string,
): Promise<void> {
  const clientId = session.engagement.clientId;
  if (!clientId) return;
  const when = formatShortDateTime(session.startsAt, await readerZone(tx, clientId));
  await notify(tx, {
    userId: clientId,
    kind: change,
    title: SESSION_TITLES[change](therapistName, when),
    linkPath: `/sessions/${session.id}`,
    engagementId: session.engagement.id,
  });
}

export async function tellTherapistOfAgendaItem(
  tx: TTx,
  session: { id: string; startsAt: Date; engagement: { id: string; therapistId: string } },
  clientName: string,
): Promise<void> {
  const therapistId = session.engagement.therapistId;
  const when = formatShortDateTime(session.startsAt, await readerZone(tx, therapistId));
  await notify(tx, {
    userId: therapistId,
    kind: "agenda_item_added",
    title: `${clientName} added to the agenda for ${when}`,
    linkPath: `/sessions/${session.id}`,
    engagementId: session.engagement.id,
  });
}

// Off-track warnings (lib/measures/off-track.ts has the rules) and the
// therapist's response to one: a checklist review and an agenda item.
//
// INVARIANTS
// - The warning is computed on read from the sent totals, never stored; a
//   review can only be saved, and the agenda item only added, while the
//   measure is off track now (judged in the same request, from the database).
// - Therapist only, through the engagement resource (server/api/resources.ts:
//   the caller's own engagement, active for a write); the router audits.
// - A review's note is sealed (offTrackNote); its items are keys of
//   OFF_TRACK_CHECKLIST, whose wording lives in lib/.
// - No notification is sent: the warning shows where the therapist looks
//   (caseload, client page), and no text leaves the app.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import type { TEngagementContext } from "../engagements/access";
import { AppError } from "../errors";
import { getEnv } from "../env";
import { now as clockNow } from "../clock";
import { newRowId } from "../db/ids";
import { sealField } from "../crypto/sealed-fields";
import { addAgendaItem } from "../sessions/agenda";
import { INSTRUMENTS, type TMeasureKind } from "../../lib/measures/instruments";
import { OFF_TRACK_AGENDA_TEXT, offTrackFor, type TOffTrack } from "../../lib/measures/off-track";
import type { TOffTrackReview } from "../../lib/schemas/measure";

/** N of "no reliable improvement after N answers", from the installation's settings. */
export function offTrackAfterAnswers(): number {
  return getEnv().OFF_TRACK_AFTER_ANSWERS;
}

export function notOffTrack(kind: TMeasureKind): string {
  return `${INSTRUMENTS[kind].name} isn't off track just now, so there is nothing to review.`;
}

export const NO_NEXT_SESSION = "There's no upcoming session yet. Schedule the next one, then add this to its agenda.";

/** The warning for one measure of this engagement now, with the latest answer it is about. */
async function currentWarning(db: TDb, engagementId: string, kind: TMeasureKind): Promise<{ warning: TOffTrack; responseId: string } | null> {
  const responses = await db.measureResponse.findMany({
    where: { engagementId, kind, completedAt: { not: null }, total: { not: null } },
    orderBy: { completedAt: "asc" },
    select: { id: true, total: true },
  });
  const warning = offTrackFor(kind, responses.map((response) => response.total!), offTrackAfterAnswers());
  return warning ? { warning, responseId: responses.at(-1)!.id } : null;
}

/** Saves the therapist's checklist and note about the current warning. */
export async function saveOffTrackReview(db: TDb, therapist: TSessionUser, engagement: TEngagementContext, input: TOffTrackReview) {
  const current = await currentWarning(db, engagement.id, input.kind);
  if (!current) throw new AppError("BAD_REQUEST", notOffTrack(input.kind));
  const id = newRowId();
  const createdAt = clockNow();
  await db.offTrackReview.create({
    data: {
      id,
      engagementId: engagement.id,
      responseId: current.responseId,
      kind: input.kind,
      items: [...new Set(input.items)],
      note: input.note ? sealField("offTrackNote", { engagementId: engagement.id, reviewId: id }, input.note) : null,
      authorId: therapist.id,
      createdAt,
    },
    select: { id: true },
  });
  return { id, createdAt };
}

/** One tap: "About our work together" onto the next scheduled session's agenda. */
export async function addOffTrackAgendaItem(
  db: TDb,
  therapist: TSessionUser,
  engagement: TEngagementContext,
  input: { kind: TMeasureKind; idempotencyKey?: string },
) {
  if (!(await currentWarning(db, engagement.id, input.kind))) throw new AppError("BAD_REQUEST", notOffTrack(input.kind));
  const next = await db.therapySession.findFirst({
    where: { engagementId: engagement.id, status: "scheduled", startsAt: { gt: clockNow() } },
    orderBy: { startsAt: "asc" },
    select: { id: true, status: true, startsAt: true, agendaVersion: true, engagement: { select: { id: true, status: true, therapistId: true, clientId: true } } },
  });
  if (!next) throw new AppError("BAD_REQUEST", NO_NEXT_SESSION);
  const item = await addAgendaItem(db, therapist, next, {
    sessionId: next.id,
    text: OFF_TRACK_AGENDA_TEXT,
    kind: "about_therapy",
    idempotencyKey: input.idempotencyKey,
  });
  return { id: item.id, sessionId: next.id, startsAt: next.startsAt };
}

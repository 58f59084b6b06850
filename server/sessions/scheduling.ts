// Scheduling sessions, and carrying over what wasn't reached.
//
// INVARIANTS
// - Only the engagement's therapist schedules, reschedules, cancels or
//   completes a session (the router uses therapist-only procedures).
// - Times are entered on the scheduler's wall clock and stored in UTC.
// - Carry-over: when a session is completed or cancelled, its agenda items
//   still open or deferred are copied to the next scheduled session, each
//   pointing at the item it came from (carriedFromId, unique), so nothing is
//   carried twice. If there is no next session yet, they wait and are carried
//   when one is scheduled.
// - The client is told of a session booked, moved (its start changed) or
//   cancelled, in the transaction of the change (./notices.ts).
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError, fieldError } from "../errors";
import { openField, sealField } from "../crypto/sealed-fields";
import type { TEngagementContext } from "../engagements/access";
import type { TRescheduleSession, TScheduleSession } from "../../lib/schemas/session";
import { wallClockToInstant } from "../../lib/time/zones";
import type { TSessionContext } from "./access";
import { now as clockNow } from "../clock";
import { tellClientOfSession } from "./notices";
import { announceSessionChange } from "./live";

function startsAtFrom(input: { day: string; time: string }, timeZone: string): Date {
  try {
    return wallClockToInstant(input.day, input.time, timeZone);
  } catch (error) {
    if (error instanceof RangeError) throw fieldError("time", error.message);
    throw error;
  }
}

export async function scheduleSession(db: TDb, therapist: TSessionUser, engagement: TEngagementContext, input: TScheduleSession) {
  const startsAt = startsAtFrom(input, therapist.timeZone);
  return db.$transaction(async (tx) => {
    const session = await tx.therapySession.create({
      data: {
        engagementId: engagement.id,
        createdById: therapist.id,
        startsAt,
        durationMinutes: input.durationMinutes,
        location: input.location,
        videoUrl: input.videoUrl,
      },
      select: { id: true },
    });
    await carryOver(tx, engagement.id);
    await tellClientOfSession(tx, "session_scheduled", { id: session.id, startsAt, engagement }, therapist.name);
    return session;
  });
}

function assertScheduled(session: TSessionContext): void {
  if (session.status !== "scheduled") throw new AppError("BAD_REQUEST", "This session has already been completed or cancelled.");
}

export async function rescheduleSession(db: TDb, therapist: TSessionUser, session: TSessionContext, input: TRescheduleSession) {
  assertScheduled(session);
  const startsAt = startsAtFrom(input, therapist.timeZone);
  await db.$transaction(async (tx) => {
    await tx.therapySession.update({
      where: { id: session.id },
      data: {
        startsAt,
        durationMinutes: input.durationMinutes,
        location: input.location,
        videoUrl: input.videoUrl,
      },
      select: { id: true },
    });
    // A new place or length alone is not a move.
    if (startsAt.getTime() !== session.startsAt.getTime()) {
      await tellClientOfSession(tx, "session_moved", { ...session, startsAt }, therapist.name);
    }
  });
  await announceSessionChange(db, session.id);
}

export async function closeSession(db: TDb, therapist: TSessionUser, session: TSessionContext, outcome: "completed" | "cancelled") {
  assertScheduled(session);
  await db.$transaction(async (tx) => {
    await tx.therapySession.update({
      where: { id: session.id },
      data: { status: outcome, cancelledAt: outcome === "cancelled" ? clockNow() : null },
      select: { id: true },
    });
    await carryOver(tx, session.engagement.id);
    if (outcome === "cancelled") await tellClientOfSession(tx, "session_cancelled", session, therapist.name);
  });
  await announceSessionChange(db, session.id);
}

/** Copies open or deferred items of closed sessions to the next scheduled session. */
async function carryOver(tx: Prisma.TransactionClient, engagementId: string): Promise<void> {
  const next = await tx.therapySession.findFirst({
    where: { engagementId, status: "scheduled" },
    orderBy: { startsAt: "asc" },
    select: { id: true, agendaItems: { orderBy: { position: "desc" }, take: 1, select: { position: true } } },
  });
  if (!next) return;
  const waiting = await tx.agendaItem.findMany({
    where: {
      status: { in: ["open", "deferred"] },
      carriedTo: null,
      session: { engagementId, status: { in: ["completed", "cancelled"] } },
    },
    orderBy: [{ session: { startsAt: "asc" } }, { position: "asc" }],
    select: { id: true, sessionId: true, authorId: true, text: true, kind: true },
  });
  if (waiting.length === 0) return;
  const start = (next.agendaItems[0]?.position ?? -1) + 1;
  await tx.agendaItem.createMany({
    data: waiting.map((item, index) => ({
      sessionId: next.id,
      authorId: item.authorId,
      // Re-sealed: a value is bound to the session it belongs to.
      text: sealField(
        "agendaText",
        { sessionId: next.id, authorId: item.authorId },
        openField("agendaText", { sessionId: item.sessionId, authorId: item.authorId }, item.text),
      ),
      kind: item.kind,
      position: start + index,
      carriedFromId: item.id,
    })),
  });
  await tx.therapySession.update({ where: { id: next.id }, data: { agendaVersion: { increment: 1 } }, select: { id: true } });
}

export function assertNotPast(session: TSessionContext, now = clockNow()): void {
  if (session.startsAt <= now) {
    throw new AppError("BAD_REQUEST", "This session has started, so its agenda items can no longer be edited or withdrawn.");
  }
}

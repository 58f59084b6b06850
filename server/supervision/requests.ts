// Supervision with the client's consent (issue 29): a supervisor in a
// practice asks to see a colleague's client's records; the client agrees,
// refuses, or later withdraws; the supervisor or the clinician may end it.
//
// INVARIANTS
// - Only a current member with the role `supervisor` asks (FORBIDDEN
//   otherwise), and only about an active engagement of a current colleague in
//   the same practice (NOT_FOUND otherwise: an engagement out of reach is
//   never confirmed to exist).
// - At most one open request (asked, or agreed and not yet run out) per
//   supervisor and engagement (CONFLICT).
// - Only the client answers; the client, the supervisor or the clinician
//   withdraws, at once (the view's where-clause, ./access.ts, reads the
//   status on every load).
// - What the client is asked is in plain words: who (name and role), why
//   (the supervisor's words, sealed: supervisionReason), for how long, and
//   what they would and would never see (SUPERVISOR_SEES / SUPERVISOR_NEVER_SEES).
// - Notification titles name people, never the client to a therapist's lock
//   screen and never clinical text.
// - A supervisor picks among their colleagues' ACTIVE clients by name and
//   clinician only: the least a person asking must know to ask, and no more
//   (no goals, no dates, nothing of the record). The list is bounded.
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError, notFound } from "../errors";
import { now as clockNow } from "../clock";
import { newRowId } from "../db/ids";
import { openField, sealField } from "../crypto/sealed-fields";
import { notify } from "../notifications/notify";
import type { TAskSupervision } from "../../lib/schemas/supervision";
import { colleaguesEngagementWhere } from "./access";
import { practicePlaceOf } from "../practices/practices";

const DAY_MS = 86_400_000;
export const SUPERVISION_LIST_LIMIT = 100;
export const SUPERVISION_CANDIDATE_LIMIT = 200;

/** What a supervisor sees while the client agrees, and what never: the client reads both before answering. */
export const SUPERVISOR_SEES = [
  "your goals, their steps and ratings",
  "your homework and what you recorded for it",
  "your sessions, their agendas and the summaries your therapist shared with you",
  "your questionnaire scores",
  "the journal entries you shared with your therapist",
  "your safety plan",
] as const;
export const SUPERVISOR_NEVER_SEES = [
  "your private journal",
  "your messages",
  "exercises you started but didn't send, and voice memos you haven't added anywhere",
  "your therapist's private notes, unless your therapist chooses to share one for supervision",
] as const;

/** The state a person reads: an agreement that ran out is `ended`, not `agreed`. */
export type TSupervisionState = "asked" | "agreed" | "refused" | "withdrawn" | "ended";

function stateOf(row: { status: "asked" | "agreed" | "refused" | "withdrawn"; until: Date }, now: Date): TSupervisionState {
  if ((row.status === "agreed" || row.status === "asked") && row.until <= now) return "ended";
  return row.status;
}

function openReason(row: { id: string; engagementId: string; reason: string }): string {
  return openField("supervisionReason", { engagementId: row.engagementId, requestId: row.id }, row.reason);
}

/** Open: waiting for the client, or agreed and not yet run out. */
function openRequestWhere(now: Date): Prisma.SupervisionRequestWhereInput {
  return { status: { in: ["asked", "agreed"] }, until: { gt: now } };
}

// --- Who asks ------------------------------------------------------------------------

/** The caller's practice where they supervise now; FORBIDDEN for anyone else. */
export async function requireSupervisor(db: TDb, user: Pick<TSessionUser, "id" | "role">): Promise<{ practiceId: string }> {
  const place = await practicePlaceOf(db, user);
  if (place?.role !== "supervisor" || !place.practiceId) {
    throw new AppError("FORBIDDEN", "Only a supervisor in your practice can ask to see a colleague's client's records.");
  }
  return { practiceId: place.practiceId };
}

export type TSupervisableEngagement = { id: string; status: "invited" | "active" | "ended"; therapistId: string; clientId: string | null; clientName: string; clinicianName: string };

/**
 * The engagement a supervisor asks about, in one statement after the role:
 * a current colleague's, in the practice where the caller supervises. NOT_FOUND otherwise.
 */
export async function findSupervisableEngagement(db: TDb, user: Pick<TSessionUser, "id" | "role">, engagementId: string): Promise<TSupervisableEngagement> {
  await requireSupervisor(db, user);
  const row = await db.engagement.findFirst({
    where: { AND: [{ id: engagementId }, colleaguesEngagementWhere(user.id)] },
    select: { id: true, status: true, therapistId: true, clientId: true, client: { select: { name: true } }, therapist: { select: { name: true } } },
  });
  if (!row) throw notFound("That client");
  const { client, therapist, ...engagement } = row;
  return { ...engagement, clientName: client?.name ?? "Client", clinicianName: therapist.name };
}

export async function askSupervision(
  db: TDb,
  supervisor: TSessionUser,
  engagement: TSupervisableEngagement,
  input: TAskSupervision,
  now = clockNow(),
): Promise<{ id: string; until: Date }> {
  if (!engagement.clientId) throw notFound("That client");
  // Two asks at once (a double submit from two tabs) take turns here, inside the mutation's
  // transaction, so the check below sees the other's row: at most one open request.
  await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`supervision:${engagement.id}:${supervisor.id}`}, 0))::text AS locked`;
  const open = await db.supervisionRequest.findFirst({
    where: { engagementId: engagement.id, supervisorId: supervisor.id, ...openRequestWhere(now) },
    select: { id: true },
  });
  if (open) throw new AppError("CONFLICT", "You have already asked to see this client's records.", { engagementId: ["You have already asked to see this client's records."] });
  const id = newRowId();
  const until = new Date(now.getTime() + input.weeks * 7 * DAY_MS);
  await db.supervisionRequest.create({
    data: {
      id,
      engagementId: engagement.id,
      supervisorId: supervisor.id,
      clinicianId: engagement.therapistId,
      reason: sealField("supervisionReason", { engagementId: engagement.id, requestId: id }, input.reason),
      until,
      createdAt: now,
    },
    select: { id: true },
  });
  await notify(db, {
    userId: engagement.clientId,
    kind: "supervision_requested",
    title: `${supervisor.name} asks to see your records`,
    linkPath: "/record-sharing",
    engagementId: engagement.id,
  });
  await notify(db, {
    userId: engagement.therapistId,
    kind: "supervision_answered",
    title: `${supervisor.name} asked to supervise your work with a client`,
    linkPath: `/clients/${engagement.id}`,
    engagementId: engagement.id,
  });
  return { id, until };
}

// --- The request, for the people it concerns -------------------------------------------

export const REQUEST_CONTEXT_SELECT = {
  id: true,
  status: true,
  until: true,
  supervisorId: true,
  clinicianId: true,
  engagement: { select: { id: true, status: true, therapistId: true, clientId: true } },
  supervisor: { select: { name: true } },
} as const;

export type TRequestContext = Prisma.SupervisionRequestGetPayload<{ select: typeof REQUEST_CONTEXT_SELECT }>;

/** A request, for its client, its supervisor or the engagement's therapist; NOT_FOUND for anyone else. */
export async function findRequestForUser(db: TDb, user: Pick<TSessionUser, "id" | "role">, requestId: string): Promise<TRequestContext> {
  const whose: Prisma.SupervisionRequestWhereInput =
    user.role === "client" ? { engagement: { clientId: user.id } } : { OR: [{ supervisorId: user.id }, { engagement: { therapistId: user.id } }] };
  const row = await db.supervisionRequest.findFirst({ where: { AND: [{ id: requestId }, whose] }, select: REQUEST_CONTEXT_SELECT });
  if (!row) throw notFound("That request");
  return row;
}

export async function answerSupervision(db: TDb, client: TSessionUser, request: TRequestContext, answer: "agree" | "refuse", now = clockNow()) {
  if (request.engagement.clientId !== client.id) throw notFound("That request");
  if (request.status !== "asked") throw new AppError("CONFLICT", "You have already answered this request.");
  if (request.until <= now) throw new AppError("CONFLICT", "This request has run out. If it's still needed, they can ask again.");
  if (answer === "agree" && request.engagement.status !== "active") throw new AppError("CONFLICT", "This work together has ended, so there is nothing to share.");
  const status = answer === "agree" ? "agreed" : "refused";
  const changed = await db.supervisionRequest.updateMany({ where: { id: request.id, status: "asked" }, data: { status, answeredAt: now } });
  if (changed.count === 0) throw new AppError("CONFLICT", "You have already answered this request.");
  const title = answer === "agree" ? `A client agreed to share their records with ${request.supervisor.name}` : `A client chose not to share their records with ${request.supervisor.name}`;
  await tellTherapists(db, request, title);
  return { status };
}

async function tellTherapists(db: TDb, request: TRequestContext, title: string, except?: string) {
  for (const userId of new Set([request.supervisorId, request.engagement.therapistId])) {
    if (userId === except) continue;
    const linkPath = userId === request.supervisorId ? "/supervision" : `/clients/${request.engagement.id}`;
    await notify(db, { userId, kind: "supervision_answered", title, linkPath, engagementId: request.engagement.id });
  }
}

/** The client takes their agreement back, or the supervisor or clinician ends it: effective at once. */
export async function withdrawSupervision(db: TDb, user: TSessionUser, request: TRequestContext, now = clockNow()) {
  if (request.status !== "asked" && request.status !== "agreed") throw new AppError("CONFLICT", "This request has already ended.");
  const changed = await db.supervisionRequest.updateMany({
    where: { id: request.id, status: { in: ["asked", "agreed"] } },
    data: { status: "withdrawn", withdrawnAt: now },
  });
  if (changed.count === 0) throw new AppError("CONFLICT", "This request has already ended.");
  if (user.role === "client") {
    await tellTherapists(db, request, `A client stopped sharing their records with ${request.supervisor.name}`);
  } else {
    await tellTherapists(db, request, `${user.name} ended a supervision request`, user.id);
    if (request.engagement.clientId) {
      await notify(db, {
        userId: request.engagement.clientId,
        kind: "supervision_requested",
        title: `${request.supervisor.name} no longer sees your records`,
        linkPath: "/record-sharing",
        engagementId: request.engagement.id,
      });
    }
  }
  return { status: "withdrawn" as const };
}

/** A deleted client's open requests are withdrawn, so nobody reads a deleted client's records (server/account/deletion.ts). */
export async function withdrawForDeletedClient(db: Prisma.TransactionClient | TDb, clientId: string, now: Date): Promise<void> {
  await db.supervisionRequest.updateMany({
    where: { engagement: { clientId }, status: { in: ["asked", "agreed"] } },
    data: { status: "withdrawn", withdrawnAt: now },
  });
}

// --- Lists ------------------------------------------------------------------------------

/** For the client: who asked, why, what they would see, until when, and what they answered. One statement. */
export async function listForClient(db: TDb, client: Pick<TSessionUser, "id">, now = clockNow()) {
  const rows = await db.supervisionRequest.findMany({
    where: { engagement: { clientId: client.id } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SUPERVISION_LIST_LIMIT,
    select: {
      id: true,
      engagementId: true,
      reason: true,
      status: true,
      until: true,
      createdAt: true,
      answeredAt: true,
      withdrawnAt: true,
      supervisor: { select: { name: true, deletedAt: true } },
      engagement: { select: { therapist: { select: { name: true } } } },
    },
  });
  return {
    sees: SUPERVISOR_SEES,
    neverSees: SUPERVISOR_NEVER_SEES,
    requests: rows.map((row) => ({
      id: row.id,
      supervisorName: row.supervisor.deletedAt ? "Former therapist" : row.supervisor.name,
      therapistName: row.engagement.therapist.name,
      reason: openReason(row),
      state: stateOf(row, now),
      until: row.until,
      askedAt: row.createdAt,
      answeredAt: row.answeredAt,
      withdrawnAt: row.withdrawnAt,
    })),
  };
}

/** For the supervisor: their requests, whom they may read now, and the colleagues' clients they may ask about. Three statements. */
export async function listForSupervisor(db: TDb, supervisor: Pick<TSessionUser, "id" | "role">, now = clockNow()) {
  await requireSupervisor(db, supervisor);
  const [rows, candidates] = await Promise.all([
    db.supervisionRequest.findMany({
      where: { supervisorId: supervisor.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: SUPERVISION_LIST_LIMIT,
      select: {
        id: true,
        engagementId: true,
        reason: true,
        status: true,
        until: true,
        createdAt: true,
        engagement: { select: { client: { select: { name: true } }, therapist: { select: { name: true } } } },
      },
    }),
    db.engagement.findMany({
      where: { status: "active", clientId: { not: null }, ...colleaguesEngagementWhere(supervisor.id) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: SUPERVISION_CANDIDATE_LIMIT,
      select: { id: true, client: { select: { name: true } }, therapist: { select: { name: true } } },
    }),
  ]);
  return {
    requests: rows.map((row) => {
      const state = stateOf(row, now);
      return {
        id: row.id,
        engagementId: row.engagementId,
        clientName: row.engagement.client?.name ?? "Client",
        clinicianName: row.engagement.therapist.name,
        reason: openReason(row),
        state,
        until: row.until,
        askedAt: row.createdAt,
        canView: state === "agreed",
      };
    }),
    candidates: candidates
      .map((row) => ({ engagementId: row.id, clientName: row.client?.name ?? "Client", clinicianName: row.therapist.name }))
      .sort((a, b) => a.clientName.localeCompare(b.clientName)),
  };
}

/** For the engagement's therapist: who supervises (or asked to supervise) this client. One statement. */
export async function listForClinician(db: TDb, engagement: { id: string }, now = clockNow()) {
  const rows = await db.supervisionRequest.findMany({
    where: { engagementId: engagement.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SUPERVISION_LIST_LIMIT,
    select: { id: true, engagementId: true, reason: true, status: true, until: true, createdAt: true, supervisor: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    supervisorName: row.supervisor.name,
    reason: openReason(row),
    state: stateOf(row, now),
    until: row.until,
    askedAt: row.createdAt,
  }));
}

// --- Sharing a private note ---------------------------------------------------------------

/** The engagement's therapist shares (or stops sharing) their private note of a session for supervision. */
export async function shareNoteForSupervision(db: TDb, therapist: Pick<TSessionUser, "id">, session: { id: string }, isShared: boolean, now = clockNow()) {
  const note = await db.sessionNote.findFirst({
    where: { sessionId: session.id, kind: "therapist_private", authorId: therapist.id },
    select: { id: true, sharedForSupervisionAt: true },
  });
  if (!note) throw notFound("A private note for this session");
  const sharedAt = isShared ? (note.sharedForSupervisionAt ?? now) : null;
  await db.sessionNote.update({ where: { id: note.id }, data: { sharedForSupervisionAt: sharedAt }, select: { id: true } });
  return { id: note.id, sharedForSupervisionAt: sharedAt };
}

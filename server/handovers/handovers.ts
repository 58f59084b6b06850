// Handing a client over to another clinician of the practice (issue 29).
//
// A clinician (or the practice's owner or admin, once the clinician has left
// the practice or was deactivated) proposes a colleague; the client answers.
// Nothing moves unless the client accepts. On their yes, in one transaction:
// a new engagement starts with the new clinician, the work moves into it
// with its history and its ids (goals, homework with its days and exercise
// entries, the ladder, sessions with their agenda, notes, feedback and
// check-ins, questionnaires with their answers and flags, off-track reviews,
// the safety plan with its versions, the journal entries the client shared),
// and the old engagement ends, its conversation staying with it, read-only.
//
// INVARIANTS
// - Sealed text bound to an engagement (SEALED_FIELDS entries whose owner
//   names engagement_id) is opened under the old engagement and sealed again
//   under the new one as it moves (resealMoved below); everything else is
//   bound to ids that do not change.
// - A therapist's private session notes move with their session but stay
//   their author's (server/sessions/access.ts): the new clinician reads one
//   only when its author chose to hand their notes over. The choice is made
//   when proposing, by the clinician alone (never an admin): their notes are
//   marked `handed_over_to_id` = the proposed colleague, which opens nothing
//   until the sessions are that colleague's; a declined or withdrawn
//   proposal clears the mark. The author keeps reading them
//   (previousNotesOf).
// - At most one open proposal per engagement: proposing locks the engagement row.
import type { TDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError, fieldError, notFound } from "../errors";
import { now as clockNow } from "../clock";
import { newRowId } from "../db/ids";
import { openField, sealField } from "../crypto/sealed-fields";
import { notify } from "../notifications/notify";
import { publish } from "../live/bus";
import { conversationTopic } from "../messages/access";
import { practicePlaceOf, RUNS_PRACTICE, SEES_OWN_CLIENTS } from "../practices/practices";
import type { TProposeHandover } from "../../lib/schemas/handover";

type TTx = TDb | Prisma.TransactionClient;
type TEngagementRef = { id: string; clientId: string | null };

/** How long the client's home says who has their records now, after they accepted. */
const RECENT_HANDOVER_DAYS = 30;

type TLockedEngagement = { id: string; therapist_id: string; client_id: string | null; status: string };

async function lockEngagement(db: TTx, engagementId: string): Promise<TLockedEngagement | null> {
  const rows = await db.$queryRaw<TLockedEngagement[]>`
    SELECT id, therapist_id, client_id, status::text AS status FROM engagements WHERE id = ${engagementId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** Current members of a practice who see clients of their own (owner, clinician, supervisor: not admin). */
function clinicianWhere(practiceId: string): Prisma.PracticeMemberWhereInput {
  return { practiceId, leftAt: null, role: { in: [...SEES_OWN_CLIENTS] } };
}

/**
 * Who may propose for this engagement, and in which practice: its therapist,
 * in theirs; or an owner or admin of the practice its therapist has left.
 * Anyone else: NOT_FOUND (existence never leaks).
 */
async function proposerStanding(
  db: TTx,
  user: Pick<TSessionUser, "id" | "role">,
  engagement: TLockedEngagement,
): Promise<{ isTherapist: boolean; practiceId: string | null }> {
  const place = await practicePlaceOf(db, user);
  if (engagement.therapist_id === user.id) return { isTherapist: true, practiceId: place?.practiceId ?? null };
  if (place?.practiceId && RUNS_PRACTICE.includes(place.role)) {
    const left = await db.practiceMember.findFirst({
      where: { practiceId: place.practiceId, userId: engagement.therapist_id, leftAt: { not: null } },
      select: { id: true },
    });
    if (left) return { isTherapist: false, practiceId: place.practiceId };
  }
  throw notFound("That client relationship");
}

export async function proposeHandover(
  db: TTx,
  user: TSessionUser,
  input: TProposeHandover,
): Promise<{ id: string; engagement: TEngagementRef }> {
  const engagement = await lockEngagement(db, input.engagementId);
  if (!engagement) throw notFound("That client relationship");
  const standing = await proposerStanding(db, user, engagement);
  if (engagement.status !== "active" || !engagement.client_id) {
    throw new AppError("FORBIDDEN", "Only current work with a client can be handed over.");
  }
  if (input.includePrivateNotes && !standing.isTherapist) {
    throw fieldError("includePrivateNotes", "Only the clinician who wrote the private notes can hand them over.");
  }
  if (input.toTherapistId === engagement.therapist_id) {
    throw fieldError("toTherapistId", "Choose a colleague other than the client's current clinician.");
  }
  const colleague = standing.practiceId
    ? await db.practiceMember.findFirst({
        where: { ...clinicianWhere(standing.practiceId), userId: input.toTherapistId },
        select: { user: { select: { name: true } } },
      })
    : null;
  if (!colleague) throw fieldError("toTherapistId", "Choose a clinician who works in your practice now.");
  const open = await db.handover.findFirst({ where: { fromEngagementId: engagement.id, status: "proposed" }, select: { id: true } });
  if (open) throw new AppError("CONFLICT", "A handover is already waiting for the client's answer. Withdraw it first to propose another.");

  const id = newRowId();
  await db.handover.create({
    data: {
      id,
      fromEngagementId: engagement.id,
      fromTherapistId: engagement.therapist_id,
      toTherapistId: input.toTherapistId,
      proposedById: user.id,
      // No word: the column's empty default, nothing to seal.
      message: input.message === "" ? "" : sealField("handoverMessage", { engagementId: engagement.id, handoverId: id }, input.message),
    },
    select: { id: true },
  });
  if (input.includePrivateNotes) {
    await db.sessionNote.updateMany({
      where: { kind: "therapist_private", authorId: user.id, session: { engagementId: engagement.id } },
      data: { handedOverToId: input.toTherapistId },
    });
  }
  await notify(db, {
    userId: engagement.client_id,
    kind: "handover_proposed",
    title: `A change of therapist to consider: ${colleague.user.name}`,
    linkPath: `/handovers/${id}`,
    engagementId: engagement.id,
  });
  return { id, engagement: { id: engagement.id, clientId: engagement.client_id } };
}

/** The proposal's engagement, for audit events; clears the private-note marks of a proposal that didn't go ahead. */
async function closeProposal(
  db: TTx,
  handover: { id: string; fromEngagementId: string; fromTherapistId: string; toTherapistId: string },
  status: "declined" | "withdrawn",
) {
  const closed = await db.handover.updateMany({
    where: { id: handover.id, status: "proposed" },
    data: { status, answeredAt: status === "declined" ? clockNow() : null },
  });
  if (closed.count !== 1) throw new AppError("CONFLICT", "That proposal has already been answered or withdrawn.");
  await db.sessionNote.updateMany({
    where: { kind: "therapist_private", authorId: handover.fromTherapistId, handedOverToId: handover.toTherapistId, session: { engagementId: handover.fromEngagementId } },
    data: { handedOverToId: null },
  });
}

const HANDOVER_CONTEXT_SELECT = {
  id: true,
  status: true,
  fromEngagementId: true,
  fromTherapistId: true,
  toTherapistId: true,
  proposedById: true,
  fromEngagement: { select: { id: true, clientId: true, status: true, client: { select: { name: true } } } },
  fromTherapist: { select: { name: true } },
  toTherapist: { select: { name: true } },
} as const;

/** The proposer or the engagement's therapist may take a proposal back before the client answers. */
export async function withdrawHandover(db: TTx, user: TSessionUser, handoverId: string): Promise<{ id: string; engagement: TEngagementRef }> {
  const handover = await db.handover.findFirst({
    where: { id: handoverId, OR: [{ proposedById: user.id }, { fromTherapistId: user.id, fromEngagement: { therapistId: user.id } }] },
    select: HANDOVER_CONTEXT_SELECT,
  });
  if (!handover) throw notFound("That proposal");
  await closeProposal(db, handover, "withdrawn");
  return { id: handover.id, engagement: { id: handover.fromEngagementId, clientId: handover.fromEngagement.clientId } };
}

async function findClientsHandover(db: TTx, client: Pick<TSessionUser, "id">, handoverId: string) {
  const handover = await db.handover.findFirst({
    where: { id: handoverId, fromEngagement: { clientId: client.id } },
    select: HANDOVER_CONTEXT_SELECT,
  });
  if (!handover) throw notFound("That proposal");
  return handover;
}

/** Whoever should hear of the client's answer: both clinicians, and an admin who proposed. */
async function tellClinicians(db: TTx, handover: { id: string; fromTherapistId: string; toTherapistId: string; proposedById: string }, title: string, linkPathFor: (userId: string) => string, engagementId: string) {
  for (const userId of new Set([handover.fromTherapistId, handover.toTherapistId, handover.proposedById])) {
    await notify(db, { userId, kind: "handover_answered", title, linkPath: linkPathFor(userId), engagementId });
  }
}

export async function declineHandover(db: TTx, client: TSessionUser, handoverId: string): Promise<{ id: string; engagement: TEngagementRef }> {
  const handover = await findClientsHandover(db, client, handoverId);
  await closeProposal(db, handover, "declined");
  await tellClinicians(db, handover, `${client.name} chose to stay with ${handover.fromTherapist.name} for now`, () => `/clients/${handover.fromEngagementId}`, handover.fromEngagementId);
  return { id: handover.id, engagement: { id: handover.fromEngagementId, clientId: client.id } };
}

/** Re-seal one engagement-bound column of the moved rows: opened under the old engagement, sealed under the new. */
async function resealMoved(db: TTx, from: string, to: string) {
  const goals = await db.goal.findMany({ where: { engagementId: from }, select: { id: true, title: true, description: true, whyItMatters: true } });
  for (const goal of goals) {
    const [before, after] = [{ engagementId: from, goalId: goal.id }, { engagementId: to, goalId: goal.id }];
    await db.goal.update({
      where: { id: goal.id },
      data: {
        engagementId: to,
        title: sealField("goalTitle", after, openField("goalTitle", before, goal.title)),
        description: sealField("goalDescription", after, openField("goalDescription", before, goal.description)),
        whyItMatters: sealField("goalWhyItMatters", after, openField("goalWhyItMatters", before, goal.whyItMatters)),
      },
      select: { id: true },
    });
  }
  const assignments = await db.homeworkAssignment.findMany({ where: { engagementId: from }, select: { id: true, title: true, instructions: true } });
  for (const assignment of assignments) {
    const [before, after] = [{ engagementId: from, assignmentId: assignment.id }, { engagementId: to, assignmentId: assignment.id }];
    await db.homeworkAssignment.update({
      where: { id: assignment.id },
      data: {
        engagementId: to,
        title: sealField("assignmentTitle", after, openField("assignmentTitle", before, assignment.title)),
        instructions: sealField("assignmentInstructions", after, openField("assignmentInstructions", before, assignment.instructions)),
      },
      select: { id: true },
    });
  }
  const steps = await db.ladderStep.findMany({ where: { engagementId: from }, select: { id: true, text: true } });
  for (const step of steps) {
    await db.ladderStep.update({
      where: { id: step.id },
      data: {
        engagementId: to,
        text: sealField("ladderStepText", { engagementId: to, stepId: step.id }, openField("ladderStepText", { engagementId: from, stepId: step.id }, step.text)),
      },
      select: { id: true },
    });
  }
  const responses = await db.measureResponse.findMany({ where: { engagementId: from }, select: { id: true, assignmentId: true, periodKey: true, answers: true } });
  for (const response of responses) {
    const owner = { assignmentId: response.assignmentId, periodKey: response.periodKey };
    await db.measureResponse.update({
      where: { id: response.id },
      data: {
        engagementId: to,
        answers: sealField("measureAnswers", { ...owner, engagementId: to }, openField("measureAnswers", { ...owner, engagementId: from }, response.answers)),
      },
      select: { id: true },
    });
  }
  const reviews = await db.offTrackReview.findMany({ where: { engagementId: from }, select: { id: true, note: true } });
  for (const review of reviews) {
    await db.offTrackReview.update({
      where: { id: review.id },
      data: {
        engagementId: to,
        note: sealField("offTrackNote", { engagementId: to, reviewId: review.id }, openField("offTrackNote", { engagementId: from, reviewId: review.id }, review.note)),
      },
      select: { id: true },
    });
  }
  const plan = await db.safetyPlan.findUnique({ where: { engagementId: from }, select: { id: true, content: true } });
  if (plan) {
    await db.safetyPlan.update({
      where: { id: plan.id },
      data: {
        engagementId: to,
        content: sealField("safetyPlanContent", { engagementId: to, planId: plan.id }, openField("safetyPlanContent", { engagementId: from, planId: plan.id }, plan.content)),
      },
      select: { id: true },
    });
  }
}

/** Everything else that hangs off the engagement by its id alone, sealed under ids that do not change. */
async function moveByEngagementId(db: TTx, from: string, to: string) {
  const where = { engagementId: from };
  const data = { engagementId: to };
  await db.therapySession.updateMany({ where, data });
  await db.exerciseEntry.updateMany({ where, data });
  await db.checkIn.updateMany({ where, data });
  await db.measureAssignment.updateMany({ where, data });
  await db.measureFlag.updateMany({ where, data });
  await db.journalEntry.updateMany({ where: { sharedEngagementId: from }, data: { sharedEngagementId: to } });
}

export type TAcceptedHandover = {
  id: string;
  fromEngagement: TEngagementRef;
  toEngagement: TEngagementRef;
  /** The previous clinician's private notes the new one may now read (each recorded in the audit trail). */
  handedOverNoteIds: string[];
};

export async function acceptHandover(db: TTx, client: TSessionUser, handoverId: string): Promise<TAcceptedHandover> {
  const handover = await findClientsHandover(db, client, handoverId);
  const engagement = await lockEngagement(db, handover.fromEngagementId);
  if (handover.status !== "proposed") throw new AppError("CONFLICT", "That proposal has already been answered or withdrawn.");
  if (!engagement || engagement.status !== "active") throw new AppError("CONFLICT", "This work together has already ended, so nothing can move.");
  const stillThere = await db.practiceMember.findFirst({
    where: { userId: handover.toTherapistId, leftAt: null, role: { in: [...SEES_OWN_CLIENTS] } },
    select: { id: true },
  });
  if (!stillThere) throw new AppError("CONFLICT", `${handover.toTherapist.name} is no longer with the practice, so this can't go ahead.`);

  const at = clockNow();
  const from = handover.fromEngagementId;
  const toEngagement = await db.engagement.create({
    data: { id: newRowId(), therapistId: handover.toTherapistId, clientId: client.id, status: "active", startedAt: at },
    select: { id: true },
  });
  const to = toEngagement.id;
  await resealMoved(db, from, to);
  await moveByEngagementId(db, from, to);

  // The notes were marked when proposing, if their author chose so; ones written since are theirs to hand over too.
  const chose = await db.sessionNote.findFirst({
    where: { kind: "therapist_private", authorId: handover.fromTherapistId, handedOverToId: handover.toTherapistId, session: { engagementId: to } },
    select: { id: true },
  });
  let handedOverNoteIds: string[] = [];
  if (chose) {
    const notes = await db.sessionNote.findMany({
      where: { kind: "therapist_private", authorId: handover.fromTherapistId, session: { engagementId: to } },
      select: { id: true },
    });
    handedOverNoteIds = notes.map((note) => note.id);
    await db.sessionNote.updateMany({ where: { id: { in: handedOverNoteIds } }, data: { handedOverToId: handover.toTherapistId } });
  }

  await db.engagement.update({ where: { id: from }, data: { status: "ended", endedAt: at, endedById: client.id }, select: { id: true } });
  const accepted = await db.handover.updateMany({
    where: { id: handover.id, status: "proposed" },
    data: { status: "accepted", answeredAt: at, toEngagementId: to },
  });
  if (accepted.count !== 1) throw new AppError("CONFLICT", "That proposal has already been answered or withdrawn.");
  await publish(db, conversationTopic(from));
  await tellClinicians(
    db,
    handover,
    `${client.name} accepted moving their work to ${handover.toTherapist.name}`,
    (userId) => (userId === handover.toTherapistId ? `/clients/${to}` : `/clients/${from}`),
    to,
  );
  return { id: handover.id, fromEngagement: { id: from, clientId: client.id }, toEngagement: { id: to, clientId: client.id }, handedOverNoteIds };
}

// --- Reads ------------------------------------------------------------------------------

/** The client's proposals waiting for an answer, and the handovers they accepted lately ("who has my records now"). */
export async function handoverNoticesFor(db: TTx, client: Pick<TSessionUser, "id">) {
  const since = new Date(clockNow().getTime() - RECENT_HANDOVER_DAYS * 86_400_000);
  const rows = await db.handover.findMany({
    where: {
      fromEngagement: { clientId: client.id },
      OR: [{ status: "proposed", fromEngagement: { status: "active" } }, { status: "accepted", answeredAt: { gte: since } }],
    },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, status: true, answeredAt: true, fromTherapist: { select: { name: true } }, toTherapist: { select: { name: true } } },
  });
  return {
    waiting: rows.filter((row) => row.status === "proposed").map((row) => ({ id: row.id, from: row.fromTherapist.name, to: row.toTherapist.name })),
    recent: rows.filter((row) => row.status === "accepted").map((row) => ({ id: row.id, from: row.fromTherapist.name, to: row.toTherapist.name, at: row.answeredAt })),
  };
}

/** One proposal as its client reads it: who, why (the proposer's word), what moves and what stays private. */
export async function handoverForClient(db: TTx, client: Pick<TSessionUser, "id">, handoverId: string) {
  const handover = await db.handover.findFirst({
    where: { id: handoverId, fromEngagement: { clientId: client.id } },
    select: {
      id: true,
      status: true,
      message: true,
      answeredAt: true,
      createdAt: true,
      fromEngagementId: true,
      toEngagementId: true,
      fromTherapistId: true,
      toTherapistId: true,
      proposedById: true,
      fromTherapist: { select: { name: true } },
      toTherapist: { select: { name: true } },
      proposedBy: { select: { name: true } },
    },
  });
  if (!handover) throw notFound("That proposal");
  const marked = await db.sessionNote.count({
    where: { kind: "therapist_private", handedOverToId: handover.toTherapistId, session: { engagementId: handover.toEngagementId ?? handover.fromEngagementId } },
  });
  return {
    id: handover.id,
    status: handover.status,
    from: handover.fromTherapist.name,
    to: handover.toTherapist.name,
    proposedBy: handover.proposedById === handover.fromTherapistId ? null : handover.proposedBy.name,
    message: handover.message === "" ? "" : openField("handoverMessage", { engagementId: handover.fromEngagementId, handoverId: handover.id }, handover.message),
    privateNotesGoToo: marked > 0,
    createdAt: handover.createdAt,
    answeredAt: handover.answeredAt,
    engagement: { id: handover.fromEngagementId, clientId: client.id },
  };
}

/** For the clinician's "Hand over" page: the colleagues who could carry on the work, and a proposal still waiting. */
export async function handoverOptions(db: TTx, user: Pick<TSessionUser, "id" | "role">, engagement: { id: string; therapistId: string }) {
  const place = await practicePlaceOf(db, user);
  const [colleagues, open] = await Promise.all([
    place?.practiceId
      ? db.practiceMember.findMany({
          where: { ...clinicianWhere(place.practiceId), userId: { not: engagement.therapistId } },
          orderBy: { user: { name: "asc" } },
          select: { role: true, user: { select: { id: true, name: true } } },
        })
      : Promise.resolve([]),
    db.handover.findFirst({
      where: { fromEngagementId: engagement.id, status: "proposed" },
      select: { id: true, createdAt: true, toTherapist: { select: { name: true } } },
    }),
  ]);
  return {
    colleagues: colleagues.map((member) => ({ id: member.user.id, name: member.user.name, role: member.role })),
    open: open ? { id: open.id, to: open.toTherapist.name, createdAt: open.createdAt } : null,
  };
}

/** For an owner or admin: the clients whose clinician has left the practice, the clinicians who could take them, and proposals waiting. */
export async function clientsOfLeftClinicians(db: TTx, user: Pick<TSessionUser, "id" | "role">) {
  const place = await practicePlaceOf(db, user);
  if (!place || !RUNS_PRACTICE.includes(place.role)) throw new AppError("FORBIDDEN", "Only the practice's owner or an admin can do that.");
  if (!place.practiceId) return { clients: [], clinicians: [] };
  const [engagements, clinicians] = await Promise.all([
    db.engagement.findMany({
      where: {
        status: "active",
        therapist: { practiceMemberships: { some: { practiceId: place.practiceId, leftAt: { not: null } } } },
      },
      orderBy: { startedAt: "asc" },
      take: 200,
      select: {
        id: true,
        therapistId: true,
        client: { select: { name: true } },
        therapist: { select: { name: true } },
        handoversOut: { where: { status: "proposed" }, take: 1, select: { id: true, toTherapist: { select: { name: true } } } },
      },
    }),
    db.practiceMember.findMany({
      where: clinicianWhere(place.practiceId),
      orderBy: { user: { name: "asc" } },
      select: { user: { select: { id: true, name: true } } },
    }),
  ]);
  return {
    clients: engagements.map((engagement) => ({
      engagementId: engagement.id,
      clientName: engagement.client?.name ?? "Client",
      formerClinician: engagement.therapist.name,
      open: engagement.handoversOut[0] ? { id: engagement.handoversOut[0].id, to: engagement.handoversOut[0].toTherapist.name } : null,
    })),
    clinicians: clinicians.map((member) => ({ id: member.user.id, name: member.user.name })),
  };
}

/**
 * The previous clinician's own private notes from work they handed over,
 * read-only, on their ended engagement's page: reached through the Handover
 * row (its from-engagement is theirs), the notes they wrote on the sessions
 * that now belong to the new engagement.
 */
export async function previousNotesOf(db: TTx, user: Pick<TSessionUser, "id">, engagement: { id: string; therapistId: string }) {
  if (engagement.therapistId !== user.id) return { to: null, notes: [] };
  const handover = await db.handover.findFirst({
    where: { fromEngagementId: engagement.id, fromTherapistId: user.id, status: "accepted", toEngagementId: { not: null } },
    select: { toEngagementId: true, toTherapist: { select: { name: true } } },
  });
  if (!handover?.toEngagementId) return { to: null, notes: [] };
  // The work may have moved on again since: follow it, a handover at a time, to wherever its sessions are now.
  const chain = [handover.toEngagementId];
  for (let hop = 0; hop < 20; hop += 1) {
    const next = await db.handover.findFirst({
      where: { fromEngagementId: chain[chain.length - 1], status: "accepted", toEngagementId: { not: null } },
      select: { toEngagementId: true },
    });
    if (!next?.toEngagementId) break;
    chain.push(next.toEngagementId);
  }
  const notes = await db.sessionNote.findMany({
    where: { kind: "therapist_private", authorId: user.id, session: { engagementId: { in: chain } } },
    orderBy: { session: { startsAt: "asc" } },
    take: 500,
    select: { id: true, sessionId: true, body: true, updatedAt: true, handedOverToId: true, session: { select: { startsAt: true } } },
  });
  return {
    to: handover.toTherapist.name,
    notes: notes.map((note) => ({
      id: note.id,
      sessionStartsAt: note.session.startsAt,
      body: openField("sessionNoteBody", { sessionId: note.sessionId, kind: "therapist_private" }, note.body),
      updatedAt: note.updatedAt,
      isHandedOver: note.handedOverToId !== null,
    })),
  };
}
